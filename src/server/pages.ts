/**
 * The page: static files from public/ with caching headers, and three pages rendered on the server so that
 * they work without JavaScript (the script then takes them over): the reader `/p/:id`, a search `/?q=…`, and
 * the library of reports `/reports`. Dotfiles and anything outside public/ are never served.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Request, Response, Router } from 'express';
import type { Engine } from '../search/types.js';
import { PASSAGE_KINDS } from '../model.js';
import { MAX_QUERY_CHARS, methodNotAllowed, yearOptions } from './api.js';
import { createError, messagesOf, ServerError } from './errors.js';
import { queryOfUrl } from './query-string.js';
import { askedLanguage, loadCatalogue, otherLanguage, pickLanguage, type Translate, type UiLang } from './render/catalogue.js';
import { libraryFilters, libraryMarkup, reportRow, type ReportRow } from './render/library.js';
import { h, join, type Markup } from './render/markup.js';
import { citationMeta, openGraph, trimmed } from './render/meta.js';
import { docTitle, passageHref, position, readerParts } from './render/reader-page.js';
import { MAX_PAGE, PAGE_SIZE, searchParts, type SearchState } from './render/search-page.js';
import { facetScopes, listFacets, queryOfAddress, withoutQueryFilters } from '../../public/js/query-filters.js';
import { searchUrl } from '../../public/js/search-url.js';
import { SORT_ORDERS } from '../search/date-order.js';
import { readYearRange } from '../search/year-range.js';
import { requestOrigin } from './export-csv.js';
import { cheerio } from './render/html-parser.js';
import { renderPage } from './render/shell.js';
import { servedIndex } from './served-index.js';

/** How long browsers may reuse a script, style or image before revalidating (no build step, no hashes). */
const ASSET_MAX_AGE_SECONDS = 300;

function setCacheHeaders(res: Response, file: string): void {
  const html = file.endsWith('.html');
  res.setHeader('Cache-Control', html ? 'no-cache' : `public, max-age=${ASSET_MAX_AGE_SECONDS}`);
}

/**
 * The URL paths of every file under `dir` (`/app.js`, `/js/chart.js`, …), skipping dotfiles.
 * @example
 * publicPaths('/work/main/public').has('/index.html'); // true
 */
function publicPaths(dir: string, prefix = ''): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const urlPath = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const p of publicPaths(path.join(dir, entry.name), urlPath)) paths.add(p);
    else if (entry.isFile()) paths.add(urlPath);
  }
  return paths;
}

/** What every rendered page needs from its request. */
interface PageRequest {
  params: Map<string, string[]>;
  lang: UiLang;
  /** The language the address names (`?lang=`), kept in the page's links; absent when none. */
  asked: UiLang | undefined;
  tr: Translate;
  /** This server's origin as the client reached it, for absolute addresses when the site has no BASE_URL. */
  origin: string;
}

/** The search state of the address, read leniently as the script reads it. */
function searchStateOf(params: Map<string, string[]>): SearchState {
  const first = (name: string): string => (params.get(name)?.[0] ?? '').trim();
  const page = Number.parseInt(first('page') || '1', 10);
  const sort = first('sort');
  const dated = SORT_ORDERS.find((order) => order === sort);
  return {
    q: queryOfAddress(first('q'), first('region')),
    doc: first('doc'),
    year: first('year'),
    kind: first('kind'),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1,
    sort: dated === undefined || dated === 'relevance' ? '' : dated,
    lang: askedLanguage(params.get('lang')?.[0]),
  };
}

/** The text of rendered markup (its tags dropped, its entities read), for a meta description. */
async function textOf(markup: Markup): Promise<string> {
  return (await cheerio()).load(markup.html).root().text();
}

/**
 * The search page's containers for a state: the search (and, when filtered, the same search unfiltered for the
 * filters' counts). Throws the engine's coded errors (a query too long, one that cannot be searched).
 */
async function searchFill(engine: Engine, state: SearchState, lang: UiLang, tr: Translate): Promise<Record<string, Markup>> {
  if (Array.from(state.q).length > MAX_QUERY_CHARS) throw createError('PARAMETER_TOO_LONG');
  const documents = engine.documents();
  // The address's filters as the engine takes them (one it cannot read is left out, as the script leaves it).
  const filtersOf = (s: SearchState) => ({
    doc: documents.some((d) => d.id === s.doc) ? s.doc : undefined,
    ...(/^\d{4}$/.test(s.year) ? { year: Number(s.year) } : yearOptions(readYearRange(s.year) ?? undefined)),
    kind: PASSAGE_KINDS.find((k) => k === s.kind),
  });
  const sort = state.sort || undefined;
  const response = await engine.search(state.q, { ...filtersOf(state), lang, sort, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, fold: true });
  // Each filter list counts the search without its own filter (`facetScopes`): only their facets are read, no
  // whole-text highlights, no proposals.
  const scopes = facetScopes(state).filter((scope) => withoutQueryFilters(scope.state.q) !== '');
  const without = Object.fromEntries(
    await Promise.all(scopes.map(async ({ key, state: s }) => [key, (await engine.search(s.q, { ...filtersOf(s), limit: 1, fields: [], suggest: false })).facets] as const)),
  );
  const { lists, region } = listFacets(response.facets, without);
  return searchParts({ state, response, facets: lists, regionFacets: region, documents, lang, tr });
}

/**
 * Serves public/ and the rendered pages. Other methods on these paths get 405; unknown paths fall through.
 * @example
 * app.use(pageRouter(engine, path.resolve('public')));
 */
