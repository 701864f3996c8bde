/**
 * The English → Chinese reverse index built from CC-CEDICT: for each English sense of short length, the
 * simplified headwords that define it, best first. Pure: entries and word frequencies in, a table out.
 *
 * Choosing with care:
 * - senses that are variants, surnames, cross-references, classifiers, abbreviations, literal glosses,
 *   or marked old / archaic / literary / dialect / Taiwan / slang are skipped;
 * - a sense that *is* the key ("earthquake", "to install", "market (also in abstract)") beats the first
 *   item of a comma list ("Lhasa, capital of Tibet"), which beats a short sense the key is a word of
 *   ("summit meeting" for `summit`); synonyms joined by ";" are senses of their own;
 * - single-character headwords are dropped (水 would match 水平 "level" everywhere);
 * - among the rest, common words (jieba frequency) whose matching sense comes early rank first; at most
 *   `MAX_PER_KEY` per key.
 */
import type { CedictEntry } from './cedict-source.js';
import { isStopword, phraseLightKey, singularWord } from './english.js';

/** English key (see `phraseLightKey`) → simplified headwords, best first. */
export type ReverseTable = Map<string, string[]>;

/** Version of the rules below: bump it whenever they change, so cached indexes are rebuilt. */
export const REVERSE_INDEX_RULES = 24;
/** At most this many Chinese candidates per English key. */
export const MAX_PER_KEY = 12;
/** Senses longer than this many words are descriptions, not equivalents. */
export const MAX_KEY_WORDS = 4;
/** Candidates scoring below this share of the best one (single characters included) are dropped. */
const MIN_SHARE = 0.1;
/**
 * How much a candidate counts by tier: the sense is the key (0), the head of a comma list (1), a word of a
 * short sense ("summit meeting" for `summit`, "to reduce the tax rate" for `tax`: 2). The lower tiers widen
 * what an English word can find; the engine keeps only the candidates its corpus holds and weighs them.
 */
const TIER_WEIGHTS = [1, 0.7, 0.35];
/** A "to …" verb sense or one with a parenthetical note counts a little less than a bare noun sense. */
const VERB_WEIGHT = 0.8;
const NOTE_WEIGHT = 0.9;

const HEADWORD = /^[\p{Script=Han}A-Za-z0-9]+$/u;
/** The suffix of a place name that reports often leave out (海南岛, 海南省 → 海南; 喀什地区 → 喀什, 雄安新区 → 雄安). */
const PLACE_SUFFIX = /^(\p{Script=Han}{2,}?)(?:地区|自治区|自治州|自治县|新区|[省市县区岛州镇乡])$/u;
const HAS_HAN = /\p{Script=Han}/u;
/**
 * True for a headword a table may list: letters and digits only, at least one of them a Han character.
 * @example isHeadword('美国') // true
 */
export const isHeadword = (zh: string): boolean => HEADWORD.test(zh) && HAS_HAN.test(zh);
/** What follows a place's proper name in its sense: the kind of place ("Yunnan Province", "Shenzhen, sub-provincial city"). */
const PLACE_KIND =
  /^,? (?:a |an )?(?:province|autonomous region|autonomous prefecture|autonomous county|special administrative region|prefecture-level city|county-level city|sub-provincial city|subprovincial city|city|county|prefecture|district|municipality|new area|banner)\b/u;
