// Bundles the extension twice, as two minified files (fast to load, small .vsix), and the Node
// host's parse worker:
//   dist/extension.js      Node extension host (desktop, remote, code-server)      package.json "main"
//   dist/parseWorker.js    its worker thread for parsing a first scan (platform/parseWorkerMain.ts)
//   dist/web/extension.js  web worker extension host (vscode.dev, code-server web)  package.json "browser"
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  minify: !watch,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

const node = { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', target: 'node18' };

const web = {
  ...common,
  entryPoints: ['src/extension.browser.ts'],
  outfile: 'dist/web/extension.js',
  platform: 'browser',
  target: 'es2022',
  // gray-matter requires 'fs' for matter.read() only, which we never call.
  alias: { fs: './src/web/emptyFs.cjs' },
  // gray-matter calls the global Buffer.from() on every parse; a worker has no Buffer.
  inject: ['./src/web/bufferShim.js'],
  // No Node globals in a worker; `process` stays a real runtime check (typeof process === 'object').
};

// The Node host's parse worker (platform/parseWorker.ts starts it from beside dist/extension.js).
const parseWorker = { ...common, entryPoints: ['src/platform/parseWorkerMain.ts'], outfile: 'dist/parseWorker.js', platform: 'node', target: 'node18' };

const builds = [node, parseWorker, web];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching src/ …');
} else {
  for (const options of builds) {
    const result = await esbuild.build(options);
    const bytes = result.metafile.outputs[options.outfile].bytes;
    console.log(`esbuild: ${options.outfile} ${(bytes / 1024).toFixed(1)} KB`);
    const nodeInputs = Object.keys(result.metafile.inputs).filter((f) => /^(node:|<define|src\/web\/)/.test(f));
    if (options === web && nodeInputs.length) console.log(`esbuild: web bundle shims: ${nodeInputs.join(', ')}`);
  }
}
