/**
 * Sense selection from corpus evidence: of the Chinese terms an English concept may be written as, keep
 * those the corpus holds, and prefer those that stand in passages beside the other concepts' terms
 * ("tax cuts": 减税 beside 企业 and 降费, not 切割). A multiword concept none of whose terms occurs falls
 * back on its words; a word nothing translates may be a name in pinyin (`Dingri` → 定日). The evidence is
 * counted by the index (`Evidence`); this module only decides.
 */
import { type ExpansionUnit, type Sense, SEARCHED_SENSES } from '../crosslang/expand.js';
import { dedupeSenses } from '../crosslang/dedupe-senses.js';
import { composeCompounds } from './compounds.js';
import type { EnglishRun } from './plan.js';

/** Passage counts the index answers for sense selection. */
export interface Evidence {
  /** Passages holding `term` (as the engine matches a term: normalized substring). */
  holders(term: string): Promise<number>;
  /** Passages holding `term` and at least one of `others`. */
  together(term: string, others: readonly string[]): Promise<number>;
  /** Words of the corpus whose pinyin is a romanized name (`Dingri` → 定日), most frequent first. */
  names?(word: string): string[];
  /** Words of the corpus's vocabulary that are `prefix` or begin with it, the first few (absent: no vocabulary at hand). */
  wordsBeginning?(prefix: string): readonly string[];
  /** Passages in which the segmenter made `term` a word of its own (absent: no vocabulary at hand). */
  wordCount?(term: string): number;
  /** What the dictionary says `term` means (stems of its glosses), or null when it has no such word. */
  glossStems?(term: string): readonly string[] | null;
}

/**
 * A word nothing translates may be a name written in pinyin: one capitalized word of four letters or more
 * (lower-case pinyin is input, which "did you mean" answers with the Chinese it spells).
 */
