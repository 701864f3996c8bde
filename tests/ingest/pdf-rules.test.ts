import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/ingest/pdf.js';
import { horizontalRules, ruledAreas, type RuleOps } from '../../src/ingest/pdf-rules.js';
import { uprightPage } from '../../src/ingest/pdf-rotation.js';
import { testContext } from './helpers.js';
import { helvetica } from './pdf-justified-typeset.js';
import { buildPdf } from './pdf-builder.js';

/** Operator codes as PDF.js numbers them (save 10, restore 11, transform 12, constructPath 91; fill 22, stroke 20, endPath 28). */
const OPS: RuleOps = { save: 10, restore: 11, transform: 12, constructPath: 91, paints: new Set([20, 22]) };
const FILL = 22;
const END_PATH = 28;

describe('horizontal rules from an operator list', () => {
  it('takes thin painted boxes as rules in page space, following transforms through save and restore, and joins pieces', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      // Chromium's flip: y down, a quarter of a point a unit.
      [0.25, 0, 0, -0.25, 0, 800],
      [FILL, [], [200, 400, 600, 403]],
      // The next cell's piece of the same rule.
      [FILL, [], [600, 400, 1000, 403]],
      null,
      // Back in page space: a rule, a cell's tall background (no rule), and a clip path (draws nothing).
      [FILL, [], [50, 300, 250, 300.5]],
      [FILL, [], [50, 200, 250, 260]],
      [END_PATH, [], [50, 100, 250, 100.5]],
    ];
    // Top to bottom: the flipped rule stands at 800 - 0.25 × 401.5.
    expect(horizontalRules(fn, args, OPS)).toEqual([
      { x: 50, xEnd: 250, y: 699.625 },
      { x: 50, xEnd: 250, y: 300.25 },
    ]);
  });

  it('groups rules that share most of their length and stand a row apart into a table, at least three of them', () => {
    const table = [700, 680, 650, 630].map((y) => ({ x: 60, xEnd: 400, y }));
    // A rule under a cell that spans rows runs across part of the table only, and belongs to it.
    const partial = { x: 160, xEnd: 400, y: 665 };
    const underline = { x: 60, xEnd: 120, y: 500 };
    const areas = ruledAreas([...table, partial, underline], 100);
    expect(areas).toHaveLength(1);
    expect(areas[0]).toMatchObject({ x: 60, xEnd: 400, top: 700, bottom: 630 });
    expect(areas[0].rules.map((r) => r.y)).toEqual([700, 680, 665, 650, 630]);
    expect(ruledAreas(table.slice(0, 2), 100)).toEqual([]);
    expect(ruledAreas(table, 20)).toEqual([]);
  });
});

