/**
 * The engines a user could pick instead, over the same passages: FlexSearch with its CJK encoder (one token
 * a character, with its context index so neighbouring characters score together), MiniSearch with jieba's
 * words (passages and queries cut alike, every word required) and lunr with
 * lunr-languages' Chinese (jieba when `@node-rs/jieba` is installed, else Intl.Segmenter words plus CJK
 * bigrams). Each is asked for every passage matching all the query's tokens (no result limit), so
 * recall and precision of a phrase can be read off the returned set.
 */
import { createRequire } from 'node:module';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';

/** A peer engine built over passages (addressed by their position). */
export interface PeerIndex {
  name: string;
  /** Passage positions matching the query text. */
  search(text: string): number[];
}

/** Builds a peer over passage texts. */
export type PeerBuilder = (texts: readonly string[]) => PeerIndex;

const require = createRequire(import.meta.url);

/**
 * FlexSearch 0.8 with `Charset.CJK` (split into characters) and a context index of depth 1.
 * @example buildFlexSearch(['高质量发展']).search('质量') // [0]
 */
export const buildFlexSearch: PeerBuilder = (texts) => {
  const index = new FlexSearch.Index({
    encoder: FlexSearch.Charset.CJK,
    tokenize: 'strict',
    context: { depth: 1, bidirectional: true, resolution: 9 },
  });
  texts.forEach((text, i) => index.add(i, text));
  const limit = Math.max(1, texts.length);
  return {
    name: 'flexsearch',
    search: (text) => (index.search(text, { limit }) as Array<string | number>).map(Number),
  };
};

/** jieba's words of a text (search mode, as a search engine cuts), punctuation and spaces left out. */
const jiebaWords = (text: string): string[] => nodejieba.cutForSearch(text).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * MiniSearch 7 with jieba's words: passages and queries cut by jieba in search mode, every query word required
 * (`combineWith: 'AND'`), no fuzzy or prefix matching.
 * @example buildMiniSearch(['推进乡村振兴']).search('乡村振兴') // [0]
 */
export const buildMiniSearch: PeerBuilder = (texts) => {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize: jiebaWords, processTerm: (t) => t.toLowerCase() });
  index.addAll(texts.map((text, id) => ({ id, text })));
  return {
    name: 'minisearch',
    search: (text) => index.search(text, { combineWith: 'AND' }).map((r) => Number(r.id)),
  };
};

type LunrPlugin = (l: typeof lunr) => void;
let lunrReady = false;

function registerLunrChinese(): void {
  if (lunrReady) return;
  // The plugins are UMD modules that extend the lunr object they are given.
  (require('lunr-languages/lunr.stemmer.support') as LunrPlugin)(lunr);
  (require('lunr-languages/lunr.zh') as LunrPlugin)(lunr);
  lunrReady = true;
}

interface LunrChinese {
  tokenizer: (text: string) => lunr.Token[];
}

/**
 * lunr 2 with lunr-languages' `zh`; every query token is required (AND), as the engine does.
 * @example buildLunr(['高质量发展']).search('高质量发展') // [0]
 */
export const buildLunr: PeerBuilder = (texts) => {
  registerLunrChinese();
  const zhPlugin = (lunr as unknown as { zh: lunr.Builder.Plugin }).zh;
  const zh = (lunr as unknown as { zh: LunrChinese }).zh;
  let pipeline: lunr.Pipeline | null = null;
  const info = console.info;
  console.info = () => undefined; // lunr.zh announces its Intl.Segmenter fallback on first use
  let index: lunr.Index;
  try {
    index = lunr(function () {
      this.use(zhPlugin);
      this.ref('id');
      this.field('text');
      pipeline = this.pipeline;
      texts.forEach((text, i) => this.add({ id: String(i), text }));
    });
  } finally {
    console.info = info;
  }
  const indexPipeline = pipeline as lunr.Pipeline | null;
  return {
    name: 'lunr',
    search: (text) => {
      const tokens = indexPipeline ? indexPipeline.run(zh.tokenizer(text)) : zh.tokenizer(text);
      const terms = [...new Set(tokens.map((t) => t.toString()).filter(Boolean))];
      if (terms.length === 0) return [];
      return index
        .query((q) => {
          for (const term of terms) q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
        })
        .map((r) => Number(r.ref));
    },
  };
};

export const PEERS: Record<string, PeerBuilder> = { flexsearch: buildFlexSearch, minisearch: buildMiniSearch, lunr: buildLunr };
