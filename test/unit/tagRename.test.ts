// Rename's text edits (core/tagRename) and the occurrences they rest on (core/tagLocator):
// hand-written cases for each form a tag takes, then properties over generated entries.
//
// On failure fast-check prints the seed; replay with FC_SEED=<seed> (and FC_PATH=<path>).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entryParser';
import { LineIndex, applyEdits, expectedTags, renameTagEdits, renamedTag, tagNameProblem, traitRenameQuestion, writtenName } from '../../src/core/tagRename';
import { frontMatterTagItems, tagOccurrences } from '../../src/core/tagLocator';
import { markdownDocument } from './helpers/markdownArbitraries';
import { propertyRuns } from './helpers/runs';

const replay: { seed?: number; path?: string } = {};
if (process.env.FC_SEED) replay.seed = Number(process.env.FC_SEED);
if (process.env.FC_PATH) replay.path = process.env.FC_PATH;

/** The text after renaming, or the reason it was refused. */
function rename(text: string, oldTag: string, newName: string): string {
  const result = renameTagEdits(text, oldTag, newName);
  if ('refused' in result) throw new Error(result.refused);
  return applyEdits(text, result.edits);
}

describe('tagOccurrences', () => {
  it('lists the front matter items (all three forms) and the inline tags, with their ranges', () => {
    const block = '---\ntags:\n  - empathy\n  - "Time Management" # a comment\n---\n# Title #retro\nText #Empathy and `#code`.\n';
    expect(tagOccurrences(block).map(({ tag, where, start, end }) => [tag, where, block.slice(start, end)])).toEqual([
      ['empathy', 'frontMatter', 'empathy'],
      ['time-management', 'frontMatter', 'Time Management'],
      ['retro', 'inline', 'retro'],
      ['empathy', 'inline', 'Empathy'],
    ]);
    const flow = "---\ntags: [influence, 'one-on-one/alex', Decision Making] # c\n---\n";
    expect(tagOccurrences(flow).map(({ start, end }) => flow.slice(start, end))).toEqual(['influence', 'one-on-one/alex', 'Decision Making']);
    const comma = '---\ndate: 2026-11-27\ntags: empathy, retro\nmood: calm\n---\nbody\n';
    expect(tagOccurrences(comma).map(({ tag }) => tag)).toEqual(['empathy', 'retro']);
  });

  it('reads a quoted item with a comment after it, and a comment inside quotes as text', () => {
    const text = '---\ntags:\n  - "retro" # why\n  - "a #b"\n---\n';
    expect(frontMatterTagItems(text).map(({ start, end }) => text.slice(start, end))).toEqual(['retro', 'a #b']);
  });

  it('finds nothing in other keys, nested maps or the body of a file without front matter', () => {
    expect(tagOccurrences('---\nmeta:\n  tags: [x]\nlabels: [retro]\n---\n')).toEqual([]);
    expect(tagOccurrences('tags: [retro]\n').map(({ tag }) => tag)).toEqual([]);
  });

  it('agrees with the index on which tags a document holds', () => {
    fc.assert(
      fc.property(entryDocument, (text) => {
        const found = new Set(tagOccurrences(text).map(({ tag }) => tag));
        expect([...found].sort()).toEqual([...new Set(parseEntry(text).tags)].sort());
      }),
      { numRuns: propertyRuns(3000), ...replay },
    );
  });
});

