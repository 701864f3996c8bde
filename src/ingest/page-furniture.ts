/**
 * Page furniture of text extracted from a PDF: the page-number lines (`— 3 —`, `- 3 -`, `第3页`, `3/15`,
 * `Page 3`, a bare number in a rising sequence), running headers and footers repeated at page boundaries,
 * newspaper jump lines (`（下转第三版）`) and form feeds. Pure: text in, the furniture's lines with their
 * offsets out. The chunker leaves these lines out of passages; the txt reader records them and the pages
 * they delimit (see `paginate` in `pages.ts`).
 */

import { foldToSimplified } from '../simplified-chinese.js';
import { BARE_NUMBER, STRONG_PAGE_NUMBERS, pageDigits, pageNumberOf } from './page-number.js';

/** One line of furniture. Offsets are UTF-16 code units into the text, `end` exclusive, trimmed. */
export interface FurnitureLine {
  start: number;
  end: number;
  text: string;
  /** `page`: a page number; `running`: a repeated header/footer; `jump`: a newspaper jump line; `break`: a form feed. */
  kind: 'page' | 'running' | 'jump' | 'break';
  /** The page number the line prints, when it prints one. */
  printed: number | null;
}

/** A physical line of the text (terminated by `\n`, `\r\n`, `\r` or a form feed), trimmed. */
interface RawLine {
  start: number;
  end: number;
  text: string;
  /** The line ends with a form feed. */
  formFeed: boolean;
}

const JUMP_LINE = /^[（(](?:紧接|接|上接|下转|转)第[一二三四五六七八九十0-9０-９]{1,3}(?:版|页)[)）]$/u;

/** Bare numbers count as page numbers only in a rising run this long, this many text lines apart. */
const MIN_BARE_RUN = 3;
const MIN_LINES_PER_PAGE = 8;
/** A running header or footer is short, repeated this often, and stands next to page breaks. */
const MAX_RUNNING_LENGTH = 40;
const MIN_RUNNING_REPEATS = 3;
/** A line ending a sentence or clause is text, not a running header. */
const SENTENCE_END = /[。！？；：!?;:]$/u;
/** Clause punctuation: a line with it is prose, not a running header. */
const CLAUSE = /[，、,；;。]/u;

/**
 * The furniture lines of a text, in order: strong page numbers, bare numbers in a rising run of pages,
 * running headers/footers (a short line repeated at least 3 times, digits aside, next to page numbers or
 * carrying a rising page number itself), jump lines, and form feeds (as empty `break` lines).
 * @example findPageFurniture('甲乙丙\n— 1 —\n丁戊己\n').map((f) => f.text) // ['— 1 —']
 */
