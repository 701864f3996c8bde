/**
 * The JSON API: search, suggestions, passages, documents, health. Each route validates its query
 * parameters with a schema (`schema.ts`) and answers only GET/HEAD; anything else is a 405.
 */
import express from 'express';
import type { Request, RequestHandler, Router } from 'express';
import { PASSAGE_KINDS } from '../model.js';
import { SORT_ORDERS } from '../search/date-order.js';
import { regionGroups, regionOfReport } from '../search/region-groups.js';
import type { Engine } from '../search/types.js';
import type { YearRange } from '../search/year-range.js';
import { createError, type ServerError } from './errors.js';
import { RESULTS_CSV, requestOrigin, sendResultsCsv } from './export-csv.js';
import { CITATION_FORMAT_NAMES, CITATION_FORMATS, citationFormatOf } from './export-citation.js';
import { sendResultsCitations } from './export-citations.js';
import { MAX_EXPORT_ROWS, sendResultsHead } from './result-range.js';
import { preview, queryOfUrl } from './query-string.js';
import { servedIndex } from './served-index.js';
import { AnswerEncoder } from './answer-json.js';
import { answerKey, answerTag, SearchCache, sendAnswer } from './search-cache.js';
import { validateParams } from './schema.js';
import type { Params, Schema } from './schema.js';

/** Every passage kind, for validating `kind` (the list lives in model.ts). */
export { PASSAGE_KINDS };

/** Longest query accepted, in characters (code points). */
export const MAX_QUERY_CHARS = 500;
/** Highest `offset` accepted by /api/search. */
export const MAX_OFFSET = 10_000;

const QUERY = { type: 'text', required: true, maxChars: MAX_QUERY_CHARS, example: '?q=高质量发展' } as const;

/**
 * `lang=zh|en`, which every route takes: the language of an error's message (else Accept-Language, see
 * `error-handler.ts`); a CSV's citations are written in it too.
 */
export const LANG_RULE = { type: 'enum', required: false, values: ['zh', 'en'] } as const;
/** `region`, as the search and the concordance take it: a region's name or part of it, as `region:` in a query. */
export const REGION_RULE = { type: 'text', required: false, maxChars: 100 } as const;
/** `year`, as the search and the research routes take it: one year (`2024`) or a range of years (`2013-2022`). */
export const YEAR_RULE = { type: 'year', required: false } as const;

/**
 * The engine's options for a `year` parameter: `year` for one, `years` for a range, nothing for none.
 * @example yearOptions({ from: 2013, to: 2022 }) // { years: { from: 2013, to: 2022 } }
 */
export function yearOptions(value: number | YearRange | undefined): { year?: number; years?: YearRange } {
  if (value === undefined) return {};
  return typeof value === 'number' ? { year: value } : { years: value };
}

export const SEARCH_SCHEMA = {
  q: QUERY,
  limit: { type: 'int', required: false, min: 1, max: 100 },
  offset: { type: 'int', required: false, min: 0, max: MAX_OFFSET },
  doc: { type: 'id', required: false },
  year: YEAR_RULE,
  kind: { type: 'enum', required: false, values: PASSAGE_KINDS },
  region: REGION_RULE,
  lang: LANG_RULE,
  sort: { type: 'enum', required: false, values: SORT_ORDERS },
  format: { type: 'enum', required: false, values: ['json', 'csv', ...CITATION_FORMAT_NAMES] },
  fields: { type: 'enum', required: false, values: ['text'] },
  fold: { type: 'enum', required: false, values: ['0', '1'] },
} as const satisfies Schema;

/**
 * `/api/search?…&format=csv|ris|bibtex|csl-json` (or `csl`), a download: the same parameters, up to
 * MAX_EXPORT_ROWS results (the default).
 */
export const EXPORT_SEARCH_SCHEMA = {
  ...SEARCH_SCHEMA,
  limit: { type: 'int', required: false, min: 1, max: MAX_EXPORT_ROWS },
} as const satisfies Schema;

