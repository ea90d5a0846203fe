// CommonMark's fenced code blocks, shared by the tag scanner and the title finder.

export interface Fence {
  readonly char: '`' | '~';
  readonly length: number;
}

const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence that `line` (without its line break) opens, if it opens one. */
export function openingFence(line: string): Fence | undefined {
  const match = OPENING_FENCE.exec(line);
  if (!match) return undefined;
  const [, marker, info] = match;
  // A backtick fence's info string may not contain backticks.
  if (marker[0] === '`' && info.includes('`')) return undefined;
  return { char: marker[0] as Fence['char'], length: marker.length };
}

/** Whether `line` closes `fence`: the same character, at least as many, nothing but blanks after. */
export function closesFence(line: string, fence: Fence): boolean {
  const match = CLOSING_FENCE.exec(line);
  return match !== null && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** Whether the line starting at `start` could be a fence line, without slicing it out. */
export function mayBeFenceLine(text: string, start: number): boolean {
  let at = start;
  while (at < start + 3 && text[at] === ' ') at++;
  const ch = text[at];
  return (ch === '`' || ch === '~') && text[at + 1] === ch && text[at + 2] === ch;
}
