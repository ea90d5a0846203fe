// The Markdown preview's badges (core/previewBadges): on every CommonMark spec example, with tags
// put in several ways, the plugin changes nothing but tags (the HTML without its badges is
// markdown-it's own), and its badges are the tags the index counts.
import * as spec from 'commonmark-spec';
import markdownIt, { type StateCore, type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../src/core/markdownScanner';
import { BADGE_CLASS, BADGE_TOKEN, MarkdownItLike, previewBadges } from '../../src/core/previewBadges';
import { configureTraits } from '../../src/core/traits';
import { referenceTags, withTags } from './helpers/markdownReference';

const plain = markdownIt('commonmark');
const plugin = (md: ReturnType<typeof markdownIt>) => previewBadges(md as unknown as MarkdownItLike);
const badged = markdownIt('commonmark').use(plugin);
// As VS Code's preview does: HTML allowed, links turned on.
const previewPlain = markdownIt({ html: true, linkify: true, typographer: true });
const previewBadged = markdownIt({ html: true, linkify: true, typographer: true }).use(plugin);

const BADGE = new RegExp(`<span class="${BADGE_CLASS}[^"]*" data-tag="[^"]*"(?: title="[^"]*")?>#([^<]*)</span>`, 'g');

/** The HTML with each badge replaced by its text. */
function withoutBadges(html: string): string {
  return html.replace(BADGE, '#$1');
}

function badges(html: string): string[] {
  return [...html.matchAll(BADGE)].map((match) => match[1]);
}

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const item of whole) if (at < part.length && part[at] === item) at++;
  return at === part.length;
}

