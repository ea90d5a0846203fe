// fast-check generators of Markdown documents that mix what decides where a tag is: block quotes
// and list items (nested, lazy, with tabs), fenced and indented code, HTML blocks and inline HTML,
// links, images, reference definitions, autolinks, code spans, escapes, entities, emphasis,
// typographic quotes, Unicode letters and combining marks, CRLF and lone CR line endings.
import fc from 'fast-check';

const tagName = fc
  .tuple(
    fc.constantFrom('a', 'retro', 'x', 'é', 'ж', 'हिन्दी', 'équipe', 'Ω', '中', 'e\u0301', '𝒜'),
    fc.constantFrom('', '', '-', '/', '_', '-b', '_b', '/c', '1', '-', '--', '__', 'é', '\u0301'),
  )
  .map(([a, b]) => a + b);

/** A piece of inline text. */
export const inlinePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('word', 'a', 'b c', 'foo', ' ', ' ', '  ', '\t', 'x.', 'l’', 'end') },
  { weight: 6, arbitrary: tagName.map((name) => `#${name}`) },
  { weight: 2, arbitrary: tagName.map((name) => ` #${name}`) },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '`', '``', '```', '`code`', '` #secret `', '\\`', '\\', '\\#', '\\\\', '\\*', '\\[', '\\]', '\\<',
      '[', ']', '(', ')', '](', '](#secret)', '](<#secret>)', '](x "#secret")', "](x '#secret')", '](x (#secret))', '][', '[]',
      '[ref]', '[ref][]', '[text][ref]', '[#secret]', '![', '![alt](u)', '[link](/url)', '[^1]',
      '<', '>', '<span>', '</span>', '<a href="#secret">', '<b title=\'#secret\'>', '<!-- #secret -->', '<!--', '-->', '<?php #secret ?>',
      '<!DOCTYPE #secret>', '<![CDATA[ #secret ]]>', '<http://x.y/#secret>', '<a@b.co>', '<#secret>',
      '*', '**', '_', '__', '*#', '_#', '"', "'", '“', '”', '«', '»', '（', '）', '’', '¿', '&amp;', '&#35;', '&nbsp;', '&x;',
      '#', '##', '# ', '#1', '#-', 'a#b', '/#x', '#a#b', ':', ',', ';', '!', '.', '?', '-', '/', '|', '~', '=', '+', '{', '}',
      '\u00a0', '\u3000', 'ж', '中', '\u0301', '😀', '\ud800',
    ),
  },
);

const inlineText = fc.array(inlinePiece, { minLength: 0, maxLength: 8 }).map((pieces) => pieces.join(''));

/** The start of a line: container markers, indentation, block starts. */
const linePrefix: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc.array(
      fc.constantFrom('> ', '>', ' > ', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '  ', '   ', '    ', '\t', ' \t', '-\t', '>\t', '-    ', '1.'),
      { minLength: 1, maxLength: 4 },
    ).map((parts) => parts.join('')),
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '# ', '## ', '###### ', '####### ', '#\t', '```', '```js ', '~~~', '````', '``` a`b ', '    ', '<div>', '<div ', '</div>', '<pre>', '</pre>',
      '<script>', '</script>', '<!-- ', '<?', '<!X ', '<![CDATA[', '<span>', '<a href="x">', '</a>', '<custom-tag>', '[ref]: ', '[ref]: /u ',
      '[ref]:\n', '[#secret]: /u', '[^1]: ', '[x]: <#secret> "#secret"', '***', '---', '___', '- - -', '===', '--', '= ', '-- ',
    ),
  },
);

const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(linePrefix, inlineText).map(([prefix, text]) => prefix + text) },
  { weight: 2, arbitrary: fc.constantFrom('', '', ' ', '\t', '>', '-', '```', '~~~', '---', '===', '-->', '?>', ']]>', '</script>', '</pre>') },
);

/** A whole document, with LF, CRLF or an occasional lone CR. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\n', '\r\n', 'mixed'), fc.boolean())
  .map(([lines, ending, trailing]) => {
    const ends = lines.map((_, i) => (ending === 'mixed' ? ['\n', '\r\n', '\r'][i % 3] : ending));
    return lines.map((l, i) => l + (i < lines.length - 1 || trailing ? ends[i] : '')).join('');
  });
