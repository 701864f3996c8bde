import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../src/ingest/pdf-blocks.js';
import { measureLayout } from '../../src/ingest/pdf-layout.js';
import type { PdfLine } from '../../src/ingest/pdf-lines.js';

/** A line of page 1 at baseline y, its cells given as [text, x, xEnd]; 12-point text. */
function line(y: number, cells: Array<[string, number, number]>, size = 12): PdfLine {
  return {
    page: 1,
    text: cells.map((c) => c[0]).join('\t'),
    x: cells[0][1],
    xEnd: cells[cells.length - 1][2],
    y,
    size,
    font: 'f',
    cells: cells.map(([, x, xEnd]) => ({ x, xEnd })),
  };
}

const FULL = '这是一段足够长的正文内容，用于检验段落在跨页和换行时是否保持完整，并包含数字如增长以及其';

describe('a ruled table whose cells hold several lines (printed by Chromium)', () => {
  // The geometry of a <table> with borders and 4-point padding printed by Chromium in 12 points: lines of one
  // cell 14.2 points apart, rows 21 apart; the header's cells centred, a cell's second and third lines alone.
  const rows = [
    line(756.6, [['序', 14, 26], ['项目名称', 56, 104], ['主要建设内容', 288, 360], ['投资（亿', 532, 580]]),
    line(742.4, [['号', 14, 26], ['元）', 544, 568]]),
    line(721.4, [['1', 10, 16], ['重点项目名称', 38, 110], ['建设内容包括道路、桥梁、供水管网改造，总投资约3亿', 128, 507], ['1.5', 526, 542]]),
    line(707.1, [['第1项', 38, 68], ['元，年内完成主体工程', 128, 248]]),
    line(692.9, [['（续建）', 38, 86]]),
    line(671.9, [['2', 10, 16], ['重点项目名称', 38, 110], ['建设内容包括道路、桥梁、供水管网改造，总投资约6亿', 128, 507], ['3.0', 526, 542]]),
    line(657.6, [['第2项', 38, 68], ['元，年内完成主体工程', 128, 248]]),
    line(643.4, [['（续建）', 38, 86]]),
  ];
  const after = [line(622.4, [[FULL, 30, 584]]), line(601.4, [['他内容。', 6, 54]])];

  it('keeps each row one table row, the lines of each cell joined in their column', () => {
    const lines = [...rows, ...after];
    const blocks = buildBlocks(lines, measureLayout([lines]));
    expect(blocks.map((b) => [b.kind, b.lines.map((l) => l.text).join('|')])).toEqual([
      ['table', '序号\t项目名称\t主要建设内容\t投资（亿元）'],
      ['table', '1\t重点项目名称第1项（续建）\t建设内容包括道路、桥梁、供水管网改造，总投资约3亿元，年内完成主体工程\t1.5'],
      ['table', '2\t重点项目名称第2项（续建）\t建设内容包括道路、桥梁、供水管网改造，总投资约6亿元，年内完成主体工程\t3.0'],
      ['paragraph', `${FULL}|他内容。`],
    ]);
  });

  it('leaves a table of one-line rows, evenly spaced, row by row as before', () => {
    const even = [0, 1, 2, 3].map((k) => line(756 - 21 * k, [[`${k + 1}`, 10, 16], [`指标项目${k + 1}号`, 38, 110], [`${100 + k}.5`, 526, 550]]));
    const sparse = line(756 - 21 * 4, [['', 10, 10], ['合计', 38, 62], ['406.0', 526, 556]].slice(1) as Array<[string, number, number]>);
    const lines = [...even, sparse, ...after.map((l) => ({ ...l, y: l.y - 200 }))];
    const blocks = buildBlocks(lines, measureLayout([lines]));
    expect(blocks.filter((b) => b.kind === 'table').map((b) => b.lines[0].text)).toEqual([
      '1\t指标项目1号\t100.5',
      '2\t指标项目2号\t101.5',
      '3\t指标项目3号\t102.5',
      '4\t指标项目4号\t103.5',
      '\t合计\t406.0',
    ]);
  });
});
