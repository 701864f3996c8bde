/**
 * A PDF's metadata from what its pages show, never from its Title field (a real one reads `秘密★发布前`,
 * another `PowerPoint 演示文稿`): the title is the first page's largest text; year, date, speaker and
 * session are inferred from the text as for every report. When the page has no title, a government work
 * report names itself in its opening (`我代表北京市人民政府，向大会报告政府工作`, in either script); the year falls back to the
 * date on the first page, then to a year in the file name. Pure.
 */
import type { DocMeta } from '../model.js';
import { metaFromInference, yearFromFileName, type MetaContext } from './doc-meta.js';
import { detectLanguage, inferMeta, typeOfTitle } from './infer-meta.js';
import type { PdfLine } from './pdf-lines.js';

/** The title must be set this much larger than the body text. */
const TITLE_SCALE = 1.15;
/** Lines that are large but not a title: a date, a number, `指导单位：…`. */
const NOT_TITLE = /^(?:[0-9０-９\s年月日.\-/]+|[^：:]{1,8}[：:].*)$/u;
/** A date alone on its line, as a cover prints it: `2022年9月`, `2024 年 1 月 7 日`. */
const COVER_DATE = /^\s*((?:19|20)[0-9]{2})\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?\s*$/u;

/** A title is at most this many lines and characters. */
const MAX_TITLE_LINES = 4;
const MAX_TITLE_CHARS = 80;

/** Consecutive lines of one size. */
function sizeRuns(lines: readonly PdfLine[]): PdfLine[][] {
  const runs: PdfLine[][] = [];
  for (const line of lines) {
    const run = runs[runs.length - 1];
    if (run && Math.abs(run[0].size - line.size) < 0.6) run.push(line);
    else runs.push([line]);
  }
  return runs;
}

/** Whitespace with a letter or digit of a spaced script on both sides: a word space, which stays. */
const WORD_SPACE = /(?<=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}0-9.,;:!?'’")\]])\s+(?=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}0-9'‘"(\[])/u;

/** A Han character and a Latin letter, in either order: where a bilingual title's line break stays a space. */
const HAN_LATIN = /^(?:\p{Script=Han}\p{Script=Latin}|\p{Script=Latin}\p{Script=Han})$/u;

/** One line of a title: whitespace between two words in Latin letters (or numbers) becomes one space, other whitespace goes. */
function tightLine(line: string): string {
  return line
    .trim()
    .split(/(\s+)/u)
    .map((part, k, parts) => (k % 2 === 0 ? part : WORD_SPACE.test(parts[k - 1].slice(-1) + part + parts[k + 1].slice(0, 1)) ? ' ' : ''))
    .join('');
}

/** What a line break between two lines of a title becomes: a space between words, or between a Chinese line and an English one. */
function lineBreak(before: string, after: string): string {
  const last = Array.from(before).at(-1) ?? '';
  const first = Array.from(after)[0] ?? '';
  return WORD_SPACE.test(`${last} ${first}`) || HAN_LATIN.test(last + first) ? ' ' : '';
}

/**
 * A title's lines as one line: whitespace between two words in Latin letters (or numbers) becomes one space,
 * other whitespace goes (a letter-spaced Chinese title, a line break inside a Chinese title); a line break
 * between a Chinese line and an English one (a bilingual title) becomes one space.
 * @example joinTitleLines(['Report on the Work', 'of the Government']) // 'Report on the Work of the Government'
 * @example joinTitleLines(['政 府 工 作', '报 告']) // '政府工作报告'
 * @example joinTitleLines(['政府工作报告', 'Report on the Work of the Government']) // '政府工作报告 Report on the Work of the Government'
 */
export function joinTitleLines(lines: readonly string[]): string {
  return lines
    .map(tightLine)
    .filter((line) => line !== '')
    .reduce((title, line) => (title === '' ? line : title + lineBreak(title, line) + line), '');
}

/**
 * The title: the first page's largest text, when it is larger than the body and reads like a title (not
 * a date, not `指导单位：…` labels, a few short lines); its lines joined, spaces removed but those
 * between words in Latin letters (`政 府 工 作 报 告`, `Report on the Work`) and the break between a Chinese line
 * and an English one. Null when the page has none.
 * @example titleFromFirstPage([line('政府工作报告', 22), line('各位代表：', 16)], 16) // '政府工作报告'
 */
export function titleFromFirstPage(lines: readonly PdfLine[], bodySize: number): string | null {
  const runs = sizeRuns(lines.filter((l) => /\p{L}/u.test(l.text)));
  if (runs.length === 0) return null;
  const largest = runs.reduce((most, r) => Math.max(most, r[0].size), -Infinity);
  if (largest < bodySize * TITLE_SCALE) return null;
  for (const run of runs) {
    if (Math.abs(run[0].size - largest) >= 0.6) continue;
    const title = joinTitleLines(run.map((l) => l.text));
    if (run.length > MAX_TITLE_LINES || Array.from(title).length > MAX_TITLE_CHARS) continue;
    if (run.some((l) => NOT_TITLE.test(l.text.trim()))) continue;
    return title;
  }
  return null;
}

/**
 * A year from a date alone on a line of the first page (a cover's `2022年9月`), else from the file name.
 * @example fallbackYear([line('2022年9月', 14)], 'report.pdf') // 2022
 */
export function fallbackYear(firstPage: readonly PdfLine[], file: string): number | null {
  for (const line of firstPage) {
    const m = COVER_DATE.exec(line.text);
    if (m) return Number(m[1]);
  }
  return yearFromFileName(file);
}

/** `beijing_2024_government_work_report.pdf` → `beijing 2024 government work report`. */
function titleFromStem(file: string): string {
  return file
    .replace(/^.*[/\\]/u, '')
    .replace(/\.[^.]+$/u, '')
    .replace(/[_\s]+/gu, ' ')
    .trim();
}

/**
 * The metadata of a PDF report from its text and its first page's lines.
 * @example pdfMeta(text, firstPageLines, 10.5, { file: 'beijing_2024_government_work_report.pdf', checksum }).title // '2024年北京市政府工作报告'
 */
export function pdfMeta(text: string, firstPage: readonly PdfLine[], bodySize: number, ctx: MetaContext): DocMeta {
  const inferred = inferMeta(text);
  const pageTitle = titleFromFirstPage(firstPage, bodySize);
  const title = pageTitle ?? inferred.title;
  const year = inferred.year ?? fallbackYear(firstPage, ctx.file);
  return metaFromInference(
    { ...inferred, title, year, type: inferred.type ?? (title ? typeOfTitle(title) : null) },
    detectLanguage(text),
    { ...ctx, fallbackTitle: ctx.fallbackTitle ?? titleFromStem(ctx.file) },
  );
}
