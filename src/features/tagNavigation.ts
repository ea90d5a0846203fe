import * as vscode from 'vscode';
import type { Services } from './services';
import { entryOutline, OutlineSection } from '../core/entryOutline';
import { JournalModel } from '../core/journalModel';
import { findTagAt, tagOccurrences } from '../core/tagLocator';
import { matchingTags } from '../core/tagSymbols';
import { LineIndex } from '../core/tagRename';
import { SIDE_LABELS, traitById } from '../core/traits';
import { pluralEntries } from '../core/balance';
import { JournalIndexer } from '../journalIndexer';
import { ReadJournalText, readJournalText, readJournalTexts } from '../journalTexts';
import { Platform } from '../platform/platform';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Entries listed per tag in Ctrl+T, and in all: the newest, enough to pick from. */
const SYMBOL_ENTRIES_PER_TAG = 100;
const MAX_SYMBOLS = 1000;

function rangeIn(file: ReadJournalText, lines: LineIndex | undefined, start: number, end: number): vscode.Range {
  if (file.document) return new vscode.Range(file.document.positionAt(start), file.document.positionAt(end));
  const from = lines!.position(start);
  const to = lines!.position(end);
  return new vscode.Range(from.line, from.character, to.line, to.character);
}

/**
 * Shift+F12 on a tag: every occurrence of it in the journal, in the notes the index says hold it
 * (only those are read) and in the journal's open documents.
 */
export class TagReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly model: JournalModel,
    private readonly indexer: Pick<JournalIndexer, 'contains'>,
    private readonly platform: Platform,
  ) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const found = findTagAt(document.getText(), document.offsetAt(position));
    if (!found || found.tag === '') return undefined;
    const keys = new Set(this.model.index.notesTagged(found.tag).map((note) => note.key));
    for (const open of vscode.workspace.textDocuments) if (this.indexer.contains(open.uri)) keys.add(open.uri.toString());
    if (this.indexer.contains(document.uri)) keys.add(document.uri.toString());
    const texts = await readJournalTexts(this.platform, [...keys].map((key) => vscode.Uri.parse(key)), token);
    const locations: vscode.Location[] = [];
    // The document asked from first, even outside the journal.
    if (!this.indexer.contains(document.uri)) texts.unshift({ uri: document.uri, text: document.getText(), document });
    for (const file of texts) {
      if ('skipped' in file) continue;
      const lines = file.document ? undefined : new LineIndex(file.text);
      for (const occurrence of tagOccurrences(file.text)) {
        if (occurrence.tag === found.tag) locations.push(new vscode.Location(file.uri, rangeIn(file, lines, occurrence.start, occurrence.end)));
      }
    }
    return locations;
  }
}

/** A tag symbol: the tag itself, or an entry that carries it. */
class TagSymbol extends vscode.SymbolInformation {
  constructor(
    name: string,
    kind: vscode.SymbolKind,
    containerName: string,
    location: vscode.Location,
    readonly tag: string,
  ) {
    super(name, kind, containerName, location);
  }
}

/**
 * Ctrl+T: `#emp` (or `emp`) finds the tag `#empathy` and the entries that carry it (newest
 * first), from the index alone; where the tag is in an entry is found when one is picked.
 */
export class TagWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider<TagSymbol> {
  constructor(
    private readonly model: JournalModel,
    private readonly platform: Platform,
  ) {}

  provideWorkspaceSymbols(query: string): TagSymbol[] {
    const index = this.model.index;
    const symbols: TagSymbol[] = [];
    for (const { tag, count } of matchingTags(query, index.allTags())) {
      const notes = index.notesTagged(tag);
      if (notes.length === 0) continue;
      const trait = traitById(tag);
      const about = trait ? `${trait.label} · ${SIDE_LABELS[trait.side]} · ${pluralEntries(count)}` : pluralEntries(count);
      // The tag's own symbol goes to its newest entry.
      symbols.push(new TagSymbol(`#${tag}`, trait ? vscode.SymbolKind.EnumMember : vscode.SymbolKind.Key, about, this.where(notes[0].key), tag));
      if (query.trim() === '' || symbols.length >= MAX_SYMBOLS) continue;
      for (const note of notes.slice(0, SYMBOL_ENTRIES_PER_TAG)) {
        // The name holds the tag, so VS Code's own filter keeps the entry for `#emp`.
        symbols.push(new TagSymbol(`#${tag} › ${note.title}`, vscode.SymbolKind.File, note.day ?? '', this.where(note.key), tag));
        if (symbols.length >= MAX_SYMBOLS) break;
      }
    }
    return symbols;
  }

  async resolveWorkspaceSymbol(symbol: TagSymbol, token: vscode.CancellationToken): Promise<TagSymbol> {
    const file = await readJournalText(this.platform, symbol.location.uri);
    if (token.isCancellationRequested || 'skipped' in file) return symbol;
    const first = tagOccurrences(file.text).find((occurrence) => occurrence.tag === symbol.tag);
    if (first) symbol.location = new vscode.Location(file.uri, rangeIn(file, file.document ? undefined : new LineIndex(file.text), first.start, first.end));
    return symbol;
  }

  private where(key: string): vscode.Location {
    return new vscode.Location(vscode.Uri.parse(key), new vscode.Position(0, 0));
  }
}

/**
 * The Outline and breadcrumbs of a journal entry: its title (with its date and tags), and under it
 * its reflection sections.
 */
export class EntryDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(
    private readonly model: JournalModel,
    private readonly indexer: Pick<JournalIndexer, 'contains'>,
  ) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    if (!this.indexer.contains(document.uri)) return undefined;
    const text = document.getText();
    const sections = entryOutline(text);
    const entry = this.model.index.get(document.uri.toString());
    const tags = [...new Set(tagOccurrences(text).map((occurrence) => `#${occurrence.tag}`))];
    const detail = [entry?.day, tags.join(' ')].filter(Boolean).join(' · ');
    const toSymbol = (section: OutlineSection, kind: vscode.SymbolKind): vscode.DocumentSymbol => {
      const symbol = new vscode.DocumentSymbol(
        section.name,
        '',
        kind,
        new vscode.Range(document.positionAt(section.start), document.positionAt(section.end)),
        new vscode.Range(document.positionAt(section.selectionStart), document.positionAt(section.selectionEnd)),
      );
      symbol.children = section.children.map((child) => toSymbol(child, vscode.SymbolKind.String));
      return symbol;
    };
    // The title is the first level-1 heading; the entry's sections sit under it.
    const titleAt = sections.findIndex((section) => section.level === 1);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(text.length));
    if (titleAt === -1) {
      const name = entry?.title ?? document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
      const root = new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.File, whole, new vscode.Range(0, 0, 0, 0));
      root.children = sections.map((section) => toSymbol(section, vscode.SymbolKind.String));
      return [root];
    }
    return sections.map((section, i) => {
      const symbol = toSymbol(section, i === titleAt ? vscode.SymbolKind.File : vscode.SymbolKind.String);
      if (i === titleAt) symbol.detail = detail;
      return symbol;
    });
  }
}

export function registerTagNavigation({ model, indexer, platform }: Services): vscode.Disposable[] {
  return [
    vscode.languages.registerReferenceProvider(MARKDOWN, new TagReferenceProvider(model, indexer, platform)),
    vscode.languages.registerWorkspaceSymbolProvider(new TagWorkspaceSymbolProvider(model, platform)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new EntryDocumentSymbolProvider(model, indexer), { label: vscode.l10n.t('Balance Journal') }),
  ];
}