export const SUGGEST_SCHEMA = {
  q: QUERY,
  limit: { type: 'int', required: false, min: 1, max: 20 },
  lang: LANG_RULE,
} as const satisfies Schema;

/** The routes that take no parameter but the language of their errors. */
const NO_PARAMS = { lang: LANG_RULE } as const satisfies Schema;

/**
 * The 400 of a `doc` that names no report of the corpus.
 * @example throw unknownReport('no-such-report');
 */
export function unknownReport(doc: string): ServerError {
  return createError('INVALID_PARAMETER', {
    en: `Parameter doc names no report ("${preview(doc)}"); the report ids are listed at /api/documents.`,
    zh: `参数 doc 没有对应的报告（“${preview(doc)}”）；报告编号列在 /api/documents。`,
  });
}

/**
 * The 404 of a passage id the corpus does not hold.
 * @example throw passageNotFound('x-p0001');
 */
export function passageNotFound(id: string): ServerError {
  return createError('PASSAGE_NOT_FOUND', {
    en: `No passage has the id "${preview(id)}". Passage ids look like <report id>-p0042; search to find one.`,
    zh: `没有编号为“${preview(id)}”的段落。段落编号形如 <报告编号>-p0042，可先检索找到。`,
  });
}

/** Validates the request's query string against `schema` (400 with a coded message when it does not fit). */
function paramsOf<S extends Schema>(req: Request, schema: S): Params<S> {
  return validateParams(schema, queryOfUrl(req.originalUrl));
}

/** Answers 405 with an `Allow` header; mounted after each route's GET handler. */
export const methodNotAllowed: RequestHandler = (req) => {
  throw createError(
    'METHOD_NOT_ALLOWED',
    { en: `${req.method} is not allowed here; this address only answers GET and HEAD.`, zh: `此地址不接受 ${req.method} 请求，只接受 GET 和 HEAD。` },
    { Allow: 'GET, HEAD' },
  );
};

/**
 * The API router over an engine.
 * @example
 * app.use(apiRouter(await openEngine()));
 * Search answers are kept in `options.searchCache` (default: a new cache of DEFAULT_SEARCH_CACHE_BYTES).
 */
