/**
 * The pages the server renders without JavaScript, read back with cheerio: the reader with its meta tags, the
 * cited paragraph and its citation; a search's first page; the library of reports and its filters; both
 * languages; and hostile text in reports and queries, which must come out as text.
 */
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import type { PassageView, SearchResponse } from '../../src/search/types.js';
import { useBundledEngine } from '../search/bundled-engine.js';
import { squash } from './test-engine.js';

const PUBLIC = 'https://reports.example.org';
const bundled = useBundledEngine({ baseUrl: PUBLIC });
let app: Express;

beforeAll(() => {
  app = createApp(bundled.engine());
});

async function page(url: string, status = 200, headers: Record<string, string> = {}): Promise<CheerioAPI> {
  const res = await request(app).get(url).set(headers).expect(status);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  return load(res.text);
}
const meta = ($: CheerioAPI, name: string): string | undefined => $(`meta[name="${name}"], meta[property="${name}"]`).attr('content');
const api = async <T>(url: string): Promise<T> => (await request(app).get(url).expect(200)).body as T;

/** The id of the first passage a quoted phrase finds. */
async function passageWith(phrase: string): Promise<PassageView> {
  const found = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(`"${phrase}"`)}`);
  return api<PassageView>(`/api/passages/${found.hits[0]!.id}`);
}

describe('the reader rendered on the server (/p/<id>)', () => {
  it('has Open Graph, Highwire citation_* and Dublin Core tags from the report and the passage', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    const $ = await page(`/p/${view.passage.id}`);
    const url = `${PUBLIC}/p/${view.passage.id}`;
    expect(meta($, 'og:type')).toBe('article');
    expect(meta($, 'og:url')).toBe(url);
    expect(meta($, 'og:title')).toBe(`${view.doc.title} · 第 25 段`);
    expect(meta($, 'og:site_name')).toBe('政府工作报告检索');
    const description = meta($, 'og:description')!;
    expect(description.endsWith('…')).toBe(true);
    expect(view.passage.text.replace(/\s+/g, ' ').startsWith(description.slice(0, -1))).toBe(true);
    expect(meta($, 'citation_title')).toBe(view.doc.title);
    expect(meta($, 'citation_author')).toBe('西藏自治区人民政府');
    expect(meta($, 'citation_publisher')).toBe('西藏自治区人民政府');
    expect(meta($, 'citation_publication_date')).toBe(view.doc.date!.replace(/-/g, '/'));
    expect(meta($, 'citation_date')).toBe(view.doc.date!.replace(/-/g, '/'));
    expect(meta($, 'citation_language')).toBe('zh');
    expect(meta($, 'citation_public_url')).toBe(url);
    expect(meta($, 'citation_abstract_html_url')).toBe(url);
    expect(meta($, 'citation_firstpage')).toBeUndefined(); // the bundled reports are not paged
    expect(meta($, 'DC.title')).toBe(view.doc.title);
    expect(meta($, 'DC.creator')).toBe('西藏自治区人民政府');
    expect(meta($, 'DC.date')).toBe(view.doc.date);
    expect(meta($, 'DC.language')).toBe('zh');
    expect(meta($, 'DC.identifier')).toBe(url);
    expect(meta($, 'DC.type')).toBe('Text');
    expect(meta($, 'DC.publisher')).toBe('西藏自治区人民政府');
    expect($('link[rel="canonical"]').attr('href')).toBe(url);
    expect($('title').text()).toBe(`${view.doc.title} · 政府工作报告检索`);
  });

  it('renders the whole report with paragraph numbers, the outline, and the cited paragraph marked, focused and cited', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    const { passages } = await api<{ passages: Passage[] }>(`/api/documents/${view.doc.id}`);
    const $ = await page(`/p/${view.passage.id}`);
    expect($('#reader-view').attr('hidden')).toBeUndefined();
    expect($('#search-view').attr('hidden')).toBeDefined();
    const shown = $('#reader-text > .passage').toArray();
    expect(shown.map((n) => $(n).attr('id'))).toEqual(passages.map((p) => p.id));
    expect(shown.map((n) => $(n).attr('data-paragraph') ?? null)).toEqual(passages.map((p) => (p.paragraph == null ? null : String(p.paragraph))));
    const current = $('#reader-text > .passage.cited');
    expect(current.attr('id')).toBe(view.passage.id);
    expect(current.attr('aria-current')).toBe('true');
    expect(current.attr('autofocus')).toBeDefined();
    expect(current.text()).toBe(`${view.passage.text} ¶`);
    expect($('#reader-text [autofocus]').length).toBe(1);
    const headings = passages.filter((p) => p.kind === 'heading');
    expect($('#outline li a').toArray().map((a) => $(a).text())).toEqual(headings.map((h) => h.text));
    expect($('#outline a[aria-current="location"]').attr('href')).toBe(`/p/${view.passage.sectionPath.length ? headings.filter((h) => h.ordinal <= view.passage.ordinal).pop()!.id : ''}#${headings.filter((h) => h.ordinal <= view.passage.ordinal).pop()!.id}`);
    expect($('#reader-bar .position').text()).toBe('第 25 段');
    expect($('#reader-bar .ready-citation p').text()).toBe(view.citation.zh);
    expect($('#reader-bar .ready-citation summary').text()).toBe('引文');
    expect($('#reader-bar a[rel="prev"]').attr('href')).toBe(`/p/${view.prevId}#${view.prevId}`);
    expect($('#reader-text').attr('data-doc')).toBe(view.doc.id);
    // The search box within the report works as a GET form to the search page, scoped by doc.
    const form = $('#reader-header form.doc-search');
    expect(form.attr('action')).toBe('/');
    expect(form.find('input[name="doc"]').attr('value')).toBe(view.doc.id);
  });

  it('speaks English for ?lang=en and for an English browser, with the English citation', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    for (const $ of [await page(`/p/${view.passage.id}?lang=en`), await page(`/p/${view.passage.id}`, 200, { 'Accept-Language': 'en-US,en;q=0.9' })]) {
      expect($('html').attr('lang')).toBe('en');
      expect($('#reader-bar .position').text()).toBe('Paragraph 25');
      expect($('#reader-bar .ready-citation p').text()).toBe(view.citation.en);
      expect($('#outline .panel-title').text()).toBe('Outline');
      expect($('#reader-header h1').text()).toBe(view.doc.titleEn);
      expect(meta($, 'og:locale')).toBe('en_US');
      expect($('#lang-switch').text()).toBe('中文');
      // Without the script the switch is a link to the same passage in the other language.
      expect($('a#lang-switch').attr('href')).toBe(`/p/${view.passage.id}?lang=zh#${view.passage.id}`);
    }
    const zh = await page(`/p/${view.passage.id}?lang=zh`, 200, { 'Accept-Language': 'en' });
    expect(zh('#reader-bar .position').text()).toBe('第 25 段');
    expect(zh('a#lang-switch').attr('href')).toBe(`/p/${view.passage.id}?lang=en#${view.passage.id}`);
  });

  it('keeps a language the address asks for in the reader\'s outline, neighbours and report search, and only then', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    const links = ($: CheerioAPI): string[] => $('#outline a, #reader-bar a.action').toArray().map((a) => $(a).attr('href') ?? '');
    const english = await page(`/p/${view.passage.id}?lang=en`);
    expect(links(english).length).toBeGreaterThan(3);
    for (const href of links(english)) expect(href).toMatch(/^\/p\/[^?#]+\?lang=en#/);
    expect(english('form.doc-search input[type="hidden"][name="lang"]').attr('value')).toBe('en');
    // Followed, a neighbour renders in the language named.
    expect((await page(english('#reader-bar a.action[rel="next"]').attr('href') ?? ''))('html').attr('lang')).toBe('en');
    // The permalink stays the passage's own address, whatever the language.
    expect(english('a.pilcrow').first().attr('href')).not.toContain('lang=');
    // No language in the address: none in the links, which then follow the browser's.
    const plain = await page(`/p/${view.passage.id}`, 200, { 'Accept-Language': 'en' });
    for (const href of links(plain)) expect(href).not.toContain('lang=');
    expect(plain('form.doc-search input[name="lang"]').length).toBe(0);
  });

  it('answers 404 with a page saying so for a passage that does not exist', async () => {
    const $ = await page('/p/no-such-report-p0001', 404);
    expect($('#reader-message').text()).toContain('no-such-report-p0001');
    expect(meta($, 'citation_title')).toBeUndefined();
  });

  it('keeps the CSP strict: no inline script, no style attribute or element on any rendered page', async () => {
    const view = await passageWith('公共文化服务取得新业绩');
    for (const url of [`/p/${view.passage.id}`, `/?q=${encodeURIComponent('乡村振兴')}&year=2021`, '/reports?from=2021']) {
      const res = await request(app).get(url).expect(200);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      const $ = load(res.text);
      expect($('script').toArray().every((s) => $(s).attr('src') !== undefined && $(s).text() === '')).toBe(true);
      expect($('[style], style').length).toBe(0);
      expect($('*').toArray().some((n) => Object.keys((n as { attribs?: Record<string, string> }).attribs ?? {}).some((a) => a.startsWith('on')))).toBe(false);
    }
  });
});

