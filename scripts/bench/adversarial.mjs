// Untrusted text that made earlier scanners (or naive CommonMark parsers) quadratic or worse. Each
// pattern makes a text of about `size` characters. Used by the linear-time property test
// (test/unit/markdownScanner.differential.test.ts) and by `npm run bench` (worst case at 1 MB).

/** @type {Record<string, (size: number) => string>} */
export const ADVERSARIAL = {
  'nested block quotes on one line': (size) => '> '.repeat(size / 2),
  'nested block quotes, many lines': (size) => `${'> '.repeat(40)}a\n`.repeat(size / 82),
  '100,000 backticks': (size) => '`'.repeat(size),
  'backtick runs of length 1, 2, 3, …': (size) => {
    const parts = [];
    let length = 0;
    for (let run = 1; length < size; run++) {
      parts.push('`'.repeat(run), ' #a ');
      length += run + 4;
    }
    return parts.join('');
  },
  '#a, hyphens, b': (size) => `#a${'-'.repeat(size)}b`,
  '# a, spaces, b': (size) => `# a${' '.repeat(size)}b`,
  'opening brackets': (size) => '['.repeat(size),
  'brackets and tags': (size) => '[#a '.repeat(size / 4),
  'closing brackets after openers': (size) => `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`,
  'unclosed link destinations': (size) => '[a](b'.repeat(size / 5),
  'nested parentheses in destinations': (size) => `[a](${'('.repeat(size)}`,
  'pointy destinations': (size) => '[a](<b'.repeat(size / 6),
  'less-than signs': (size) => '<'.repeat(size),
  'unclosed HTML comments': (size) => '<!-- #a '.repeat(size / 8),
  'unclosed attributes': (size) => '<a b="#c '.repeat(size / 9),
  'stars and underscores': (size) => '*_'.repeat(size / 2),
  'deep list nesting': (size) => `${'1. '.repeat(Math.min(size / 6, 5000))}a\n${'\n'.repeat(size / 2)}`,
  'list items and blank lines': (size) => `${'- '.repeat(20)}a\n\n`.repeat(size / 43),
  'unclosed HTML block': (size) => `<!--\n${'#a\n'.repeat(size / 3)}`,
  'unclosed <script> block with end tags of other elements': (size) => `<script>\n${'</a>\n'.repeat(size / 5)}#a`,
  'reference definitions and shortcuts': (size) => '[a]: /u\n[a] #b\n'.repeat(size / 15),
  escapes: (size) => '\\#\\`'.repeat(size / 4),
  tags: (size) => '#a '.repeat(size / 3),
  'front matter tags with spaces': (size) => `---\ntags: a${' '.repeat(size)}b\n---\n`,
  'front matter tags with spaces and ]': (size) => `---\ntags:${' '.repeat(size)}]\n---\n`,
};

/**
 * Each core entry point on a text: parseEntry; findTagAt and completionSite at the end, the
 * middle and offset 12 (inside a front matter's `tags` line).
 * @param {{ parseEntry: Function, findTagAt: Function, completionSite: Function }} core
 * @returns {Record<string, (text: string) => unknown>}
 */
export function entryPoints(core) {
  return {
    parseEntry: (text) => core.parseEntry(text),
    findTagAt: (text) => [core.findTagAt(text, text.length), core.findTagAt(text, text.length >> 1), core.findTagAt(text, 12)],
    completionSite: (text) => [core.completionSite(text, text.length), core.completionSite(text, text.length >> 1), core.completionSite(text, 12)],
  };
}
