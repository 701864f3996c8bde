import { describe, expect, it } from 'vitest';
import { wouldNotFit } from '../../src/ingest/pdf-fit.js';

const zh = (text: string) => ({ text, size: 10 });

describe('whether the next line\'s first unit would have fit where a line stopped', () => {
  it('binds an opening mark to the character after it, and closing marks to the one before', () => {
    // `“平` takes two characters' room; 18 points is less.
    expect(wouldNotFit(zh('…能力明显提高。'), zh('“平安海拉尔”建设'), 18)).toBe(true);
    expect(wouldNotFit(zh('…能力明显提高。'), zh('平安海拉尔建设'), 18)).toBe(false);
    expect(wouldNotFit(zh('…成交额增长'), zh('。单位国内生产总值'), 5)).toBe(true);
  });

  it('keeps a number with its decimal point, thousands separator and percent sign whole', () => {
    // `11.2%。` takes about 3.8 font sizes (the percent sign as wide as an m), where `11.` alone took 1.4.
    expect(wouldNotFit(zh('技术合同成交额增长'), zh('11.2%。单位国内生产总值能耗'), 35)).toBe(true);
    expect(wouldNotFit(zh('新能源汽车年产量突破'), zh('1,300万辆'), 24)).toBe(true);
    expect(wouldNotFit(zh('新能源汽车年产量突破'), zh('1,300万辆'), 30)).toBe(false);
    // A point that ends a sentence is a closing mark, not part of a number.
    expect(wouldNotFit(zh('增长'), zh('5. 下一项'), 20)).toBe(false);
  });

  it('measures a word by its letters, and counts the space it needs after Latin text, none after Chinese', () => {
    const en = (text: string) => ({ text, size: 10 });
    // `growth.` takes 33.5 points (w as wide as an m, r and t narrow, the point narrower), with the space 36.
    expect(wouldNotFit(en('registered steady'), en('growth. Gross domestic'), 35)).toBe(true);
    expect(wouldNotFit(en('registered steady'), en('growth. Gross domestic'), 37)).toBe(false);
    // `GDP` is three capitals, 21 points: after Chinese it needs no space.
    expect(wouldNotFit(zh('国内生产总值'), zh('GDP增长'), 22)).toBe(false);
    expect(wouldNotFit(en('the'), en('GDP grew'), 22)).toBe(true);
  });

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

  it('takes a line that left more room than six font sizes, or the given bound, to end its paragraph', () => {
    const long = { text: 'counterproductive bureaucratization', size: 10 };
    expect(wouldNotFit({ text: 'notwithstanding,', size: 10 }, long, 75)).toBe(false);
    expect(wouldNotFit({ text: 'notwithstanding,', size: 10 }, long, 75, Infinity)).toBe(true);
  });
});