const CAPITALIZED = /^\p{Lu}/u;
/** A redirect to a longer headword ("云南: see 雲南省|云南省[Yun2 nan2 Sheng3]"), its simplified form captured. */
const REDIRECT = /^see (?:[^\s|[]+\|)?([^\s|[]+)\[/u;
const SKIP_PREFIX = /^(?:see|see also|used in|classifier|cl:|abbr\b|abbr\.|lit\.|fig\.|also written|also pr\.|erhua)/;
const SKIP_TAG =
  /\((?:old|archaic|obsolete|literary|classical|dialect|tw|taiwan|cantonese|hong kong|hk|slang|internet slang|vulgar|euphemism|derog|onom|buddhism|taoism|bound form|loanword|name)\b[^)]*\)/;
const CROSS_REFERENCE = /[[\]|\u3400-\u9fff\uf900-\ufaff]/;
/** An acronym in a note after its words ("mergers and acquisitions (M&A)"): from their first word, two letters at least. */
const NOTED_ACRONYM: InitialsRule = { anchored: true, minLetters: 2 };
/**
 * A sense that ends with its abbreviation in brackets: "gross domestic product (GDP)", "mergers and
 * acquisitions (M&A)". Three letters at least, or an ampersand: two letters stand for too much (AM, SB).
 */
const ACRONYM_NOTE = /\(([A-Z](?:[A-Z0-9]{2,6}|&[A-Z]{1,3}|[A-Z]&[A-Z]{1,2}))s?\)$/u;

/**
 * True for a sense that is a variant, surname, cross-reference, classifier, abbreviation or marked usage. A
 * cross-reference inside a note leaves the sense itself standing: "Asia (abbr. for 亞細亞洲|亚细亚洲[…])" is
 * a sense of 亚洲, "cigarette (CL:支[zhi1])" one of 香烟; "see 亞細亞|亚细亚" is none.
 * @example skipSense('see 亞細亞|亚细亚[Ya4 xi4 ya4]') // true
 */
export function skipSense(sense: string): boolean {
  const lower = sense.toLowerCase();
  return (
    lower.includes('variant of') ||
    lower.includes('surname') ||
    SKIP_PREFIX.test(lower) ||
    CROSS_REFERENCE.test(withoutNotes(lower)) ||
    (lower.includes('(') && SKIP_TAG.test(lower))
  );
}

interface Candidate {
  zh: string;
  tier: number;
  score: number;
  order: number;
}

/** The key a sense can be found by, its tier (0: the sense is the key; 1: first item of a list) and weight. */
function senseForms(sense: string): Array<{ key: string; tier: number; weight: number }> {
  const form = senseForm(sense);
  if (!form) return [];
  // "mergers and acquisitions (M&A)": the abbreviation a reader types is a key of its own, as good as the sense.
  const words = form.key.split(' ');
  const acronym = ACRONYM_NOTE.exec(sense.trim())?.[1];
  const forms = acronym && abbreviates(acronym, words, NOTED_ACRONYM) ? [form, { key: phraseLightKey(acronym), tier: form.tier, weight: form.weight }] : [form];
  if (words.length < 2 || words.length > 3) return forms;
  const content = words.filter((w) => w.length > 2 && !isStopword(w));
  return [...forms, ...[...new Set(content)].map((key) => ({ key, tier: 2, weight: form.weight }))];
}

/** How `abbreviates` judges: whether the first letter must be the first word's initial, and how many letters it needs. */
export interface InitialsRule {
  /** The first letter is the first word's initial (`GDP` of "gross domestic product", not `USA` of "football"). */
  anchored: boolean;
  /** Letters (digits and signs left out) it needs: `G20` has one. */
  minLetters: number;
}

/**
 * The keys a verb's sense is found by among verbs: its own (and its abbreviation's), and, for a sense of two or
 * three words, its verb alone at tier 2 ("to enroll new students" under `enroll`, never under `students`).
 * @example verbSenseForms(senseForms('to enroll new students')).map((f) => f.key) // ['enroll new student', 'enroll']
 */
function verbSenseForms(forms: ReadonlyArray<{ key: string; tier: number; weight: number }>): Array<{ key: string; tier: number; weight: number }> {
  const own = forms.filter((form) => form.tier < 2);
  const words = own[0]?.key.split(' ') ?? [];
  const verb = words[0] ?? '';
  // An adverb first is no verb ("to anxiously await"): its verb is the next word, which the whole sense keys.
  if (words.length < 2 || words.length > 3 || verb.length <= 2 || isStopword(verb) || verb.endsWith('ly')) return own;
  return [...own, { key: verb, tier: 2, weight: own[0]?.weight ?? 1 }];
}

/**
 * True when an abbreviation's letters (digits and signs left out) are, in order, initials of some of `words`
 * (lowercase): `M&A` of "merger and acquisition", `CIA` of "us central intelligence agency" unanchored.
 * @example abbreviates('M&A', ['merger', 'and', 'acquisition'], { anchored: true, minLetters: 2 }) // true
 * @example abbreviates('CIA', ['us', 'central', 'intelligence', 'agency'], { anchored: true, minLetters: 2 }) // false
 */
export function abbreviates(acronym: string, words: readonly string[], rule: InitialsRule): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  const initials = words.map((w) => w[0] ?? '');
  if (letters.length < Math.max(1, rule.minLetters) || (rule.anchored && letters[0] !== initials[0])) return false;
  let at = 0;
  for (const initial of initials) if (initial === letters[at]) at++;
  return at === letters.length;
}

/**
 * The sense without its parenthetical notes (nested brackets inside a note included).
 * @example withoutNotes('European Union (EU)').trim() // 'European Union'
 */
export function withoutNotes(sense: string): string {
  return sense.replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, ' ');
}