export function apiRouter(engine: Engine, options: { searchCache?: SearchCache } = {}): Router {
  const router = express.Router();
  // Answers of a stable engine (an embedded index) are fixed for the life of the process; a cluster can lose a
  // shard (the answer must then say partial) or be reloaded by another process: its answers are neither kept nor tagged.
  const cache = options.searchCache ?? new SearchCache();
  // What hits say of their passage, encoded once per passage (the cache above keeps whole answers).
  const encoder = new AnswerEncoder();
  // The index answering: a running server switches to a new one when it is rebuilt (`index-reload.ts`), and the
  // answers kept for the old one go.
  let answering = '';
  const indexNow = (): string => {
    const version = servedIndex(engine);
    if (version !== answering) {
      cache.clear();
      answering = version;
    }
    return version;
  };
  // Answers change only when the index is rebuilt: clients revalidate each time (cheap, with the ETag).
  router.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });

  router
    .route('/api/health')
    .get(async (req, res) => {
      paramsOf(req, NO_PARAMS);
      const backend = await engine.backend();
      const degraded = backend.nodes.some((n) => n.state === 'down');
      res.json({ status: degraded ? 'degraded' : 'ok', ...engine.stats(), backend: backend.name, nodes: backend.nodes });
    })
    .all(methodNotAllowed);

  router
    .route('/api/search')
    .get(async (req, res) => {
      const raw = queryOfUrl(req.originalUrl);
      const asked = raw.get('format')?.[0];
      // A download (CSV or citations) takes up to MAX_EXPORT_ROWS results; a JSON page, up to 100.
      const download = asked !== undefined && asked !== '' && asked !== 'json';
      const params = validateParams(download ? EXPORT_SEARCH_SCHEMA : SEARCH_SCHEMA, raw);
      // `lang` (the page's language) changes nothing in a JSON answer, which holds both languages, nor in
      // citations; a CSV's citation column is written in it.
      const { q, offset = 0, doc, year, kind, region, lang, sort, fields, fold, format } = params;
      const years = yearOptions(year);
      const limit = params.limit ?? (download ? MAX_EXPORT_ROWS : 10);
      if (doc !== undefined && !engine.documents().some((meta) => meta.id === doc)) throw unknownReport(doc);
      if (format !== undefined && format !== 'json') {
        const range = { q, limit, offset, doc, ...years, kind, region, lang, sort };
        // Express answers HEAD through this handler: the file's headers, without building the file.
        if (req.method === 'HEAD') await sendResultsHead(res, engine, range, format === 'csv' ? RESULTS_CSV : CITATION_FORMATS[citationFormatOf(format)]);
        else if (format === 'csv') await sendResultsCsv(res, engine, range, requestOrigin(req));
        else await sendResultsCitations(res, engine, range, requestOrigin(req), citationFormatOf(format));
        return;
      }
      const started = performance.now();
      const version = indexNow();
      const keep = engine.stableAnswers;
      const key = answerKey({ q, limit, offset, doc, year, kind, region, sort, fields, fold: fold === '1' || undefined });
      let answer = keep ? cache.get(key) : undefined;
      // The ETag promises the same answer for the same parameters: true of an embedded index only.
      const tag = keep ? (answer?.tag ?? answerTag(version, key)) : '';
      if (tag) res.setHeader('ETag', tag);
      if (tag && req.fresh) {
        res.status(304).end();
        return;
      }
      if (answer) {
        await sendAnswer(req, res, answer, { tookMs: Math.round((performance.now() - started) * 1000) / 1000, cache: 'hit' });
        return;
      }
      // Hits carry their snippet; the whole text's highlights only when asked (`fields=text`); the page's hits
      // of the same text fold into one only when asked (`fold=1`).
      // A query with nothing to look for is a 400 that says why, as on the research routes (`nothing-to-search.ts`).
      const response = await engine.search(q, { limit, offset, doc, ...years, kind, region, sort, fields: fields === undefined ? [] : [fields], fold: fold === '1', refuseEmpty: true });
      answer = { ...encoder.encode(response), tag };
      if (response.partial) res.removeHeader('ETag');
      // Kept only if the index that answered is still the one served (it may have been replaced meanwhile).
      else if (keep && indexNow() === version) cache.set(key, answer);
      await sendAnswer(req, res, answer, { tookMs: response.tookMs, cache: 'miss' });
    })
    .all(methodNotAllowed);

  router
    .route('/api/suggest')
    .get(async (req, res) => {
      const { q, limit = 8 } = paramsOf(req, SUGGEST_SCHEMA);
      // The engine completes the last word and keeps the words before it.
      res.json({ query: q, suggestions: await engine.suggest(q, limit) });
    })
    .all(methodNotAllowed);

  router
    .route('/api/passages/:id')
    .get(async (req, res) => {
      paramsOf(req, NO_PARAMS);
      const id = String(req.params.id);
      const view = await engine.passage(id);
      if (!view) throw passageNotFound(id);
      res.json(view);
    })
    .all(methodNotAllowed);

  router
    .route('/api/documents')
    .get((req, res) => {
      paramsOf(req, NO_PARAMS);
      const documents = engine.documents();
      // The regions, each once with its reports, for a list to pick a `region:` filter from.
      res.json({ documents, regions: regionGroups(documents) });
    })
    .all(methodNotAllowed);

  router
    .route('/api/documents/:id')
    .get(async (req, res) => {
      paramsOf(req, NO_PARAMS);
      const id = String(req.params.id);
      const found = await engine.document(id);
      if (!found) {
        throw createError('DOCUMENT_NOT_FOUND', {
          en: `No report has the id "${preview(id)}"; the report ids are listed at /api/documents.`,
          zh: `没有编号为“${preview(id)}”的报告；报告编号列在 /api/documents。`,
        });
      }
      // Its region named in both languages, for the reader's facts (`Guangdong Province` is 广东省 in Chinese).
      res.json({ ...found, region: regionOfReport(found.doc) });
    })
    .all(methodNotAllowed);

  return router;
}
