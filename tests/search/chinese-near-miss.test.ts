import { beforeAll, describe, expect, it } from 'vitest';
import { chineseNearMisses, correctChineseRun, fuzzyReading, soundLikeness } from '../../src/search/chinese-near-miss.js';
import { nearWords, type NearWords } from '../../src/search/near-words.js';
import { bundledVocabulary } from './bundled-vocabulary.js';

let vocabulary: NearWords;

beforeAll(async () => {
  vocabulary = nearWords((await bundledVocabulary()).chinese);
});

describe('how alike characters sound', () => {
  it('blurs what input methods blur: in/ing, z/zh, c/ch, s/sh, n/l', () => {
    expect(fuzzyReading('xing')).toBe('xin');
    expect(fuzzyReading('zhang')).toBe('zan');
    expect(fuzzyReading('shi')).toBe('si');
    expect(fuzzyReading('lan')).toBe('nan');
  });

  it('ranks a shared reading before a similar one before none', () => {
    expect(soundLikeness('兴', '星')).toBe(0);
    expect(soundLikeness('新', '兴')).toBe(1);
    expect(soundLikeness('新', '路')).toBe(2);
  });
});

describe('Chinese near misses over the bundled corpus', () => {
  it('corrects 乡村振新 to 乡村振兴, 高质量发屏 to 高质量发展, 一带一陆 to 一带一路', () => {
    expect(chineseNearMisses(vocabulary, '乡村振新')[0]?.word).toBe('乡村振兴');
    expect(correctChineseRun(vocabulary, '高质量发屏', 3)[0]).toBe('高质量发展');
  });

  it('corrects a word inside a longer run, keeping the rest', () => {
    expect(correctChineseRun(vocabulary, '推进乡村振新', 3)).toContain('推进乡村振兴');
  });

  it('proposes nothing for a corpus word, a single character or a run too long', () => {
    expect(chineseNearMisses(vocabulary, '乡村振兴')).toEqual([]);
    expect(correctChineseRun(vocabulary, '兴', 3)).toEqual([]);
    expect(correctChineseRun(vocabulary, '乡'.repeat(13), 3)).toEqual([]);
  });

  it('ranks a same-sound substitution before a character left out, and each proposal is one edit away', () => {
    const misses = chineseNearMisses(vocabulary, '乡村振新');
    expect(misses.length).toBeGreaterThan(0);
    for (let i = 1; i < misses.length; i++) expect((misses[i] as { likeness: number }).likeness).toBeGreaterThanOrEqual((misses[i - 1] as { likeness: number }).likeness);
    for (const m of misses) expect(vocabulary.near('乡村振新', 1).map((n) => n.word)).toContain(m.word);
  });
});
