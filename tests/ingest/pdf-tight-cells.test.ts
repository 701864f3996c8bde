/**
 * Table cells closer than a cell gap, as Chromium prints an HTML table whose column is as wide as its widest
 * cell: that row's cells are cut where the rows beside it start their columns, so the table stays one table.
 * The geometry is the one Chromium gave a ruled three-row table in 12 points (items as PDF.js extracted them).
 */
import { describe, expect, it } from 'vitest';
import type { PdfItem } from '../../src/ingest/pdf-extract.js';
import { buildBlocks } from '../../src/ingest/pdf-blocks.js';
import { measureLayout } from '../../src/ingest/pdf-layout.js';
import { buildLines } from '../../src/ingest/pdf-lines.js';
import { tightCuts } from '../../src/ingest/pdf-tight-cells.js';

const item = (str: string, x: number, xEnd: number, y: number, size = 12): PdfItem => ({ str, x, y, width: xEnd - x, size, font: 'f1' });

const header = [item('指标', 77.2, 101.2, 569.9), item(' ', 101.2, 200.2, 569.9), item('2024', 175.5, 199.5, 569.9), item('年目标', 199.5, 235.5, 569.9)];
const tight = [item('地区生产总值增长', 77.2, 173.2, 553.4), item(' ', 173.2, 176.2, 553.4), item('5.5%', 175.5, 200.5, 553.4), item('左右', 200.5, 224.5, 553.4)];
const last = [item('城镇新增就业', 77.2, 149.2, 536.9), item(' ', 149.2, 184.2, 536.9), item('60', 175.5, 187.5, 536.9), item('万人以上', 187.5, 235.5, 536.9)];

describe('cells set closer than a cell gap', () => {
  it('cuts the row whose first cell fills its column where the rows beside it start the next column', () => {
    const lines = buildLines(3, [...header, ...tight, ...last]);
    expect(lines.map((l) => l.text)).toEqual(['指标\t2024年目标', '地区生产总值增长\t5.5%左右', '城镇新增就业\t60万人以上']);
    expect(lines[1]?.cells).toEqual([{ x: 77.2, xEnd: 173.2 }, { x: 175.5, xEnd: 224.5 }]);
  });

  it('keeps the table three rows of one table, not two tables around a paragraph', () => {
    const lines = buildLines(3, [...header, ...tight, ...last]);
    const blocks = buildBlocks(lines, measureLayout([lines]));
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'table', 'table']);
  });

  it('cuts the last row of a table too, from the row above it', () => {
    const lines = buildLines(3, [...header, ...tight]);
    expect(lines.map((l) => l.text)).toEqual(['指标\t2024年目标', '地区生产总值增长\t5.5%左右']);
  });

  it('leaves a line of text alone: alone on the page, or its glyphs touching where a column starts', () => {
    expect(buildLines(3, tight).map((l) => l.text)).toEqual(['地区生产总值增长 5.5%左右']);
    // A line of the body under the table, a number of it where the column starts, but no gap before it.
    const body = [item('全年地区生产总值增长', 77.2, 175.5, 520.4), item('5.5%', 175.5, 200.5, 520.4), item('，城镇新增就业60万人以上。', 200.5, 500, 520.4)];
    expect(buildLines(3, [...last, ...body]).map((l) => l.text)[1]).toBe('全年地区生产总值增长5.5%，城镇新增就业60万人以上。');
  });

  it('leaves a line alone that starts elsewhere than the table, stands a paragraph away, or runs across a column', () => {
    const shape = (y: number, cells: Array<[number, number]>) => ({ y, size: 12, cells: cells.map(([x, xEnd]) => ({ x, xEnd })) });
    const row = shape(569.9, [[77.2, 101.2], [175.5, 235.5]]);
    const inset = [item('地区生产总值增长', 90, 173.2, 553.4), item(' ', 173.2, 176.2, 553.4), item('5.5%', 175.5, 200.5, 553.4)];
    expect(tightCuts([row, shape(553.4, [[90, 200.5]])], [header, inset]).size).toBe(0);
    expect(tightCuts([row, shape(520, [[77.2, 224.5]])], [header, tight]).size).toBe(0);
    const across = [item('地区生产总值增长的目标值', 77.2, 190, 553.4), item(' ', 190, 193, 553.4), item('5.5%', 193, 218, 553.4)];
    expect(tightCuts([row, shape(553.4, [[77.2, 218]])], [header, across]).size).toBe(0);
    expect([...(tightCuts([row, shape(553.4, [[77.2, 224.5]])], [header, tight]).get(1) ?? [])].map((i) => i.str)).toEqual(['5.5%']);
  });
});
