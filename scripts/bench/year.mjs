// The year features at 50,000 entries over ten years (issue #14), through the core's own code on
// an in-memory index: the Balance Report with its year calendar rendered to HTML, Find Entries,
// and the evidence export for one trait and one year (files held in memory: reading them costs
// what the benchmark's baseline measures per file).
import { loadCore } from '../load-core.mjs';
import { entryText, random } from './generate.mjs';

const MODULES = ['journalIndex', 'entryParser', 'reportModel', 'reportHtml', 'findEntries', 'evidence', 'periods', 'traits'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The median CPU time of `fn` in ms (user + system of this process): what the work costs, not how
 * long a busy machine made it wait.
 */
function time(fn, repeats) {
  fn(); // warm up
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const started = process.cpuUsage();
    fn();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

/** Measures; returns `{ entries, reportMs, findMs, findAllMs, evidenceMs, evidenceEntries }`. */
export async function benchYear(total = 50_000) {
  const core = await loadCore(MODULES);
  const rand = random(14);
  const index = new core.JournalIndex();
  const texts = new Map();
  const first = Date.UTC(2017, 0, 1);
  const days = 3652;
  index.batch(() => {
    for (let i = 0; i < total; i++) {
      const day = new Date(first + Math.floor((i * days) / total) * 86_400_000).toISOString().slice(0, 10);
      const { text } = entryText(rand, i, total);
      const dated = text.replace(/date: \d{4}-\d{2}-\d{2}/, `date: ${day}`);
      const key = `file:///bench/journal/${day.slice(0, 4)}/${day.slice(5, 7)}/${day}-${i}.md`;
      texts.set(key, dated);
      index.set(key, `${day}-${i}.md`, core.parseEntry(dated, `${day}-${i}.md`));
    }
  });
  const now = new Date(2026, 11, 30, 12);
  const resources = { cspSource: 'vscode-resource:', nonce: 'N', styleUri: 'report.css', scriptUri: 'report.js' };
  const reportMs = time(() => core.reportHtml(core.buildBalanceReport(index, { now }), resources), 7);
  const year = core.rangeOf('year', now);
  const findMs = time(() => core.findEntries(index.entriesTagged('empathy'), ['empathy', 'retro'], year), 21);
  const findAllMs = time(() => core.findEntries(index.reflections(), [], core.ALL_TIME), 7);
  const empathy = [core.allTraits().find((trait) => trait.id === 'empathy')];
  let evidenceEntries = 0;
  const evidenceMs = time(() => {
    const chosen = core.evidenceEntries([...index.reflections()], empathy, year);
    evidenceEntries = chosen.length;
    const entries = chosen.map((entry) => ({ ...entry, sections: core.sectionParagraphs(texts.get(entry.key)) }));
    core.buildEvidence({ traits: empathy, traitId: 'empathy', range: year, entries, now, relativeLink: (key) => key.slice('file:///bench/journal/'.length) });
  }, 5);
  return { entries: total, reportMs, findMs, findAllMs, evidenceMs, evidenceEntries };
}
