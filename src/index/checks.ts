/**
 * The one interpreter of a plan's checks: the only code that reads match keys to decide whether a candidate
 * matches (`contains`, `containsAny`, `near`, `crossCut`, `number`) and what adjacency adds to its score. Pure: a check,
 * a key source and a position in, a boolean or a number out. Every backend verifies through it: the embedded
 * ones over the keys of the passages they hold (`PassageKeys`), a cluster over the keys it fetched for one search.
 */
import type { Adjacency, Check, Verifier } from './backend.js';
import { isNear } from './near.js';
import { keysContain, type MatchKeySource } from './passage-keys.js';
import { hasWordEdge, occursAsWords, partedAlong, standsApart } from '../text/word-edges.js';

/**
 * True when the passage at `index` satisfies `check`, read from `keys`. A `crossCut` needs a source that
 * knows which passages continue each other; without it, nothing crosses a cut.
 * @example holds({ kind: 'contains', key: '乡村振兴' }, keys, 0) // true when passage 0 says 乡村振兴
 */
export function holds(check: Check, keys: MatchKeySource, index: number): boolean {
  switch (check.kind) {
    case 'contains':
      return keysContain(keys, index, check.key);
    case 'containsAny':
      return check.keys.some((key) => keysContain(keys, index, key));
    case 'near':
      return isNear(keys.text(index), check.a, check.b, check.scope, keys.original(index)) || isNear(keys.textEn(index), check.a, check.b, check.scope, keys.originalEn(index));
    case 'number':
      return occursAsNumber(keys.text(index), check.key);
    case 'crossCut': {
      // `first` is the piece where the phrase starts: the hit itself (found by the left half) or the one before.
      const first = check.side === 'left' ? index : index - 1;
      if (!(first >= 0 && (keys.continues?.(first) ?? false))) return false;
      const [head, tail] = [keys.text(first), keys.text(first + 1)];
      if (!head.endsWith(check.head) || !tail.startsWith(check.tail)) return false;
      // A phrase with a Latin or digit edge begins at a word's start in the first piece and ends at a word's end
      // in the next (`word-edges.ts`), as it would within one passage.
      if (!hasWordEdge(check.head + check.tail)) return true;
      return (
        standsApart(head, head.length - check.head.length, check.head.length, partedAlong(keys.original(first))) &&
        standsApart(tail, 0, check.tail.length, partedAlong(keys.original(first + 1)))
      );
    }
  }
}

/** Characters that go on writing a number in Chinese numerals: digits, their units, the decimal point. */
const NUMERAL = /[〇零一二三四五六七八九十百千万亿两点]/u;
/** The numerals a number begins with (百 begins 百分之, a percentage, as well as a hundred). */
const FIRST_NUMERAL = /[〇零一二三四五六七八九十两]/u;

/**
 * True when `key` occurs in `text` as a number of its own: where the key ends with a numeral, the next character
 * writes none (`百分之四` is in `百分之四以上`, not in `百分之四十`); where it begins with a digit's numeral, the
 * character before writes none (`四` is not in `十四`).
 * @example occursAsNumber('增长百分之四十，百分之四左右', '百分之四') // true (the second)
 */
export function occursAsNumber(text: string, key: string): boolean {
  const [starts, ends] = [FIRST_NUMERAL.test(key[0] ?? ''), NUMERAL.test(key.at(-1) ?? '')];
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    if (starts && at > 0 && NUMERAL.test(text[at - 1] as string)) continue;
    if (ends && NUMERAL.test(text[at + key.length] ?? '')) continue;
    return true;
  }
  return false;
}

/**
 * The adjacency score of the passage at `index`: the weight of every pair its text's key holds, at the edges of
 * words where the pair begins or ends with a Latin letter or a digit (`5g基站建设` is not in `15G基站建设`), as a
 * `contains` check and a cluster's look-up of the pair decide.
 * @example adjacencyScore([{ key: '乡村振兴', weight: 2 }], keys, 0) // 2 when passage 0 says 乡村振兴
 */
export function adjacencyScore(adjacency: readonly Adjacency[], keys: MatchKeySource, index: number): number {
  if (adjacency.length === 0) return 0;
  const text = keys.text(index);
  let sum = 0;
  for (const pair of adjacency) {
    if (text.includes(pair.key) && (!hasWordEdge(pair.key) || occursAsWords(keys.original(index), text, pair.key))) sum += pair.weight;
  }
  return sum;
}

/**
 * The verifier a backend decides its checks with, over one key source.
 * @example verifierOver(new PassageKeys(passages)).holds({ kind: 'contains', key: '西藏' }, 0)
 */
export function verifierOver(keys: MatchKeySource): Verifier {
  return {
    holds: (check, index) => holds(check, keys, index),
    bonus: (adjacency, index) => adjacencyScore(adjacency, keys, index),
  };
}
