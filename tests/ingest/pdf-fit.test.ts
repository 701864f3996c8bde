import { describe, expect, it } from 'vitest';
import { wouldNotFit } from '../../src/ingest/pdf-fit.js';

/** A case: the line that stopped, the next line, the room (points) the first left, whether the next's first unit would not have fit. */
type Case = [previous: string, next: string, room: number, notFit: boolean];

/** Behaviours, each with its cases (lines in a 10-point font) and the bound on the room left, when not the default. */
const BEHAVIOURS: Array<{ name: string; cases: Case[]; maxRoom?: number }> = [
  {
    name: 'binds an opening mark to the character after it, and closing marks to the one before',
    cases: [
      // `“平` takes two characters' room; 18 points is less.
      ['…能力明显提高。', '“平安海拉尔”建设', 18, true],
      ['…能力明显提高。', '平安海拉尔建设', 18, false],
      ['…成交额增长', '。单位国内生产总值', 5, true],
    ],
  },
  {
    name: 'keeps a number with its decimal point, thousands separator and percent sign whole',
    cases: [
      // `11.2%。` takes about 3.8 font sizes (the percent sign as wide as an m), where `11.` alone took 1.4.
      ['技术合同成交额增长', '11.2%。单位国内生产总值能耗', 35, true],
      ['新能源汽车年产量突破', '1,300万辆', 24, true],
      ['新能源汽车年产量突破', '1,300万辆', 30, false],
      // A point that ends a sentence is a closing mark, not part of a number.
      ['增长', '5. 下一项', 20, false],
    ],
  },
  {
    name: 'measures a word by its letters, and counts the space it needs after Latin text, none after Chinese',
    cases: [
      // `growth.` takes 33.5 points (w as wide as an m, r and t narrow, the point narrower), with the space 36.
      ['registered steady', 'growth. Gross domestic', 35, true],
      ['registered steady', 'growth. Gross domestic', 37, false],
      // `GDP` is three capitals, 21 points: after Chinese it needs no space.
      ['国内生产总值', 'GDP增长', 22, false],
      ['the', 'GDP grew', 22, true],
    ],
  },
  {
    name: 'ends a word at a hyphen before a letter, where a line may break, and keeps R&D and COVID-19 whole',
    cases: [
      // `Well-` (22 points and a space) would have fit in 30, though `Well-ordered` (55) would not.
      ['in the new era.', 'Well-ordered and effective steps', 30, false],
      ['in the new era.', 'Wellordered and effective steps', 30, true],
      // `R&D` is one unit (17.5 points and a space), not `R` (7).
      ['We will accelerate the', 'R&D and application', 15, true],
      ['the spread of', 'COVID-19 was contained', 40, true],
    ],
  },
  {
    name: 'takes a line that left more room than eight font sizes to end its paragraph',
    cases: [
      // `Internationally,` needs 6.8 at the usual widths (7.8 in a wide font): a line 6.5 short of the edge was full.
      ['challenges that confront us.', 'Internationally, changes unseen', 65, true],
      ['Extraordinarily comprehensive', 'internationalization notwithstanding', 85, false],
    ],
  },
  {
    name: 'measures however much room was left when told no bound',
    cases: [['Extraordinarily comprehensive', 'internationalization notwithstanding', 85, true]],
    maxRoom: Infinity,
  },
];

describe('whether the next line\'s first unit would have fit where a line stopped', () => {
  for (const { name, cases, maxRoom } of BEHAVIOURS) {
    it(name, () => {
      for (const [previous, next, room, notFit] of cases) {
        expect(wouldNotFit({ text: previous, size: 10 }, { text: next, size: 10 }, room, maxRoom), `${previous} | ${next} in ${room}`).toBe(notFit);
      }
    });
  }

  it('measures Latin as wide as the line before sets it, when its width is known', () => {
    const before = 'China-ASEAN Free Trade Area 3.0';
    const next = { text: 'Upgrade Protocol and speed up the', size: 10.5 };
    // `Upgrade` and its space: 42 points at the usual widths, which the 45 points left hold…
    expect(wouldNotFit({ text: before, size: 10.5 }, next, 45)).toBe(false);
    // …but not in a font a sixth wider, as the line before shows it is (190 points where the usual widths give 164).
    expect(wouldNotFit({ text: before, size: 10.5, width: 190 }, next, 45)).toBe(true);
    // A line of a few letters does not tell its font's width; a condensed or wide face is believed only so far.
    expect(wouldNotFit({ text: 'Area 3.0', size: 10.5, width: 80 }, next, 45)).toBe(false);
    expect(wouldNotFit({ text: before, size: 10.5, width: 400 }, next, 56)).toBe(false);
  });
});
