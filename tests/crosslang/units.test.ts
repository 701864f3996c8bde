import { describe, expect, it } from 'vitest';
import { unitSenses } from '../../src/crosslang/units.js';
import { testCrossLang } from './helpers.js';

const terms = (written: string): string[] => unitSenses(written).map((s) => s.term);

describe('units of measure', () => {
  it('are written as Chinese reports count, in the singular and plural, spelled out or abbreviated', () => {
    expect(terms('tons')).toEqual(['吨']);
    expect(terms('tonnes')).toEqual(['吨']);
    expect(terms('mu')).toEqual(['亩']);
    expect(terms('km')).toEqual(['公里', '千米']);
    expect(terms('kg')).toEqual(['公斤', '千克']);
    expect(terms('yuan')).toEqual(['元']);
  });

  it('leave other words alone, and a pinyin unit word written as a name', () => {
    expect(terms('tone')).toEqual([]);
    expect(terms('Yuan')).toEqual([]);
    expect(terms('Jin')).toEqual([]);
    expect(terms('KM')).toEqual(['公里', '千米']);
  });

  it('are what an English query reads a unit as, where the dictionary has none or another word', () => {
    // CC-CEDICT: ton → 吨公里 (its 吨 is a single character the reverse index leaves out), mu → 米欧, yuan → 袁世凯.
    const read = testCrossLang().expandEnglish('700 million tons of grain on 10,000 mu');
    const unitOf = (en: string) => read.find((u) => u.en === en)?.zh.map((s) => s.term);
    expect(unitOf('tons')).toEqual(['吨']);
    expect(unitOf('mu')).toEqual(['亩']);
  });
});
