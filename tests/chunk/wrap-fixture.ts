/**
 * Test helper: real paragraphs hard-wrapped the way a PDF text extraction wraps them (a fixed display
 * width, digits and Latin letters half a column, no line starting with closing punctuation), or the way
 * some exporters wrap plain text (a fixed number of characters, each one counting one), with page
 * footers inserted between lines. The oracle of the reflow tests: repair must give the paragraphs back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayWidth } from '../../src/chunk/width.js';
import { endsSentence, startsMidSentence } from '../../src/chunk/punctuation.js';
import { matchStandaloneHeading } from '../../src/chunk/headings.js';
import { sharedPath } from '../shared-data.js';
import { repoRoot } from './seeds.js';

/** How a synthetic report is laid out. */
export interface WrapLayout {
  /** Line width in full-width columns (in characters when `measure` is `characters`). */
  width: number;
  /** How a line is measured: display columns (the default) or characters, a digit counting as much as a 字. */
  measure?: WrapMeasure;
  /**
   * How a paragraph's first line is indented by two columns: `kept` as two ideographic spaces, `stripped`
   * (the line is two columns shorter, as when the extraction drops the indent), or `none`.
   */
  indent: 'kept' | 'stripped' | 'none';
  /** A blank line between paragraphs. */
  blankBetween: boolean;
  /** Line numbers (0-based, among text lines) after which a page ends; its footer follows. */
  pageBreaks: readonly number[];
  /** The footer of printed page n. */
  footer: (n: number) => string;
  /** Printed number of the first page. */
  firstPage: number;
}

/** A synthetic wrapped report and what repair must find in it. */
export interface WrappedReport {
  text: string;
  /** The footers, in order, with the printed page each closes. */
  footers: Array<{ page: number; text: string }>;
  /** For each paragraph, the line numbers (among text lines) it occupies. */
  lineSpans: Array<{ first: number; last: number }>;
}

/** How the wrap measures a line. */
export type WrapMeasure = 'columns' | 'characters';

/** Characters no line may start with (kinsoku): they stay at the end of the line before. */
const NO_LINE_START = /^[，。、；：！？）》”’％%]$/u;

/**
 * Cuts one paragraph into lines of at most `width` columns or characters (the first `indent` narrower);
 * a closing punctuation mark that would start a line stays on the line before, and no line starts or
 * ends with a space (the character before a space moves down with it).
 */
export function wrapParagraph(text: string, width: number, indent: number, measure: WrapMeasure = 'columns'): string[] {
  const measured = (s: string): number => (measure === 'columns' ? displayWidth(s) : Array.from(s).length);
  const chars = Array.from(text);
  const lines: string[] = [];
  let line: string[] = [];
  let limit = width - indent;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const fits = measured(line.join('') + ch) <= limit;
    if (fits || line.length === 0 || NO_LINE_START.test(ch)) {
      line.push(ch);
      continue;
    }
    const next = [ch];
    while (line.length > 1 && (line[line.length - 1] === ' ' || next[0] === ' ')) next.unshift(line.pop() ?? '');
    lines.push(line.join(''));
    line = next;
    limit = width;
  }
  if (line.length > 0) lines.push(line.join(''));
  return lines;
}

/**
 * Lays out paragraphs as a wrapped report with footers after the given lines (and after the last one).
 * @example wrapReport(['甲乙丙丁。'], { width: 3, indent: 'none', blankBetween: false, pageBreaks: [], footer: (n) => `— ${n} —`, firstPage: 1 }).text
 * // '甲乙丙\n丁。\n— 1 —\n'
 */
export function wrapReport(paragraphs: readonly string[], layout: WrapLayout): WrappedReport {
  const out: string[] = [];
  const footers: WrappedReport['footers'] = [];
  const lineSpans: WrappedReport['lineSpans'] = [];
  const breaks = new Set(layout.pageBreaks);
  let page = layout.firstPage;
  let lineNo = 0;
  const endPage = (): void => {
    const footer = layout.footer(page);
    out.push(footer);
    footers.push({ page, text: footer });
    page++;
  };
  paragraphs.forEach((paragraph, k) => {
    if (k > 0 && layout.blankBetween) out.push('');
    const lines = wrapParagraph(paragraph, layout.width, layout.indent === 'none' ? 0 : 2, layout.measure);
    lineSpans.push({ first: lineNo, last: lineNo + lines.length - 1 });
    lines.forEach((line, j) => {
      out.push(j === 0 && layout.indent === 'kept' ? `\u3000\u3000${line}` : line);
      if (breaks.has(lineNo)) endPage();
      lineNo++;
    });
  });
  if (!breaks.has(lineNo - 1)) endPage();
  return { text: `${out.join('\n')}\n`, footers, lineSpans };
}

/** The paragraphs of one national work report (by year) of ../shared/corpora/national-zh, trimmed, non-empty. */
export function nationalParagraphs(year: string): string[] {
  const file = sharedPath('corpora/national-zh/government_work_reports.jsonl');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { year: string | number | null; content: string };
    if (String(record.year) !== year) continue;
    return record.content
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== '');
  }
  throw new Error(`no national report for ${year}`);
}

/**
 * Paragraphs a repair can give back exactly: whole sentences or headings, one line each, without runs of
 * ideographic spaces (lost line breaks), letter-spaced digits (`1 9 9 7`: a wrap between them loses the
 * space) or a mid-sentence start (the collection cut some paragraphs at links). From national reports of
 * three decades and the bundled 2020 report.
 */
export function cleanParagraphs(): string[] {
  const seed = readFileSync(path.join(repoRoot, 'corpus/xizang-2020-government-work-report.txt'), 'utf8').split(/\r?\n/u);
  const all = [...nationalParagraphs('2023'), ...nationalParagraphs('2010'), ...nationalParagraphs('1998'), ...seed];
  return all
    .map((p) => p.trim())
    .filter((p) => p.length >= 2 && !/\u3000{2}|[\t\f]|[0-9０-９] [0-9０-９]/u.test(p) && !startsMidSentence(p))
    .filter((p) => endsSentence(p) || matchStandaloneHeading(p) !== null);
}
