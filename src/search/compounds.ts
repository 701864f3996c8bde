/**
 * Compound translation: Chinese policy terms are often two morphemes, one from each of two English words
 * ("zero-carbon" → 零碳, "coal power" → 煤电, "fishing ban" → 禁渔), or a word and the head morpheme of the next
 * ("tax-free shopping" → 免税店, "purchase prices" → 收购价), where no dictionary holds the compound
 * (减税 for "tax cuts" comes from its definition instead: `crosslang/paraphrase.ts`). The morphemes are the characters of each word's known Chinese senses; a pair of them
 * in either order, or a sense and the other's last character (`headed`), is kept when the corpus has a word that is the pair, or begins with it and goes on with
 * characters of the concepts' senses only (`wordsOfTheQuery`), and the corpus holds it. A compound the
 * dictionary glosses is a sense of the concepts its gloss names (禁渔 "ban on fishing" of both; 产权 "property
 * rights" of rights alone, not of delivery); one it lacks, of both, as a passage holding it says both, when
 * the segmenter makes it a word in a fair share of the passages holding it (`madeAWord`). This is
 * the compositional translation of base noun phrases validated against a corpus (Cao and Li, 2002), with the
 * corpus's own vocabulary as the judge.
 */
import { singularWord } from '../crosslang/english.js';
import type { ExpansionUnit, Sense } from '../crosslang/expand.js';
import type { Evidence } from './senses.js';

/** At most this many senses of a concept give morphemes and begin a headed compound (`headed`), and this many characters. */
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
 * The first senses of a concept that a source states: not a guess (a synonym's sense, a dictionary sense in
 * reserve), whose characters would make compounds of another meaning (aging → 秋熟 "autumn ripening", through
 * "ripening", made 秋种 "autumn sowing" of aging population).
 */
const stated = (unit: ExpansionUnit): Sense[] => unit.zh.filter((s) => s.source !== 'synonym' && s.reserve !== true).slice(0, SENSES);

/**
 * The morphemes of a concept: the first character of each of its first senses, as an abbreviation takes
 * them (煤炭 + 电力 → 煤电, 禁止 + 渔业 → 禁渔), distinct, in order.
 * @example morphemes({ en: 'tax', words: ['tax'], zh: [{ term: '税收', source: 'glossary', weight: 1 }], status: 'translated' }) // ['税']
 */