describe('renameTagEdits', () => {
  it('renames front matter items in a block list, a flow list and comma text, keeping quotes and comments', () => {
    expect(rename('---\ntags:\n  - retro\n  - "retro" # again\n  - empathy\n---\n', 'retro', 'retrospective')).toBe(
      '---\ntags:\n  - retrospective\n  - "retrospective" # again\n  - empathy\n---\n',
    );
    expect(rename("---\ntags: [empathy, 'Retro', retro]\n---\n", 'retro', 'look-back')).toBe("---\ntags: [empathy, 'look-back', look-back]\n---\n");
    expect(rename('---\ntags: retro,empathy\n---\n', 'retro', 'Look_Back')).toBe('---\ntags: Look_Back,empathy\n---\n');
  });

  it('renames inline tags however they are spelled, and only them', () => {
    const text = [
      '# Retro #retro',
      '',
      'A retro with #Retro and (#retro) and #retro- and #retro/',
      '',
      '```',
      '#retro in code',
      '```',
      '',
      '`#retro` [#retro](#retro) \\#retro a#retro #retrospective #retro_x',
      '',
      '    #retro indented',
      '<!-- #retro -->',
    ].join('\n');
    expect(rename(text, 'retro', 'look-back')).toBe(
      [
        '# Retro #look-back',
        '',
        'A retro with #look-back and (#look-back) and #look-back- and #look-back/',
        '',
        '```',
        '#retro in code',
        '```',
        '',
        '`#retro` [#look-back](#retro) \\#retro a#retro #retrospective #retro_x',
        '',
        '    #retro indented',
        '<!-- #retro -->',
      ].join('\n'),
    );
  });

  it('renames the tags nested under the tag, keeping their own parts as written', () => {
    const text = '---\ntags: [one-on-one/alex]\n---\n#One-On-One/Sam and #one-on-one and #one-on-one-x\n';
    expect(rename(text, 'one-on-one', 'talks')).toBe('---\ntags: [talks/alex]\n---\n#talks/Sam and #talks and #one-on-one-x\n');
    expect(rename('#a/b/c #a/b #a', 'a/b', 'x')).toBe('#x/c #x #a');
  });

  it('merges onto an existing tag: the entry then holds it once', () => {
    const text = '---\ntags: [retro, retrospective]\n---\n#retro\n';
    const after = rename(text, 'retro', 'retrospective');
    expect(parseEntry(after).tags).toEqual(['retrospective']);
  });

  it('keeps CRLF, a BOM and every other byte', () => {
    const text = '\uFEFF---\r\ntags:\r\n  - retro\r\n---\r\nbody #retro\r\n';
    expect(rename(text, 'retro', 'x')).toBe('\uFEFF---\r\ntags:\r\n  - x\r\n---\r\nbody #x\r\n');
  });

  it('refuses a document whose front matter holds the tag in a form it cannot edit exactly', () => {
    const result = renameTagEdits('---\ntags: [empathy,\n  retro]\n---\n', 'retro', 'x');
    expect(result).toHaveProperty('refused');
    expect(renameTagEdits('no tags here', 'retro', 'x')).toEqual({ edits: [] });
  });

  it('writes the new name without the `#` it was typed with', () => {
    expect(writtenName('#look-back')).toBe('look-back');
    expect(writtenName('look-back')).toBe('look-back');
    expect(rename('---\ntags: [retro]\n---\n#Retro here\n', 'retro', '#look-back')).toBe('---\ntags: [look-back]\n---\n#look-back here\n');
  });

  it('refuses a document where nothing can be edited but the index counts the tag', () => {
    // A flow list over two lines holding the tag alone: the locator finds no item to edit.
    const result = renameTagEdits('---\ntags: [\n  retro]\n---\n', 'retro', 'x');
    expect(result).toHaveProperty('refused');
  });

  it('refuses when the rename would lose a tag that sorts after the new name', () => {
    // `[#secret]` is a link while the definition matches; renamed, `#zz` after its `]` is no tag.
    const result = renameTagEdits('[#secret]: /u\n[#secret]#zz\n', 'secret', 'b');
    expect(result).toHaveProperty('refused');
  });

  it('maps tags: the tag itself, the tags nested under it, nothing else', () => {
    expect(renamedTag('retro', 'retro', 'Look Back')).toBe('look-back');
    expect(renamedTag('retro/q1', 'retro', 'x')).toBe('x/q1');
    expect(renamedTag('retrospective', 'retro', 'x')).toBeUndefined();
  });
});