export function pageRouter(engine: Engine, publicDir: string): Router {
  const router = express.Router();
  const files = publicPaths(publicDir);
  const template = readFileSync(path.join(publicDir, 'index.html'), 'utf8');
  let library: Promise<ReportRow[]> | null = null;
  /** The index the library was listed from: a running server switches to a rebuilt one (`index-reload.ts`). */
  let listed = '';
  const reportRows = (): Promise<ReportRow[]> => {
    if (servedIndex(engine) !== listed) {
      library = null;
      listed = servedIndex(engine);
    }
    library ??= Promise.all(
      engine.documents().map(async (doc) => reportRow(doc, (await engine.document(doc.id))?.passages ?? [])),
    ).catch((error: unknown) => {
      library = null;
      throw error;
    });
    return library;
  };

  const pageRequest = async (req: Request, params = queryOfUrl(req.originalUrl)): Promise<PageRequest> => {
    const named = params.get('lang')?.[0];
    const lang = pickLanguage(named, req.headers['accept-language']);
    return { params, lang, asked: askedLanguage(named), tr: await loadCatalogue(publicDir), origin: requestOrigin(req) };
  };
  const send = (res: Response, status: number, html: string): void => {
    res.status(status).setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };

  router
    .route('/p/:id')
    .get(async (req, res) => {
      const page = await pageRequest(req);
      const { lang, tr } = page;
      const id = String(req.params.id);
      const view = await engine.passage(id);
      const found = view ? await engine.document(view.doc.id) : null;
      if (!view || !found) {
        const message = h('p', { class: 'error', role: 'alert' }, tr(lang, 'passageNotFound', { id }));
        send(res, 404, await renderPage(template, tr, { lang, title: tr(lang, 'pageTitle'), head: [], fill: { 'reader-message': message }, show: ['reader-view'], hide: ['search-view'] }));
        return;
      }
      const url = view.publicUrl ?? `${page.origin}${view.url}`;
      const title = docTitle(view.doc, lang);
      const where = position(view.passage, lang, tr);
      const head: Markup[] = [
        ...(view.publicUrl ? [h('link', { rel: 'canonical', href: view.publicUrl })] : []),
        ...openGraph({ title: where ? `${title} · ${where}` : title, description: trimmed(view.passage.text), url, type: 'article', siteName: tr(lang, 'pageTitle'), lang }),
        ...citationMeta(view, url),
      ];
      const fill = { ...readerParts({ view, passages: found.passages, lang, tr, asked: page.asked }), 'reader-back': join([tr(lang, 'newSearch')]) };
      const attrs = { 'reader-text': { 'data-doc': view.doc.id, 'data-lang': lang } };
      const langHref = passageHref(id, otherLanguage(lang));
      send(res, 200, await renderPage(template, tr, { lang, title: `${title} · ${tr(lang, 'pageTitle')}`, head, fill, attrs, show: ['reader-view'], hide: ['search-view'], langHref }));
    })
    .all(methodNotAllowed);

  router.get('/', async (req, res, next) => {
    // The plain page (no query) is the static file: nothing to render, no catalogue to read.
    const params = queryOfUrl(req.originalUrl);
    const state = searchStateOf(params);
    if (!state.q) {
      next();
      return;
    }
    const page = await pageRequest(req, params);
    const { lang, tr } = page;
    const fill: Record<string, Markup> = await searchFill(engine, state, lang, tr).catch((error: unknown) => {
      if (!(error instanceof ServerError)) throw error;
      const messages = messagesOf(error.code);
      res.status(error.status);
      return { status: h('span', { class: 'error', role: 'alert' }, `${tr(lang, 'errorPrefix')} ${lang === 'zh' ? messages.zh : messages.en}`) };
    });
    const head = openGraph({ title: `“${state.q}” · ${tr(lang, 'pageTitle')}`, description: fill.status ? await textOf(fill.status) : '', url: `${page.origin}${req.originalUrl}`, type: 'website', siteName: tr(lang, 'pageTitle'), lang });
    // Without its script the page switches language by a link to itself in the other language.
    const langHref = searchUrl({ ...state, lang: otherLanguage(lang) });
    send(res, res.statusCode, await renderPage(template, tr, { lang, title: `${state.q} · ${tr(lang, 'pageTitle')}`, head, fill, show: ['filters', 'concepts'].filter((id) => id in fill), attrs: { q: { value: state.q } }, langHref }));
  });

  router
    .route('/reports')
    .get(async (req, res) => {
      const { lang, asked, tr, params, origin } = await pageRequest(req);
      const rows = await reportRows();
      const main = libraryMarkup(rows, libraryFilters(params), lang, tr, asked);
      const head = openGraph({ title: tr(lang, 'reportsTitle'), description: tr(lang, 'reportsCount', { n: rows.length }), url: `${origin}/reports`, type: 'website', siteName: tr(lang, 'pageTitle'), lang });
      const other = new URLSearchParams([...params].flatMap(([name, values]) => (name === 'lang' ? [] : values.map((v): [string, string] => [name, v]))));
      other.set('lang', otherLanguage(lang));
      const langHref = `/reports?${other}`;
      send(res, 200, await renderPage(template, tr, { lang, title: `${tr(lang, 'reportsTitle')} · ${tr(lang, 'pageTitle')}`, head, fill: {}, main, script: '/js/reports.js', langHref }));
    })
    .all(methodNotAllowed);

  router.use(
    express.static(publicDir, {
      dotfiles: 'ignore',
      fallthrough: true,
      index: 'index.html',
      redirect: false,
      setHeaders: setCacheHeaders,
    }),
  );

  // The page's own paths answer other methods with 405; unknown paths go on to the 404.
  router.all('/{*rest}', (req, res, next) => {
    const known = req.path === '/' || files.has(req.path);
    if (known && req.method !== 'GET' && req.method !== 'HEAD') methodNotAllowed(req, res, next);
    else next();
  });

  return router;
}
