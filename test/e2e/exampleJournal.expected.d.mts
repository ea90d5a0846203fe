export declare const TRAIT_LABELS: Record<string, string>;
export declare const LEADERSHIP: string[];
export declare const MANAGEMENT: string[];
export declare const EXAMPLE_JOURNAL: {
  entries: number;
  counts: Record<string, number>;
  balance: string;
  status: string;
  leastOfWeakerSide: string;
  newest: Record<string, string>;
  newestInnovation: { title: string; day: string; file: string };
  otherTags: Record<string, number>;
};
export declare function entriesText(count: number): string;
export declare function daysAgoText(iso: string, now?: Date): string;
export declare function balanceText(counts: Record<string, number>): string;