describe('a search rendered on the server (/?q=…)', () => {
  it('names a region\'s report by its region first in English, where its title names it only at its end', async () => {
    const query = '乡村振兴';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`);
    const $ = await page(`/?q=${encodeURIComponent(query)}&lang=en`);
    const titles = $('#results > li.hit a.hit-title').toArray();
    expect(titles.length).toBe(answer.hits.length);
    for (const [i, a] of titles.entries()) {
      const hit = answer.hits[i];
      // The bundled reports are the Xizang (Tibet) Autonomous Region's; their English titles end with it.
      expect($(a).text()).toBe(`Xizang (Tibet) Autonomous Region · ${hit?.docTitleEn}`);
      expect($(a).attr('title')).toBe(hit?.docTitleEn);
    }
    // In Chinese a title begins with its region: nothing is put before it.
    const zh = await page(`/?q=${encodeURIComponent(query)}`);
    expect(zh('#results a.hit-title').first().text()).toBe(answer.hits[0]?.docTitle);
  });

  it('shows the first page of results with every match in <mark>, the total, the pager and og:title', async () => {
    const query = '乡村振兴';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`);
    const $ = await page(`/?q=${encodeURIComponent(query)}`);
    expect($('#q').attr('value')).toBe(query);
    expect($('#status .count').text()).toBe(`第 1–10 条，共 ${answer.total} 条结果`);
    const hits = $('#results > li.hit').toArray();
    expect(hits.map((li) => $(li).find('a.hit-title').attr('href'))).toEqual(answer.hits.map((h) => `/p/${h.id}#${h.id}`));
    for (const li of hits) {
      const marks = $(li).find('.snippet mark').toArray().map((m) => squash($(m).text()));
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => m === query)).toBe(true);
    }
    expect($('#pager a[rel="next"]').attr('href')).toBe(`/?q=${encodeURIComponent(query)}&page=2`);
    expect(meta($, 'og:title')).toBe(`“${query}” · 政府工作报告检索`);
    expect(meta($, 'og:type')).toBe('website');
  });

  it('says why a query has nothing to look for, as the API\'s 400 says it, in the page\'s language', async () => {
    for (const [query, lang] of [['-乡村', 'en'], ['year:2024', 'zh'], ['OR', 'zh']] as const) {
      const error = (await request(app).get(`/api/search?q=${encodeURIComponent(query)}&lang=${lang}`).expect(400)).body.error;
      const $ = await page(`/?q=${encodeURIComponent(query)}&lang=${lang}`);
      expect($('.engine-notice').text()).toBe(error.message);
    }
  });

  it('renders newest first when the address says sort=newest, and keeps the order in its pager and filters', async () => {
    const query = '发展';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}&sort=newest`);
    const $ = await page(`/?q=${encodeURIComponent(query)}&sort=newest`);
    const hrefs = $('#results > li.hit a.hit-title').toArray().map((a) => $(a).attr('href'));
    expect(hrefs).toEqual(answer.hits.map((h) => `/p/${h.id}#${h.id}`));
    const relevance = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`);
    expect(answer.hits.map((h) => h.id)).not.toEqual(relevance.hits.map((h) => h.id));
    expect($('#pager a[rel="next"]').attr('href')).toBe(`/?q=${encodeURIComponent(query)}&sort=newest&page=2`);
    expect($('#filters form input[type="hidden"][name="sort"]').attr('value')).toBe('newest');
  });

  it('offers the results as CSV and as citations, in the order and filters of the address, in its language', async () => {
    const query = encodeURIComponent('乡村振兴');
    const $ = await page(`/?q=${query}&year=2024&sort=oldest&lang=en`);
    const toolbar = $('#results-toolbar');
    expect(toolbar.find('a.results-csv').attr('href')).toBe(`/api/search?q=${query}&format=csv&year=2024&sort=oldest&lang=en`);
    const menu = toolbar.find('details.results-citations');
    expect(menu.find('summary').text()).toBe('Citations');
    const links = menu.find('a.results-citation').toArray().map((a) => [$(a).text(), $(a).attr('href'), $(a).attr('download')]);
    expect(links).toEqual(['ris', 'bibtex', 'csl-json'].map((format, i) => [['RIS', 'BibTeX', 'CSL-JSON'][i], `/api/search?q=${query}&format=${format}&year=2024&sort=oldest&lang=en`, '']));
    // Each link is a file the API gives.
    for (const [, href] of links) expect((await request(app).get(href ?? '').expect(200)).headers['content-disposition']).toMatch(/^attachment; /);
    const zh = await page(`/?q=${query}`, 200, { 'Accept-Language': 'zh-CN' });
    expect(zh('#results-toolbar details.results-citations summary').text()).toBe('导出全部引文');
    expect(zh('#results-toolbar a.results-csv').text()).toBe('下载 CSV');
    // Nothing to download when nothing matched.
    expect((await page(`/?q=${encodeURIComponent('量子引力波')}`))('#results-toolbar').children()).toHaveLength(0);
  });

  it('offers the filters as a GET form and applies them from the address', async () => {
    const query = '发展';
    const $ = await page(`/?q=${encodeURIComponent(query)}&year=2021&page=2`);
    const form = $('#filters form');
    expect($('#filters').attr('hidden')).toBeUndefined();
    expect(form.attr('method')).toBe('get');
    expect(form.find('input[type="hidden"][name="q"]').attr('value')).toBe(query);
    expect(form.find('#filter-year option[selected]').attr('value')).toBe('2021');
    const years = $('#results .badge:not(.kind)').toArray().map((b) => $(b).text());
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set(['2021']));
    const filtered = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}&year=2021&offset=10`);
    expect($('#status .count').text()).toBe(`第 11–${10 + filtered.hits.length} 条，共 ${filtered.total} 条结果`);
    expect($('#pager .current').text()).toBe('2');
  });

  it('shows a filter typed in the query as the one in force, lists every year, and lets the form change or clear it', async () => {
    for (const typed of ['发展 year:2021', '发展 year&#58;2021']) {
      const $ = await page(`/?q=${encodeURIComponent(typed)}`);
      const form = $('#filters form');
      expect(form.find('#filter-year option[selected]').attr('value'), typed).toBe('2021');
      // The lists count the query without its filters, as the script's page does: every year is a choice.
      const all = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('发展')}&limit=1`);
      const years = form.find('#filter-year option').toArray().map((o) => $(o).attr('value')).filter((v) => v);
      expect(new Set(years), typed).toEqual(new Set(Object.keys(all.facets.year)));
      // The form sends the query without its filter and the selects' values: "All" then means all years.
      expect(form.find('input[type="hidden"][name="q"]').attr('value'), typed).toBe('发展');
      const clear = $('#filters a.link-button').attr('href');
      expect(clear, typed).toBe(`/?q=${encodeURIComponent('发展')}`);
    }
  });

  it('shows a range of years typed in the query as an option of its own, and applies one the form sends', async () => {
    const $ = await page(`/?q=${encodeURIComponent('发展 year:2020-2021')}`);
    const selected = $('#filters form #filter-year option[selected]');
    const ranged = await api<SearchResponse>(`/api/search?q=${encodeURIComponent('发展')}&year=2020-2021&limit=1`);
    expect(selected.attr('value')).toBe('2020-2021');
    expect(selected.text()).toBe(`2020–2021 (${ranged.total})`);
    expect($('#filters form input[type="hidden"][name="q"]').attr('value')).toBe('发展');
    // What the form then sends: the range in the address.
    const sent = await page(`/?q=${encodeURIComponent('发展')}&year=2020-2021`);
    expect(sent('#status .count').text()).toContain(`共 ${ranged.total} 条结果`);
    expect(sent('#filters form #filter-year option[selected]').attr('value')).toBe('2020-2021');
  });

  it('keeps a language the address asks for in its pager, filters and drop links, and switches language by a link', async () => {
    const query = '发展';
    const $ = await page(`/?q=${encodeURIComponent(query)}&lang=en`);
    expect($('html').attr('lang')).toBe('en');
    expect($('#pager a[rel="next"]').attr('href')).toBe(`/?q=${encodeURIComponent(query)}&page=2&lang=en`);
    expect($('#filters form input[type="hidden"][name="lang"]').attr('value')).toBe('en');
    expect($('a#lang-switch').attr('href')).toBe(`/?q=${encodeURIComponent(query)}&lang=zh`);
    // Followed, each link renders the language it names.
    expect((await page($('#pager a[rel="next"]').attr('href') ?? ''))('html').attr('lang')).toBe('en');
    expect((await page($('a#lang-switch').attr('href') ?? ''))('html').attr('lang')).toBe('zh-CN');
    // An English concept's drop link keeps it too.
    const english = await page(`/?q=${encodeURIComponent('tourism herders')}&lang=en`);
    const drops = english('a.concept-remove').toArray().map((a) => english(a).attr('href') ?? '');
    expect(drops.length).toBe(2);
    for (const href of drops) expect(new URLSearchParams(href.slice(2)).get('lang')).toBe('en');
    // Its hits open the reader in that language.
    const hits = $('#results a.hit-title').toArray().map((a) => $(a).attr('href') ?? '');
    expect(hits.length).toBeGreaterThan(0);
    for (const href of hits) expect(href).toMatch(/^\/p\/[^?#]+\?lang=en#/);
    expect((await page(hits[0] ?? ''))('html').attr('lang')).toBe('en');
    // No language in the address: none in the links, which then follow the browser's.
    const plain = await page(`/?q=${encodeURIComponent(query)}`);
    expect(plain('#pager a[rel="next"]').attr('href')).toBe(`/?q=${encodeURIComponent(query)}&page=2`);
    for (const a of plain('#results a.hit-title').toArray()) expect(plain(a).attr('href')).not.toContain('lang=');
    expect(plain('a#lang-switch').attr('href')).toBe(`/?q=${encodeURIComponent(query)}&lang=en`);
  });

  it('shows a passage of the same text once, naming where else it stands, and counts it in the page\'s range', async () => {
    const query = '各位代表';
    const answer = await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}&fold=1`);
    const twins = answer.hits.filter((h) => (h.sameText ?? []).length > 0);
    expect(twins.length).toBeGreaterThan(0);
    const $ = await page(`/?q=${encodeURIComponent(query)}&lang=en`);
    expect($('#results li.hit').length).toBe(answer.hits.length);
    const lines = $('#results li.hit p.same-text').toArray();
    expect(lines.length).toBe(twins.length);
    const hrefs = lines.flatMap((p) => $(p).find('a').toArray().map((a) => $(a).attr('href')));
    expect(hrefs).toEqual(twins.flatMap((h) => h.sameText!.map((s) => `/p/${s.id}?lang=en#${s.id}`)));
    expect($(lines[0]).text()).toContain('Same text also in');
    expect($('#status .count').text()).toContain(`1–${answer.hits.length + (answer.folded ?? 0)} of`);
    expect($('#status .count').text()).toContain('of the same text folded in');
  });

  it('says nothing matched, with the query as text, in the language asked for', async () => {
    const $ = await page(`/?q=${encodeURIComponent('"不存在的短语甲乙丙"')}&lang=en`);
    expect($('#status .count').text()).toBe('0 results');
    expect($('#notice .no-results').text()).toContain('No passage matched “"不存在的短语甲乙丙"”.');
  });

  it('shows an over-long query as a coded error in the page, not a crash', async () => {
    const res = await request(app).get(`/?q=${'长'.repeat(501)}`).expect(400);
    expect(load(res.text)('#status .error').text()).toBe('无法完成搜索： 参数太长。');
  });
});

