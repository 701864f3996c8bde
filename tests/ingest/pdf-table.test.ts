import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import type { PdfItem } from '../../src/ingest/pdf-extract.js';
import type { PdfLine } from '../../src/ingest/pdf-lines.js';
import { alignTableRows } from '../../src/ingest/pdf-table.js';

const SIZE = 10;
const COLUMN = 100;
const CELL = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.array(fc.constantFrom(...'指标单位亿元万人增长率'.split('')), { minLength: 1, maxLength: 4 }).map((c) => c.join('')),
);

/** A table: a full header row, then rows with some cells empty (at least two filled, so a row has a tab). */
const TABLE = fc.integer({ min: 2, max: 6 }).chain((columns) =>
  fc.tuple(
    fc.array(CELL, { minLength: columns, maxLength: columns }),
    fc.array(fc.array(fc.option(CELL, { nil: '' }), { minLength: columns, maxLength: columns }).filter((r) => r.filter((c) => c !== '').length >= 2), { minLength: 1, maxLength: 12 }),
    fc.array(fc.boolean(), { minLength: columns, maxLength: columns }),
  ),
);

const width = (text: string): number => Array.from(text).reduce((w, ch) => w + (/\d/u.test(ch) ? 0.5 : 1) * SIZE, 0);

/** The rows as text items: each column left- or right-aligned in its 100-point slot. */
function draw(rows: readonly string[][], rightAligned: readonly boolean[]): PdfItem[] {
  return rows.flatMap((row, r) =>
    row.flatMap((text, c): PdfItem[] => {
      if (text === '') return [];
      const x = 60 + c * COLUMN + (rightAligned[c] ? 50 - width(text) : 0);
      return [{ str: text, x, y: 700 - r * 18, width: width(text), size: SIZE, font: 'f' }];
    }),
  );
}

describe('table rows from a PDF', () => {
  it('keep their empty cells, so every value stays under its column (left- or right-aligned columns)', () => {
    fc.assert(
      fc.property(TABLE, ([header, body, rightAligned]) => {
        const rows = [header, ...body];
        const { text } = assemblePdf([{ index: 1, width: 700, height: 800, items: draw(rows, rightAligned), imageOnly: false }]);
        const expected = rows.map((row) => {
          const cells = [...row];
          while (cells[cells.length - 1] === '') cells.pop();
          return cells.join('\t');
        });
        expect(text.split('\n')).toEqual(expected);
      }),
    );
  });

  it('keeps a table whose columns a gutter parts as rows, not as two columns of text (one of its cases, found by the property)', () => {
    // Column 2 is set right, so its cells end where the gap to column 3 (a gutter's width) begins; each side of that
    // gutter ends its lines at one edge, as a column of text does, but spans little of its width.
    const rows = [['0', '指', '0', '0'], ['0', '', '', '0'], ['', '0', '', '0'], ['', '指', '', '0']];
    const { text } = assemblePdf([{ index: 1, width: 700, height: 800, items: draw(rows, [false, true, false, false]), imageOnly: false }]);
    expect(text.split('\n')).toEqual(['0\t指\t0\t0', '0\t\t\t0', '\t0\t\t0', '\t指\t\t0']);
  });

  it('keeps the leading empty cell of a row under a header', () => {
    const rows = [['指标', '2020年', '2025年'], ['', '12.3', '15.0']];
    const { text } = assemblePdf([{ index: 1, width: 700, height: 800, items: draw(rows, [false, true, true]), imageOnly: false }]);
    expect(text).toBe('指标\t2020年\t2025年\n\t12.3\t15.0');
  });

  it('writes a table’s title row, one cell in the middle of its columns at its top, as it is, not under a column', () => {
    // A box of two columns (a label and its text) under the title a Five-Year Plan sets over it, as Chromium prints it.
    const line = (text: string, cells: Array<[number, number]>, y: number): PdfLine => ({
      page: 1, text, x: cells[0][0], xEnd: cells[cells.length - 1][1], y, size: SIZE, font: 'f', cells: cells.map(([x, xEnd]) => ({ x, xEnd })),
    });
    const body = [line('01 高校毕业生就业\t落实好每年招录', [[60, 160], [180, 500]], 680), line('02 农牧民转移就业\t实施农牧民技能培训', [[60, 160], [180, 500]], 662)];
    const texts = (rows: PdfLine[]): string[] => alignTableRows(rows).map((r) => r.text);
    expect(texts([line('专栏 15 就业', [[250, 310]], 700), ...body])).toEqual(['专栏 15 就业', '01 高校毕业生就业\t落实好每年招录', '02 农牧民转移就业\t实施农牧民技能培训']);
    // Off the middle it is a cell of its column, and so is a middle cell below the first row.
    expect(texts([line('2025年', [[190, 250]], 700), ...body])[0]).toBe('\t2025年');
    expect(texts([...body, line('合计', [[250, 310]], 644)])[2]).toBe('\t合计');
  });
});
