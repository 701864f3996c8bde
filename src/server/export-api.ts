/**
 * The export routes beside the JSON API: `/api/passages/:id/citation?format=ris|bibtex|csl-json`, a passage's
 * citation as a file for reference managers (`export-citation.ts`). Search results as CSV or as citations are
 * an answer of `/api/search` itself (`format=csv`, `export-csv.ts`; `format=ris|bibtex|csl-json`,
 * `export-citations.ts`).
 */
import express from 'express';
import type { Router } from 'express';
import type { Engine } from '../search/types.js';
import { LANG_RULE, methodNotAllowed, passageNotFound } from './api.js';
import { requestOrigin } from './export-csv.js';
import { CITATION_FORMAT_NAMES, CITATION_FORMATS, citationFormatOf, formatCitation, passageItem } from './export-citation.js';
import { queryOfUrl } from './query-string.js';
import { validateParams, type Schema } from './schema.js';

/** `format`, one of CITATION_FORMATS (or `csl`), else a coded 400 that lists them; `lang`, the language of an error. */
const CITATION_SCHEMA = {
  format: { type: 'enum', required: true, values: CITATION_FORMAT_NAMES, code: 'UNKNOWN_CITATION_FORMAT', example: '?format=ris' },
  lang: LANG_RULE,
} as const satisfies Schema;

/**
 * The export routes over an engine.
 * @example app.use(exportRouter(engine));
 */
export function exportRouter(engine: Engine): Router {
  const router = express.Router();
  router
    .route('/api/passages/:id/citation')
    .get(async (req, res) => {
      const format = citationFormatOf(validateParams(CITATION_SCHEMA, queryOfUrl(req.originalUrl)).format);
      const id = String(req.params.id);
      const view = await engine.passage(id);
      if (!view) throw passageNotFound(id);
      const item = passageItem(view, requestOrigin(req), new Date());
      const { type, extension } = CITATION_FORMATS[format];
      res.setHeader('Content-Type', `${type}; charset=utf-8`);
      res.setHeader('Content-Disposition', `attachment; filename="${view.passage.id}.${extension}"`);
      res.send(await formatCitation(item, format));
    })
    .all(methodNotAllowed);
  return router;
}
