/**
 * The keys a backend files its kept work under, kept by a frozen plan's groups and alternatives: computed once
 * for what cannot change, afresh for what can, and always the key the value has now.
 */
import { describe, expect, it } from 'vitest';
import type { Alternative } from '../../src/index/backend.js';
import { candidatesKey, unchangingGroups } from '../../src/index/broad-ranking.js';
import { topKey } from '../../src/index/impact-tops.js';
import { KeptKeys } from '../../src/index/kept-keys.js';
import { unchanging } from '../../src/index/term-lookups.js';
import { deepFrozen } from '../../src/text/deep-frozen.js';

const alternative = (terms: string[]): Alternative => ({ kind: 'tokens', fields: ['bigrams'], terms, label: terms.join('') });

/** A KeptKeys over `key` that counts how often it writes a key. */
function counting<T extends object>(key: (value: T) => string, unchangingValue: (value: T) => boolean) {
  const calls = { n: 0 };
  const keys = new KeptKeys<T>((value) => {
    calls.n++;
    return key(value);
  }, unchangingValue);
  return { keys, calls };
}

describe('KeptKeys', () => {
  it('writes a frozen plan\'s key once and gives the same key after', () => {
    const { keys, calls } = counting(candidatesKey, unchangingGroups);
    const groups = deepFrozen([[alternative(['发展'])], [alternative(['改革']), alternative(['开放'])]]);
    const first = keys.of(groups);
    expect(first).toBe(candidatesKey(groups));
    for (let i = 0; i < 5; i++) expect(keys.of(groups)).toBe(first);
    expect(calls.n).toBe(1);
  });

  it('writes the key of groups that may change afresh each time, so that a change shows', () => {
    const { keys, calls } = counting(candidatesKey, unchangingGroups);
    const groups = [[alternative(['发展'])]];
    expect(keys.of(groups)).toBe(candidatesKey([[alternative(['发展'])]]));
    groups[0][0].terms.push('建设');
    expect(keys.of(groups)).toBe(candidatesKey([[alternative(['发展', '建设'])]]));
    expect(calls.n).toBe(2);
  });

  it('does not keep the key of groups frozen on the outside only', () => {
    const inner = [alternative(['发展'])];
    const groups = Object.freeze([Object.freeze(inner)]) as unknown as Alternative[][];
    expect(unchangingGroups(groups)).toBe(false);
    const { keys, calls } = counting(candidatesKey, unchangingGroups);
    keys.of(groups);
    (inner[0].terms as string[]).push('建设');
    expect(keys.of(groups)).toBe(candidatesKey([[alternative(['发展', '建设'])]]));
    expect(calls.n).toBe(2);
  });

  it('keeps an alternative\'s best-passages key when the alternative is frozen throughout', () => {
    const { keys, calls } = counting(topKey, unchanging);
    const frozen = deepFrozen({ ...alternative(['乡村', '振兴']), rank: { fields: ['words'], terms: ['乡村振兴'], weight: 0.5 } } as Alternative);
    expect(keys.of(frozen)).toBe(topKey(frozen));
    expect(keys.of(frozen)).toBe(topKey(frozen));
    expect(calls.n).toBe(1);
    const open = alternative(['乡村']);
    keys.of(open);
    keys.of(open);
    expect(calls.n).toBe(3);
  });
});
