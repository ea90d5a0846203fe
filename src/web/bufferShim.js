// Stand-in for Node's global `Buffer` in the browser bundle (injected by esbuild.mjs wherever a
// bundled module reads the global). gray-matter calls Buffer.from(text) on every parse and
// stringify to keep a copy of the input as `file.orig`, which Balance Journal never reads; kind-of
// and section-matter only ask `value.constructor.isBuffer`. Without it, every front matter would
// fail with "Buffer is not defined" in a web worker.
export const Buffer = {
  from: (value) => (typeof value === 'string' ? new TextEncoder().encode(value) : Uint8Array.from(value)),
  isBuffer: () => false,
};