/**
 * The key of a place's proper name in a sense that names the kind of place after it, or null: "Yunnan
 * Province, capital Kunming 昆明市[…]" is `yunnan`, "Shenzhen, sub-provincial city in Guangdong Province" is
 * `shenzhen`. Such senses cite other headwords, for which the reverse index skips them as a whole.
 * @example placeKey('Inner Mongolia Autonomous Region, capital Hohhot 呼和浩特市[Hu1 he2 hao4 te4 Shi4]') // 'inner mongolia'
 */
export function placeKey(sense: string): string | null {
  const text = sense.trim();
  const words = text.split(' ');
  let capitalized = 0;
  while (capitalized < words.length && CAPITALIZED.test(words[capitalized] ?? '')) capitalized++;
  // The longest run of capitalized words that the kind of place follows: "Yunnan", not "Yunnan Province".
  for (let n = capitalized; n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    if (!PLACE_KIND.test(text.slice(name.length).toLowerCase())) continue;
    const key = phraseLightKey(name);
    return key === '' ? null : key;
  }
  return null;
}

/**
 * The word an alias's pinyin spells when it is the first of its place's name, or null: 宁夏 (Ning2 xia4) is
 * `ningxia` of "Ningxia Hui Autonomous Region", where the reader leaves out the people the region is named for.
 */
function spelledName(alias: CedictEntry): string | null {
  const spelled = alias.pinyin.toLowerCase().replace(/u:/g, 'u').replace(/[^a-z]/g, '');
  for (const sense of alias.senses) {
    const key = placeKey(sense);
    if (key !== null && key !== spelled && key.split(' ')[0] === spelled) return spelled;
  }
  return null;
}

/** Capitalized words, with the small words a name may hold between them ("Bank of China", "Huang He"). */
const NAME = "\\p{Lu}[\\p{L}\\p{N}'’-]*(?: (?:\\p{Lu}[\\p{L}\\p{N}'’-]*|of|the|and|de))*";
const TWO_NAMES = new RegExp(`^(${NAME}) or (${NAME})$`, 'u');

/**
 * A sense that gives one thing two names ("Yellow River or Huang He", "Weixin or WeChat", "Guomindang or
 * Kuomintang") as the two names, each a sense of its own; any other sense, or one skipped as a whole (a
 * person's "Clark or Clarke (name)"), as it is. Whole, such a sense is longer than a key and found by neither.
 * @example alternativeNames('Yellow River or Huang He') // ['Yellow River', 'Huang He']
 */
export function alternativeNames(sense: string): string[] {
  if (skipSense(sense.trim())) return [sense];
  const names = TWO_NAMES.exec(withoutNotes(sense).replace(/\s+/g, ' ').trim());
  return names ? [names[1] ?? '', names[2] ?? ''] : [sense];
}

function senseForm(sense: string): { key: string; tier: number; weight: number } | null {
  const trimmed = sense.trim();
  if (trimmed === '' || skipSense(trimmed)) return null;
  const verb = /^to\s/i.test(trimmed);
  const paren = /[()]/.test(trimmed);
  let core = trimmed.replace(/\([^)]*\)/g, ' ').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const list = /[,:]/.test(core);
  if (list) core = core.split(/[,:]/)[0] ?? '';
  core = core.replace(/^(?:to|a|an|the)\s+/i, '');
  const key = phraseLightKey(core);
  const words = key === '' ? 0 : key.split(' ').length;
  if (words < 1 || words > MAX_KEY_WORDS) return null;
  return { key, tier: list ? 1 : 0, weight: (verb ? VERB_WEIGHT : 1) * (paren ? NOTE_WEIGHT : 1) };
}

function rankKey(candidates: Candidate[]): string[] {
  const ranked = candidates
    .map((c) => ({ ...c, score: c.score * (TIER_WEIGHTS[c.tier] ?? 0) }))
    .sort((a, b) => b.score - a.score || a.tier - b.tier || a.order - b.order);
  return bestCandidates(ranked);
}

/**
 * The headwords of candidates ranked best first, each once: single characters and those scoring below
 * MIN_SHARE of the best left out, MAX_PER_KEY at most.
 * @example bestCandidates([{ zh: '美国', score: 5 }, { zh: '美', score: 4 }, { zh: '花旗国', score: 0.5 }]) // ['美国']
 */
