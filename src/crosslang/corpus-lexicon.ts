/**
 * The lexicon learned from the user's own parallel reports: every passage of the corpus that carries its
 * official English is a sentence pair, aligned like the shipped lexicon's (`learn.ts`). Derived data, kept in
 * the index folder (`corpus-lexicon.tsv`) with the corpus fingerprint it was learned from and a sha256 of its
 * entries in its first line: a file that does not match (another corpus, other learning parameters, truncated,
 * edited) is learned again. Pairs seen once are learned when the dictionary vouches for them, as in the shipped
 * lexicon (`lexicon-vouch.ts`); the judge's name is one of the parameters the file is checked against.
 * Written atomically. Combined with the shipped lexicon by `combineLexicons`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../atomic-write.js';
import type { LearnedLexicon } from './expand.js';
import { learnLexicon, learnParameters, type LearnOptions } from './learn.js';
import { parseLexicon, serializeLexicon } from './lexicon.js';

/** File name inside the index folder. */
export const CORPUS_LEXICON_FILE = 'corpus-lexicon.tsv';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The first line of the file: what it was learned from and the checksum of the rest. */
function stamp(corpus: string, body: string): string {
  return `#corpus-lexicon\t${corpus}\tsha256:${sha256(body)}\n`;
}

/** True when two sets of parameters name the same values, in any order. */
function sameParameters(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The saved lexicon when it was learned from `corpus` with today's parameters and is whole; else null. */
function readSaved(file: string, corpus: string, learn: LearnOptions): LearnedLexicon | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const cut = text.indexOf('\n');
  const body = text.slice(cut + 1);
  if (cut < 0 || text.slice(0, cut + 1) !== stamp(corpus, body)) return null;
  try {
    const lexicon = parseLexicon(body, file);
    // Learned with other parameters (an older version of the learning): learned again.
    return sameParameters(lexicon.header.params, learnParameters(learn)) ? lexicon : null;
  } catch {
    return null;
  }
}

/** Where `corpusLexicon` keeps its file, what it reports, and how it learns. */
export interface CorpusLexiconOptions {
  indexDir: string;
  log?: (line: string) => void;
  /** The learning's options (the engine passes the dictionary's vouch for pairs seen once; none: pairs seen twice). */
  learn?: LearnOptions;
}

/**
 * The lexicon of the corpus's parallel passages: opened from the index folder when it was learned from this
 * corpus with these options, else learned now and saved (null when the corpus has no parallel passage).
 * @example corpusLexicon(passages, manifest.corpus, { indexDir: 'index' })?.lookup(['border', 'trade'])
 */
export function corpusLexicon(
  passages: ReadonlyArray<{ text: string; textEn?: string }>,
  corpus: string,
  { indexDir, log, learn = {} }: CorpusLexiconOptions,
): LearnedLexicon | null {
  const pairs = passages.flatMap((p) => (p.textEn && p.textEn.trim() !== '' ? [{ zh: p.text, en: p.textEn }] : []));
  if (pairs.length === 0) return null;
  const file = path.join(indexDir, CORPUS_LEXICON_FILE);
  const saved = readSaved(file, corpus, learn);
  if (saved) return saved;
  const started = performance.now();
  const entries = learnLexicon(pairs, learn);
  const body = serializeLexicon(entries, {
    sources: [{ file: 'corpus-parallel-passages', sha256: `sha256:${sha256(corpus)}`, rows: pairs.length, pairs: pairs.length }],
    params: learnParameters(learn),
  });
  try {
    writeFileAtomically(file, stamp(corpus, body) + body);
  } catch (error) {
    log?.(`the corpus lexicon could not be saved in ${indexDir} (${(error as Error).message}); it will be learned again next time`);
  }
  log?.(`learned ${entries.length} translation pairs from ${pairs.length} parallel passages in ${Math.round(performance.now() - started)} ms`);
  return parseLexicon(body, file);
}

/**
 * Several lexicons as one: every lexicon's translations of a key, the most probable first (a term found in
 * more than one counts once, at its best).
 * @example combineLexicons([shipped, ownCorpus]).lookup(['fiscal', 'policy'])
 */
export function combineLexicons(lexicons: ReadonlyArray<LearnedLexicon | null>): LearnedLexicon | null {
  const present = lexicons.filter((l): l is LearnedLexicon => l !== null);
  if (present.length <= 1) return present[0] ?? null;
  const best = <T extends { p: number }>(items: T[], key: (t: T) => string): T[] => {
    const byKey = new Map<string, T>();
    for (const item of items) {
      const seen = byKey.get(key(item));
      if (!seen || seen.p < item.p) byKey.set(key(item), item);
    }
    return [...byKey.values()].sort((a, b) => b.p - a.p);
  };
  return {
    maxWords: Math.max(...present.map((l) => l.maxWords)),
    lookup: (words) => best(present.flatMap((l) => l.lookup(words)), (e) => e.zh),
    englishFor: (zh) => best(present.flatMap((l) => l.englishFor(zh)), (e) => e.en),
  };
}
