import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHanCodePoint, splitScriptRuns, type Script } from '../../src/text/scripts.js';
import { readSeeds, unicodeText } from './fixtures.js';

/** The runs as `[script, text]` pairs, for readable expectations. */
function runs(text: string): Array<[Script, string]> {
  return splitScriptRuns(text).map((run) => [run.script, text.slice(run.start, run.end)]);
}

describe('splitScriptRuns', () => {
  it.each(['12.3', '6.8', '3%', '5G', 'G318', 'R&D', '2023', 'COVID-19', 'e-commerce', "China's", 'IPV6', 'www.xizang.gov.cn'])(
    'keeps %s whole as one Latin run',
    (code) => {
      expect(runs(code)).toEqual([['latin', code]]);
    },
  );

  it('splits numbers and codes from the Han text around them', () => {
    expect(runs('5G基站')).toEqual([['latin', '5G'], ['han', '基站']]);
    expect(runs('6.8级地震')).toEqual([['latin', '6.8'], ['han', '级地震']]);
    expect(runs('增长3%以上')).toEqual([['han', '增长'], ['latin', '3%'], ['han', '以上']]);
    expect(runs('2023 年')).toEqual([['latin', '2023'], ['space', ' '], ['han', '年']]);
  });

  it('does not join a hyphen between two numbers, a doubled dot, or a trailing dot', () => {
    expect(runs('2021-2025')).toEqual([['latin', '2021'], ['punct', '-'], ['latin', '2025']]);
    expect(runs('1..2')).toEqual([['latin', '1'], ['punct', '..'], ['latin', '2']]);
    expect(runs('in 2023.')).toEqual([['latin', 'in'], ['space', ' '], ['latin', '2023'], ['punct', '.']]);
    expect(runs('%5')).toEqual([['punct', '%'], ['latin', '5']]);
  });

  it('classifies characters by their normalized form (full-width Latin, compatibility ideographs)', () => {
    expect(runs('Ｇ３１８')).toEqual([['latin', 'Ｇ３１８']]);
    expect(runs('６．８％')).toEqual([['latin', '６．８％']]);
    expect(runs('㍻元年')).toEqual([['han', '㍻元年']]);
    expect(runs('（一）')).toEqual([['punct', '（'], ['han', '一'], ['punct', '）']]);
  });

  it('keeps a Han run across a line wrapped inside a word, even with a blank line, but not across a tab', () => {
    expect(runs('民族团结进\n步示范')).toEqual([['han', '民族团结进\n步示范']]);
    expect(runs('列席的同 \r\n 志提出意见')).toEqual([['han', '列席的同 \r\n 志提出意见']]);
    expect(runs('项目\t单位')).toEqual([['han', '项目'], ['space', '\t'], ['han', '单位']]);
    expect(runs('民族团结进\n\n步')).toEqual([['han', '民族团结进\n\n步']]);
    expect(runs('拉萨\t \n日喀则')).toEqual([['han', '拉萨'], ['space', '\t \n'], ['han', '日喀则']]);
  });

  it('attaches combining marks to the run before them', () => {
    expect(runs('cafe\u0301 ok')).toEqual([['latin', 'cafe\u0301'], ['space', ' '], ['latin', 'ok']]);
    expect(runs('\u0301a')).toEqual([['other', '\u0301'], ['latin', 'a']]);
  });

  it('keeps the Tibetan line of the gazette in one Tibetan run, tsheg and shad included', () => {
    const gazette = readSeeds().find((seed) => seed.name.startsWith('xizang-gazette'));
    const line = gazette?.text.split('\n').find((candidate) => /\p{Script=Tibetan}/u.test(candidate)) ?? '';
    expect(line).toContain('\u0f0b');
    const tibetan = runs(line).filter(([script]) => script === 'tibetan');
    expect(tibetan).toHaveLength(1);
    expect(tibetan[0][1]).toContain('བོད་ཀྱི་རྒྱལ་ཁབ');
  });

  it('puts other letters in "other" runs and symbols in "punct" runs', () => {
    expect(runs('Привет😀')).toEqual([['other', 'Привет'], ['punct', '😀']]);
  });

  it('covers random text with contiguous runs of alternating scripts, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        const result = splitScriptRuns(text);
        let at = 0;
        for (const [r, run] of result.entries()) {
          expect(run.start).toBe(at);
          expect(run.end).toBeGreaterThan(run.start);
          if (r > 0) expect(run.script).not.toBe(result[r - 1].script);
          const first = text.charCodeAt(run.start);
          expect(first >= 0xdc00 && first <= 0xdfff && run.start > 0 && text.charCodeAt(run.start - 1) >= 0xd800 && text.charCodeAt(run.start - 1) <= 0xdbff).toBe(false);
          at = run.end;
        }
        expect(at).toBe(text.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isHanCodePoint', () => {
  it('holds for exactly the characters of the Basic Multilingual Plane that make a Han run alone, 〇 and 々 among them', () => {
    const han: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const alone = splitScriptRuns(String.fromCharCode(c));
      const isHanRun = alone.length === 1 && alone[0]?.script === 'han';
      if (isHanCodePoint(c) !== isHanRun) expect({ c, isHanCodePoint: isHanCodePoint(c) }).toEqual({ c, isHanCodePoint: isHanRun });
      if (isHanRun) han.push(c);
    }
    expect(han).toEqual(expect.arrayContaining([0x3007, 0x3005, 0x4e00, 0x9fa5, 0x3400]));
    expect(han).not.toContain(0x41);
  });
});
