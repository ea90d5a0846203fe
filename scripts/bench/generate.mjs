// Deterministic synthetic journals for the benchmark: 1–3 KB entries with front matter in every
// accepted form, inline tags, code fences and URLs that must not count, ~1% broken YAML and some
// CRLF files. The generator records what it wrote, so the benchmark can check the index's counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TRAITS = [
  ['visionary-thinking', 'Visionary Thinking'],
  ['empathy', 'Empathy'],
  ['innovation', 'Innovation'],
  ['influence', 'Influence'],
  ['organizational-skills', 'Organizational Skills'],
  ['decision-making', 'Decision-Making'],
  ['problem-solving', 'Problem-Solving'],
  ['time-management', 'Time Management'],
];
const OTHER_TAGS = ['one-on-one', 'retro', 'incident', 'mentoring', 'hiring', 'planning'];
const WORDS = 'team plan roadmap review feedback deadline budget hiring launch incident design risk customer sprint estimate migration goal trust vision meeting decision data priority change conflict coaching'.split(' ');
const FILLER = 'Today I noticed how much of the work is listening before acting. We kept the scope small and wrote down what we would not do. The next step is to follow up with the people who were not in the room and check that the plan still makes sense to them.';

/** mulberry32: a small, fast, seedable generator. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function pickSome(rand, list, min, max) {
  const count = min + Math.floor(rand() * (max - min + 1));
  const chosen = new Set();
  while (chosen.size < count) chosen.add(pick(rand, list));
  return [...chosen];
}

const pad = (n) => String(n).padStart(2, '0');

/** One entry's text and the normalised tags it must count under. */
export function entryText(rand, index, total) {
  const start = Date.UTC(2018, 0, 1);
  const day = new Date(start + Math.floor((index * 8 * 365 * 86400000) / total));
  const dayText = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const traits = pickSome(rand, TRAITS, 1, 3);
  const others = rand() < 0.3 ? [pick(rand, OTHER_TAGS)] : [];
  const written = [...traits.map(([id, label]) => (rand() < 0.1 ? label : id)), ...others];
  const counted = new Set([...traits.map(([id]) => id), ...others]);

  const broken = rand() < 0.01;
  let tagsYaml;
  if (broken) tagsYaml = `tags: [${written.join(', ')}\n`;
  else if (rand() < 0.7) tagsYaml = `tags:\n${written.map((tag) => `  - ${tag}`).join('\n')}\n`;
  else if (rand() < 0.5) tagsYaml = `tags: [${written.join(', ')}]\n`;
  else tagsYaml = `tags: ${written.join(', ')}\n`;
  if (broken) counted.clear();

  const title = pickSome(rand, WORDS, 2, 5).join(' ');
  const lines = ['---', `date: ${dayText}T${pad(7 + Math.floor(rand() * 15))}:${pad(Math.floor(rand() * 60))}:00+01:00`, tagsYaml.trimEnd(), '---', `# ${title}`, ''];
  if (rand() < 0.4) {
    const inline = rand() < 0.7 ? pick(rand, TRAITS)[0] : pick(rand, OTHER_TAGS);
    lines.push(`This one was really about #${inline}, more than I expected.`, '');
    counted.add(inline);
  }
  if (rand() < 0.2) lines.push('```yaml', '# a comment with #not-a-tag inside code', '```', '');
  if (rand() < 0.1) lines.push('See https://example.com/runbook#rollback and `#inline-code` for details.', '');
  const target = 1024 + Math.floor(rand() * 2048);
  while (lines.join('\n').length < target) lines.push(`## ${pick(rand, WORDS)} ${pick(rand, WORDS)}?`, '', FILLER, '');
  let text = lines.join('\n');
  const crlf = rand() < 0.05;
  if (crlf) text = text.replace(/\n/g, '\r\n');
  const name = `${dayText}-${title.replace(/ /g, '-')}-${index}.md`;
  return { relativePath: path.join(dayText.slice(0, 4), dayText.slice(5, 7), name), text, tags: [...counted], broken };
}

/**
 * Writes `total` entries under `<folder>/journal` and returns what the index must find: every
 * file, its counted tags, the count per tag and how many files have broken front matter.
 */
export function generateJournal(folder, total, seed = 20261127) {
  const rand = random(seed + total);
  const journal = path.join(folder, 'journal');
  const files = [];
  const counts = new Map();
  let broken = 0;
  const made = new Set();
  for (let i = 0; i < total; i++) {
    const entry = entryText(rand, i, total);
    const file = path.join(journal, entry.relativePath);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, entry.text);
    files.push(file);
    for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    if (entry.broken) broken++;
  }
  return { journal, files, counts, broken };
}
