import { syncPortMode } from './helpers/syncPortMode';

// Every JournalSync test again, as the Node host runs the sync: a chunk's files read through the
// port's `readAll`, parsed by a ChunkParser that answers later (a worker thread) while the next
// chunk is read. Tickets, races, limits, order and logs must come out the same.
syncPortMode.readAll = true;
syncPortMode.parser = true;
await import('./journalSync.test');
