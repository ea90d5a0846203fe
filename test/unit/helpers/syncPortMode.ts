/**
 * How the in-memory port of journalSync.test.ts reads files: one `readFile` each (the web host),
 * or also through a `readAll` per chunk (the Node host). journalSync.readAll.test.ts sets it
 * before it runs the same tests again.
 */
export const syncPortMode = { readAll: false };