describe('tagNameProblem', () => {
  it.each(['retro', 'Look-Back', 'one-on-one/alex', 'équipe', 'a1', '#retro', 'a_b'])('accepts %j', (name) => {
    expect(tagNameProblem(name)).toBeUndefined();
  });
  it.each([
    ['', 'Type a name'],
    [' retro', 'spaces at its ends'],
    ['retro ', 'spaces at its ends'],
    ['1on1', 'where a letter must start'],
    ['look back', 'which a tag may not contain'],
    ['a.b', 'which a tag may not contain'],
    ['a//b', 'where a letter must start'],
    ['a/1', 'where a letter must start'],
    ['retro-', 'ends with'],
    ['#', 'Type a name'],
  ])('refuses %j with the rule', (name, why) => {
    const problem = tagNameProblem(name);
    expect(problem).toContain(why);
    expect(problem).toContain('A tag starts with a letter');
  });
  it('names the character a name may not end with', () => {
    expect(tagNameProblem('retro_')).toBe(
      '"retro_" ends with "_", which would not be part of the tag. A tag starts with a letter and continues with letters, digits, "-", "_" or "/" (each part after a "/" starts with a letter), with no spaces.',
    );
  });
});

describe('traitRenameQuestion', () => {
  it('says what happens to the trait\'s entries', () => {
    const empathy = { label: 'Empathy', side: 'leadership' };
    expect(traitRenameQuestion(empathy, 'Leadership', 'empathy', 'kindness', 2)).toBe(
      '#empathy is the trait Empathy (Leadership). Rename it to #kindness? Its 2 entries will no longer count for Empathy, or for your balance.',
    );
    expect(traitRenameQuestion(empathy, 'Leadership', 'empathy', 'influence', 1, { label: 'Influence' })).toBe(
      '#empathy is the trait Empathy (Leadership). Rename it to #influence? Its 1 entry will count for Influence instead.',
    );
  });
});

describe('applyEdits', () => {
  it('applies edits given in any order, each at its own offsets', () => {
    const edits = [
      { start: 8, end: 9, newText: 'C' },
      { start: 0, end: 1, newText: 'A' },
      { start: 4, end: 5, newText: 'B' },
    ];
    expect(applyEdits('a23 b67 c9', edits)).toBe('A23 B67 C9');
  });
});