export function bestCandidates(ranked: ReadonlyArray<{ zh: string; score: number }>): string[] {
  const top = ranked[0]?.score ?? 0;
  const out: string[] = [];
  for (const c of ranked) {
    if ([...c.zh].length < 2 || c.score < top * MIN_SHARE || out.includes(c.zh)) continue;
    out.push(c.zh);
    if (out.length === MAX_PER_KEY) break;
  }
  return out;
}

/**
 * Build the reverse index from CC-CEDICT entries, ranking with word frequencies (may be empty).
 * @example buildReverseTable([{ traditional: '地震', simplified: '地震', pinyin: 'di4 zhen4', senses: ['earthquake'] }], new Map()).get('earthquake') // ['地震']
 */
export function buildReverseTable(entries: CedictEntry[], frequencies: Map<string, number>): ReverseTable {
  const byKey = new Map<string, Candidate[]>();
  const byPlace: CedictEntry[] = [];
  const add = (entry: CedictEntry, order: number, spelled: string | null = null): void => {
    const zh = entry.simplified;
    if (!isHeadword(zh)) return;
    const proper = /^[A-Z]/.test(entry.pinyin);
    const place = PLACE_SUFFIX.exec(zh)?.[1];
    if (place && order < entries.length && proper) {
      // The place's name without its suffix, as a headword of its own with the same senses, after the rest.
      byPlace.push({ ...entry, simplified: place, traditional: place });
    }
    const weight = Math.log10((frequencies.get(zh) ?? 0) + 10);
    // One word of a longer sense never gives a headword of four characters or more: those are idioms ("heart-
    // stopping" 惊心动魄 is no sense of `stopping`) or terms named by the whole sense (社会保障, "social security").
    const idiomLength = [...zh].length >= 4;
    const push = (key: string, tier: number, score: number): void => {
      if (tier >= 2 && idiomLength) return;
      const list = byKey.get(key) ?? [];
      list.push({ zh, tier, score, order });
      byKey.set(key, list);
    };
    // "company; firm; enterprise" is one sense of synonyms: each counts, in order; so do two names of one thing.
    entry.senses.flatMap((sense) => sense.split(/;\s*/)).flatMap(alternativeNames).forEach((sense, senseIndex) => {
      const score = weight / (1 + 0.5 * senseIndex);
      const forms = senseForms(sense);
      for (const form of forms) push(form.key, form.tier, form.weight * score);
      // "to cooperate": among the verbs too, for a noun of action or a synonym read as a verb (`cooperation`).
      if (VERB_SENSE.test(sense.trim())) for (const form of verbSenseForms(forms)) push(VERB_PREFIX + form.key, form.tier, form.weight * score);
      // A place's name is the place: 云南省 is `yunnan` (its sense cites 昆明市, which skips it as a whole).
      const name = proper ? placeKey(sense) : null;
      if (name !== null) push(name, 0, score);
    });
    if (spelled !== null) push(spelled, 0, weight);
  };
  entries.forEach((entry, order) => add(entry, order));
  byPlace.forEach((entry) => add(entry, entries.length));
  for (const { alias, spelled } of redirects(entries)) add(alias, entries.length, spelled);
  return rankedTable(byKey, rankKey);
}

/**
 * The short names of places that CC-CEDICT gives only as a redirect to the full name (内蒙古: "see
 * 内蒙古自治区[…]", 宁夏: "see 宁夏回族自治区[…]"): each as a headword of its own with the full name's senses, and
 * the word its pinyin spells (`spelledName`) or null. A name that is the full one without its suffix (云南 of
 * 云南省), which the reverse index adds already, is left out unless its pinyin spells such a word.
 * @example redirects([{ traditional: '寧夏', simplified: '宁夏', pinyin: 'Ning2 xia4', senses: ['see 寧夏回族自治區|宁夏回族自治区[Ning2 xia4 Hui2 zu2 Zi4 zhi4 qu1]'] }, { traditional: '寧夏回族自治區', simplified: '宁夏回族自治区', pinyin: 'Ning2 xia4 Hui2 zu2 Zi4 zhi4 qu1', senses: ['Ningxia Hui Autonomous Region'] }])[0] // { alias: { simplified: '宁夏', … }, spelled: 'ningxia' }
 */
