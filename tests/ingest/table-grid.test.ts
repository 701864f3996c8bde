import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/ingest/docx.js';
import { extractBlocks } from '../../src/ingest/html-blocks.js';
import { placeOnGrid, type SpanCell } from '../../src/ingest/table-grid.js';
import { chunkDocument } from '../../src/chunk/index.js';
import { testContext } from './helpers.js';
import { buildDocx, run } from './docx-parts.js';

const cell = (text: string, colspan = 1, rowspan = 1): SpanCell => ({ text, colspan, rowspan });

/** The rows of a table of indicators: a category cell merged down two rows, a label merged across two columns. */
const EXPECTED_ROWS = ['类别\t指标\t2024年', '经济\t地区生产总值增长\t5.2%', '\t一般公共预算收入增长\t3.1%', '民生\t\t较好'];

describe('cells placed on their table\'s grid', () => {
  it('leave a row-spanning cell\'s column empty in the rows below, and a column-spanning cell\'s other columns empty', () => {
    const rows = placeOnGrid([
      [cell('类别'), cell('指标'), cell('2024年')],
      [cell('经济', 1, 2), cell('地区生产总值增长'), cell('5.2%')],
      [cell('一般公共预算收入增长'), cell('3.1%')],
      [cell('民生', 2), cell('较好')],
    ]);
    expect(rows.map((r) => r.join('\t'))).toEqual(EXPECTED_ROWS);
  });

  it('place a cell spanning rows and columns, a span to the end (rowspan 0) and a cell under a span in the middle', () => {
    expect(placeOnGrid([[cell('a', 2, 2), cell('b')], [cell('c')], [cell('d'), cell('e', 1, 0)], [cell('f')]])).toEqual([['a', '', 'b'], ['', '', 'c'], ['d', 'e'], ['f', '']]);
    expect(placeOnGrid([[cell('x'), cell('y', 1, 2), cell('z')], [cell('u'), cell('v')]])).toEqual([['x', 'y', 'z'], ['u', '', 'v']]);
  });

  it('leave a table without spans as it is, and read a bad span as 1', () => {
    expect(placeOnGrid([[cell('a'), cell('b')], [cell('c'), cell('d')]])).toEqual([['a', 'b'], ['c', 'd']]);
    expect(placeOnGrid([[cell('a', Number.NaN, -3), cell('b')], [cell('c')]])).toEqual([['a', 'b'], ['c']]);
  });
});

describe('merged cells of a table in a page or a Word document', () => {
  it('keep every cell of an HTML table under its column (rowspan, colspan)', () => {
    const html = `<body><article><p>附表：主要指标</p><table><tr><th>类别</th><th>指标</th><th>2024年</th></tr>
      <tr><td rowspan="2">经济</td><td>地区生产总值增长</td><td>5.2%</td></tr><tr><td>一般公共预算收入增长</td><td>3.1%</td></tr>
      <tr><td colspan="2">民生</td><td>较好</td></tr></table></article></body>`;
    expect(extractBlocks(html).text.split('\n').slice(1)).toEqual(EXPECTED_ROWS);
  });

  it('keep every cell of a .docx table under its column (vMerge, gridSpan), in the table passage', async () => {
    const tc = (t: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p>${t === '' ? '' : run(t)}</w:p></w:tc>`;
    const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${tr(tc('类别'), tc('指标'), tc('2024年'))}${tr(tc('经济', '<w:vMerge w:val="restart"/>'), tc('地区生产总值增长'), tc('5.2%'))}${tr(tc('', '<w:vMerge/>'), tc('一般公共预算收入增长'), tc('3.1%'))}${tr(tc('民生', '<w:gridSpan w:val="2"/>'), tc('较好'))}</w:tbl>`;
    const [doc] = await readDocx(buildDocx(`<w:p>${run('各位代表：')}</w:p><w:p>${run('过去一年，主要指标如下。')}</w:p>${table}<w:p>${run('以上数据为初步统计。')}</w:p>`), testContext('merged.docx'));
    expect(doc.text.split('\n').slice(2, 6)).toEqual(EXPECTED_ROWS);
    const tables = chunkDocument(doc).filter((p) => p.kind === 'table');
    expect(tables.map((p) => doc.text.slice(p.start, p.end))).toEqual([EXPECTED_ROWS.join('\n')]);
  });
});
