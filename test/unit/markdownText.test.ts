import fc from 'fast-check';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../src/core/markdownScanner';
import { markdownText } from '../../src/core/markdownText';
import { inlinePiece } from './helpers/markdownArbitraries';
import { linearSize, propertyRuns } from './helpers/runs';
import { growth } from './helpers/timing';

// GFM as people read their files (tables, strikethrough), and CommonMark for everything else.
const gfm = markdownIt('default', { linkify: false });

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What a reader sees of `markdown` as a paragraph: its text, nothing made of it. */
function renderedText(markdown: string): { html: string; text: string } {
  const html = gfm.render(markdown);
  return { html, text: decode(html).trim() };
}

/** What a reader sees of `markdown` in a table cell. */
function renderedCell(markdown: string): { html: string; cells: number; text: string } {
  const html = gfm.render(`| a | b |\n| --- | --- |\n| ${markdown} | z |\n`);
  const body = html.slice(html.indexOf('<tbody>'));
  return { html, cells: (body.match(/<td>/g) ?? []).length, text: decode(/<td>([\s\S]*?)<\/td>/.exec(body)?.[1] ?? '').trim() };
}

// eslint-disable-next-line no-control-regex
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();

describe('markdownText: escaped only where Markdown would misread', () => {
  it('leaves ordinary sentences as they are written', () => {
    expect(markdownText('Decision-Making')).toBe('Decision-Making');
    expect(markdownText('This week, write one entry about Empathy (5 entries so far).')).toBe('This week, write one entry about Empathy (5 entries so far).');
    expect(markdownText('Balance Report 2026-11-29')).toBe('Balance Report 2026-11-29');
    expect(markdownText('snake_case, R&D, 3 > 2, C#, issue # 4, well-known!')).toBe('snake_case, R&D, 3 > 2, C#, issue # 4, well-known!');
    expect(markdownText('Leadership 52% · Management 48% · balanced')).toBe('Leadership 52% · Management 48% · balanced');
  });

  it('escapes what would become emphasis, code, links, HTML, entities, tags or a block', () => {
    expect(markdownText('*bold* _it_ `code` [x](y) <b> &amp; #retro ~~no~~')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y) \\<b> \\&amp; \\#retro \\~\\~no\\~\\~');
    expect(markdownText('# heading')).toBe('\\# heading');
    expect(markdownText('> quote')).toBe('\\> quote');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. item')).toBe('1\\. item');
    expect(markdownText('Learn C #')).toBe('Learn C \\#');
    expect(markdownText('a | b', 'cell')).toBe('a \\| b');
    expect(markdownText('a | b')).toBe('a | b');
    expect(markdownText('two\nlines\r\n')).toBe('two lines');
  });

  it('renders back to the text itself, in a paragraph and in a table cell, for any input', () => {
    const texts = fc.array(inlinePiece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(texts, (raw) => {
        const expected = oneLine(raw);
        // markdown-it's own normalisation of what it shows: NUL and lone surrogates become U+FFFD.
        // eslint-disable-next-line no-control-regex
        const shown = (text: string) => text.replace(/\u0000/g, '\uFFFD').replace(/\s+/g, ' ');
        const paragraph = renderedText(markdownText(raw));
        expect(shown(paragraph.text), paragraph.html).toBe(shown(expected));
        expect(paragraph.html).not.toMatch(/<(?!\/?p>)[a-z]/);
        const cell = renderedCell(markdownText(raw, 'cell'));
        expect(cell.cells, cell.html).toBe(2);
        expect(shown(cell.text), cell.html).toBe(shown(expected));
        // And the journal finds no tag in it: a report or review never changes a count.
        expect(scanMarkdown(markdownText(raw)).tags).toEqual([]);
        expect(scanMarkdown(`| a |\n| --- |\n| ${markdownText(raw, 'cell')} |`).tags).toEqual([]);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it('escapes a `_` unless a letter or digit is on both sides, reading letters beyond the BMP whole', () => {
    expect(markdownText('_init_')).toBe('\\_init\\_');
    // Mathematical bold A (U+1D400, low surrogate DC00), monospace nine (U+1D7FF, low DFFF) and
    // Linear B A (U+10000, high surrogate D800): a letter or digit made of two UTF-16 units.
    expect(markdownText('𝐀_b')).toBe('𝐀_b');
    expect(markdownText('x 𝐀_b')).toBe('x 𝐀_b');
    expect(markdownText('𝟿_1')).toBe('𝟿_1');
    expect(markdownText('𐀀_b')).toBe('𐀀_b');
    // An emoji is a pair too but no letter; a lone low surrogate is no letter, whatever is before it.
    expect(markdownText('😀_b')).toBe('😀\\_b');
    expect(markdownText('a\uDC00_b')).toBe('a\uDC00\\_b');
    expect(markdownText('ａ\uDC00_b')).toBe('ａ\uDC00\\_b');
    for (const text of ['_init_', '𝐀_b_', 'x 𝐀_b_ c', '😀_b_']) expect(renderedText(markdownText(text)).text).toBe(text);
  });

  it('leaves a backslash before a letter, and a `#` that is neither a tag nor a heading marker', () => {
    expect(markdownText('C:\\Users\\me')).toBe('C:\\Users\\me');
    // A closing run of `#` needs a space before it.
    expect(markdownText('Learn C#')).toBe('Learn C#');
    expect(markdownText('C# x')).toBe('C# x');
    expect(markdownText('C# x', 'cell')).toBe('C# x');
    expect(markdownText('Learn C#', 'cell')).toBe('Learn C#');
    for (const text of ['C:\\Users\\me', 'Learn C#', 'C# x']) expect(renderedText(markdownText(text)).text).toBe(text);
  });

  it('escapes what starts a block only at the start of a paragraph, never in a table cell', () => {
    expect(markdownText('+ item')).toBe('\\+ item');
    expect(markdownText('= sum')).toBe('\\= sum');
    expect(markdownText('1) item')).toBe('1\\) item');
    for (const text of ['# 1', '> a', '+ a', '= a', '- a', '1. x', '1) x']) expect(markdownText(text, 'cell')).toBe(text);
    for (const text of ['+ item', '1) item']) expect(renderedText(markdownText(text)).text).toBe(text);
    expect(renderedCell(markdownText('1. x', 'cell')).text).toBe('1. x');
  });

  it('escapes the `.` of an ordered list marker: one to nine digits, then a space or the end', () => {
    expect(markdownText('12. x')).toBe('12\\. x');
    expect(markdownText('123456789. x')).toBe('123456789\\. x');
    expect(markdownText('1.')).toBe('1\\.');
    // Not a list item: ten digits, not only digits, no space after.
    expect(markdownText('1234567890. x')).toBe('1234567890. x');
    expect(markdownText('Step 1. Done')).toBe('Step 1. Done');
    expect(markdownText('2nd. x')).toBe('2nd. x');
    expect(markdownText('1.5 kg')).toBe('1.5 kg');
    expect(markdownText('Hello. World')).toBe('Hello. World');
    for (const text of ['12. x', '123456789. x', '1.', '1234567890. x']) expect(renderedText(markdownText(text)).text).toBe(text);
  });

  it('stays linear on long runs', () => {
    // 10× the input, ~10× the CPU time; a rule that rescans the run gives ~100×.
    for (const piece of ['#', '\\', '_', '&', '1', '*']) {
      const ratio = growth((input) => markdownText(input), piece.repeat(linearSize(20_000)), piece.repeat(linearSize(200_000)));
      expect(ratio, `a run of ${piece}`).toBeLessThan(25);
    }
  });
});