export function redirects(entries: readonly CedictEntry[]): Array<{ alias: CedictEntry; spelled: string | null }> {
  const places = new Map<string, CedictEntry>();
  for (const entry of entries) if (/^[A-Z]/.test(entry.pinyin) && !places.has(entry.simplified)) places.set(entry.simplified, entry);
  const out: Array<{ alias: CedictEntry; spelled: string | null }> = [];
  for (const entry of entries) {
    if (entry.senses.length !== 1 || !/^[A-Z]/.test(entry.pinyin)) continue;
    const target = REDIRECT.exec(entry.senses[0] ?? '')?.[1] ?? '';
    const full = places.get(target);
    if (!full || target === entry.simplified || !target.startsWith(entry.simplified)) continue;
    const alias = { ...full, simplified: entry.simplified, traditional: entry.traditional, pinyin: entry.pinyin };
    const spelled = spelledName(alias);
    if (PLACE_SUFFIX.exec(target)?.[1] !== entry.simplified || spelled !== null) out.push({ alias, spelled });
  }
  return out;
}

/**
 * Each key's candidates ranked by `rank` (`rankKey` for the reverse index); keys left with none are not listed.
 * @example rankedTable(new Map([['tea', [{ zh: '茶叶' }]]]), (cs) => cs.map((c) => c.zh)).get('tea') // ['茶叶']
 */
export function rankedTable<C>(byKey: Map<string, C[]>, rank: (candidates: C[]) => string[]): ReverseTable {
  const table: ReverseTable = new Map();
  for (const [key, candidates] of byKey) {
    const ranked = rank(candidates);
    if (ranked.length > 0) table.set(key, ranked);
  }
  return table;
}

/**
 * Keys of the senses CC-CEDICT gives as verbs ("to cooperate"): VERB_PREFIX + the key. A noun of action is
 * looked up as its verb only there, so that `petition` is never "petit" (小资, of "petit bourgeois") nor
 * `apartment` "apart" (除了).
 */
export const VERB_PREFIX = '\u0006';
const VERB_SENSE = /^to\s/i;

/** Keys of the paraphrase entries (`paraphraseEntries`): never an English key, sorted after the gloss entries. */
export const PARAPHRASE_PREFIX = '\u0002';
/** Keys of two of the three words of a paraphrase entry's definition (`paraphraseEntries`). */
export const PARTIAL_PREFIX = '\u0004';
/** A definition is a paraphrase of a query phrase when it has this many content words, from 2. */
const MAX_PARAPHRASE_WORDS = 3;

/** Words a definition places its content with, which no query needs to say ("village within a city"). */
const DEFINITION_FILLER = new Set('within inside outside around across during toward towards one oneself someone something sb sth etc'.split(' '));

/**
 * The paraphrase key of a set of English words: their singular forms, stopwords and a definition's
 * placing words left out, distinct and sorted, after PARAPHRASE_PREFIX ('' for fewer than two words).
 * @example paraphraseKey(['villages', 'city']) // '\u0002city village'
 */
export function paraphraseKey(words: readonly string[]): string {
  const content = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => /^[a-z]{2,}$/.test(w) && !isStopword(w) && !DEFINITION_FILLER.has(w)).map(singularWord))].sort();
  return content.length < 2 ? '' : PARAPHRASE_PREFIX + content.join(' ');
}

/**
 * The key two words are looked up by among the three-word definitions (`paraphraseEntries`): their paraphrase key
 * under PARTIAL_PREFIX ('' for fewer than two words).
 * @example partialParaphraseKey(['tax', 'cuts']) // '\u0004cut tax'
 */
export function partialParaphraseKey(words: readonly string[]): string {
  const key = paraphraseKey(words);
  return key === '' ? '' : PARTIAL_PREFIX + key.slice(PARAPHRASE_PREFIX.length);
}

/**
 * Headwords by the words of a short definition in any order, function words aside: 城中村, "village within a
 * city", is found by `urban village` read as city + village. A definition of 2–3 content words counts (an
 * item of a comma list on its own); ranked as the reverse index ranks, frequent words and early senses first.
 * @example paraphraseEntries([{ traditional: '城中村', simplified: '城中村', pinyin: '', senses: ['village within a city'] }], new Map()).get('\u0002city village') // ['城中村']
 */
