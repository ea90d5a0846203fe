/**
 * How the sync of journalSync.test.ts reads and parses files: one `readFile` each, parsed on the
 * spot (the web host), or a chunk at a time through the port's `readAll` and parsed by a
 * ChunkParser elsewhere (the Node host). journalSync.nodeHost.test.ts sets it before it runs the
 * same tests again.
 */
export const syncPortMode = { readAll: false, parser: false };