describe('preview badges', () => {
  it('render a trait tag as a badge of its side, with the trait as its tooltip, and other tags plain', () => {
    configureTraits([]);
    expect(badged.render('Talked with #Empathy and #retro.')).toBe(
      '<p>Talked with <span class="balance-journal-tag balance-journal-tag-leadership" data-tag="empathy" title="Empathy">#Empathy</span> and ' +
        '<span class="balance-journal-tag" data-tag="retro">#retro</span>.</p>\n',
    );
    expect(badged.render('## Plan #time-management')).toContain('<h2>Plan <span class="balance-journal-tag balance-journal-tag-management" data-tag="time-management" title="Time Management">#time-management</span></h2>');
  });

  it('leave code, links, HTML, escapes, headings\' markers and other words alone', () => {
    const markdown = ['# Title', '', '`#code` [x](#dest) <span title="#attr">#in</span> \\#escaped a#b https://x.y/#frag', '', '```', '#fenced', '```', '', '<div>', '#html', '</div>'].join('\n');
    const html = badged.render(markdown);
    expect(badges(html)).toEqual(['in']);
    expect(withoutBadges(html)).toBe(plain.render(markdown));
  });

  it('escape what they show: a trait of your own with markup in its label', () => {
    configureTraits([{ id: 'coaching', label: '<b>"Coach"</b>', side: 'leadership', description: 'd', prompts: ['p'] }]);
    try {
      expect(badged.render('#coaching')).toContain('title="&lt;b&gt;&quot;Coach&quot;&lt;/b&gt;"');
    } finally {
      configureTraits([]);
    }
  });

  it('read the character before a `#` by code points: astral characters and lone surrogates are neither white space nor openings', () => {
    configureTraits([]);
    const retro = '<span class="balance-journal-tag" data-tag="retro">#retro</span>';
    // A lone high surrogate before the space does not join it.
    expect(badged.render('\uD83D #retro')).toBe(`<p>\uD83D ${retro}</p>\n`);
    // U+FF08 FULLWIDTH LEFT PARENTHESIS is an opening, after a lone high surrogate too.
    expect(badged.render('\uD83D\uFF08#retro')).toBe(`<p>\uD83D\uFF08${retro}</p>\n`);
    // A lone low surrogate is no character a tag may follow, whatever stands before it.
    expect(badged.render(' \uDC00#retro')).toBe('<p>\uDC00#retro</p>\n');
    expect(badged.render('\uFF08\uDC00#retro')).toBe('<p>\uFF08\uDC00#retro</p>\n');
    expect(badged.render('x \uDC00#r\u{1F600}')).toBe('<p>x \uDC00#r\u{1F600}</p>\n');
    // An emoji is no opening: the space after the tag is not what stands before it.
    expect(badged.render('\u{1F600}#a b')).toBe('<p>\u{1F600}#a b</p>\n');
  });

  it('take astral letters into the tag whole, first or later', () => {
    configureTraits([]);
    // U+10330 GOTHIC LETTER AHSA, a letter outside the BMP (two UTF-16 units).
    expect(badged.render('#\u{10330} and #a\u{10330}b')).toBe(
      '<p><span class="balance-journal-tag" data-tag="\u{10330}">#\u{10330}</span> and ' +
        '<span class="balance-journal-tag" data-tag="a\u{10330}b">#a\u{10330}b</span></p>\n',
    );
  });

  it('leave a tag right after strikethrough alone (`~` may not stand before a tag), and a tag in a bare link', () => {
    configureTraits([]);
    expect(previewBadged.render('~~x~~#retro and ~~#retro~~')).toBe('<p><s>x</s>#retro and <s>#retro</s></p>\n');
    // linkify's links, like autolinks, are not text: `_#retro` in the address stays as written.
    expect(previewBadged.render('see https://example.com/notes_#retro ok')).toBe(
      '<p>see <a href="https://example.com/notes_#retro">https://example.com/notes_#retro</a> ok</p>\n',
    );
  });

  it('leave markdown-it\'s tokens as they were where a `#` starts no tag, and add no empty text around a badge', () => {
    // A link's text is one level down: a token made anew would lose that.
    expect(badged.parse('[x #1](/u) a#b', {})).toEqual(plain.parse('[x #1](/u) a#b', {}));
    const children = badged.parse('#retro and #a', {})[1].children!;
    expect(children.map(({ type, tag, content }) => ({ type, tag, content }))).toEqual([
      { type: BADGE_TOKEN, tag: 'span', content: '#retro' },
      { type: 'text', tag: '', content: ' and ' },
      { type: BADGE_TOKEN, tag: 'span', content: '#a' },
    ]);
  });

  it('read tokens another plugin left: text cut into pieces side by side, an empty text, marks and characters without markup', () => {
    configureTraits([]);
    const retro = '<span class="balance-journal-tag" data-tag="retro">#retro</span>';
    /** A markdown-it with the badges and, before them, `rewrite` on each inline's children. */
    const withPlugin = (rewrite: (children: Token[], state: StateCore) => Token[]) => {
      const md = markdownIt('commonmark').use(plugin);
      md.core.ruler.before(BADGE_TOKEN, 'other_plugin', (state) => {
        for (const token of state.tokens) if (token.type === 'inline' && token.children) token.children = rewrite(token.children, state);
      });
      return md;
    };
    const token = (state: StateCore, type: string, content: string) => Object.assign(new state.Token(type, '', 0), { content });
    // Each text cut at `|` (dropped) into text tokens side by side.
    const cut = withPlugin((children, state) =>
      children.flatMap((child) => (child.type === 'text' ? child.content.split('|').map((part) => token(state, 'text', part)) : [child])),
    );
    expect(cut.render('x |#retro')).toBe(`<p>x ${retro}</p>\n`);
    expect(cut.render('x|#retro')).toBe('<p>x#retro</p>\n');
    expect(cut.render('|#retro')).toBe(`<p>${retro}</p>\n`);
    // Each `|` a processed `.` with no markup: the character is what counts.
    const dots = withPlugin((children, state) =>
      children.flatMap((child) =>
        child.type === 'text' ? child.content.split('|').flatMap((part, i) => (i === 0 ? [] : [token(state, 'text_special', '.')]).concat(token(state, 'text', part))) : [child],
      ),
    );
    expect(dots.render('x|#retro')).toBe('<p>x.#retro</p>\n');
    // Emphasis without its markup: a tag may follow it.
    const bare = withPlugin((children) => children.map((child) => (child.type.startsWith('em_') || child.type.startsWith('strong_') ? Object.assign(child, { markup: '' }) : child)));
    expect(bare.render('*x*#retro **#retro**')).toBe(`<p><em>x</em>${retro} <strong>${retro}</strong></p>\n`);
  });

  it('go last where markdown-it has no text_join (before 13)', () => {
    configureTraits([]);
    const md = markdownIt('commonmark');
    md.core.ruler.before = () => {
      throw new Error('Parser rule not found: text_join');
    };
    expect(md.use(plugin).render('Talked with #retro.')).toBe('<p>Talked with <span class="balance-journal-tag" data-tag="retro">#retro</span>.</p>\n');
  });

  it('change nothing but tags on every CommonMark spec example, and badge exactly the tags the index counts', () => {
    expect(spec.tests.length).toBeGreaterThanOrEqual(652);
    let documents = 0;
    let withBadges = 0;
    let inImages = 0;
    let decided = 0;
    const differ: string[] = [];
    for (const example of spec.tests) {
      for (const markdown of withTags(example.markdown)) {
        documents++;
        for (const [without, withPlugin] of [
          [plain, badged],
          [previewPlain, previewBadged],
        ] as const) {
          const html = withPlugin.render(markdown);
          expect(withoutBadges(html), `spec example ${example.number}: ${JSON.stringify(markdown)}`).toBe(without.render(markdown));
        }
        const shown = badges(badged.render(markdown));
        if (shown.length > 0) withBadges++;
        const counted = scanMarkdown(markdown).tags.map((tag) => tag.raw);
        if (shown.join('\n') === counted.join('\n')) continue;
        // An image's description becomes its `alt` attribute: its tags are counted, never badges.
        if (markdown.includes('![') && isSubsequence(shown, counted)) {
          inImages++;
          continue;
        }
        // Where the index departs from markdown-it by a README decision, the badges follow markdown-it.
        const reference = referenceTags(markdown);
        if (reference.join('\n') !== counted.join('\n') && isSubsequence(shown, reference)) {
          decided++;
          continue;
        }
        differ.push(`${example.number}: ${JSON.stringify(markdown)}\n  badges ${JSON.stringify(shown)}\n  index  ${JSON.stringify(counted)}`);
      }
    }
    console.log(
      `preview badges: ${documents} documents, ${withBadges} with badges; badges differ from the index in ${inImages} (tags in image descriptions) ` +
        `and ${decided} (a README decision, where the preview reads as markdown-it does)`,
    );
    expect(differ.slice(0, 20).join('\n')).toBe('');
    expect(spec.tests.every((example) => plain.render(example.markdown) === badged.render(example.markdown) || badges(badged.render(example.markdown)).length > 0)).toBe(true);
  });
});
