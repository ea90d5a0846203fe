// The Markdown preview's badges (core/previewBadges): on every CommonMark spec example, with tags
// put in several ways, the plugin changes nothing but tags (the HTML without its badges is
// markdown-it's own), and its badges are the tags the index counts.
import * as spec from 'commonmark-spec';
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../src/core/markdownScanner';
import { BADGE_CLASS, MarkdownItLike, previewBadges } from '../../src/core/previewBadges';
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