const NAME_LIKE = /^[A-Z][A-Za-z'’]{3,}$/u;
/** Names tried for such a word, and their weight. */
const NAMES = 3;
const NAME_WEIGHT = 0.8;

/** An untranslated word, read as a name in pinyin when the corpus has words written so. */
function asName(unit: ExpansionUnit, evidence: Evidence): ExpansionUnit {
  if (unit.status !== 'untranslated' || unit.words.length !== 1 || !NAME_LIKE.test(unit.en) || !evidence.names) return unit;
  const zh: Sense[] = evidence.names(unit.en).slice(0, NAMES).map((term) => ({ term, source: 'pinyin', weight: NAME_WEIGHT }));
  return zh.length === 0 ? unit : { ...unit, zh, status: 'translated' };
}

/** A sense found beside no other concept keeps this share of its weight; the best-placed one keeps all. */
const ALONE = 0.4;
const BESIDE = 0.7;
/** At most this many senses of a concept are weighed against the others (best first). */
const WEIGHED = 6;

/**
 * Senses of one source (dictionary, synonym) searched per concept, at most: the first the corpus holds of
 * the longer list the expander offers (as many as it searches as a rule).
 */
const MAX_HELD_SENSES = SEARCHED_SENSES;
/** A guess: a synonym's sense, or a dictionary sense in reserve. */
const isGuess = (s: Sense): boolean => s.source === 'synonym' || s.reserve === true;

/** The senses the corpus holds, at most MAX_HELD_SENSES of each source. */
async function held(senses: readonly Sense[], evidence: Evidence): Promise<Sense[]> {
  const counts = await Promise.all(senses.map((s) => evidence.holders(s.term)));
  const taken = new Map<string, number>();
  return senses.filter((s, i) => {
    if ((counts[i] ?? 0) === 0) return false;
    const n = (taken.get(s.source) ?? 0) + 1;
    taken.set(s.source, n);
    return n <= MAX_HELD_SENSES || (s.source !== 'dictionary' && s.source !== 'synonym');
  });
}

/**
 * The concept with only the senses the corpus holds; failing those (senses in reserve aside), the single
 * characters the word may be written as (`tea` → 茶 where the reports never say 茶叶), then the senses in
 * reserve, then a name in pinyin; `untranslated` when none is left.
 */
async function present(unit: ExpansionUnit, evidence: Evidence): Promise<ExpansionUnit> {
  if (unit.status === 'ignored') return unit;
  const zh = await held(unit.zh, evidence);
  if (zh.some((s) => !s.reserve)) return { ...unit, zh, status: 'translated' };
  // A sense in reserve is no reason to pass over the characters (`old`: 老, 旧 before 故事, "old story").
  const characters = await held(unit.characters ?? [], evidence);
  if (characters.length > 0) return { ...unit, zh: [...characters, ...zh], status: 'translated' };
  if (zh.length > 0) return { ...unit, zh, status: 'translated' };
  return asName({ ...unit, zh, status: 'untranslated' }, evidence);
}

/**
 * A multiword unit only the dictionary knows is read as its words when the corpus holds its words' senses
 * together this many times more often than the unit's own: `favorable conditions` is 有利 + 条件 in the
 * reports, not CC-CEDICT's 春风 ("favorable circumstances", 4 passages at the real scale).
 */
const WORDS_OVER_UNIT = 10;

/** Passages holding the unit's senses, at most (the largest count of one sense). */
async function mostHolders(senses: readonly Sense[], evidence: Evidence): Promise<number> {
  const counts = await Promise.all(senses.map((s) => evidence.holders(s.term)));
  return counts.reduce((most, n) => Math.max(most, n), 0);
}

/** Passages holding a sense of the first part beside a sense of another, at most. */
async function partsTogether(parts: readonly ExpansionUnit[], evidence: Evidence): Promise<number> {
  const [first, ...rest] = parts;
  const others = rest.flatMap((p) => p.zh.map((s) => s.term));
  if (!first || others.length === 0) return 0;
  const counts = await Promise.all(first.zh.slice(0, WEIGHED).map((s) => evidence.together(s.term, others)));
  return counts.reduce((most, n) => Math.max(most, n), 0);
}

/** The concepts of a run with absent senses dropped and absent multiword units replaced by their words. */
async function presentUnits(units: ExpansionUnit[], evidence: Evidence): Promise<ExpansionUnit[]> {
  const out: ExpansionUnit[] = [];
  for (const unit of units) {
    const kept = await present(unit, evidence);
    if (kept.status === 'untranslated' && unit.zh.length > 0 && unit.parts && unit.parts.length > 0) {
      out.push(...(await presentUnits(unit.parts, evidence)));
    } else if (kept.status === 'translated' && unit.parts && unit.parts.length > 1 && kept.zh.every((s) => s.source === 'dictionary')) {
      const parts = await presentUnits(unit.parts, evidence);
      const translated = parts.filter((p) => p.status === 'translated');
      const words = translated.length > 1 ? await partsTogether(translated, evidence) : 0;
      if (words > WORDS_OVER_UNIT * (await mostHolders(kept.zh, evidence))) {
        // Its words, each with the unit's senses too: a passage holding one says both.
        for (const p of parts) out.push(p.status === 'translated' ? { ...p, zh: dedupeSenses([...p.zh, ...kept.zh]) } : p);
      } else out.push(kept);
    } else out.push(kept);
  }
  return out;
}

/** Reweighs each concept's senses by how often they stand beside the other concepts' senses. */
async function weighBeside(units: ExpansionUnit[], evidence: Evidence): Promise<ExpansionUnit[]> {
  const translated = units.filter((u) => u.status === 'translated');
  if (translated.length < 2) return units;
  return Promise.all(
    units.map(async (unit) => {
      if (unit.status !== 'translated' || unit.zh.length < 2) return unit;
      const others = translated.filter((u) => u !== unit).flatMap((u) => u.zh.map((s) => s.term));
      const weighed = unit.zh.slice(0, WEIGHED);
      const counts = await Promise.all(weighed.map((s) => evidence.together(s.term, others)));
      const best = Math.max(...counts);
      if (best === 0) return unit;
      const zh: Sense[] = unit.zh.map((s, i) => {
        const count = counts[i] ?? 0;
        const factor = count === 0 ? ALONE : BESIDE + (1 - BESIDE) * (count / best);
        return { ...s, weight: s.weight * factor };
      });
      zh.sort((a, b) => b.weight - a.weight);
      return { ...unit, zh };
    }),
  );
}

/**
 * A sense reached through an English synonym (`source: 'synonym'`) is a guess: it is kept only where the
 * corpus shows it beside another concept's terms, or where the word has no sense of its own left. A word
 * searched alone keeps its own senses only (`employment` is 就业, not 使用 through `use`).
 */
async function corroborate(units: ExpansionUnit[], evidence: Evidence): Promise<ExpansionUnit[]> {
  const translated = units.filter((u) => u.status === 'translated');
  return Promise.all(
    units.map(async (unit) => {
      const own = unit.zh.filter((s) => !isGuess(s));
      if (unit.status !== 'translated' || own.length === unit.zh.length || own.length === 0) return unit;
      const others = translated.filter((u) => u !== unit).flatMap((u) => u.zh.map((s) => s.term));
      if (others.length === 0) return { ...unit, zh: own };
      const beside = await Promise.all(unit.zh.map(async (s) => !isGuess(s) || (await evidence.together(s.term, others)) > 0));
      return { ...unit, zh: unit.zh.filter((_, i) => beside[i]) };
    }),
  );
}

/**
 * The runs with their concepts' senses chosen by the corpus: compounds of neighbouring concepts' morphemes
 * added where the corpus attests them (`compounds.ts`), absent senses dropped (a multiword unit with
 * none falls back on its words), synonyms' senses kept only beside other concepts (`corroborate`), the rest weighed by how often they stand beside the other concepts'.
 * @example (await chooseSenses(readEnglish(parseQuery('tax cuts'), crossLang), evidence))[0].units
 */
export async function chooseSenses(runs: readonly EnglishRun[], evidence: Evidence): Promise<EnglishRun[]> {
  return Promise.all(
    runs.map(async (run) => {
      const present = await presentUnits(await composeCompounds(run.units, evidence), evidence);
      return { ...run, units: await weighBeside(await corroborate(present, evidence), evidence) };
    }),
  );
}
