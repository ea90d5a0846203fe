// Bundles the extension into dist/extension.js (one minified file: fast to load, small .vsix).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

const options = {
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  external: ['vscode'],
  minify: !watch,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('esbuild: watching src/ …');
} else {
  const result = await esbuild.build(options);
  const bytes = result.metafile.outputs['dist/extension.js'].bytes;
  console.log(`esbuild: dist/extension.js ${(bytes / 1024).toFixed(1)} KB`);
}
