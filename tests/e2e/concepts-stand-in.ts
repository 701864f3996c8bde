/**
 * A stand-in for the `concepts` field of `/api/search`, for as long as the server does not send it: the page's
 * requests go to the real server, and an answer without `concepts` gets them built from the real
 * cross-language expander (units in query order; runs of stop words as `ignored`). An answer that already has
 * `concepts` passes through untouched, so the tests run unchanged against a server that sends them.
 */
import type { Page } from 'playwright-core';
import { expandEnglish } from '../../src/crosslang/expand.js';
import { isStopword, tokenizeEnglish } from '../../src/crosslang/english.js';
import type { QueryConcept, SearchResponse } from '../../src/search/types.js';

/**
 * The concepts of an English query without quotes, as the stand-in reads it.
 * @example standInConcepts('how to help herdsmen')[0] // { en: 'how to', status: 'ignored', terms: [] }
 */
export function standInConcepts(query: string): QueryConcept[] {
  const text = query.normalize('NFKC');
  const placed: Array<{ at: number; concept: QueryConcept }> = [];
  let cursor = 0;
  for (const unit of expandEnglish(text)) {
    const at = text.indexOf(unit.en, cursor);
    cursor = at >= 0 ? at + unit.en.length : cursor;
    const terms = unit.zh.map((z, i) => ({ zh: z.term, source: z.source, weight: 1 / (i + 1) }));
    placed.push({ at, concept: { en: unit.en, status: terms.length > 0 ? 'translated' : 'untranslated', terms } });
  }
  const tokens = tokenizeEnglish(text);
  for (let i = 0; i < tokens.length; i++) {
    if (!isStopword(tokens[i]!.lower)) continue;
    let j = i;
    while (j + 1 < tokens.length && isStopword(tokens[j + 1]!.lower)) j++;
    placed.push({ at: tokens[i]!.start, concept: { en: text.slice(tokens[i]!.start, tokens[j]!.end), status: 'ignored', terms: [] } });
    i = j;
  }
  return placed.sort((a, b) => a.at - b.at).map((p) => p.concept);
}

/**
 * Makes `page`'s searches carry `concepts` (see the module comment).
 * @example await serveStandInConcepts(page);
 */
export async function serveStandInConcepts(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/api/search',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as SearchResponse;
      const query = new URL(route.request().url()).searchParams.get('q') ?? '';
      if (response.ok() && body.concepts === undefined) body.concepts = standInConcepts(query);
      await route.fulfill({ response, json: body });
    },
  );
}
