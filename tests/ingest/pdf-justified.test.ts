import { describe, expect, it } from 'vitest';
import type { PdfItem } from '../../src/ingest/pdf-extract.js';
import { buildLines } from '../../src/ingest/pdf-lines.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { testContext } from './helpers.js';
import { helvetica, justifiedPdf, type Column, type Flow } from './pdf-justified-typeset.js';

const PARAGRAPHS = [
  'Over the past year the economy sustained its recovery and registered steady growth. Gross domestic product grew by 5.2 percent, more than twelve million new urban jobs were added, and the surveyed urban unemployment rate averaged 5.2 percent.',
  'We pursued a proactive fiscal policy and a prudent monetary policy. Taxes and fees were cut by more than two trillion yuan, and local governments issued special-purpose bonds to finance major infrastructure projects already underway.',
  'Industrial upgrading proceeded apace. Investment in high-technology manufacturing increased by about ten percent, the digital economy expanded, and the output of new-energy vehicles exceeded nine million units for the first time.',
  'Rural revitalization was advanced across the board. Grain output reached a record high of 695 million metric tons, and incomes of rural residents grew faster than those of urban residents for another consecutive year.',
  'Extraordinarily comprehensive internationalization notwithstanding, counterproductive bureaucratization remains characteristically problematic in administration.',
  'We strengthened environmental protection and pursued green development. The share of days with good air quality in cities rose further, and the quality of surface water continued to improve.',
];

/** Two narrow columns (150 points at 10 points, about thirty characters a line) and a gutter of two font sizes. */
const TWO: Column[] = [
  { x: 60, width: 150 },
  { x: 230, width: 150 },
];

const read = async (pdf: Buffer): Promise<string[]> => (await readPdf(pdf, testContext('justified.pdf')))[0].text.split('\n');
const flow = (paragraphs: readonly string[]): Flow => paragraphs.map((paragraph) => ({ paragraph }));

describe('English set justified in narrow columns', () => {
  it('reads two columns whose stretched word gaps are as wide as cell gaps as whole paragraphs, none of them table rows', async () => {
    const { pdf, widestGap } = justifiedPdf([flow(PARAGRAPHS.slice(0, 3)), flow(PARAGRAPHS.slice(3))], TWO);
    // The gaps are wider than the 1.1 font sizes that part two cells of a table.
    expect(widestGap).toBeGreaterThan(2);
    expect(await read(pdf)).toEqual(PARAGRAPHS);
  });

  it('reads one narrow justified column as whole paragraphs', async () => {
    const { pdf, widestGap } = justifiedPdf([flow(PARAGRAPHS)], [{ x: 200, width: 160 }]);
    expect(widestGap).toBeGreaterThan(2);
    expect(await read(pdf)).toEqual(PARAGRAPHS);
  });

  it('keeps a table set in a column between paragraphs as rows, its cells apart', async () => {
    const table = [
      ['Indicator', '2023', '2024'],
      ['GDP', '5.2%', '5.0%'],
      ['Jobs', '12.44', '12.56'],
      ['Grain', '695', '706'],
    ];
    const left: Flow = [{ paragraph: PARAGRAPHS[0] }, { table, at: [0, 70, 112] }, { paragraph: PARAGRAPHS[1] }];
    const { pdf } = justifiedPdf([left, flow(PARAGRAPHS.slice(2, 4))], TWO);
    expect(await read(pdf)).toEqual([PARAGRAPHS[0], ...table.map((r) => r.join('\t')), PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3]]);
  });

  it('keeps a table of short words, and one across the page under the columns, as rows', async () => {
    const words = [
      ['Yes', 'No', 'Both'],
      ['Up', 'Down', 'Flat'],
      ['East', 'West', 'All'],
    ];
    const across = [
      ['Indicator', 'Target for 2024', 'Result in 2024'],
      ['Gross domestic product', 'about 5%', '5.0%'],
      ['New urban jobs', '12 million', '12.56 million'],
    ];
    const left: Flow = [{ paragraph: PARAGRAPHS[0] }, { table: words, at: [0, 60, 120] }, { paragraph: PARAGRAPHS[1] }];
    const { pdf } = justifiedPdf([left, flow(PARAGRAPHS.slice(2, 4))], TWO, { table: across, at: [0, 150, 250] });
    expect(await read(pdf)).toEqual([PARAGRAPHS[0], ...words.map((r) => r.join('\t')), PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3], ...across.map((r) => r.join('\t'))]);
  });
});

