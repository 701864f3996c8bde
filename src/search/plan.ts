/**
 * Turns a parsed query into a backend query: each unit becomes one or more alternatives (index terms plus a
 * verifier), English words gain their Chinese expansions, Chinese words their English equivalents for the
 * English side of parallel passages. Also says what to highlight.
 */
import type { Alternative, BackendQuery } from '../index/backend.js';
import { PASSAGE_KINDS } from '../model.js';
import { analyze, phraseKey } from '../text/analyzer.js';
import { englishFor, expandEnglish } from '../crosslang/expand.js';
import type { MatchKeySource } from './passage-keys.js';
import type { ParsedQuery, QueryUnit } from './query-parser.js';
import type { Expansion } from './types.js';

/** What to mark in a hit: normalized substrings and analyzed word terms. */
export interface HighlightPlan {
  keys: string[];
  terms: string[];
}

export interface QueryPlan {
  query: Omit<BackendQuery, 'offset' | 'limit'>;
  highlight: HighlightPlan;
  expansions: Expansion[];
  /** True when nothing in the query could be searched for. */
  empty: boolean;
}

const ENGLISH_WORD = /^\p{Script=Latin}[\p{Script=Latin}'’-]*$/u;
const CODE = /^[\p{Script=Latin}\d][\p{Script=Latin}\d&.%'’-]*$/u;
const HAS_HAN = /\p{Script=Han}/u;
const ADJACENCY_BONUS = 2;

const codePoints = (s: string): number => [...s].length;
const wordTerms = (text: string): string[] => [...new Set(analyze(text).words.map((t) => t.term))];
const isEnglishWord = (text: string): boolean => ENGLISH_WORD.test(text.normalize('NFKC'));
const isCode = (text: string): boolean => {
  const t = text.normalize('NFKC');
  return CODE.test(t) && /\d/.test(t) && /\p{Script=Latin}/u.test(t);
};

/** Builds alternatives and highlight terms for one plan, sharing the passage keys for verification. */
class PlanBuilder {
  readonly highlight: HighlightPlan = { keys: [], terms: [] };
  readonly expansions: Expansion[] = [];

  constructor(private readonly keys: MatchKeySource) {}

  /** Exact (normalized, whitespace-insensitive) occurrence of `text`. */
  substring(text: string, label?: string): Alternative[] {
    const key = phraseKey(text);
    if (!/[\p{L}\p{N}]/u.test(key)) return []; // only punctuation or nothing: nothing to search for
    this.highlight.keys.push(key);
    const keys = this.keys;
    const verify = (index: number): boolean => keys.contains(index, key);
    const analyzed = analyze(text);
    const tokens = analyzed.bigrams.map((t) => t.term);
    const bigrams = [...new Set(tokens.filter((t) => codePoints(t) === 2))];
    const words = [...new Set(analyzed.words.map((t) => t.term))];
    const rank = { fields: ['words', 'heading'] as Alternative['fields'], terms: words, weight: 1 };
    const alternatives: Alternative[] = [];
    // When the key is a single bigram, or a single letter found by prefix, the index's answer is already
    // exact: the bigrams field holds a token for every letter or digit of the passage's match text (the text
    // the key is verified against), paired with the next one in its run, or alone at a run's end. Only
    // longer keys, whose bigrams may occur apart, need verifying.
    if (bigrams.length > 0) {
      const exact = bigrams.length === 1 && bigrams[0] === key;
      const alternative: Alternative = { kind: 'tokens', fields: ['bigrams'], terms: bigrams, verify: exact ? undefined : verify, rank, label };
      // The bigram tokens of the phrase in order; the last run's closing single goes, since in a passage
      // that run may go on.
      const sequence = tokens.slice(0, -1);
      if (!exact && sequence.length >= 2) {
        alternative.sequence = sequence;
        // One run and nothing else (every character of the key is in it): consecutive pairs cannot cross a
        // run's end, where the single closing it stands between, so adjacency is occurrence.
        if (tokens.every((t, i) => (i < tokens.length - 1) === (codePoints(t) === 2)) && codePoints(key) === tokens.length) {
          alternative.sequenceDecides = true;
        }
      }
      alternatives.push(alternative);
    } else if (codePoints(key) === 1 && /[\p{L}\p{N}]/u.test(key)) {
      alternatives.push({ kind: 'tokens', fields: ['bigrams'], terms: [key], prefix: true, rank, label });
    } else alternatives.push({ kind: 'scan', fields: [], terms: [], verify, label });
    // English text is indexed by words, not bigrams: find an English phrase through its words.
    if (/\p{Script=Latin}/u.test(key) && words.length > 0) {
      alternatives.push({ kind: 'tokens', fields: ['en', 'words'], terms: words, verify, label });
    }
    return alternatives;
  }

  /** English words, matched by their stems in English and mixed text. */
  englishWords(text: string, label?: string): Alternative[] {
    const terms = wordTerms(text);
    if (terms.length === 0) return [];
    this.highlight.terms.push(...terms);
    return [{ kind: 'tokens', fields: ['words', 'en'], terms, label }];
  }

  /** A Chinese (or mixed) term: its exact occurrence, or its English equivalents in parallel passages. */
  chineseTerm(text: string): Alternative[] {
    const alternatives = this.substring(text);
    if (!HAS_HAN.test(text)) return alternatives;
    for (const en of englishFor(phraseKey(text))) {
      const found = this.englishWords(en, en);
      if (found.length > 0) {
        this.expansions.push({ from: text, to: en, source: 'glossary' });
        alternatives.push(...found);
      }
    }
    return alternatives;
  }

  /** A run of English words: split into glossary/dictionary units, each a group of alternatives. */
  englishRun(words: string[]): Alternative[][] {
    const groups: Alternative[][] = [];
    for (const unit of expandEnglish(words.join(' '))) {
      const group = this.englishWords(unit.words.join(' '));
      for (const zh of unit.zh) {
        const found = this.substring(zh.term, zh.term);
        if (found.length === 0) continue;
        this.expansions.push({ from: unit.en, to: zh.term, source: zh.source });
        group.push(...found);
      }
      if (group.length > 0) groups.push(group);
    }
    return groups;
  }

  /** A unit where no expansion applies (exclusions, OR alternatives with operators around them). */
  plain(unit: QueryUnit): Alternative[] {
    if (unit.kind === 'phrase') return this.substring(unit.text);
    return isEnglishWord(unit.text) ? this.englishWords(unit.text) : this.chineseTerm(unit.text);
  }
}

/** Groups that are a single unquoted term, with the run of English words they belong to. */
function englishRuns(groups: QueryUnit[][]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < groups.length) {
    const isRunMember = (g: QueryUnit[] | undefined): boolean =>
      !!g && g.length === 1 && g[0]?.kind === 'term' && (isEnglishWord(g[0].text) || isCode(g[0].text));
    if (!isRunMember(groups[i])) {
      i++;
      continue;
    }
    let j = i;
    while (isRunMember(groups[j])) j++;
    if (groups.slice(i, j).some((g) => isEnglishWord(g[0]?.text ?? ''))) runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

/**
 * Plans a parsed query against passages whose match keys are `keys`.
 * @example planQuery(parseQuery('"高质量发展" year:2024'), keys).query.groups.length // 1
 */
export function planQuery(parsed: ParsedQuery, keys: MatchKeySource): QueryPlan {
  const builder = new PlanBuilder(keys);
  const groups: Alternative[][] = [];
  const adjacentKeys: string[][] = [];
  const runs = englishRuns(parsed.groups);
  let g = 0;
  while (g < parsed.groups.length) {
    const run = runs.find((r) => r.start === g);
    if (run) {
      const words = parsed.groups.slice(run.start, run.end).map((group) => group[0]?.text ?? '');
      groups.push(...builder.englishRun(words));
      g = run.end;
      continue;
    }
    const group = parsed.groups[g] ?? [];
    const alternatives = group.flatMap((unit) => builder.plain(unit));
    if (alternatives.length > 0) groups.push(alternatives);
    const only = group.length === 1 ? group[0] : undefined;
    adjacentKeys.push(only && HAS_HAN.test(only.text) ? [phraseKey(only.text)] : []);
    g++;
  }
  const exclude = parsed.exclude.flatMap((unit) => new PlanBuilder(keys).plain(unit));
  const kind = PASSAGE_KINDS.find((k) => k === parsed.filters.kind);
  const pairs = adjacentPairs(adjacentKeys);
  const bonus = pairs.length === 0 ? undefined : (index: number): number => {
    const text = keys.text(index);
    return pairs.reduce((sum, pair) => sum + (text.includes(pair) ? ADJACENCY_BONUS : 0), 0);
  };
  // Planned only when a backend asks (a cluster): the embedded backends read the keys through `bonus`.
  const adjacency = (): Array<{ alternative: Alternative; weight: number }> =>
    pairs.flatMap((pair) => new PlanBuilder(keys).substring(pair).slice(0, 1).map((alternative) => ({ alternative, weight: ADJACENCY_BONUS })));
  return {
    query: { groups, exclude, filters: { doc: parsed.filters.doc, year: parsed.filters.year, kind }, bonus, adjacency: bonus ? adjacency : undefined },
    highlight: { keys: [...new Set(builder.highlight.keys)], terms: [...new Set(builder.highlight.terms)] },
    expansions: dedupeExpansions(builder.expansions),
    empty: groups.length === 0,
  };
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
