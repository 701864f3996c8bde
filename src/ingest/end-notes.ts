/**
 * Notes set at the end of a text that has no markup to say so (a plain-text report, a .txt export of a PDF):
 * a closing run of lines opening with a note's mark (`①`, `⑴`, `❶`, `¹`, `[1]`, `〔1〕`), numbered 1, 2, 3 …
 * in order, the first referred to in the text above it (`增长9.5%①`), after an optional label line
 * (`注释：`, `注：`, `说明：`). A note may run over several lines (a hard-wrapped note): the lines under a mark
 * line, up to the next mark, are its own. Each note (and the label) is a range of the text, so the chunker
 * makes it a passage of kind note instead of a numbered paragraph.
 */
import type { TextRange } from '../model.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { noteMark } from './note-mark.js';

/**
 * A numbered note's mark at a line's start (`①`, `⑴`, `❶`, `¹`, `[1]`, `〔1〕`; not a sign such as `*`, a
 * `注：` label, or a parenthesised `（1）`, which numbers the body's lists too) and its number.
 */
function numberedMark(line: string): { mark: string; number: number } | null {
  const found = noteMark(line);
  if (!found || !/^\d+$/u.test(found.en) || found.zh === '' || /^[（(]/u.test(found.zh)) return null;
  return { mark: found.zh, number: Number(found.en) };
}
/** A line that labels the notes below it. */
const LABEL = /^(?:注释?|注解|附注|说明|Notes?)\s*[：:]?$/iu;
/** A note's continuation lines at most: more is a paragraph of the body, not a note. */
const MAX_CONTINUATION = 4;

/** One trimmed line with its offsets. */
interface TextLine {
  text: string;
  start: number;
  end: number;
  /** A blank line stands between it and the line before it. */
  afterBlank: boolean;
}

/**
 * The notes closing a text, as ranges of it (the label line first when there is one); none when the text
 * ends otherwise. `ignore` holds ranges to step over (page furniture: `- 5 -` under the notes).
 * @example findEndNotes('增长9%①。\n\n①按可比价格计算。').length // 1
 */
export function findEndNotes(text: string, ignore: readonly TextRange[] = []): TextRange[] {
  const lines = textLines(text, ignore);
  const first = firstNoteLine(lines);
  if (first === null) return [];
  const notes: TextRange[] = [];
  const numbers: number[] = [];
  for (const line of lines.slice(first)) {
    const mark = numberedMark(line.text);
    if (mark) {
      notes.push({ start: line.start, end: line.end });
      numbers.push(mark.number);
    } else {
      notes[notes.length - 1].end = line.end;
    }
  }
  if (numbers.some((n, k) => n !== k + 1)) return [];
  const before = text.slice(0, lines[first].start);
  if (!referredTo(before, numberedMark(lines[first].text)?.mark ?? '')) return [];
  const label = lines[first - 1];
  return label && LABEL.test(foldToSimplified(label.text)) ? [{ start: label.start, end: label.end }, ...notes] : notes;
}

/**
 * The index of the first line of the closing run of notes, or null when the text does not end with one: read
 * upwards, a mark line opens a note, a line right under another line (no blank between) may run one on.
 */
function firstNoteLine(lines: readonly TextLine[]): number | null {
  let first: number | null = null;
  let continuation = 0;
  for (let i = lines.length - 1; i >= 1; i--) {
    if (numberedMark(lines[i].text)) {
      first = i;
      continuation = 0;
    } else if (!lines[i].afterBlank && continuation < MAX_CONTINUATION) {
      continuation++;
    } else {
      break;
    }
  }
  return first;
}

/** Whether `mark` stands in `text` inside a line (a reference), not only opening one. */
function referredTo(text: string, mark: string): boolean {
  if (mark === '') return false;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (text.slice(lineStart, at).trim() !== '') return true;
  }
  return false;
}

/** The non-blank lines of a text outside `ignore`, trimmed, with their offsets. */
function textLines(text: string, ignore: readonly TextRange[]): TextLine[] {
  const lines: TextLine[] = [];
  let blank = false;
  let from = 0;
  for (const end of [...text.matchAll(/\r\n|[\r\n\f]/gu)].map((m) => m.index).concat(text.length)) {
    const raw = text.slice(from, end);
    const trimmed = raw.trim();
    const start = from + (raw.length - raw.trimStart().length);
    from = end + (text.startsWith('\r\n', end) ? 2 : 1);
    if (trimmed === '') {
      blank = true;
      continue;
    }
    if (ignore.some((r) => r.start <= start && start < r.end)) continue;
    lines.push({ text: trimmed, start, end: start + trimmed.length, afterBlank: blank });
    blank = false;
  }
  return lines;
}