export function findPageFurniture(text: string): FurnitureLine[] {
  const lines = rawLines(text);
  const found = new Map<number, FurnitureLine>();
  const add = (k: number, kind: FurnitureLine['kind'], printed: number | null): void => {
    const { start, end, text: t } = lines[k];
    found.set(k, { start, end, text: t, kind, printed });
  };
  lines.forEach((line, k) => {
    // Matched in simplified characters (`第3頁` as `第3页`), the line folded once.
    const folded = foldToSimplified(line.text);
    if (STRONG_PAGE_NUMBERS.some((re) => re.test(folded))) add(k, 'page', pageNumberOf(line.text));
    else if (JUMP_LINE.test(folded)) add(k, 'jump', null);
  });
  const positions = textPositions(lines);
  for (const k of barePageNumbers(lines, positions)) add(k, 'page', pageNumberOf(lines[k].text));
  const pageLines = [...found.entries()].filter(([, f]) => f.kind === 'page').map(([k]) => k);
  for (const [k, printed] of runningLines(lines, positions, pageLines)) add(k, 'running', printed);
  const result = [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  for (const line of lines) {
    if (line.formFeed) result.push({ start: line.end, end: line.end, text: '', kind: 'break', printed: null });
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The physical lines of a text, trimmed, with offsets; a form feed also ends a line. */
function rawLines(text: string): RawLine[] {
  const lines: RawLine[] = [];
  const terminator = /\r\n|\n|\r|\f/gu;
  let from = 0;
  const push = (to: number, formFeed: boolean): void => {
    const raw = text.slice(from, to);
    const trimmed = raw.trim();
    const start = from + (trimmed ? raw.length - raw.trimStart().length : 0);
    lines.push({ start, end: start + trimmed.length, text: trimmed, formFeed });
  };
  for (const m of text.matchAll(terminator)) {
    push(m.index, m[0] === '\f');
    from = m.index + m[0].length;
  }
  push(text.length, false);
  return lines;
}

/** A numbered line: its position among the text lines, and its number. */
interface Numbered {
  position: number;
  n: number;
}

/**
 * Which candidates belong to a rising run of at least MIN_BARE_RUN page numbers (each the previous plus 1
 * or 2), consecutive members at least `minGap` text lines apart. Returns indexes into `candidates`.
 */
function risingRuns(candidates: readonly Numbered[], minGap: number): number[] {
  const LOOKBACK = 64;
  const linked = (a: Numbered, b: Numbered): boolean => (b.n - a.n === 1 || b.n - a.n === 2) && b.position - a.position >= minGap;
  const before = candidates.map(() => 1);
  for (let i = 0; i < candidates.length; i++) {
    for (let j = Math.max(0, i - LOOKBACK); j < i; j++) {
      if (linked(candidates[j], candidates[i])) before[i] = Math.max(before[i], before[j] + 1);
    }
  }
  const after = candidates.map(() => 1);
  for (let i = candidates.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < Math.min(candidates.length, i + 1 + LOOKBACK); j++) {
      if (linked(candidates[i], candidates[j])) after[i] = Math.max(after[i], after[j] + 1);
    }
  }
  return candidates.flatMap((_, i) => (before[i] + after[i] - 1 >= MIN_BARE_RUN ? [i] : []));
}

/** Each line's position among the non-blank lines (a blank line shares the next one's). */
function textPositions(lines: readonly RawLine[]): number[] {
  let n = 0;
  return lines.map((line) => (line.text === '' ? n : n++));
}

/** Indexes of the bare-number lines that rise page by page. */
function barePageNumbers(lines: readonly RawLine[], positions: readonly number[]): number[] {
  const ks = lines.flatMap((line, k) => (BARE_NUMBER.test(line.text) ? [k] : []));
  const candidates = ks.map((k) => ({ position: positions[k], n: pageNumberOf(lines[k].text) ?? 0 }));
  return risingRuns(candidates, MIN_LINES_PER_PAGE).map((i) => ks[i]);
}

/**
 * Running headers and footers: short non-sentence lines whose text, digits masked, repeats at least
 * MIN_RUNNING_REPEATS times; kept when the repeats carry a rising page number themselves and read the same
 * but for it (`政府工作报告 3`; not the rows of a numbered table, `1	指标项目1号	136.4	1.1%`, whose other
 * figures differ), or when most of them stand within two text lines of a page number.
 * Returns line index → printed number.
 */
function runningLines(lines: readonly RawLine[], positions: readonly number[], pageLines: readonly number[]): Map<number, number | null> {
  const byKey = new Map<string, number[]>();
  const taken = new Set(pageLines);
  lines.forEach((line, k) => {
    if (line.text === '' || taken.has(k) || Array.from(line.text).length > MAX_RUNNING_LENGTH) return;
    if (SENTENCE_END.test(line.text) || CLAUSE.test(line.text) || BARE_NUMBER.test(line.text)) return;
    const key = line.text.replace(/[0-9０-９]+/gu, '#').replace(/\s+/gu, '');
    const ks = byKey.get(key);
    if (ks) ks.push(k);
    else byKey.set(key, [k]);
  });
  const pagePositions = new Set(pageLines.map((k) => positions[k]));
  const nearPage = (k: number): boolean => [-2, -1, 1, 2].some((d) => pagePositions.has(positions[k] + d));
  const running = new Map<number, number | null>();
  for (const [key, ks] of byKey) {
    if (ks.length < MIN_RUNNING_REPEATS) continue;
    if (key.includes('#')) {
      const candidates = ks.map((k) => ({ position: positions[k], n: trailingNumber(lines[k].text) ?? -9 }));
      const rising = risingRuns(candidates, MIN_LINES_PER_PAGE);
      if (rising.length >= MIN_RUNNING_REPEATS && rising.length * 2 > ks.length && sameButNumber(rising.map((i) => lines[ks[i]].text))) {
        for (const i of rising) running.set(ks[i], candidates[i].n);
        continue;
      }
    }
    if (ks.filter(nearPage).length * 2 > ks.length) for (const k of ks) running.set(k, null);
  }
  return running;
}

/** Whether lines are one text but for their last number (`2025年政府工作报告 3`, `2025年政府工作报告 4`). */
function sameButNumber(texts: readonly string[]): boolean {
  const rest = new Set(texts.map((t) => t.replace(/[0-9０-９]{1,4}(?=[^0-9０-９]*$)/u, '#')));
  return rest.size === 1;
}

/** The last number in a line (`政府工作报告 3` → 3). */
function trailingNumber(text: string): number | null {
  const m = /([0-9０-９]{1,4})[^0-9０-９]*$/u.exec(text);
  return m ? pageDigits(m[1]) : null;
}
