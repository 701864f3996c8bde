/**
 * Turns a parsed query into a backend query: each unit becomes one or more alternatives (index terms plus a
 * check, as data). Chinese words and quoted phrases are required groups (exact semantics, exact totals); Chinese
 * words also find their English renderings in English text. An English query's concepts (read by
 * `readEnglish`, their senses chosen by `senses.ts`) are soft groups: a passage qualifies when it matches
 * enough of them, each concept searched in English and as its weighted Chinese terms. Also says what to
 * highlight. Each step returns plain data (alternatives, highlight terms, expansions), merged at the end;
 * the plan reads no match key (the backend's verifier decides its checks, `index/checks.ts`), so it can be
 * kept, copied or sent as it is.
 */
import type { YearRange } from './year-range.js';
import { ENGLISH_WORD } from '../../public/js/query-edit.js';
import type { Adjacency, Alternative, BackendQuery } from '../index/backend.js';
import { PASSAGE_KINDS } from '../model.js';
import { analyzeWords, analyzeWordsAndCompounds, bigramTokensOfMatch, normalizeForMatch, phraseKey } from '../text/analyzer.js';
import { LETTER_OR_DIGIT, codePointCount } from '../text/scripts.js';
import { learnedWeight, type CrossLang, type ExpansionUnit, type Sense } from '../crosslang/expand.js';
import { isDotted } from '../crosslang/english.js';
import { crossCutAlternatives, type CutKnowledge } from './cut-phrases.js';
import { hasWordEdge } from '../text/word-edges.js';
import { renderingPhrases } from './rendering-phrases.js';
import type { ParsedQuery, QueryUnit } from './query-parser.js';
import type { Expansion, QueryConcept } from './types.js';

/** What to mark in a hit: normalized substrings and analyzed word terms. */
export interface HighlightPlan {
  keys: string[];
  terms: string[];
  /**
   * The keys and terms of each of the query's concepts (a word, a quoted phrase, an English concept), when it has
   * two or more: an excerpt shows the window holding most of them (`snippet.ts`).
   */
  concepts?: string[][];
}

export interface QueryPlan {
  query: Omit<BackendQuery, 'offset' | 'limit'>;
  highlight: HighlightPlan;
  expansions: Expansion[];
  /** How the English words were read (empty when the query has none outside quotes). */
  concepts: QueryConcept[];
  /**
   * Each English concept's Chinese senses, in query order: the term, its match key (for proximity reranking) and
   * its weight (for the concepts' structured scores, `concept-scores.ts`).
   */
  senses: Array<Array<{ term: string; key: string; weight: number }>>;
  /** True when nothing in the query could be searched for. */
  empty: boolean;
  /** The range of years the query's `year:2013-2022` names: the engine searches the reports of those years. */
  years?: YearRange;
  /** The region the query's `region:广东` names: the engine searches that region's reports (`report-scope.ts`). */
  region?: string;
}

/** A run of unquoted English words in the query: parsed groups [start, end) and its concepts. */
export interface EnglishRun {
  start: number;
  end: number;
  units: ExpansionUnit[];
}

/** What planning needs besides the query: the expander, and the English runs with their chosen senses. */
export interface PlanContext {
  crossLang: CrossLang;
  /** The runs of `readEnglish(parsed, crossLang)`, senses chosen; read afresh when absent. */
  runs?: EnglishRun[];
}

/** One step's share of the plan. */
interface Planned {
  alternatives: Alternative[];
  keys: string[];
  terms: string[];
  expansions: Expansion[];
}

