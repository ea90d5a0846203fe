#!/usr/bin/env node
// Lists the packaged .vsix and fails if it holds anything but what runs: dist/extension.js, dist/web/extension.js,
// media/, package.json, README, LICENSE, CHANGELOG (plus the VSIX manifest files vsce adds).
import { readFileSync } from 'node:fs';

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
for (const bundle of ['dist/extension.js', 'dist/web/extension.js']) {
  if (!entries.some(({ name }) => name === `extension/${bundle}`)) {
    console.error(`${bundle} is missing from the .vsix`);
    process.exit(1);
  }
}
