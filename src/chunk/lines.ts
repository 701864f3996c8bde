/**
 * Splitting a report into lines that remember where they are. Every later step works on these lines, so
 * every passage can point back into the original text.
 */

/** One line of the source text. Offsets are UTF-16 code units into the document text. */
export interface Line {
  /** 0-based line number. */
  index: number;
  /** The line without its terminator, untrimmed (table rows need their tabs). */
  raw: string;
  /** The line trimmed of surrounding whitespace (spaces, U+3000, tabs, `\r`, BOM). Empty for a blank line. */
  text: string;
  /** Offset of the first character of `text` (of the line start when blank). */
  start: number;
  /** Offset just after the last character of `text` (`start` when blank). */
  end: number;
}

const TERMINATOR = /\r\n|\n|\r|\f/g;
/**
 * A run of two or more ideographic spaces between text: the paragraph indentation of a source whose line
 * breaks were lost (the year-a-line national collection writes `…意见。　　一、2021年工作回顾`).
 */
const SOFT_BREAK = /(?<=\S)[^\S\r\n]*?\u3000{2,}[^\S\r\n]*(?=\S)/gu;

/**
 * Splits text into lines with offsets of their trimmed content; `\r\n`, `\n`, `\r` and a form feed end a line,
 * and so does a run of two or more ideographic spaces between text (lost paragraph breaks).
 * @example splitLines('a\r\n　b ')[1] // { index: 1, raw: '　b ', text: 'b', start: 4, end: 5 }
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const push = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const start = from + (trimmed ? lead : 0);
    lines.push({ index: lines.length, raw, text: trimmed, start, end: start + trimmed.length });
  };
  const pushPhysical = (from: number, to: number): void => {
    let pieceStart = from;
    for (const soft of text.slice(from, to).matchAll(SOFT_BREAK)) {
      push(pieceStart, from + soft.index);
      pieceStart = from + soft.index + soft[0].length;
    }
    push(pieceStart, to);
  };
  let lineStart = 0;
  for (const match of text.matchAll(TERMINATOR)) {
    pushPhysical(lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  pushPhysical(lineStart, text.length);
  return lines;
}

/**
 * Whether a line holds nothing but whitespace.
 * @example isBlank(splitLines(' \u3000')[0]) // true
 */
function isBlank(line: Line): boolean {
  return line.text.length === 0;
}