/** A part of a hyphenated word around a dotted abbreviation: letters and apostrophes, or nothing (`Sino`). */
const DOTTED_NEIGHBOUR = /^[\p{Script=Latin}'’]*$/u;
/**
 * An abbreviation of letters between points (`U.S.`, `e.g.`, `Ph.D.`), alone or in a hyphenated compound
 * (`Sino-U.S.`, `U.S.-China`): an English word, not an exact code.
 */
const isDottedCompound = (t: string): boolean => {
  const parts = t.split('-');
  return parts.some((part, k) => isDotted(part) && parts.every((other, m) => m === k || DOTTED_NEIGHBOUR.test(other)));
};
const CODE = /^[\p{Script=Latin}\d][\p{Script=Latin}\d&.%'’-]*$/u;
const HAS_HAN = /\p{Script=Han}/u;
const ADJACENCY_BONUS = 2;

const isEnglishWord = (text: string): boolean => {
  const t = text.normalize('NFKC');
  return ENGLISH_WORD.test(t) || isDottedCompound(t);
};
const isCode = (text: string): boolean => {
  const t = text.normalize('NFKC');
  return CODE.test(t) && /[\d&]/.test(t) && /\p{Script=Latin}/u.test(t);
};
/** A number written in digits (`2025`, `6.5`, `1,000`). */
const isNumber = (text: string): boolean => /^\d[\d.,]*%?$/u.test(text.normalize('NFKC'));
/** An unquoted English word. */
const isEnglishTerm = (unit: QueryUnit): boolean => unit.kind === 'term' && isEnglishWord(bare(unit.text));
/** A word without the punctuation written around it (`Country,` → `Country`, `(Tibet)` → `Tibet`). */
const bare = (text: string): string => text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const nothing = (): Planned => ({ alternatives: [], keys: [], terms: [], expansions: [] });

function merge(parts: Planned[]): Planned {
  const out = nothing();
  for (const p of parts) {
    out.alternatives.push(...p.alternatives);
    out.keys.push(...p.keys);
    out.terms.push(...p.terms);
    out.expansions.push(...p.expansions);
  }
  return out;
}

/**
 * Exact (normalized, whitespace-insensitive) occurrence of `text`, checked against the match keys.
 * @example substringAlternatives('乡村振兴').alternatives[0].fields // ['bigrams']
 */
export function substringAlternatives(text: string, label?: string): Planned {
  // The match text is made once: its text is the key, and the bigrams are cut from it (`analyze` would make it again).
  const match = normalizeForMatch(text);
  const key = match.text;
  if (!LETTER_OR_DIGIT.test(key)) return nothing(); // only punctuation or nothing: nothing to search for
  const check = { kind: 'contains', key } as const;
  const tokens = bigramTokensOfMatch(match).map((t) => t.term);
  const bigrams = [...new Set(tokens.filter((t) => codePointCount(t) === 2))];
  const words = [...new Set(analyzeWords(text).map((t) => t.term))];
  const rank = { fields: ['words', 'heading'] as Alternative['fields'], terms: words, weight: 1 };
  const alternatives: Alternative[] = [];
  // When the key is a single bigram, or a single letter found by prefix, the index's answer is already
  // exact: the bigrams field holds a token for every letter or digit of the passage's match text (the text
  // the key is verified against), paired with the next one in its run, or alone at a run's end. Only
  // longer keys, whose bigrams may occur apart, need verifying.
  // A key that begins or ends with a Latin letter or a digit is verified at the edges of words (`"AI"` is
  // not in `maintain`, `"5G"` not in `45G`), which neither a bigram nor a run of them decides.
  const edged = hasWordEdge(key);
  if (bigrams.length > 0) {
    const exact = bigrams.length === 1 && bigrams[0] === key && !edged;
    const alternative: Alternative = { kind: 'tokens', fields: ['bigrams'], terms: bigrams, ...(exact ? {} : { check }), rank, label };
    // The bigram tokens of the phrase in order; the last run's closing single goes, since in a passage
    // that run may go on.
    const sequence = tokens.slice(0, -1);
    if (!exact && sequence.length >= 2) {
      alternative.sequence = sequence;
      // One run and nothing else (every character of the key is in it): consecutive pairs cannot cross a
      // run's end, where the single closing it stands between, so adjacency is occurrence.
      if (!edged && tokens.every((t, i) => (i < tokens.length - 1) === (codePointCount(t) === 2)) && codePointCount(key) === tokens.length) {
        alternative.sequenceDecides = true;
      }
    }
    alternatives.push(alternative);
  } else if (codePointCount(key) === 1) {
    alternatives.push({ kind: 'tokens', fields: ['bigrams'], terms: [key], prefix: true, ...(edged ? { check } : {}), rank, label });
  } else alternatives.push({ kind: 'scan', fields: [], terms: [], check, label });
  // English text is indexed by words, not bigrams: find an English phrase (or a number, `"2025"`) through
  // its words; a phrase of stop words alone (`"we will"`), which gives the index no word, by reading every
  // passage's keys, as exact as any other phrase.
  if (/[\p{Script=Latin}\p{Nd}]/u.test(key)) {
    alternatives.push(words.length > 0 ? { kind: 'tokens', fields: ['en', 'words'], terms: words, check, label } : { kind: 'scan', fields: [], terms: [], check, label });
  }
  return { alternatives, keys: [key], terms: [], expansions: [] };
}

/**
 * English words, matched by their stems in English and mixed text. A hyphenated compound (`eco-tourism`) is
 * found by its parts, and by its joined form, which text written either way holds (`ecotourism`).
 */
function englishWords(text: string, label?: string): Planned {
  const analysis = analyzeWordsAndCompounds(text);
  const terms = [...new Set(analysis.words.map((t) => t.term))];
  if (terms.length === 0) return nothing();
  const alternatives: Alternative[] = [{ kind: 'tokens', fields: ['words', 'en'], terms, label }];
  if (analysis.compounds.length > 0) {
    // The joined forms in place of the parts they span.
    const inCompound = (t: { start: number; end: number }): boolean => analysis.compounds.some((c) => c.start <= t.start && t.end <= c.end);
    const joined = [...new Set([...analysis.words.filter((t) => !inCompound(t)), ...analysis.compounds].map((t) => t.term))];
    alternatives.push({ kind: 'tokens', fields: ['words', 'en'], terms: joined, label });
    terms.push(...analysis.compounds.map((t) => t.term));
  }
  return { alternatives, keys: [], terms, expansions: [] };
}

/** Most Chinese terms an excluded English word also leaves out. */
const EXCLUDED_SENSES = 3;

/**
 * The Chinese an excluded English word surely means: the glossary's forms, else the learned pairs the lexicon
 * is sure of (a probability of 0.7 at least); never a dictionary sense, whose first is often not the
 * reports' (`party` → 一行, "a travelling party"), nor a synonym's. An exclusion removes passages, so it takes
 * only what a reader would agree the word says; a word without such a sense is excluded in English text only.
 */
function surestSenses(senses: readonly Sense[]): Sense[] {
  const glossary = senses.filter((s) => s.source === 'glossary');
  if (glossary.length > 0) return glossary.slice(0, EXCLUDED_SENSES);
  return senses.filter((s) => s.source === 'learned' && s.weight >= learnedWeight(SURE_LEARNED_P)).slice(0, EXCLUDED_SENSES);
}
/** The probability a learned pair needs to stand for an excluded word. */
const SURE_LEARNED_P = 0.7;

/**
 * An excluded English word (`herders -tourism`): the word in English text, and its surest Chinese as exact
 * text (`surestSenses`: 旅游), so that an English query over Chinese reports leaves out what it names.
 */
function excludedEnglish(word: string, crossLang: CrossLang): Planned {
  const unit = crossLang.expandEnglish(word).find((u) => u.status === 'translated');
  return merge([englishWords(word), ...surestSenses(unit?.zh ?? []).map((s) => substringAlternatives(s.term))]);
}

/** A Chinese (or mixed) term: its exact occurrence, or its English renderings in English text. */
function chineseTerm(text: string, crossLang: CrossLang): Planned {
  const exact = substringAlternatives(text);
  if (!HAS_HAN.test(text)) return exact;
  // Text with a Han character has a letter: its key is the one `substringAlternatives` made.
  const renderings = crossLang.englishFor(exact.keys[0] ?? phraseKey(text)).flatMap(({ en, source }) => {
    const found = rendering(en);
    return found.alternatives.length === 0 ? [] : [{ ...found, expansions: [{ from: text, to: en, source }] }];
  });
  return merge([exact, ...renderings]);
}

/**
 * An English rendering of a Chinese term, in English text: a word by its stem (`employment`), several words as a
 * phrase (`renderingPhrases`: `digital economy`, `digital economies`, never `digital tools … the economy`), found
 * through their words and checked on the match keys at word edges, so that a Chinese query's total stays exact.
 */
function rendering(en: string): Planned {
  const words = englishWords(en, en);
  const [byWords] = words.alternatives;
  if (!/\s/u.test(en.trim()) || byWords === undefined) return words;
  const keys = [...new Set(renderingPhrases(en).map(phraseKey))];
  return { alternatives: [{ ...byWords, check: { kind: 'containsAny', keys } }], keys, terms: [], expansions: [] };
}

/**
 * A number in Chinese numerals (`百分之四` for an English query's `4%`) found as that number: its substring
 * alternatives, each checked to stand as a number of its own (`number` check: not in 百分之四十), the index's
 * answer never taken as exact.
 */
function numberAlternatives(term: string): Planned {
  const found = substringAlternatives(term, term);
  const key = found.keys[0];
  if (key === undefined || /^[\p{Nd}\p{Script=Latin}]/u.test(key)) return found;
  const check = { kind: 'number', key } as const;
  const alternatives = found.alternatives.map(({ sequenceDecides: _decides, ...a }): Alternative => ({ ...a, check }));
  return { ...found, alternatives };
}

/** One English concept: its words in English text, or any of its Chinese terms (weighted). */
function concept(unit: ExpansionUnit): Planned {
  const senses = unit.zh.map((sense) => {
    const found = sense.source === 'number' ? numberAlternatives(sense.term) : substringAlternatives(sense.term, sense.term);
    for (const a of found.alternatives) a.weight = sense.weight;
    return found.alternatives.length === 0 ? found : { ...found, expansions: [{ from: unit.en, to: sense.term, source: sense.source }] };
  });
  return merge([englishWords(unit.words.join(' ')), ...senses]);
}

/**
 * Two words or phrases near each other: the passages holding both (by the index), then the proximity test
 * on their match keys (`index/near.ts`), in the text or in its English.
 */
function nearAlternatives(unit: Extract<QueryUnit, { kind: 'near' }>): Planned {
  const left = substringAlternatives(unit.left);
  const right = substringAlternatives(unit.right);
  const a = phraseKey(unit.left);
  const b = phraseKey(unit.right);
  if (left.alternatives.length === 0 || right.alternatives.length === 0) return nothing();
  const check = { kind: 'near', a, b, scope: unit.scope } as const;
  const [first, second] = [left.alternatives[0], right.alternatives[0]];
  const byBigrams = (x: Alternative | undefined): x is Alternative => x?.kind === 'tokens' && !x.prefix && x.fields.length === 1 && x.fields[0] === 'bigrams';
  const alternative: Alternative = byBigrams(first) && byBigrams(second)
    ? { kind: 'tokens', fields: ['bigrams'], terms: [...new Set([...first.terms, ...second.terms])], check, rank: first.rank && second.rank && { ...first.rank, terms: [...first.rank.terms, ...second.rank.terms] } }
    : { kind: 'scan', fields: [], terms: [], check };
  const inEnglish = alternative.kind === 'scan' ? null : englishNear(left, right, check);
  return { alternatives: inEnglish ? [alternative, inEnglish] : [alternative], keys: [a, b], terms: [], expansions: [] };
}

/** A side's alternative that finds it in English text (its words in the `en` field, or a scan), if it has one. */
function englishSide(side: Planned): Alternative | undefined {
  return side.alternatives.find((x) => x !== side.alternatives[0] && (x.kind === 'scan' || x.fields.includes('en')));
}

/**
 * The English of a parallel report has words, not bigrams: when both sides of a proximity unit may stand in
 * English text, the unit is also found there through their words, with the same `check` (by a scan when a side
 * is stop words alone); null when a side may not.
 */
function englishNear(left: Planned, right: Planned, check: Alternative['check']): Alternative | null {
  const [leftEn, rightEn] = [englishSide(left), englishSide(right)];
  if (leftEn === undefined || rightEn === undefined) return null;
  if (leftEn.kind !== 'tokens' || rightEn.kind !== 'tokens') return { kind: 'scan', fields: [], terms: [], check };
  return { kind: 'tokens', fields: ['en', 'words'], terms: [...new Set([...leftEn.terms, ...rightEn.terms])], check };
}

/** A unit where no expansion applies (exclusions, OR alternatives with operators around them). */
function plain(unit: QueryUnit, corpus: CutKnowledge, crossLang: CrossLang): Planned {
  if (unit.kind === 'near') return nearAlternatives(unit);
  if (unit.kind === 'phrase') {
    const found = substringAlternatives(unit.text);
    found.alternatives.push(...crossCutAlternatives(unit.text, corpus));
    return found;
  }
  if (isEnglishWord(unit.text)) return englishWords(unit.text);
  const percent = percentOf(unit.text);
  if (percent !== null) return percentage(unit.text, percent);
  // A code (`COVID-19`, `COVID19`, `5G`) is also found by its words, joined or not, in English text.
  return isCode(bare(unit.text)) ? merge([chineseTerm(unit.text, crossLang), englishWords(unit.text)]) : chineseTerm(unit.text, crossLang);
}

/** The number of a percentage written with a sign (`5.2%`, `3.5％`), else null. */
function percentOf(text: string): string | null {
  return /^(\d[\d.,]*)%$/u.exec(text.normalize('NFKC'))?.[1] ?? null;
}

/** How English text writes a percentage: `5.2 percent`, `5.2 per cent`. */
const PERCENT_WORDS = ['percent', 'per cent'];

/**
 * A percentage written with its sign (`5.2%`): as written, and where English text spells it (`5.2 percent`,
 * `5.2 per cent`), each an exact occurrence, as the Chinese reports' `5.2%` is (an English query's `5.2 percent`
 * finds `5.2%` the other way, `crosslang/numbers.ts`).
 * @example percentage('5.2%', '5.2').expansions // [{ from: '5.2%', to: '5.2 percent', source: 'number' }]
 */
function percentage(text: string, number: string): Planned {
  const spelled = merge(PERCENT_WORDS.map((word) => substringAlternatives(`${number} ${word}`, `${number} percent`)));
  return merge([substringAlternatives(text), { ...spelled, expansions: [{ from: text, to: `${number} percent`, source: 'number' }] }]);
}

/**
 * A group that may stand in a run of English words: one unquoted English word, code or number, or an
 * ampersand standing for "and" (`Belt & Road`, `science & technology`), which must not cut the run in two.
 */
function isRunMember(group: QueryUnit[] | undefined): boolean {
  const unit = group?.length === 1 ? group[0] : undefined;
  if (unit?.kind !== 'term') return false;
  const word = bare(unit.text);
  return isEnglishWord(word) || isCode(word) || isNumber(word) || unit.text.normalize('NFKC') === '&';
}

/**
 * Groups that are a single unquoted term, with the run of English words they belong to. A run needs an
 * English word, or a code the expander translates (`R&D` → 研发, `COVID-19` → 新冠): other codes and numbers
 * alone (`5G`, `G318`, `2025`) are searched as written.
 */
function englishSpans(groups: QueryUnit[][], translates: (code: string) => boolean): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < groups.length) {
    if (!isRunMember(groups[i])) {
      i++;
      continue;
    }
    let j = i;
    while (isRunMember(groups[j])) j++;
    const words = groups.slice(i, j).map((g) => bare(g[0]?.text ?? ''));
    if (words.some(isEnglishWord) || words.some((w) => isCode(w) && translates(w))) runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

/**
 * The runs of unquoted English words of a query, each read into concepts with every sense the expander
 * knows (before the corpus is asked which occur).
 * @example readEnglish(parseQuery('tax cuts 2024'), crossLang)[0].units.map((u) => u.en) // ['tax cuts']
 */
export function readEnglish(parsed: ParsedQuery, crossLang: CrossLang): EnglishRun[] {
  // A code alone is expanded once: to learn whether it translates, and then as its run.
  const expanded = new Map<string, ExpansionUnit[]>();
  const expand = (text: string): ExpansionUnit[] => {
    let units = expanded.get(text);
    if (units === undefined) expanded.set(text, (units = crossLang.expandEnglish(text)));
    return units;
  };
  const translates = (code: string): boolean => expand(code).some((u) => u.status === 'translated');
  return englishSpans(parsed.groups, translates).map(({ start, end }) => ({
    start,
    end,
    units: expand(parsed.groups.slice(start, end).map((group) => group[0]?.text ?? '').join(' ')),
  }));
}

/**
 * How many concepts a passage must match: half of those with a translation, rounded down (at least one).
 * Untranslated words only add score where English text holds them: they never raise the bar, so a word
 * nothing translates does not rule out every Chinese passage. Rounded down, since a dictionary sense the
 * report does not use counts as translated: of `Chang'e-6 far side samples` the paragraph holds 嫦娥 and 六
 * but not the wrong senses of the other three, and ranking puts passages matching more concepts first.
 * @example minimumConcepts(3) // 1
 */
export function minimumConcepts(translated: number): number {
  return Math.max(1, Math.floor(translated / 2));
}

/**
 * The alternatives without repeats (the same data twice: `-"a" -"a"`, or `-a` beside `-"a"`): an excluded
 * alternative is tested at every candidate, a repeated one for nothing.
 */
function distinct(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => {
    const key = JSON.stringify(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Plans a parsed query. `corpus` says whether the passages have forced cuts (a quoted phrase is then also
 * looked for across them); the embedded index's `PassageKeys` can tell, a cluster cannot (`{}`).
 * @example planQuery(parseQuery('"高质量发展" year:2024'), keys, { crossLang }).query.groups.length // 1
 */
export function planQuery(parsed: ParsedQuery, corpus: CutKnowledge, context: PlanContext): QueryPlan {
  const { crossLang } = context;
  const runs = context.runs ?? readEnglish(parsed, crossLang);
  const groups: Alternative[][] = [];
  const soft: Alternative[][] = [];
  const steps: Planned[] = [];
  const adjacentKeys: string[][] = [];
  const concepts: QueryConcept[] = [];
  const senses: QueryPlan['senses'] = [];
  let translated = 0;
  let g = 0;
  while (g < parsed.groups.length) {
    const run = runs.find((r) => r.start === g);
    if (run) {
      for (const unit of run.units) {
        concepts.push(describe(unit));
        if (unit.status === 'ignored') continue;
        const planned = concept(unit);
        senses.push(unit.zh.map(({ term, weight }) => ({ term, key: phraseKey(term), weight })));
        steps.push(planned);
        if (planned.alternatives.length > 0) soft.push(planned.alternatives);
        if (unit.zh.length > 0) translated++;
      }
      g = run.end;
      continue;
    }
    const group = parsed.groups[g] ?? [];
    if (group.length > 1 && group.some(isEnglishTerm)) {
      // Alternatives with English words among them (`solar OR wind`): one concept, its words expanded.
      const units = group.flatMap((unit) => (isEnglishTerm(unit) ? crossLang.expandEnglish(unit.text).filter((u) => u.status !== 'ignored') : []));
      const planned = merge(group.map((unit) => (isEnglishTerm(unit) ? merge(units.filter((u) => unit.text.includes(u.en)).map((u) => concept(u))) : plain(unit, corpus, crossLang))));
      steps.push(planned);
      if (planned.alternatives.length > 0) soft.push(planned.alternatives);
      if (units.some((u) => u.zh.length > 0)) translated++;
      concepts.push(describe({ en: group.map((u) => u.text).join(' OR '), words: [], zh: units.flatMap((u) => u.zh), status: units.some((u) => u.zh.length > 0) ? 'translated' : 'untranslated' }));
      adjacentKeys.push([]);
      g++;
      continue;
    }
    const planned = merge(group.map((unit) => plain(unit, corpus, crossLang)));
    steps.push(planned);
    if (planned.alternatives.length > 0) groups.push(planned.alternatives);
    const only = group.length === 1 ? group[0] : undefined;
    adjacentKeys.push(only && only.kind !== 'near' && HAS_HAN.test(only.text) ? [phraseKey(only.text)] : []);
    g++;
  }
  const exclude = distinct(parsed.exclude.flatMap((unit) => (isEnglishTerm(unit) ? excludedEnglish(bare(unit.text), crossLang) : plain(unit, corpus, crossLang)).alternatives));
  const kind = PASSAGE_KINDS.find((k) => k === parsed.filters.kind);
  const adjacency = adjacentPairs(adjacentKeys).map(adjacencyOf);
  const all = merge(steps);
  return {
    query: {
      groups,
      soft: soft.length > 0 ? { groups: soft, minimum: minimumConcepts(translated) } : undefined,
      exclude,
      filters: { doc: parsed.filters.doc, year: parsed.filters.year, kind },
      ...(adjacency.length > 0 ? { adjacency } : {}),
    },
    highlight: { keys: [...new Set(all.keys)], terms: [...new Set(all.terms)], ...conceptNeedles(steps) },
    expansions: dedupeExpansions(all.expansions),
    concepts,
    senses,
    empty: groups.length === 0 && soft.length === 0,
    ...(parsed.filters.years ? { years: parsed.filters.years } : {}),
    ...(parsed.filters.region !== undefined ? { region: parsed.filters.region } : {}),
  };
}

/** Each concept's keys and terms, for the excerpt to tell them apart; nothing for a query of one concept. */
function conceptNeedles(steps: readonly Planned[]): Pick<HighlightPlan, 'concepts'> {
  const concepts = steps.map((step) => [...new Set([...step.keys, ...step.terms])]).filter((needles) => needles.length > 0);
  return concepts.length > 1 ? { concepts } : {};
}

/** What the answer says of a concept. */
function describe(unit: ExpansionUnit): QueryConcept {
  return { en: unit.en, status: unit.status, terms: unit.zh.map((s) => ({ zh: s.term, source: s.source, weight: Math.round(s.weight * 100) / 100 })) };
}

/**
 * The bonus for a pair: its key, its weight, and the alternative that finds its holders through the index
 * (for a cluster; the embedded backends read the key).
 */
function adjacencyOf(pair: string): Adjacency {
  const [alternative] = substringAlternatives(pair).alternatives;
  return { key: pair, weight: ADJACENCY_BONUS, ...(alternative ? { alternative } : {}) };
}

/** Concatenations of consecutive single Han terms: `乡村 振兴` → `乡村振兴`, rewarded when they stand together. */
function adjacentPairs(keys: string[][]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < keys.length; i++) {
    const a = keys[i]?.[0];
    const b = keys[i + 1]?.[0];
    if (a && b) pairs.push(a + b);
  }
  return pairs;
}

function dedupeExpansions(expansions: Expansion[]): Expansion[] {
  const seen = new Set<string>();
  return expansions.filter((e) => {
    const k = `${e.from}\0${e.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
