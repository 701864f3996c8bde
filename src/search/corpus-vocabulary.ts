/**
 * The vocabulary source "did you mean" reads (`did-you-mean.ts`): the index's words with their passage
 * counts, the English of the passages, and the English forms of the glossary and the learned lexicon.
 * Everything is read when the suggester first asks, not before.
 */
import { loadGlossary } from '../crosslang/glossary.js';
import { loadLexicon } from '../crosslang/lexicon.js';
import type { Passage } from '../model.js';
import type { VocabularySource } from './did-you-mean.js';
import type { WordCount } from './near-words.js';

/** What the engine has at hand: the index's words (sorted terms and counts), the passages in memory, the lexicon's path. */
export interface CorpusVocabularyInput {
  words: () => { terms: readonly string[]; counts: readonly number[] } | null;
  passages: readonly Passage[];
  /** The learned lexicon's file, or null for none. */
  lexiconPath: string | null;
  /** The glossary's file (default: the shipped one). */
  glossaryPath?: string;
}

/**
 * A vocabulary source over the engine's data.
 * @example createSuggester(corpusVocabulary({ words: () => backend.words(), passages, lexiconPath: null }))
 */
export function corpusVocabulary(input: CorpusVocabularyInput): VocabularySource {
  return {
    *words(): Iterable<WordCount> {
      const vocabulary = input.words();
      if (!vocabulary) return;
      for (let i = 0; i < vocabulary.terms.length; i++) yield { word: vocabulary.terms[i] ?? '', count: vocabulary.counts[i] ?? 0 };
    },
    *englishTexts(): Iterable<string> {
      for (const passage of input.passages) {
        yield passage.text;
        if (passage.textEn) yield passage.textEn;
      }
    },
    *englishForms(): Iterable<string> {
      for (const entry of loadGlossary(input.glossaryPath).entries) yield* [entry.en, ...entry.alternatives];
      if (input.lexiconPath !== null) for (const entry of loadLexicon(input.lexiconPath).entries) yield entry.en;
    },
  };
}
