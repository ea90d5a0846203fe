// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'examples/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Stand-ins for Node built-ins in the browser bundle (esbuild.mjs): they run in a web worker.
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.commonjs } },
  },
  {
    // Playwright runs parts of these in the page.
    files: ['test/harness/**', 'test/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The core is pure: no VS Code API and no Node I/O, so it runs in vitest, the browser and a CLI.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core must not import vscode: put VS Code code in src/*.ts adapters.' },
          { name: 'fs', message: 'src/core does no I/O.' },
          { name: 'node:fs', message: 'src/core does no I/O.' },
          { name: 'fs/promises', message: 'src/core does no I/O.' },
          { name: 'node:fs/promises', message: 'src/core does no I/O.' },
        ],
      }],
    },
  },
);
