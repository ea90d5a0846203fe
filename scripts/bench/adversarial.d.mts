export declare const ADVERSARIAL: Record<string, (size: number) => string>;
export declare function entryPoints(core: {
  parseEntry: (text: string) => unknown;
  findTagAt: (text: string, offset: number) => unknown;
  completionSite: (text: string, offset: number) => unknown;
}): Record<string, (text: string) => unknown>;
