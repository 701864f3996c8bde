/**
 * The one interpreter of a plan's checks (`checks.ts`) against brute force: `contains` is a substring of
 * the text's or the English text's key, `containsAny` one of several such, `crossCut` a phrase that runs from
 * one piece of a cut paragraph into the next, `near` the proximity test in either text, `number` a number in
 * Chinese numerals standing as that number (its numerals read back as a value: the oracle), adjacency the weights
 * of the pairs the text holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/index/backend.js';
import { adjacencyScore, holds, occursAsNumber, verifierOver } from '../../src/index/checks.js';
import { isNear } from '../../src/index/near.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import type { Passage } from '../../src/model.js';

const piece = (docId: string, ordinal: number, paragraph: number | null, text: string, textEn?: string): Passage => ({
  id: `${docId}-p${String(ordinal).padStart(4, '0')}`,
  docId,
  ordinal,
  kind: paragraph === null ? 'heading' : 'paragraph',
  sectionPath: [],
  text,
  ...(textEn ? { textEn } : {}),
  start: 0,
  end: text.length,
  paragraph,
});

const text = fc.array(fc.constantFrom(...'甲乙丙丁', '。', ' '), { minLength: 1, maxLength: 16 }).map((cs) => cs.join(''));
const key = fc.array(fc.constantFrom(...'甲乙丙丁'), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
const squash = (s: string): string => s.replace(/\s+/gu, '');

describe('the checks interpreter', () => {
  it('holds a contains check exactly when the text or English text key has the key', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), key, (zh, en, k) => {
        const keys = new PassageKeys([piece('r', 0, 1, zh, en)]);
        expect(holds({ kind: 'contains', key: k }, keys, 0)).toBe(squash(zh).includes(k) || squash(en ?? '').includes(k));
      }),
    );
  });

  it('holds a containsAny check exactly when a contains check of one of its keys holds, English keys at word edges', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), fc.array(key, { maxLength: 3 }), (zh, en, ks) => {
        const keys = new PassageKeys([piece('r', 0, 1, zh, en)]);
        expect(holds({ kind: 'containsAny', keys: ks }, keys, 0)).toBe(ks.some((k) => holds({ kind: 'contains', key: k }, keys, 0)));
      }),
    );
    const english = new PassageKeys([piece('r', 0, 1, '乡村振兴', 'We pursued rural revitalization and rural-revitalizations alike.')]);
    expect(holds({ kind: 'containsAny', keys: ['ruralrevitalization', 'ruralrevitalizations'] }, english, 0)).toBe(true);
    expect(holds({ kind: 'containsAny', keys: ['ruralrevital'] }, english, 0)).toBe(false);
    expect(holds({ kind: 'containsAny', keys: [] }, english, 0)).toBe(false);
  });

  it('holds a near check as the proximity test does, in either text', () => {
    fc.assert(
      fc.property(text, text, key, key, fc.constantFrom<'sentence' | 'paragraph' | number>('sentence', 'paragraph', 0, 3), (zh, en, a, b, scope) => {
        const keys = new PassageKeys([piece('r', 0, 1, zh, en)]);
        expect(holds({ kind: 'near', a, b, scope }, keys, 0)).toBe(isNear(squash(zh), a, b, scope) || isNear(squash(en), a, b, scope));
      }),
    );
  });

  it('holds a crossCut check only across two pieces of one paragraph, on the side the hit is', () => {
    fc.assert(
      fc.property(text, text, key, key, fc.boolean(), (first, second, head, tail, sameParagraph) => {
        const passages = [piece('r', 0, 1, first), piece('r', 1, sameParagraph ? 1 : 2, second)];
        const keys = new PassageKeys(passages);
        const crosses = sameParagraph && squash(first).endsWith(head) && squash(second).startsWith(tail);
        const left: Check = { kind: 'crossCut', head, tail, side: 'left' };
        const right: Check = { kind: 'crossCut', head, tail, side: 'right' };
        expect([holds(left, keys, 0), holds(right, keys, 1)]).toEqual([crosses, crosses]);
        expect([holds(left, keys, 1), holds(right, keys, 0)]).toEqual([false, false]);
      }),
    );
    // A phrase with a Latin edge crosses a cut only from a word's start to a word's end.
    const latin = new PassageKeys([piece('r', 0, 1, 'We will mai'), piece('r', 1, 1, 'ntain the AI'), piece('r', 2, 2, 'the AI'), piece('r', 3, 2, 'plus 5G')]);
    expect(holds({ kind: 'crossCut', head: 'ai', tail: 'nt', side: 'left' }, latin, 0)).toBe(false);
    expect(holds({ kind: 'crossCut', head: 'ai', tail: 'plus', side: 'left' }, latin, 2)).toBe(true);
    expect(holds({ kind: 'crossCut', head: 'ai', tail: 'plus5', side: 'right' }, latin, 3)).toBe(false);
    expect(holds({ kind: 'crossCut', head: 'ai', tail: 'plus5g', side: 'right' }, latin, 3)).toBe(true);
    // A source that cannot tell which passages continue each other: nothing crosses a cut.
    const cut = { kind: 'crossCut', head: '甲', tail: '乙', side: 'left' } as const;
    expect(holds(cut, { text: () => '甲', textEn: () => '', original: () => '甲', originalEn: () => '' }, 0)).toBe(false);
  });

  it('scores adjacency as the weights of the pairs the text holds, and the verifier answers the same', () => {
    fc.assert(
      fc.property(text, fc.array(fc.record({ key, weight: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }), (zh, pairs) => {
        const keys = new PassageKeys([piece('r', 0, 1, zh, zh)]);
        const expected = pairs.reduce((sum, p) => sum + (squash(zh).includes(p.key) ? p.weight : 0), 0);
        expect(adjacencyScore(pairs, keys, 0)).toBe(expected);
        expect(verifierOver(keys).bonus(pairs, 0)).toBe(expected);
      }),
    );
  });

  it('scores a pair with a Latin or digit edge only where it stands at the edges of words, as a contains check holds', () => {
    const pair = { key: '5g基站建设', weight: 2 };
    const keys = new PassageKeys([piece('r', 0, 1, '新建5G基站建设加快。'), piece('r', 1, 1, '新建15G基站建设加快。')]);
    expect([adjacencyScore([pair], keys, 0), adjacencyScore([pair], keys, 1)]).toEqual([2, 0]);
    expect([0, 1].map((i) => holds({ kind: 'contains', key: pair.key }, keys, i))).toEqual([true, false]);
  });

  it('holds a number in Chinese numerals only where it stands as that number', () => {
    const keys = new PassageKeys([piece('r', 0, 1, '赤字率为百分之四十。'), piece('r', 1, 1, '赤字率按百分之四左右安排。'), piece('r', 2, 1, '增长百分之四点五，增长百分之四以上。')]);
    expect([0, 1, 2].map((i) => holds({ kind: 'number', key: '百分之四' }, keys, i))).toEqual([false, true, true]);
    expect(occursAsNumber('十四个', '四')).toBe(false);
    expect(occursAsNumber('第十五届', '第十五')).toBe(true);
    expect(occursAsNumber('第十五六', '第十五')).toBe(false);
  });

  it('holds a number in numerals exactly where some occurrence is not part of a longer number, against brute force', () => {
    const numerals = fc.array(fc.constantFrom(...'一二四十百点万', '增', '长', '，'), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
    const number = fc.array(fc.constantFrom(...'一二四十'), { minLength: 1, maxLength: 3 }).map((cs) => `百分之${cs.join('')}`);
    const numeral = /[〇零一二三四五六七八九十百千万亿两点]/u;
    fc.assert(
      fc.property(numerals, number, numerals, (before, key, after) => {
        const zh = `${before}${key}${after}`;
        const own: boolean[] = [];
        for (let at = zh.indexOf(key); at !== -1; at = zh.indexOf(key, at + 1)) own.push(!numeral.test(zh[at + key.length] ?? ''));
        expect(holds({ kind: 'number', key }, new PassageKeys([piece('r', 0, 1, zh)]), 0)).toBe(own.some(Boolean));
      }),
    );
  });
});
