/**
 * Quoted phrases across a forced cut. A paragraph past the chunker's hard bound is cut into pieces (adjacent
 * passages sharing one paragraph number), and a phrase may run from the end of one piece into the start of
 * the next. For each place the phrase could be split, one alternative finds the piece where it begins through
 * the left half's bigrams and checks both halves against the two pieces' match keys (a `crossCut` check,
 * `index/checks.ts`). Planned only when the passages have such cuts (pathological text), so an ordinary
 * corpus pays nothing.
 */
import type { Alternative } from '../index/backend.js';
import { bigramTokens, phraseKey } from '../text/analyzer.js';
import { LETTER_OR_DIGIT, codePointCount } from '../text/scripts.js';

/** What planning knows of the corpus: whether it has forced cuts (absent: it cannot tell, as a cluster cannot). */
export interface CutKnowledge {
  hasCuts?(): boolean;
}

/** The index terms that find a passage holding `half`: its character pairs, else its one letter as a prefix. */
function termsOf(half: string): Pick<Alternative, 'terms' | 'prefix'> | null {
  const pairs = [...new Set(bigramTokens(half).map((t) => t.term).filter((t) => codePointCount(t) === 2))];
  if (pairs.length > 0) return { terms: pairs };
  const letters = [...phraseKey(half)].filter((c) => LETTER_OR_DIGIT.test(c));
  return letters.length === 1 ? { terms: letters, prefix: true } : null;
}

/**
 * Alternatives that find `text` split across a forced cut: the hit is the piece where it begins (where it
 * ends when what precedes the cut is only punctuation).
 * [] when the passages have no forced cuts (or the source of keys cannot tell, as a cluster's cannot).
 * @example crossCutAlternatives('进项目建设。加快实施国家', keys).length // 11 when the corpus has cuts, else 0
 */
export function crossCutAlternatives(text: string, corpus: CutKnowledge, label?: string): Alternative[] {
  if (!corpus.hasCuts?.()) return [];
  const key = phraseKey(text);
  const chars = [...text];
  const seen = new Set<string>();
  const alternatives: Alternative[] = [];
  for (let k = 1; k < chars.length; k++) {
    const left = chars.slice(0, k).join('');
    const right = chars.slice(k).join('');
    const [head, tail] = [phraseKey(left), phraseKey(right)];
    if (head === '' || tail === '' || head + tail !== key || seen.has(head)) continue;
    seen.add(head);
    // Found in the piece where the phrase begins, through the left half; through the right half, in the
    // piece where it ends, only when the left half has no letter or digit to find it by.
    const leftTerms = termsOf(left);
    const side = leftTerms ? 'left' : 'right';
    const found = leftTerms ?? termsOf(right);
    if (!found) continue;
    alternatives.push({ kind: 'tokens', fields: ['bigrams'], ...found, check: { kind: 'crossCut', head, tail, side }, label });
  }
  return alternatives;
}