describe('the library of reports (/reports)', () => {
  it('lists every report with its year, region, kind and counts, linking to the reader', async () => {
    const { documents } = await api<{ documents: Array<{ id: string; title: string; year: number }> }>('/api/documents');
    const $ = await page('/reports');
    const rows = $('#reports-table tbody tr').toArray();
    expect(rows.length).toBe(documents.length);
    expect($('#reports-table tbody tr[hidden]').length).toBe(0);
    expect($('#reports-count').text()).toBe(`共 ${documents.length} 份报告`);
    for (const doc of documents) {
      const { passages } = await api<{ passages: Passage[] }>(`/api/documents/${doc.id}`);
      const row = $(rows.find((r) => $(r).find('a').attr('href') === `/p/${passages[0]!.id}#${passages[0]!.id}`));
      expect(row.length).toBe(1);
      const cells = row.find('td').toArray().map((c) => $(c).text());
      expect(cells[0]).toBe(doc.title);
      expect(cells[1]).toBe(String(doc.year));
      expect(cells[2]).toBe('西藏自治区');
      expect(cells[4]).toBe(String(new Set(passages.map((p) => p.paragraph).filter((n) => typeof n === 'number')).size));
      expect(cells[5]).toBe('—');
    }
    const years = rows.map((r) => Number($(r).attr('data-year')));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect($('header a.header-link[href="/reports"]').text()).toBe('报告库');
  });

  it('filters by a year range, one year, region, kind and title words, as a plain GET form', async () => {
    const visible = async (query: string): Promise<string[]> => {
      const $ = await page(`/reports?${query}`);
      return $('#reports-table tbody tr:not([hidden])').toArray().map((r) => `${$(r).attr('data-year')} ${$(r).attr('data-kind')}`);
    };
    expect(await visible('from=2021&to=2023')).toEqual(['2023 plan report', '2021 five-year plan']);
    expect(await visible('year=2024')).toEqual(['2024 government work report']);
    expect(await visible('kind=gazette')).toEqual(['2025 gazette']);
    expect(await visible(`title=${encodeURIComponent('政府工作报告')}`)).toEqual(['2024 government work report', '2020 government work report']);
    expect(await visible('title=FIVE-YEAR')).toEqual(['2021 five-year plan']);
    expect(await visible(`region=${encodeURIComponent('Xizang (Tibet) Autonomous Region')}&from=2024`)).toEqual(['2025 gazette', '2024 government work report']);
    expect(await visible('region=Nowhere')).toEqual([]);
    expect(await visible('from=abc')).toHaveLength(5); // not a year: no filter
    const $ = await page('/reports?from=2024&lang=en');
    expect($('#reports-count').text()).toBe('2 of 5 reports');
    expect($('#reports-from option[selected]').attr('value')).toBe('2024');
    expect($('#reports-filters').attr('method')).toBe('get');
    expect($('script[src="/js/reports.js"]').length).toBe(1);
    expect($('script[src="/app.js"]').length).toBe(0);
    // Its reports open the reader in the language asked for.
    expect($('#reports-table tbody a').length).toBeGreaterThan(0);
    for (const a of $('#reports-table tbody a').toArray()) expect($(a).attr('href')).toMatch(/^\/p\/[^?#]+\?lang=en#/);
    // The language switch is a link to the same filters in Chinese (no script needed).
    expect($('a#lang-switch').attr('href')).toBe('/reports?from=2024&lang=zh');
    expect($('a#lang-switch').text()).toBe('中文');
  });
});
