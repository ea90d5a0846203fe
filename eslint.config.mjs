// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreBoundary } from './eslint-rules/core-boundary.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

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
    // The core is pure: no VS Code API, no Node built-ins, nothing from outside src/core, only the
    // runtime dependencies; so it runs in vitest, the browser and a CLI. test/unit/coreBoundary.test.ts
    // proves the rule fires.
    files: ['src/core/**/*.ts'],
    plugins: {
      'balance-journal': {
        rules: { 'core-boundary': coreBoundary({ coreDir: path.join(root, 'src', 'core'), packageJson: path.join(root, 'package.json') }) },
      },
    },
    rules: {
      'balance-journal/core-boundary': 'error',
    },
  },
);
