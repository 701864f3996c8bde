/**
 * The evaluation's view of a parallel report: its Chinese paragraphs, numbered as the CSV numbers them
 * (年度文件内行号), each the concatenation of its aligned sentences' 中文 in 段内对齐序号 order. The same
 * grouping the parallel-CSV reader uses, so the evaluated text is the text the ingest would show.
 */
import { parse } from 'csv-parse/sync';
import { groupParagraphs } from '../ingest/parallel-csv.js';
import { EvalError } from './errors.js';

/** One numbered Chinese paragraph of a report. */
export interface ReportParagraph {
  number: number;
  text: string;
}

const COLUMNS = ['报告年份', '年度文件内行号', '段内对齐序号', '中文'] as const;

/**
 * The Chinese paragraphs of one year of a parallel CSV, in paragraph order; empty paragraphs are left out.
 * Throws `EVAL_CSV_INVALID` when a column is missing and `EVAL_REPORT_MISSING` when the year has no rows.
 * @example reportParagraphs('报告年份,年度文件内行号,段内对齐序号,中文\n2025,3,2,乙\n2025,3,1,甲\n', 2025) // [{ number: 3, text: '甲乙' }]
 */
export function reportParagraphs(csv: string, year: number): ReportParagraph[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (error) {
    throw new EvalError('EVAL_CSV_INVALID', error instanceof Error ? error.message : String(error));
  }
  const missing = COLUMNS.filter((c) => records.length === 0 || !(c in records[0]));
  if (missing.length > 0) throw new EvalError('EVAL_CSV_INVALID', `missing column(s) ${missing.join(', ')}`);
  const rows = records
    .filter((r) => Number(r['报告年份']) === year)
    .map((r) => ({ paragraph: Number(r['年度文件内行号']), order: Number(r['段内对齐序号']), zh: (r['中文'] ?? '').trim(), en: '' }));
  if (rows.length === 0) throw new EvalError('EVAL_REPORT_MISSING', `no rows for ${year}`);
  const bad = rows.findIndex((r) => !Number.isInteger(r.paragraph) || !Number.isInteger(r.order));
  if (bad >= 0) throw new EvalError('EVAL_CSV_INVALID', `a ${year} row has a non-integer 年度文件内行号 or 段内对齐序号`);
  return groupParagraphs(rows)
    .filter((p) => p.zh !== '')
    .map((p) => ({ number: p.number, text: p.zh }));
}

/**
 * The report as plain text, one paragraph a line (what the evaluation ingests).
 * @example reportText([{ number: 1, text: '甲' }, { number: 2, text: '乙' }]) // '甲\n乙\n'
 */
export function reportText(paragraphs: readonly ReportParagraph[]): string {
  return paragraphs.map((p) => `${p.text}\n`).join('');
}

/**
 * A match key for judging hits: NFKC, whitespace removed (the passage text rejoins lines with a space
 * between Latin letters or digits; the expected substrings are written without).
 * @example judgeKey('２４０ 小时') // '240小时'
 */
export function judgeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Numbers of the paragraphs that contain at least one of the substrings.
 * @example paragraphsContaining([{ number: 4, text: '零基预算改革' }, { number: 5, text: '其他' }], ['零基预算']) // [4]
 */
export function paragraphsContaining(paragraphs: readonly ReportParagraph[], substrings: readonly string[]): number[] {
  const keys = substrings.map(judgeKey).filter((k) => k !== '');
  return paragraphs.filter((p) => keys.some((k) => judgeKey(p.text).includes(k))).map((p) => p.number);
}

/**
 * Numbers of the paragraphs a passage of the report overlaps: those holding the passage's text, or held
 * in it (a passage may join short paragraphs). Empty when the text is not from this report.
 * @example paragraphsOfPassage([{ number: 7, text: '甲乙丙' }, { number: 8, text: '丁' }], '乙丙') // [7]
 */
export function paragraphsOfPassage(paragraphs: readonly ReportParagraph[], passageText: string): number[] {
  const key = judgeKey(passageText);
  if (key === '') return [];
  return paragraphs
    .filter((p) => {
      const own = judgeKey(p.text);
      return own !== '' && (own.includes(key) || key.includes(own));
    })
    .map((p) => p.number);
}
