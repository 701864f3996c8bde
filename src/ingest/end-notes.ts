/**
 * Notes set at the end of a text that has no markup to say so (a plain-text report, a .txt export of a PDF):
 * a closing run of lines opening with a note's mark (`①`, `⑴`, `❶`, `¹`, `[1]`, `〔1〕`), numbered 1, 2, 3 …
 * in order, the first referred to in the text above it (`增长9.5%①`), after an optional label line
 * (`注释：`, `注：`, `说明：`). A note may run over several lines (a hard-wrapped note): the lines under a mark
 * line, up to the next mark, are its own. Each note (and the label) is a range of the text, so the chunker
 * makes it a passage of kind note instead of a numbered paragraph.
 */
import type { TextRange } from '../model.js';

/** A note's mark at a line's start, with its number read by `markNumber`. */
const MARK = /^(?:[\u2460-\u2473\u2474-\u2487\u2776-\u277f]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|[[［〔【]\d{1,3}[\]］〕】])/u;
/** A line that labels the notes below it. */
const LABEL = /^(?:注释?|注解|附注|说明|Notes?)\s*[：:]?$/iu;
/** A note's continuation lines at most: more is a paragraph of the body, not a note. */
const MAX_CONTINUATION = 4;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

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
    const mark = MARK.exec(line.text);
    if (mark) {
      notes.push({ start: line.start, end: line.end });
      numbers.push(markNumber(mark[0]));
    } else {
      notes[notes.length - 1].end = line.end;
    }
  }
  if (numbers.some((n, k) => n !== k + 1)) return [];
  const before = text.slice(0, lines[first].start);
  if (!referredTo(before, MARK.exec(lines[first].text)?.[0] ?? '')) return [];
  const label = lines[first - 1];
  return label && LABEL.test(label.text) ? [{ start: label.start, end: label.end }, ...notes] : notes;
}

/**
 * The index of the first line of the closing run of notes, or null when the text does not end with one: read
 * upwards, a mark line opens a note, a line right under another line (no blank between) may run one on.
 */
function firstNoteLine(lines: readonly TextLine[]): number | null {
  let first: number | null = null;
  let continuation = 0;
  for (let i = lines.length - 1; i >= 1; i--) {
    if (MARK.test(lines[i].text)) {
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

/** The number a mark stands for: ① 1, ⑵ 2, ❸ 3, ¹² 12, [4] 4. */
function markNumber(mark: string): number {
  const code = mark.codePointAt(0) ?? 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  if (code >= 0x2776 && code <= 0x277f) return code - 0x2776 + 1;
  const digits = /\d+/.exec(mark);
  if (digits) return Number(digits[0]);
  return Number([...mark].map((c) => (c === '¹' ? '1' : c === '²' ? '2' : c === '³' ? '3' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join(''));
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
