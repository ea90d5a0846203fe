import { syncPortMode } from './helpers/syncPortMode';

// Every JournalSync test again, with a port that reads a chunk's files through `readAll` (as the
// Node host does): tickets, races, limits and logs must come out the same as with one `readFile`
// per file.
syncPortMode.readAll = true;
await import('./journalSync.test');
