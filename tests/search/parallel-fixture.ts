/**
 * A parallel report as a test builds it: its paragraphs, Chinese and English, written as the aligned CSV the
 * ingest reads (one sentence pair a paragraph, report year 2024).
 */

const csvCell = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * The aligned CSV of `paragraphs`, one row each, numbered from 1.
 * @example parallelCsv([['推动高质量发展。', 'We will pursue high-quality development.']])
 */
export function parallelCsv(paragraphs: ReadonlyArray<readonly [zh: string, en: string]>): string {
  return ['报告年份,年度文件内行号,段内对齐序号,中文,英文', ...paragraphs.map(([zh, en], i) => `2024,${i + 1},1,${csvCell(zh)},${csvCell(en)}`)].join('\n');
}
