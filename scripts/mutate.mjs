// `npm run mutate [-- <stryker options>]`: Stryker over src/core (docs/testing.md).
//
// Stryker's incremental mode tests again only the mutants whose code or covering tests changed
// since the results it is given. A whole run takes hours on 2 cores, so the results of the last
// whole run are kept in git (test/mutation/incremental.json.gz) and a fresh clone starts from
// them: what changed since is tested again, the rest is reported as it was. `--force` tests
// every mutant. `npm run mutate:record` stores the current results as the new starting point.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const working = path.join(root, 'reports', 'stryker-incremental.json');
const recorded = path.join(root, 'test', 'mutation', 'incremental.json.gz');

function summary(json) {
  const files = Object.values(json.files);
  const mutants = files.reduce((sum, file) => sum + file.mutants.length, 0);
  return `${mutants.toLocaleString('en')} mutants in ${files.length} files`;
}

if (process.argv[2] === '--record') {
  if (!existsSync(working)) {
    console.error(`No results to record: ${path.relative(root, working)} is missing. Run npm run mutate first.`);
    process.exit(1);
  }
  const json = JSON.parse(readFileSync(working, 'utf8'));
  mkdirSync(path.dirname(recorded), { recursive: true });
  writeFileSync(recorded, gzipSync(JSON.stringify(json), { level: 9 }));
  console.log(`Recorded ${summary(json)} in ${path.relative(root, recorded)}.`);
  process.exit(0);
}

const args = process.argv.slice(2);
if (!existsSync(working) && existsSync(recorded) && !args.includes('--force')) {
  const json = JSON.parse(gunzipSync(readFileSync(recorded)).toString('utf8'));
  mkdirSync(path.dirname(working), { recursive: true });
  writeFileSync(working, JSON.stringify(json));
  console.log(`Starting from the recorded results (${summary(json)}): only mutants whose code or tests changed since are tested again. --force tests them all.`);
}
const run = spawnSync(process.execPath, [path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
