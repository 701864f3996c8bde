/**
 * The research desk's API: `/api/concordance` (every occurrence of a word or phrase in context, as JSON or
 * CSV) and `/api/trend` (its occurrences per year of the corpus, for up to four phrases). Parameters are
 * validated with the same schema as the other routes; a query a concordance cannot look for is a coded 400
 * (`RESEARCH_QUERY_INVALID`, answered as `INVALID_QUERY` through the error handler's table).
 */
import express from 'express';
import type { Request, Response, Router } from 'express';
import { PASSAGE_KINDS } from '../model.js';
import { pagesOf } from '../search/citation.js';
import { CONCORDANCE_SORTS } from '../search/concordance.js';
import type { ConcordanceLine } from '../search/research.js';
import type { Engine } from '../search/types.js';
import { LANG_RULE, MAX_QUERY_CHARS, REGION_RULE, YEAR_RULE, methodNotAllowed, unknownReport, yearOptions } from './api.js';
import { attachment, fileRows, type FileRows } from './attachment.js';
import { toCsv } from './csv.js';
import { createError } from './errors.js';
import { queryOfUrl } from './query-string.js';
import { validateParams, type Schema } from './schema.js';
import { answerTag } from './search-cache.js';
import { servedIndex } from './served-index.js';

/** Most lines one answer holds (JSON or CSV); a longer concordance is paged with `offset`. */
const MAX_LINES = 10_000;
/** Most phrases one trend compares. */
const MAX_TREND_PHRASES = 4;

const QUERY = { type: 'text', required: true, maxChars: MAX_QUERY_CHARS, example: '?q=乡村振兴' } as const;

const CONCORDANCE_SCHEMA = {
  q: QUERY,
  context: { type: 'int', required: false, min: 1, max: 200, describe: { en: 'a number of characters from 1 to 200', zh: '1 到 200 之间的字符数' } },
  limit: { type: 'int', required: false, min: 1, max: MAX_LINES },
  offset: { type: 'int', required: false, min: 0, max: 100_000_000 },
  sort: { type: 'enum', required: false, values: CONCORDANCE_SORTS },
  doc: { type: 'id', required: false },
  year: YEAR_RULE,
  kind: { type: 'enum', required: false, values: PASSAGE_KINDS },
  region: REGION_RULE,
  format: { type: 'enum', required: false, values: ['json', 'csv'] },
  lang: LANG_RULE,
} as const satisfies Schema;

const TREND_SCHEMA = { q: QUERY, lang: LANG_RULE } as const satisfies Schema;

/** The CSV columns of a concordance line, in order. */
const CSV_COLUMNS = ['left', 'match', 'right', 'docId', 'year', 'passageId', 'paragraph', 'page', 'field'] as const;

/** A line's CSV row: its pages as the results CSV writes a passage's (`12`, or `12-13` over a page break). */
function csvRow(line: ConcordanceLine): Array<string | number | null> {
  const pages = pagesOf({ page: line.page ?? undefined, pageEnd: line.pageEnd ?? undefined });
  return CSV_COLUMNS.map((column) => (column === 'page' ? pages : line[column]));
}

/** The headers of a concordance's CSV: its media type, and its name after the keyword and the lines it holds. */
function setCsvHeaders(res: Response, key: string, rows: FileRows): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', attachment('concordance', `concordance-${key}`, 'csv', rows));
}

/** The `q` values of a trend request (1 to 4), each validated like a search query; no other parameter. */
function trendQueries(req: Request): string[] {
  const raw = queryOfUrl(req.originalUrl);
  const values = raw.get('q') ?? [];
  if (values.length > MAX_TREND_PHRASES) {
    throw createError('INVALID_PARAMETER', {
      en: `Parameter q is given ${values.length} times; a trend compares at most ${MAX_TREND_PHRASES} phrases.`,
      zh: `参数 q 给了 ${values.length} 次；趋势最多比较 ${MAX_TREND_PHRASES} 个短语。`,
    });
  }
  // Each q alone through the schema (which also refuses any other parameter, and a missing q).
  const one = (value: string[]): string => {
    const alone = new Map(raw);
    if (value.length > 0) alone.set('q', value);
    else alone.delete('q');
    return validateParams(TREND_SCHEMA, alone).q;
  };
  return values.length === 0 ? [one([])] : values.map((value) => one([value]));
}

/**
 * The research routes over an engine.
 * @example app.use(researchRouter(engine));
 */
export function researchRouter(engine: Engine): Router {
  const router = express.Router();

  router
    .route('/api/concordance')
    .get(async (req, res) => {
      // `lang` chose the language of an error; the concordance itself is the same in both.
      const { lang: _errorLanguage, ...params } = validateParams(CONCORDANCE_SCHEMA, queryOfUrl(req.originalUrl));
      const { q, format = 'json', doc } = params;
      const { year, ...rest } = params;
      const options = { ...rest, ...yearOptions(year) };
      if (doc !== undefined && !engine.documents().some((meta) => meta.id === doc)) throw unknownReport(doc);
      const limit = params.limit ?? (format === 'csv' ? MAX_LINES : 100);
      if (format === 'json' && engine.stableAnswers) {
        // The JSON holds its own time (tookMs), so a tag hashed from the body would differ at every request
        // and never let a client revalidate: tagged by the index served and the parameters, as a search is.
        res.setHeader('ETag', answerTag(servedIndex(engine), JSON.stringify(['concordance', { ...params, limit }])));
        if (req.fresh) {
          res.status(304).end();
          return;
        }
      }
      if (format === 'csv' && req.method === 'HEAD') {
        // Express answers HEAD through this handler: the file's headers (its name needs the key and the total),
        // without cutting its lines.
        const { key, total } = await engine.concordance(q, { ...options, limit: 1 });
        setCsvHeaders(res, key, fileRows(params.offset ?? 0, limit, total));
        res.end();
        return;
      }
      const answer = await engine.concordance(q, { ...options, limit });
      if (format === 'csv') {
        setCsvHeaders(res, answer.key, fileRows(params.offset ?? 0, limit, answer.total));
        res.send(toCsv(CSV_COLUMNS, answer.lines.map(csvRow)));
        return;
      }
      res.json(answer);
    })
    .all(methodNotAllowed);

  router
    .route('/api/trend')
    .get(async (req, res) => {
      const queries = trendQueries(req);
      const series = await Promise.all(queries.map((q) => engine.trend(q)));
      const [first] = series;
      res.json({ total: first?.total ?? 0, years: first?.years ?? [], series });
    })
    .all(methodNotAllowed);

  return router;
}