export function paraphraseEntries(entries: CedictEntry[], frequencies: Map<string, number>): ReverseTable {
  const byKey = new Map<string, Candidate[]>();
  entries.forEach((entry, order) => {
    const zh = entry.simplified;
    if (!isHeadword(zh)) return;
    const weight = Math.log10((frequencies.get(zh) ?? 0) + 10);
    entry.senses.flatMap((sense) => sense.split(/;\s*/)).forEach((sense, senseIndex) => {
      if (skipSense(sense.trim())) return;
      for (const item of withoutNotes(sense).split(/[,:]/)) {
        const words = item.toLowerCase().match(/[a-z]+/g) ?? [];
        const key = paraphraseKey(words);
        if (key === '' || key.split(' ').length > MAX_PARAPHRASE_WORDS) continue;
        const score = weight / (1 + 0.5 * senseIndex);
        const content = key.slice(PARAPHRASE_PREFIX.length).split(' ');
        // A definition of three words is also found by any two of them, under its own prefix.
        const keys = [key, ...(content.length === 3 ? content.map((_, i) => PARTIAL_PREFIX + content.filter((__, k) => k !== i).join(' ')) : [])];
        for (const k of keys) {
          const list = byKey.get(k) ?? [];
          list.push({ zh, tier: 0, score, order });
          byKey.set(k, list);
        }
      }
    });
  });
  return rankedTable(byKey, rankKey);
}

/** Keys of the single-character entries (`characterEntries`): never an English key, sorted before them all. */
export const CHARACTER_PREFIX = '\u0003';
/** At most this many characters per key. */
const MAX_CHARACTERS = 2;

/**
 * Single-character headwords by the English word their first meaning is exactly (茶 "tea", 盐 "salt", 麦
 * "wheat; barley; oats"), keyed CHARACTER_PREFIX + the key, most frequent first. The reverse index leaves single characters out, since one
 * matches inside longer words of other meanings (水 in 水平, "level"); the engine falls back on these only
 * when the corpus holds none of a word's longer senses (a report says 茶, never 茶叶).
 * @example characterEntries([{ traditional: '茶', simplified: '茶', pinyin: 'cha2', senses: ['tea', 'tea plant'] }], new Map()).get('\u0003tea') // ['茶']
 */
export function characterEntries(entries: CedictEntry[], frequencies: Map<string, number>): ReverseTable {
  const byKey = new Map<string, Array<{ zh: string; score: number }>>();
  for (const entry of entries) {
    const zh = entry.simplified;
    if ([...zh].length !== 1 || !HAS_HAN.test(zh)) continue;
    // Only the character's first meaning: 离 is "to leave" before it is "without", 赖 "to depend on" before "to rat".
    const first = entry.senses.find((sense) => !skipSense(sense.trim()));
    const score = Math.log10((frequencies.get(zh) ?? 0) + 10);
    for (const item of first?.split(/;\s*/) ?? []) {
      const form = senseForm(item);
      if (!form || form.tier !== 0) continue;
      const key = CHARACTER_PREFIX + form.key;
      const list = byKey.get(key) ?? [];
      if (!list.some((c) => c.zh === zh)) list.push({ zh, score });
      byKey.set(key, list);
    }
  }
  const table: ReverseTable = new Map();
  for (const [key, list] of byKey) table.set(key, list.sort((a, b) => b.score - a.score).slice(0, MAX_CHARACTERS).map((c) => c.zh));
  return table;
}

/** Keys of the gloss entries (`glossEntries`): never an English key, and sorted before them all. */
export const GLOSS_PREFIX = '\u0001';
/** At most this many stems of one headword's glosses are kept. */
const MAX_GLOSS_STEMS = 24;

/**
 * What each Chinese headword means, as the singular forms of its senses' content words (not stems: communal
 * and community share one), keyed by
 * GLOSS_PREFIX + the headword: whether a word the engine composes (`compounds.ts`) means what the query says.
 * @example glossEntries([{ traditional: '禁漁', simplified: '禁渔', pinyin: 'jin4 yu2', senses: ['ban on fishing'] }]).get('\u0001禁渔') // ['ban', 'fishing']
 */
export function glossEntries(entries: CedictEntry[]): Map<string, string[]> {
  const stems = new Map<string, Set<string>>();
  for (const entry of entries) {
    const zh = entry.simplified;
    if (!isHeadword(zh)) continue;
    const set = stems.get(zh) ?? new Set<string>();
    for (const sense of entry.senses) {
      for (const word of sense.toLowerCase().match(/[a-z]+/g) ?? []) if (word.length > 1 && !isStopword(word)) set.add(singularWord(word));
    }
    stems.set(zh, set);
  }
  const out = new Map<string, string[]>();
  for (const [zh, set] of stems) if (set.size > 0) out.set(GLOSS_PREFIX + zh, [...set].slice(0, MAX_GLOSS_STEMS));
  return out;
}