describe('English set ragged-right in columns', () => {
  it('reads two ragged columns one after the other as whole paragraphs, not as lines across both', async () => {
    const { pdf, widestGap } = justifiedPdf([flow(PARAGRAPHS.slice(0, 3)), flow(PARAGRAPHS.slice(3))], TWO, null, true);
    // Every word gap is a space, nothing stretched.
    expect(widestGap).toBeLessThan(0.3);
    expect(await read(pdf)).toEqual(PARAGRAPHS);
  });

  it('reads three ragged columns, and keeps a table of short cells set in one of them as rows', async () => {
    const three: Column[] = [
      { x: 40, width: 150 },
      { x: 210, width: 150 },
      { x: 380, width: 150 },
    ];
    const table = [
      ['Indicator', '2023', '2024'],
      ['GDP', '5.2%', '5.0%'],
      ['Jobs', '12.44', '12.56'],
    ];
    const middle: Flow = [{ paragraph: PARAGRAPHS[2] }, { table, at: [0, 70, 112] }, { paragraph: PARAGRAPHS[3] }];
    const { pdf } = justifiedPdf([flow(PARAGRAPHS.slice(0, 2)), middle, flow(PARAGRAPHS.slice(4))], three, null, true);
    expect(await read(pdf)).toEqual([...PARAGRAPHS.slice(0, 3), ...table.map((r) => r.join('\t')), ...PARAGRAPHS.slice(3)]);
  });

  it('keeps two columns of short cells, each line stopping well short of its edge, as the rows of a table', async () => {
    const rows = [
      ['Grain output', 'Up by 1.6 percent'],
      ['Urban jobs added', '12.56 million'],
      ['Unemployment rate', '5.1 percent'],
      ['Consumer prices', 'Up by 0.2 percent'],
      ['Foreign trade', 'Up by 5 percent'],
    ];
    const { pdf } = justifiedPdf([rows.map((r) => ({ table: [[r[0]]], at: [0] })), rows.map((r) => ({ table: [[r[1]]], at: [0] }))], TWO, null, true);
    expect(await read(pdf)).toEqual(rows.map((r) => r.join('\t')));
  });
});

const SIZE = 10;
const cjk = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: Array.from(str).length * SIZE, size: SIZE, font: 'f' });
const latin = (str: string, x: number, y: number): PdfItem => ({ str, x, y, width: helvetica(str), size: SIZE, font: 'f' });
/** A line of Chinese filling 200 points from 60: its characters spread alike when there are too few to fill it. */
const spread = (text: string, y: number, x = 60): PdfItem[] => {
  const chars = Array.from(text);
  const gap = (200 - (x - 60) - chars.length * SIZE) / (chars.length - 1);
  return chars.map((ch, k) => cjk(ch, x + k * (SIZE + gap), y));
};

describe('which wide gaps are those of justified text (lines from PDF.js items)', () => {
  it('reads a line of Chinese spread to its column\'s edges before an address too long to fit on it as text', () => {
    // A column 200 points wide holds 20 characters; the address does not fit after 查阅网址, which are spread
    // to fill the line, their gaps wider than a cell gap.
    const lines = ['国家统计局发布的年度统计公报全文刊登在国', '家统计局网站上，各地区的数据可以在网站上', '查阅网址', 'www.stats.gov.cn/tjsj/t2024.html。'];
    const items = lines.flatMap((line, k) => (k === 2 ? spread(line, 700 - k * 15) : [{ ...cjk(line, 60, 700 - k * 15), width: k === 3 ? 170 : 200 }]));
    expect(buildLines(1, items).map((l) => l.text)).toEqual(lines);
  });

  it('keeps a contents list whose page numbers stand at the right edge as rows', () => {
    const entries = ['Preface', 'Overview', 'Targets', 'Measures', 'Outlook'];
    const numbers = ['1', '3', '12', '27', '108'];
    const items = entries.flatMap((e, k) => [latin(e, 60, 700 - k * 14), latin(numbers[k], 260 - helvetica(numbers[k]), 700 - k * 14)]);
    expect(buildLines(1, items).map((l) => l.text)).toEqual(entries.map((e, k) => `${e}\t${numbers[k]}`));
  });

  it('keeps rows of single words whose gaps happen to be alike as rows when their cells stand in columns', () => {
    const rows = [
      ['一季度', '二季度', '三季度', '四季度'],
      ['增长', '持平', '下降', '增长'],
      ['回升', '增长', '持平', '下降'],
      ['下降', '回升', '增长', '持平'],
    ];
    // Four columns 50 points apart, cells set right: every row reaches both edges of the table, its gaps alike.
    const items = rows.flatMap((row, r) => row.map((cell, c) => cjk(cell, 60 + 50 * c + 40 - Array.from(cell).length * SIZE, 700 - r * 14)));
    expect(buildLines(1, items).map((l) => l.text)).toEqual(rows.map((r) => r.join('\t')));
  });
});