export function morphemes(unit: ExpansionUnit): string[] {
  const out: string[] = [];
  const numeric = NUMBER_WORD.test(unit.en) || unit.zh.some((s) => s.source === 'number');
  for (const sense of stated(unit)) {
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
 * Words of a sense of `left` followed by the head morpheme of one of `right`'s: its last character, as a
 * Chinese compound puts its head last (赤字 + 比率 → 赤字率 for "deficit ratio", 城镇化 + 速率 → 城镇化率);
 * none is already a sense of either concept.
 * @example headed(['赤字'], ['比率', '比例']) // ['赤字率', '赤字例']
 */
export function headed(left: readonly string[], right: readonly string[]): string[] {
  const heads = [...new Set(right.map((term) => [...term].at(-1) ?? ''))].filter((ch) => HAN.test(ch) && !NUMERAL.test(ch));
  const out: string[] = [];
  for (const term of left) if ([...term].length >= 2) for (const head of heads) if (!term.endsWith(head)) out.push(term + head);
  return out;
}

/** Which of the two concepts a compound says: both, one, or none (a word of another meaning). */
interface Said {
  left: boolean;
  right: boolean;
}

/**
 * The word a concept of several words is named by: its head, the last word, or the last before `of` (`high speed
 * rail` by rail, `cost of living` by cost): 新高 "new high" says nothing of high-speed rail.
 * @example headOf(['high', 'speed', 'rail']) // 'rail'
 */
function headOf(words: readonly string[]): string | undefined {
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  return of > 0 ? words[of - 1] : words.at(-1);
}

/**
 * What the compound says, by the dictionary: the concepts its gloss names. 禁渔 ("ban on fishing") says both
 * fishing and ban; 产权 ("property rights") says rights and not delivery, and 公共 ("public") neither
 * community nor shared. A word the dictionary lacks (零碳) says both, when the corpus makes it a word
 * (`madeAWord`).
 */
function whatItSays(compound: string, left: ExpansionUnit, right: ExpansionUnit, evidence: Evidence): Said | 'unknown' {
  const glosses = evidence.glossStems?.(compound) ?? null;
  if (glosses === null) return 'unknown';
  const names = (unit: ExpansionUnit): boolean => {
    const head = headOf(unit.words);
    return head !== undefined && glosses.includes(singularWord(head.toLowerCase()));
  };
  return { left: names(left), right: names(right) };
}

/**
 * True when the corpus vocabulary has the compound as a word, or a word that begins with it and goes on only
 * with characters of the two concepts' senses: 零关 of 零关税 (关税 is a sense of tariffs), not 超高 of 超高清 for
 * high-speed rail, nor 高海 of 高海拔 for loan renewal. Those words are returned.
 */
function wordsOfTheQuery(compound: string, words: readonly string[], characters: ReadonlySet<string>): string[] {
  // The word itself goes on with nothing: every() of nothing holds.
  return words.filter((word) => [...word.slice(compound.length)].every((ch) => characters.has(ch)));
}

/**
 * A word the dictionary lacks must be one the segmenter makes of these characters in at least this share of
 * the passages that hold them. Below it, the characters are mostly the edges of two words meeting (中稳 of
 * 其中稳定, 全链 of 全链条 cut 全/链条) and the one passage where the segmenter joined them is an accident.
 */
const MADE_A_WORD = 0.4;

/** True when the passages that make the compound (or its words of the query) a word are a fair share of those holding it. */
function madeAWord(words: readonly string[], holders: number, evidence: Evidence): boolean {
  if (!evidence.wordCount) return true;
  const asWord = words.reduce((n, w) => n + (evidence.wordCount?.(w) ?? 0), 0);
  return asWord >= MADE_A_WORD * holders;
}

/** The compounds of two neighbouring concepts the corpus attests, with what each says. */
async function attested(left: ExpansionUnit, right: ExpansionUnit, evidence: Evidence): Promise<Array<{ term: string } & Said>> {
  const { wordsBeginning } = evidence;
  if (!wordsBeginning || left.status !== 'translated' || right.status !== 'translated') return [];
  const known = new Set([...left.zh, ...right.zh].map((s) => s.term));
  const characters = new Set([...known].flatMap((term) => [...term]));
  const found: Array<{ term: string } & Said> = [];
  const senses = (unit: ExpansionUnit): string[] => stated(unit).map((s) => s.term);
  // A sense with the other's head morpheme first: a longer word, and one the segmenter kept whole.
  const candidates = [...headed(senses(left), senses(right)), ...pairs(morphemes(left), morphemes(right))];
  for (const compound of candidates) {
    if (known.has(compound)) continue;
    const words = wordsOfTheQuery(compound, wordsBeginning(compound), characters);
    if (words.length === 0) continue;
    const said = whatItSays(compound, left, right, evidence);
    if (said !== 'unknown' && !said.left && !said.right) continue;
    const holders = await evidence.holders(compound);
    if (holders === 0 || (said === 'unknown' && !madeAWord(words, holders, evidence))) continue;
    found.push({ term: compound, ...(said === 'unknown' ? { left: true, right: true } : said) });
    if (found.length === PER_PAIR) break;
  }
  return found;
}

const asSense = (term: string): Sense => ({ term, source: 'compound', weight: COMPOUND_WEIGHT });

/**
 * The concepts, each pair of neighbours given the compounds of their morphemes that the corpus attests, as a
 * sense of the concepts each says (`whatItSays`). Without a vocabulary to judge by (`evidence.wordsBeginning`), the concepts as they were.
 * @example await composeCompounds([coal, power], evidence) // coal and power both gain 煤电
 */
export async function composeCompounds(units: readonly ExpansionUnit[], evidence: Evidence): Promise<ExpansionUnit[]> {
  const out = units.map((u) => ({ ...u, zh: [...u.zh] }));
  for (let i = 0; i + 1 < out.length; i++) {
    const left = out[i] as ExpansionUnit;
    const right = out[i + 1] as ExpansionUnit;
    const found = await attested(units[i] as ExpansionUnit, units[i + 1] as ExpansionUnit, evidence);
    for (const compound of found) {
      if (compound.left && !left.zh.some((s) => s.term === compound.term)) left.zh.push(asSense(compound.term));
      if (compound.right && !right.zh.some((s) => s.term === compound.term)) right.zh.push(asSense(compound.term));
    }
  }
  return out;
}
