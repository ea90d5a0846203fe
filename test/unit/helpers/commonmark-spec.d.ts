declare module 'commonmark-spec' {
  /** The CommonMark spec's examples. */
  export const tests: ReadonlyArray<{ markdown: string; html: string; section: string; number: number }>;
  export const version: string;
}
