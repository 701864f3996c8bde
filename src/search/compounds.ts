/**
 * Compound translation: Chinese policy terms are often two morphemes, one from each of two English words
 * ("zero-carbon" → 零碳, "coal power" → 煤电, "fishing ban" → 禁渔), where no dictionary holds the compound
 * (减税 for "tax cuts" comes from its definition instead: `crosslang/paraphrase.ts`). The morphemes are the characters of each word's known Chinese senses; a pair of them,
 * in either order, is kept when the corpus has a word that is the pair, or begins with it and goes on with
 * characters of the concepts' senses only (`wordOfTheQuery`), the corpus holds
 * it, and the dictionary either lacks it or glosses it with one of the two words (`meansTheQuery`). The compound then counts as a sense of both concepts, as a passage holding it says both. This is
 * the compositional translation of base noun phrases validated against a corpus (Cao and Li, 2002), with the
 * corpus's own vocabulary as the judge.
 */
import { singularWord } from '../crosslang/english.js';
import type { ExpansionUnit, Sense } from '../crosslang/expand.js';
import type { Evidence } from './senses.js';

/** At most this many senses of a concept give morphemes, and this many characters. */
const SENSES = 6;
const MORPHEMES = 12;
/** A compound's weight: a little below the dictionary's best, as no source states it. */
const COMPOUND_WEIGHT = 0.65;
/** At most this many compounds are added to a pair of concepts. */
const PER_PAIR = 3;

const HAN = /^\p{Script=Han}$/u;
/** A numeral character is a morpheme only of a concept that is a number ("zero" → 零碳, not "first" → 一产). */
const NUMERAL = /^[〇零一二两三四五六七八九十百千万亿]$/u;
const NUMBER_WORD = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|\d+(?:st|nd|rd|th)?)$/iu;

/**
 * The morphemes of a concept: the first character of each of its first senses, as an abbreviation takes
 * them (煤炭 + 电力 → 煤电, 禁止 + 渔业 → 禁渔), distinct, in order.
 * @example morphemes({ en: 'tax', words: ['tax'], zh: [{ term: '税收', source: 'glossary', weight: 1 }], status: 'translated' }) // ['税']
 */
export function morphemes(unit: ExpansionUnit): string[] {
  const out: string[] = [];
  const numeric = NUMBER_WORD.test(unit.en) || unit.zh.some((s) => s.source === 'number');
  for (const sense of unit.zh.slice(0, SENSES)) {
    const ch = [...sense.term][0] ?? '';
    if (HAN.test(ch) && (numeric || !NUMERAL.test(ch)) && !out.includes(ch)) out.push(ch);
  }
  return out.slice(0, MORPHEMES);
}

/**
 * Two-character compounds of one morpheme of `left` and one of `right`, either order, the left-first ones
 * first; none repeats a character or is already a sense of either concept.
 * @example pairs(['减'], ['税']) // ['减税', '税减']
 */
export function pairs(left: readonly string[], right: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of left) for (const b of right) if (a !== b) out.push(a + b);
  for (const a of left) for (const b of right) if (a !== b && !out.includes(b + a)) out.push(b + a);
  return out;
}

/**
 * False when the dictionary knows the compound in a sense that names neither concept: 公共 ("public") is no
 * compound of community and shared, 人大 (the people's congress) none of race and competition; 禁渔 ("ban on
 * fishing") is one of fishing and ban. A word the dictionary lacks (零碳) passes.
 */
function meansTheQuery(compound: string, left: ExpansionUnit, right: ExpansionUnit, evidence: Evidence): boolean {
  const glosses = evidence.glossStems?.(compound) ?? null;
  if (glosses === null) return true;
  const named = new Set([...left.words, ...right.words].map((w) => singularWord(w.toLowerCase())));
  return glosses.some((stem) => named.has(stem));
}

/**
 * True when the corpus vocabulary has the compound as a word, or a word that begins with it and goes on only
 * with characters of the two concepts' senses: 零关 of 零关税 (关税 is a sense of tariffs), not 超高 of 超高清 for
 * high-speed rail, nor 高海 of 高海拔 for loan renewal.
 */
function wordOfTheQuery(compound: string, words: readonly string[], characters: ReadonlySet<string>): boolean {
  // The word itself goes on with nothing: every() of nothing holds.
  return words.some((word) => [...word.slice(compound.length)].every((ch) => characters.has(ch)));
}

/** The compounds of two neighbouring concepts the corpus attests. */
async function attested(left: ExpansionUnit, right: ExpansionUnit, evidence: Evidence): Promise<string[]> {
  const { wordsBeginning } = evidence;
  if (!wordsBeginning || left.status !== 'translated' || right.status !== 'translated') return [];
  const known = new Set([...left.zh, ...right.zh].map((s) => s.term));
  const characters = new Set([...known].flatMap((term) => [...term]));
  const found: string[] = [];
  for (const compound of pairs(morphemes(left), morphemes(right))) {
    if (known.has(compound) || !wordOfTheQuery(compound, wordsBeginning(compound), characters) || !meansTheQuery(compound, left, right, evidence)) continue;
    if ((await evidence.holders(compound)) > 0) found.push(compound);
    if (found.length === PER_PAIR) break;
  }
  return found;
}

const asSense = (term: string): Sense => ({ term, source: 'compound', weight: COMPOUND_WEIGHT });

/**
 * The concepts, each pair of neighbours given the compounds of their morphemes that the corpus attests, as a
 * sense of both. Without a vocabulary to judge by (`evidence.wordsBeginning`), the concepts as they were.
 * @example await composeCompounds([coal, power], evidence) // coal and power both gain 煤电
 */
export async function composeCompounds(units: readonly ExpansionUnit[], evidence: Evidence): Promise<ExpansionUnit[]> {
  const out = units.map((u) => ({ ...u, zh: [...u.zh] }));
  for (let i = 0; i + 1 < out.length; i++) {
    const left = out[i] as ExpansionUnit;
    const right = out[i + 1] as ExpansionUnit;
    const found = await attested(units[i] as ExpansionUnit, units[i + 1] as ExpansionUnit, evidence);
    for (const term of found) {
      left.zh.push(asSense(term));
      right.zh.push(asSense(term));
    }
  }
  return out;
}
