import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/server/csv.js';

describe('csv', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(2024)).toBe('2024');
  });

  it('prefixes a cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(-1)).toBe('-1');
  });

  it('reads back, through an independent parser, as the cells written (formula cells with their prefix)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '-', '乡', ' ') }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(['left', 'right'], rows);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const back = parse(text.slice(1), { relax_column_count: false }) as string[][];
        const guard = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
        expect(back).toEqual([['left', 'right'], ...rows.map((r) => r.map(guard))]);
      }),
    );
  });
});
