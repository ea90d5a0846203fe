#!/usr/bin/env node
// Lists the packaged .vsix and fails if it holds anything but what runs: dist/extension.js, dist/parseWorker.js, dist/web/extension.js,
// media/, package.json, README, LICENSE, CHANGELOG (plus the VSIX manifest files vsce adds); if a
// picture the README or the manifest (icon, walkthrough) shows is missing, or one nobody shows is
// in it; or if the .vsix is over MAX_KB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// 400 KB until goals, commitments, guided reflection, feedback and the reminder (issue #13) added
// about 30 KB of minified code to each of the two bundles, rename, references, symbols, colours
// and preview badges (issue #15) about 6 KB packed to each, and the year features (issue #14:
// periods, reviews of a month and a quarter, the year calendar, streaks, another day, Find
// Entries, Export Evidence) the rest: each bundle is now ~280 KB, ~95 KB packed, and the two are
// two thirds of the package. The README's pictures (six, quantised, ~200 KB) ship too, since the
// README is shown with relative links. All of it was 483 KB packed; then the parse worker of the
// first scan (issue #16: dist/parseWorker.js, the parser and js-yaml again, ~89 KB, ~30 KB packed)
// made it 527 KB. The limit leaves about 10 KB.
const MAX_KB = 540;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const file = process.argv[2];
if (!file) {
  console.error('usage: check-vsix.mjs <file.vsix>');
  process.exit(2);
}
const zip = readFileSync(file);

// A zip's central directory is found from the End Of Central Directory record at its end.
const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd < 0) throw new Error(`${file} is not a zip file`);
const count = zip.readUInt16LE(eocd + 10);
let offset = zip.readUInt32LE(eocd + 16);
const entries = [];
for (let i = 0; i < count; i++) {
  if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
  const size = zip.readUInt32LE(offset + 24);
  const nameLength = zip.readUInt16LE(offset + 28);
  const extraLength = zip.readUInt16LE(offset + 30);
  const commentLength = zip.readUInt16LE(offset + 32);
  entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), size });
  offset += 46 + nameLength + extraLength + commentLength;
}

const allowed = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[\w-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^extension\/(readme|README)\.md$/,
  /^extension\/(changelog|CHANGELOG)\.md$/,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/parseWorker\.js$/,
  /^extension\/dist\/web\/extension\.js$/,
  /^extension\/media\/[\w./-]+$/,
];
let total = 0;
for (const { name, size } of entries) {
  total += size;
  console.log(`${String(size).padStart(9)}  ${name}`);
}
console.log(`${String(total).padStart(9)}  ${entries.length} files in ${file} (${(zip.length / 1024).toFixed(0)} KB packed)`);
const unexpected = entries.filter(({ name }) => !allowed.some((pattern) => pattern.test(name)));
if (unexpected.length > 0) {
  console.error(`Unexpected files in the .vsix: ${unexpected.map((e) => e.name).join(', ')}`);
  process.exit(1);
}
for (const bundle of ['dist/extension.js', 'dist/parseWorker.js', 'dist/web/extension.js']) {
  if (!entries.some(({ name }) => name === `extension/${bundle}`)) {
    console.error(`${bundle} is missing from the .vsix`);
    process.exit(1);
  }
}

// Pictures: the README is shown with relative links (vsce --no-rewrite-relative-links), so every
// picture it shows must ship, like the manifest's icon and walkthrough media; a picture nobody
// shows is dead weight.
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const shown = new Set([
  ...[...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:/i.test(src)),
  manifest.icon,
  ...(manifest.contributes?.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((step) => Object.values(step.media ?? {}).filter((v) => typeof v === 'string' && /\.(png|jpe?g|gif|svg|md)$/.test(v)))),
].filter(Boolean).map((file) => file.replace(/^\.\//, '')));
const packed = new Set(entries.map(({ name }) => name.replace(/^extension\//, '')));
const missing = [...shown].filter((file) => !packed.has(file));
if (missing.length > 0) {
  console.error(`Shown by the README or package.json but missing from the .vsix: ${missing.join(', ')}`);
  process.exit(1);
}
const unshown = [...packed].filter((file) => /\.(png|jpe?g|gif)$/i.test(file) && !shown.has(file));
if (unshown.length > 0) {
  console.error(`Pictures in the .vsix that neither the README nor package.json shows (exclude them in .vscodeignore): ${unshown.join(', ')}`);
  process.exit(1);
}

if (zip.length > MAX_KB * 1024) {
  console.error(`${file} is ${(zip.length / 1024).toFixed(0)} KB, over the ${MAX_KB} KB limit: recompress the pictures (pngquant, optipng) or leave out what does not run.`);
  process.exit(1);
}