describe('LineIndex', () => {
  it('counts lines as VS Code does: LF, CRLF and a lone CR', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    expect(lines.position(0)).toEqual({ line: 0, character: 0 });
    expect(lines.position(2)).toEqual({ line: 1, character: 0 });
    expect(lines.position(3)).toEqual({ line: 1, character: 1 });
    expect(lines.position(5)).toEqual({ line: 2, character: 0 });
    expect(lines.position(7)).toEqual({ line: 3, character: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated entries
// ---------------------------------------------------------------------------------------------

const tagWord = fc.constantFrom('retro', 'Retro', 'empathy', 'one-on-one', 'one-on-one/alex', 'One-On-One/Sam', 'Time Management', 'time_management', 'équipe', 'a/b/c');

/** Front matter in one of the three forms rename edits, with optional quotes and comments. */
const frontMatter: fc.Arbitrary<string> = fc
  .tuple(fc.array(tagWord, { minLength: 1, maxLength: 4 }), fc.constantFrom('block', 'flow', 'comma', 'none'), fc.boolean(), fc.boolean(), fc.constantFrom('\n', '\r\n'))
  .map(([tags, form, quoted, comment, eol]) => {
    const item = (tag: string, i: number) => (quoted && i % 2 === 0 ? `"${tag}"` : tag);
    const note = comment ? ' # a note' : '';
    if (form === 'none') return '';
    const lines = ['---', 'date: 2026-11-27T09:05:00+01:00'];
    if (form === 'block') lines.push('tags:', ...tags.map((tag, i) => `  - ${item(tag, i)}${i === 0 ? note : ''}`));
    // A plain comma text cannot hold quotes: quoting is for the lists.
    else if (form === 'flow') lines.push(`tags: [${tags.map(item).join(', ')}]${note}`);
    else lines.push(`tags: ${tags.join(', ')}${note}`);
    lines.push('mood: calm', '---', '');
    return lines.join(eol);
  });

const bodyTags = fc.array(tagWord.filter((tag) => !tag.includes(' ')).map((tag) => `#${tag}`), { maxLength: 4 });

/** An entry: front matter, then generated Markdown with tags of the journal sprinkled in. */
const entryDocument: fc.Arbitrary<string> = fc
  .tuple(frontMatter, markdownDocument, bodyTags, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }))
  .map(([head, body, tags, places]) => {
    let text = body;
    tags.forEach((tag, i) => {
      const at = places[i] % (text.length + 1);
      text = `${text.slice(0, at)} ${tag} ${text.slice(at)}`;
    });
    return head + text;
  });

const newNames = fc.constantFrom('look-back', 'Look_Back', 'retro', 'empathy', 'one-on-one', 'x/y', 'équipe', 'Ω');

const RENAME_RUNS = propertyRuns(10_000);

describe('properties of rename', () => {
  it('re-parsing the renamed text gives the renamed tag set, and every byte outside tag occurrences is unchanged', () => {
    let renamed = 0;
    let refused = 0;
    fc.assert(
      fc.property(entryDocument, newNames, fc.nat(), (text, newName, pick) => {
        const tags = parseEntry(text).tags;
        // Mostly a tag the entry holds (with its nested tags); sometimes one it does not.
        const oldTag = tags.length > 0 && pick % 5 !== 0 ? tags[pick % tags.length] : 'retro';
        const result = renameTagEdits(text, oldTag, newName);
        if ('refused' in result) {
          // The one generated form rename refuses: a tag that is a reference link's text
          // (`[#a]` with `[#a]: /u`). Renamed, the link would break and other tags with it.
          expect(text, 'refused only where a link reference definition is').toMatch(/\]:/);
          expect(result.refused).toMatch(/reference link/);
          refused++;
          return;
        }
        const after = applyEdits(text, result.edits);
        expect([...new Set(parseEntry(after).tags)].sort()).toEqual(expectedTags(tags, oldTag, newName));

        // Each edit replaces exactly one occurrence of the tag (or a tag nested under it)...
        const occurrences = tagOccurrences(text);
        const edits = [...result.edits].sort((a, b) => a.start - b.start);
        for (const edit of edits) {
          const occurrence = occurrences.find((candidate) => candidate.start === edit.start && candidate.end === edit.end);
          expect(occurrence, `edit at ${edit.start} is a tag occurrence`).toBeDefined();
          expect(renamedTag(occurrence!.tag, oldTag, newName)).toBeDefined();
        }
        // ... every occurrence of it is edited ...
        expect(edits.length).toBe(occurrences.filter((occurrence) => renamedTag(occurrence.tag, oldTag, newName) !== undefined).length);
        // ... and the bytes between the edits are the original's, in order.
        let at = 0;
        let out = 0;
        for (const edit of edits) {
          const kept = text.slice(at, edit.start);
          expect(after.slice(out, out + kept.length)).toBe(kept);
          out += kept.length + edit.newText.length;
          at = edit.end;
        }
        expect(after.slice(out)).toBe(text.slice(at));
        if (edits.length > 0) renamed++;
      }),
      { numRuns: RENAME_RUNS, ...replay },
    );
    expect(renamed, 'most generated entries hold the renamed tag').toBeGreaterThan(RENAME_RUNS / 2);
    expect(refused, 'refusals are rare').toBeLessThan(RENAME_RUNS / 50);
  });

  it('refuses, with the reason, a tag that is a reference link\'s text, and writes nothing', () => {
    const text = '[#secret]: /u\n> [#secret]#a\n> #é\n';
    expect(parseEntry(text).tags).toContain('secret');
    const result = renameTagEdits(text, 'secret', 'look-back');
    expect(result).toHaveProperty('refused');
    expect((result as { refused: string }).refused).toMatch(/reference link/);
  });

  it('renaming back restores the text when the new name was not in the entry and is spelled as the old', () => {
    fc.assert(
      fc.property(entryDocument, (text) => {
        const tags = parseEntry(text).tags;
        if (!tags.includes('retro') || tags.some((tag) => tag === 'zzz' || tag.startsWith('zzz/'))) return;
        const there = rename(text, 'retro', 'zzz');
        const result = renameTagEdits(there, 'zzz', 'retro');
        if ('refused' in result) throw new Error(result.refused);
        // Spellings fold (`Retro` comes back as `retro`), so compare what the index reads.
        expect(parseEntry(applyEdits(there, result.edits)).tags).toEqual(parseEntry(text).tags);
      }),
      { numRuns: propertyRuns(2000), ...replay },
    );
  });
});
