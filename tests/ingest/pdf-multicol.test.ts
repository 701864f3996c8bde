import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import type { PdfItem, PdfPage } from '../../src/ingest/pdf-extract.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { chunkDocument } from '../../src/chunk/index.js';
import { testContext } from './helpers.js';
import { buildPdf } from './pdf-builder.js';
import { COLUMN_SIZE, typesetColumns, wrapWords, type ColumnSetting } from './pdf-columns-typeset.js';
import { itemsOf } from './pdf-typeset.js';
import { BODY, helveticaWidth, P1, P2, P3, P4, P5, P6 } from './pdf-columns-fixture.js';

const THREE: ColumnSetting = { measure: 14, gutter: 2, offset: 0, count: 3 };
const FOUR: ColumnSetting = { measure: 11, gutter: 1.5, offset: 0, count: 4 };

const textOf = (pages: PdfPage[]): string => assemblePdf(pages).text;

describe('a page set in three columns or more', () => {
  it('reads three columns one after the other, left to right, the title above them, the page number out', () => {
    const pages = typesetColumns([[{ across: '北京市国民经济和社会发展统计公报', size: 18 }, { columns: [P1, P2, P3, P4, P5, P6] }]], THREE);
    const result = assemblePdf(pages);
    expect(result.text.split('\n')).toEqual(['北京市国民经济和社会发展统计公报', P1, P2, P3, P4, P5, P6]);
    expect(result.furniture).toEqual([{ page: 1, text: '— 1 —' }]);
    expect(new Set(result.lines[0].map((l) => l.column))).toEqual(new Set([undefined, 0, 1, 2]));
  });

  it('reads four narrow columns one after the other, whether their lines share baselines or not', () => {
    for (const offset of [0, 6]) {
      expect(textOf(typesetColumns([[{ columns: [P1, P2, P3, P4, P5, P6] }]], { ...FOUR, offset })).split('\n')).toEqual([P1, P2, P3, P4, P5, P6]);
    }
  });

  it('keeps a paragraph whole that runs from the last column of one page to the first of the next', () => {
    const whole = P2 + P3 + P4 + P6;
    const chars = Array.from(whole);
    // The first part fills its last line, so the reader cannot see the paragraph end there.
    const cut = 5 * THREE.measure - 2;
    const [first, rest] = [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    expect(wrapWords(first, THREE.measure).at(-1)).toHaveLength(THREE.measure);
    const pages = typesetColumns([[{ columns: [P1, P5, first] }], [{ columns: [rest, P1, P5], continued: true }]], THREE);
    expect(textOf(pages).split('\n')).toEqual([P1, P5, whole, P1, P5]);
  });

  it('keeps a heading and a table across the page in place between two bands of columns', () => {
    const table = [
      ['指标', '2024年目标', '2024年完成'],
      ['地区生产总值增长', '5%左右', '5.2%'],
      ['城镇新增就业', '26万人', '28.6万人'],
    ];
    const pages = typesetColumns(
      [[{ across: '一、2024年工作回顾', size: 14 }, { columns: [P1, P2, P3] }, { table, size: 9 }, { across: '二、2025年主要任务', size: 14 }, { columns: [P4, P5, P6] }]],
      THREE,
    );
    expect(textOf(pages).split('\n')).toEqual(['一、2024年工作回顾', P1, P2, P3, ...table.map((r) => r.join('\t')), '二、2025年主要任务', P4, P5, P6]);
  });

  it('reads a newspaper page block by block: a headline, a story in four columns, a boxed one in two, one in three', () => {
    // Each block spans the page's 485 points: 4 × 110 + 3 × 15, 2 × 230 + 25, 3 × 150 + 2 × 17.5.
    const pages = typesetColumns(
      [
        [
          { across: '西藏日报', size: 24 },
          { columns: [P1, P2, P3, P4] },
          { columns: [P5, P6, P1], setting: { count: 2, measure: 23, gutter: 2.5 } },
          { columns: [P2, P3, P4], setting: { count: 3, measure: 15, gutter: 1.75 } },
        ],
      ],
      FOUR,
    );
    const result = assemblePdf(pages);
    expect(result.text.split('\n')).toEqual(['西藏日报', P1, P2, P3, P4, P5, P6, P1, P2, P3, P4]);
    // Each block's columns are its own (numbered on across the page), so their margins are measured apart.
    expect(new Set(result.lines[0].map((l) => l.column))).toEqual(new Set([undefined, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('reads a text that ends two lines into its last column column by column, in two columns or three', () => {
    for (const count of [2, 3]) {
      // Set column after column (not balanced), as a page that a text ends on is: the last column gets two lines.
      const lines = [P1, P2, P3, P4, P5, P6].flatMap((p) => wrapWords(p, 14).map((text, k) => ({ text, indent: k === 0 ? 2 : 0 })));
      const per = Math.floor((lines.length - 2) / (count - 1));
      const items = lines.flatMap(({ text, indent }, k) => {
        const c = Math.min(count - 1, Math.floor(k / per));
        return itemsOf(text, 60 + c * 160 + indent * COLUMN_SIZE, 780 - (k - c * per) * 15, []);
      });
      expect(lines.length - (count - 1) * per).toBe(2);
      const text = textOf([{ index: 1, width: 595, height: 842, items, imageOnly: false }]);
      expect(text.split('\n')).toEqual([P1, P2, P3, P4, P5, P6]);
    }
  });

  it('keeps a heading centred in the middle column in that column, its baseline off the other columns\' lines', () => {
    // Three columns 140 points wide from x = 60, 20 points apart: the middle column's centre is the page's.
    const column = (paragraphs: string[], c: number, top: number): PdfItem[] =>
      paragraphs
        .flatMap((p) => wrapWords(p, 14).map((text, k) => ({ text, indent: k === 0 ? 2 : 0 })))
        .flatMap(({ text, indent }, row) => itemsOf(text, 60 + c * 160 + indent * COLUMN_SIZE, top - row * 15, []));
    const heading = '第二章任务';
    const middle = column([P3], 1, 780);
    // Half a line off the other columns' baselines, so that it shares a line with none of them.
    const below = middle[middle.length - 1].y - 22.5;
    const items = [
      ...column([P1, P2], 0, 780),
      ...middle,
      ...itemsOf(heading, 290 - (Array.from(heading).length * 14) / 2, below, [], 14),
      ...column([P4], 1, below - 22.5),
      ...column([P5, P6], 2, 780),
    ];
    expect(textOf([{ index: 1, width: 595, height: 842, items, imageOnly: false }]).split('\n')).toEqual([P1, P2, P3, heading, P4, P5, P6]);
  });

  it('takes footnotes under three columns out of the text, the paragraphs running on and the printed pages right', () => {
    const notes = ['①数据为初步核算数。', '②数据来源于市统计局。'];
    const long = P1 + P2.slice(0, -1) + '，' + P3;
    const pages = typesetColumns([[{ columns: [P4, long, P5, P6] }, { notes, size: 8 }], [{ columns: [P1, P2, P3, P4] }]], THREE);
    const result = assemblePdf(pages);
    expect(result.notes.map((r) => result.text.slice(r.start, r.end))).toEqual(notes);
    expect(result.text.split('\n').filter((l) => !notes.includes(l))).toEqual([P4, long, P5, P6, P1, P2, P3, P4]);
    expect(result.pages.map((p) => p.printed)).toEqual([1, 2]);
  });

  it('rebuilds every paragraph in order, whatever the number of columns, measure, gutter and baselines (property)', () => {
    fc.assert(
      fc.property(
        fc
          .record({ count: fc.constantFrom(3, 4), measure: fc.integer({ min: 10, max: 16 }), gutter: fc.constantFrom(1.2, 1.5, 2, 3), offset: fc.constantFrom(0, 4, 7.5) })
          .chain((setting) =>
            fc.tuple(
              // Body text: paragraphs of sentences, three lines and more, enough for three lines a column.
              fc.array(BODY.filter((p) => wrapWords(p, setting.measure).length >= 3), { minLength: setting.count + 1, maxLength: setting.count + 3 }),
              fc.constant(setting),
            ),
          ),
        ([columns, setting]) => {
          expect(textOf(typesetColumns([[{ columns }]], setting))).toBe(columns.join('\n'));
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('reads a real PDF of three justified columns of Latin text, column by column, cited by the page printed', async () => {
    const columns = [
      ['the yearbook of the city reports that', 'output grew in every district of', 'the city, that jobs were found for', 'many young people, and that the'],
      ['rivers of the region ran cleaner', 'than in any year before, while', 'prices stayed steady and the new', 'metro lines carried more people'],
      ['than ever, as schools and clinics', 'opened in the suburbs and the old', 'town was repaired street by street', 'with the help of its residents.'],
    ];
    // Each line but the last justified to 150 points by word spacing (Tw), as a typesetter sets it.
    const spacing = (line: string, last: boolean): string => (last ? '0 Tw' : `${((150 - helveticaWidth(line, 9)) / (line.split(' ').length - 1)).toFixed(3)} Tw`);
    const rows = columns
      .flatMap((lines, c) => lines.map((l, k) => `BT /F1 9 Tf ${spacing(l, c === 2 && k === 3)} ${20 + c * 170} ${170 - k * 13} Td (${l}) Tj ET`))
      .concat('BT /F1 8 Tf 0 Tw 260 20 Td (- 7 -) Tj ET')
      .join('\n');
    const [doc] = await readPdf(buildPdf([rows]), testContext('three-columns.pdf'));
    expect(doc.text).toBe(columns.flat().join(' '));
    expect(chunkDocument(doc).map((p) => [p.kind, p.page])).toEqual([['paragraph', 7]]);
  });
});
