// @ts-check
// The boundary of src/core: it imports only its own files and the runtime dependencies in
// package.json, never `vscode`, a Node built-in (`fs`, `node:path`, `child_process`, …) or a file
// outside src/core, whether by `import`, `export … from`, `import()`, `require()`,
// `import x = require()` or `import('…')` in a type. A module name it cannot read (a computed
// `import(name)`) is refused too, since it cannot be checked.
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

/**
 * @param {{ coreDir: string, packageJson: string }} options absolute paths of src/core and package.json
 * @returns {import('eslint').Rule.RuleModule}
 */
export function coreBoundary({ coreDir, packageJson }) {
  const dependencies = new Set(Object.keys(JSON.parse(readFileSync(packageJson, 'utf8')).dependencies ?? {}));
  return {
    meta: {
      type: 'problem',
      docs: { description: 'src/core imports only src/core and the runtime dependencies: no vscode, no Node built-ins' },
      schema: [],
      messages: {
        vscode: "src/core must not import 'vscode': put VS Code code in the src/*.ts adapters.",
        builtin: "src/core must not import the Node built-in '{{name}}': the core does no I/O and also runs in the browser; let the VS Code layer pass in what it needs.",
        outside: "src/core must not import '{{name}}': it is outside src/core. The core depends on nothing above it; move the code into src/core or pass it in.",
        notDependency: "src/core must not import '{{name}}': only the runtime dependencies in package.json ({{allowed}}) ship with the core.",
        computed: 'src/core must not import or require a computed module name: the boundary could not be checked.',
      },
    },
    create(context) {
      const file = context.filename;
      /** @param {import('estree').Node} node @param {string} name */
      function check(node, name) {
        if (name === 'vscode') return context.report({ node, messageId: 'vscode' });
        if (name.startsWith('node:') || isBuiltin(name)) return context.report({ node, messageId: 'builtin', data: { name } });
        if (name.startsWith('.') || path.isAbsolute(name) || /^[a-z]:[\\/]/i.test(name) || name.startsWith('file:')) {
          const target = path.resolve(path.dirname(file), name.replace(/^file:\/\//, ''));
          const relative = path.relative(coreDir, target);
          if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) context.report({ node, messageId: 'outside', data: { name } });
          return;
        }
        const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
        if (!dependencies.has(pkg)) context.report({ node, messageId: 'notDependency', data: { name, allowed: [...dependencies].join(', ') } });
      }
      /** @param {any} source the module name's node: a string literal, or anything else (computed) */
      function checkSource(source) {
        if (source?.type === 'Literal' && typeof source.value === 'string') return check(source, source.value);
        if (source?.type === 'TemplateLiteral' && source.expressions.length === 0) return check(source, source.quasis[0].value.cooked);
        if (source) context.report({ node: source, messageId: 'computed' });
      }
      return {
        ImportDeclaration: (node) => checkSource(node.source),
        ExportNamedDeclaration: (node) => node.source && checkSource(node.source),
        ExportAllDeclaration: (node) => checkSource(node.source),
        ImportExpression: (node) => checkSource(node.source),
        CallExpression(node) {
          const callee = node.callee;
          const isRequire = callee.type === 'Identifier' && callee.name === 'require';
          const isRequireResolve = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'require';
          if (isRequire || isRequireResolve) checkSource(node.arguments[0]);
        },
        /** `import fs = require('fs')` */
        TSExternalModuleReference: (/** @type {any} */ node) => checkSource(node.expression),
        /** `type Stats = import('fs').Stats` */
        TSImportType(/** @type {any} */ node) {
          // typescript-eslint 8.x: `source` (a string literal); older: `argument` (a TSLiteralType).
          if (node.source) return checkSource(node.source);
          checkSource(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument);
        },
      };
    },
  };
}
