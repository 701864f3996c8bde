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
    // `11.2%。` is six narrow characters and a wide mark: about 4.4 font sizes, where `11.` alone took 2.65.
    expect(wouldNotFit(zh('技术合同成交额增长'), zh('11.2%。单位国内生产总值能耗'), 35)).toBe(true);
    expect(wouldNotFit(zh('新能源汽车年产量突破'), zh('1,300万辆'), 25)).toBe(true);
    expect(wouldNotFit(zh('新能源汽车年产量突破'), zh('1,300万辆'), 30)).toBe(false);
    // A point that ends a sentence is a closing mark, not part of a number.
    expect(wouldNotFit(zh('增长'), zh('5. 下一项'), 20)).toBe(false);
  });

  it('counts the space a Latin word needs after Latin text, and none after Chinese', () => {
    const en = (text: string) => ({ text, size: 10 });
    // `growth.` is 7 × 5.5 = 38.5 points, with the space 41.
    expect(wouldNotFit(en('registered steady'), en('growth. Gross domestic'), 40)).toBe(true);
    expect(wouldNotFit(en('registered steady'), en('growth. Gross domestic'), 42)).toBe(false);
    expect(wouldNotFit(zh('国内生产总值'), zh('GDP增长'), 17)).toBe(false);
  });

  it('takes a line that left more room than six font sizes, or the given bound, to end its paragraph', () => {
    const long = { text: 'counterproductive bureaucratization', size: 10 };
    expect(wouldNotFit({ text: 'notwithstanding,', size: 10 }, long, 75)).toBe(false);
    expect(wouldNotFit({ text: 'notwithstanding,', size: 10 }, long, 75, Infinity)).toBe(true);
  });
});