/** Helvetica text at `size` from (x, y). */
const text = (str: string, x: number, y: number, size = 8): string => `BT /F1 ${size} Tf ${x} ${y} Td (${str}) Tj ET`;
/** A text cut into lines of whole words no wider than `width` at 10 points, greedily, as a browser fills a cell. */
function wrapWords(words: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of words.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && helvetica(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
/** A filled rule half a point high across the table. */
const rule = (y: number): string => `60 ${y} 340 0.5 re f`;

/** A ruled table: four rules, a header whose first cell wraps, a row whose indicator wraps beside centred cells. */
const RULED_TABLE = (() => {
  // Each text as [string, x, baseline], top to bottom.
  const cells: Array<[string, number, number]> = [
    // The header: `Serial` over `No.` in the first column, the other headers centred beside them.
    ['Serial', 62, 691], ['Indicator', 160, 686.5], ['Target', 320, 686.5], ['No.', 62, 682],
    // A row whose indicator wraps onto two lines (`Gross domestic` is its column's widest), its number and target centred beside them.
    ['Gross domestic', 160, 667], ['1', 62, 662.5], ['about 5%', 320, 662.5], ['product growth', 160, 658],
    ['2', 62, 638], ['Jobless rate', 160, 638], ['5.5%', 320, 638],
  ];
  return [...[700, 678, 650, 632].map(rule), ...cells.map(([str, x, y]) => text(str, x, y))].join('\n');
})();
const RULED_ROWS = ['Serial No.\tIndicator\tTarget', '1\tGross domestic product growth\tabout 5%', '2\tJobless rate\t5.5%'];

describe('a ruled table in a PDF', () => {
  it('reads each row between two rules as one row, its wrapped cells joined and the cells centred beside them in place', async () => {
    const [doc] = await readPdf(buildPdf([RULED_TABLE], [500, 800]), testContext('ruled.pdf'));
    expect(doc.text.split('\n')).toEqual(RULED_ROWS);
  });

  it('reads a ruled table whose labels sit centred beside wrapped text, only one of its lines with a cell gap', async () => {
    const tasks = [
      ['01 Graduates', 'Carry out the employment-first strategy and place more graduates of colleges in jobs in every region.'],
      ['02 Herders', 'Train herders and farmers in skills and help them find work in towns.'],
    ];
    // Each task wrapped to 220 points at 10 points, as a browser fills a cell; the label centred on its row, so that
    // a row of an even number of lines has it between two lines (no line of that row has two cells).
    const parts: string[] = [];
    let top = 700;
    for (const [label, task] of tasks) {
      const lines = wrapWords(task, 220);
      lines.forEach((line, k) => parts.push(text(line, 160, top - 12 - k * 12, 10)));
      parts.push(text(label, 62, top - 12 - ((lines.length - 1) * 12) / 2, 10), rule(top));
      top -= 12 * lines.length + 6;
    }
    parts.push(rule(top));
    const [doc] = await readPdf(buildPdf([parts.join('\n')], [500, 800]), testContext('labels.pdf'));
    expect(doc.text.split('\n')).toEqual(tasks.map(([label, task]) => `${label}\t${task}`));
  });

  it('reads a three-line table (rules at its head, under its header and at its foot) row by row, its body not one row', async () => {
    const rows = [['Indicator', '2023', '2024'], ['Gross domestic product', '5.2%', '5.0%'], ['Urban jobs added', '12.44', '12.56'], ['Consumer prices', '0.2%', '0.2%'], ['Grain output', '695', '706']];
    const drawn = rows.flatMap((row, r) => row.map((cell, c) => text(cell, [62, 200, 300][c] ?? 0, 690 - r * 14, 10)));
    const content = [rule(702), rule(684), rule(628), ...drawn].join('\n');
    const [doc] = await readPdf(buildPdf([content], [500, 800]), testContext('three-line.pdf'));
    expect(doc.text.split('\n')).toEqual(rows.map((row) => row.join('\t')));
  });

  it('keeps a cell that spans two rows whole, its wrapped lines in the first row, where the rule between them stops short of it', async () => {
    // `Vehicle data` spans two sub-rows; the rule between them starts right of its column.
    const cells: Array<[string, number, number]> = [
      ['Class', 62, 706], ['Item', 150, 706], ['Level', 320, 706],
      ['Vehicle', 62, 689], ['Plate number', 150, 690], ['DL2', 320, 690],
      ['data', 62, 675], ['Insurance', 150, 674], ['DL3', 320, 674],
    ];
    const rules = [rule(716), rule(700), '140 684 260 0.5 re f', rule(668)];
    const content = [...rules, ...cells.map(([str, x, y]) => text(str, x, y, 10))].join('\n');
    const [doc] = await readPdf(buildPdf([content], [500, 800]), testContext('spanned.pdf'));
    expect(doc.text.split('\n')).toEqual(['Class\tItem\tLevel', 'Vehicle data\tPlate number\tDL2', '\tInsurance\tDL3']);
  });

  it('reads the same rows without their rules as before, line by line', async () => {
    const cells: Array<[string, number, number]> = [['Indicator', 160, 686.5], ['Target', 320, 686.5], ['Jobs', 160, 660], ['12 million', 320, 660], ['Prices', 160, 640], ['2%', 320, 640]];
    const content = cells.map(([str, x, y]) => text(str, x, y)).join('\n');
    const [doc] = await readPdf(buildPdf([content], [500, 800]), testContext('unruled.pdf'));
    expect(doc.text.split('\n')).toEqual(['Indicator\tTarget', 'Jobs\t12 million', 'Prices\t2%']);
  });
});

describe('text a page draws turned', () => {
  it('reads a table turned a quarter either way (a landscape table on a portrait page) as the same rows, by its rules', async () => {
    // Up the page: (x, y) -> (800 - y, x) on a page 800 wide; down the page: (x, y) -> (y, 500 - x).
    for (const cm of ['0 1 -1 0 800 0', '0 -1 1 0 0 500']) {
      const [doc] = await readPdf(buildPdf([`q ${cm} cm\n${RULED_TABLE}\nQ`], [800, 500]), testContext('turned.pdf'));
      expect(doc.text.split('\n'), cm).toEqual(RULED_ROWS);
    }
  });

  it('reads lines of text turned a quarter as the same lines drawn upright read, in order', async () => {
    const lines = ['Report on the Work of the Government', 'Delivered on March 5, 2025', 'Fellow Deputies,', 'On behalf of the State Council, I will now report to you.'];
    // Upright on a page 800 wide and 600 high; turned to run up a page 600 wide and 800 high, each next line to the
    // right of the one before, which is where it stands once the page is turned back.
    const upright = lines.map((line, k) => `BT /F1 10 Tf 100 ${500 - k * 30} Td (${line}) Tj ET`).join('\n');
    const turned = lines.map((line, k) => `BT /F1 10 Tf 0 1 -1 0 ${100 + k * 30} 100 Tm (${line}) Tj ET`).join('\n');
    const [straight] = await readPdf(buildPdf([upright], [800, 600]), testContext('upright.pdf'));
    const [read] = await readPdf(buildPdf([turned], [600, 800]), testContext('turned-lines.pdf'));
    expect(read.text).toBe(straight.text);
    expect(read.text.replace(/\n/g, ' ')).toBe(lines.join(' '));
  });
});

describe('which pages are turned', () => {
  const item = (str: string, a: number, b: number, x: number, y: number) => ({ str, a, b, x, y, width: 10 * str.length, font: 'f' });

  it('turns a page back only when most of its characters run one turned way, and leaves upright pages as drawn', () => {
    const upright = [item('Report on the Work of the Government', 10, 0, 100, 700), item('Fellow Deputies,', 10, 0, 100, 680)];
    // A label set up the margin does not turn a page of upright text.
    const labelled = uprightPage([...upright, item('DRAFT', 0, 10, 30, 400)], 600, 800);
    expect(labelled.turn).toBe(0);
    expect(labelled.items.map((i) => [i.x, i.y])).toEqual([[100, 700], [100, 680], [30, 400]]);
    // Turned up the page: a line at x 100 and the next at 130 read top to bottom on a page 800 wide, 600 high.
    const turned = uprightPage([item('Report on the Work of the Government', 0, 10, 100, 100), item('Fellow Deputies,', 0, 10, 130, 100)], 600, 800);
    expect(turned).toMatchObject({ turn: 1, width: 800, height: 600 });
    expect(turned.items.map((i) => [i.x, i.y, i.size])).toEqual([[100, 500, 10], [100, 470, 10]]);
  });
});
