/**
 * A short aligned Chinese-English table of a provincial report, as a user saves one: a Chinese column and an
 * English column, one paragraph a row, written here in the shapes tests read (CSV with a header, headerless,
 * the Chinese on the right, tab-separated). Synthetic text in the form of Beijing's 2025 work report.
 */

/** The report's paragraphs: Chinese and its English. */
export const BEIJING_ROWS: ReadonlyArray<readonly [zh: string, en: string]> = [
  ['政府工作报告', 'Report on the Work of the Government'],
  ['——2025年1月14日在北京市第十六届人民代表大会第三次会议上', "Delivered at the Third Session of the Sixteenth Beijing Municipal People's Congress on January 14, 2025"],
  ['北京市市长 殷勇', 'Yin Yong, Mayor of Beijing'],
  ['各位代表：', 'Fellow Deputies,'],
  [
    '现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。',
    "On behalf of the Beijing Municipal People's Government, I will now report to you on the work of the government for your deliberation, and I also invite comments from members of the Municipal Committee of the CPPCC.",
  ],
  ['一、2024年工作回顾', 'I. Review of Our Work in 2024'],
  ['全面推进中关村世界领先科技园区建设。', 'We pushed ahead with building Zhongguancun into a world-leading science park.'],
  ['大力发展冰雪运动，办好冬季旅游季。', 'We promoted ice and snow sports and held a successful winter tourism season.'],
];

const quoted = (cell: string, delimiter: string): string =>
  cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell;

/**
 * The rows as a delimited table, CRLF line ends, optionally under a header row.
 * @example alignedTable(BEIJING_ROWS, { header: ['中文', '英文'] }).startsWith('中文,英文\r\n') // true
 */
export function alignedTable(
  rows: ReadonlyArray<readonly string[]>,
  options: { header?: readonly string[]; delimiter?: ',' | '\t' | ';' } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const lines = [...(options.header ? [options.header] : []), ...rows].map((row) => row.map((cell) => quoted(cell, delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}
