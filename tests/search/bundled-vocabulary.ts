/** The bundled corpus's vocabulary as "did you mean" reads it, built once per test process (test helper). */
import { vocabularyOf } from '../../src/index/vocabulary.js';
import { DEFAULT_LEXICON_PATH } from '../../src/crosslang/paths.js';
import { corpusVocabulary } from '../../src/search/corpus-vocabulary.js';
import type { VocabularySource } from '../../src/search/did-you-mean.js';
import type { WordCount } from '../../src/search/near-words.js';
import { seedIndex } from '../index/seed-index.js';

export interface BundledVocabulary {
  source: VocabularySource;
  /** The index's Chinese words (Han only, two characters or more) with their passage counts. */
  chinese: WordCount[];
}

/** The vocabulary source over the bundled corpus, and its Chinese words. */
export async function bundledVocabulary(): Promise<BundledVocabulary> {
  const { data, index } = await seedIndex();
  const words = vocabularyOf(index.fields.words);
  const source = corpusVocabulary({ words: () => words, passages: data.passages, lexiconPath: DEFAULT_LEXICON_PATH });
  const chinese = [...source.words()].filter((w) => /^\p{Script=Han}{2,}$/u.test(w.word));
  return { source, chinese };
}
