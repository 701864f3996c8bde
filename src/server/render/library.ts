/**
 * The library of reports (`/reports`): one row per report with its year, region, kind and its paragraph and
 * page counts, linking to the reader; filters by year (one, or a range), region, kind and words of the title,
 * as a plain GET form. Counting and filtering are pure functions over the rows.
 */
import type { DocMeta, Passage } from '../../model.js';
import { regionGroups, type RegionGroup } from '../../search/region-groups.js';
import { regionIs } from '../../search/report-scope.js';
import { regionsInOrder } from '../../../public/js/query-filters.js';
import type { Translate, UiLang } from './catalogue.js';
import { h, join, textLang, type Markup } from './markup.js';
import { docTitle, passageHref } from './reader-page.js';

/** One report of the library. */
export interface ReportRow {
  doc: DocMeta;
  /** The reader's first passage, or null for a report without passages. */
  firstId: string | null;
  /** Paragraphs as a reader counts them. */
  paragraphs: number;
  /** Pages of a paged source, else null. */
  pages: number | null;
}

/** The library's filters, as the form sends them; empty strings mean "any". */
export interface LibraryFilters {
  year: string;
  from: string;
  to: string;
  region: string;
  kind: string;
  title: string;
}

/**
 * A report's row: its paragraphs (distinct paragraph numbers) and pages (distinct pages any passage covers).
 * @example reportRow(doc, passages).paragraphs // 63
 */
export function reportRow(doc: DocMeta, passages: readonly Passage[]): ReportRow {
  const paragraphs = new Set<number>();
  const pages = new Set<number>();
  for (const p of passages) {
    if (typeof p.paragraph === 'number') paragraphs.add(p.paragraph);
    if (p.page !== undefined) for (let n = p.page; n <= (p.pageEnd ?? p.page); n++) pages.add(n);
  }
  return { doc, firstId: passages[0]?.id ?? null, paragraphs: paragraphs.size, pages: pages.size > 0 ? pages.size : null };
}

/**
 * The filters of a query string's values (the first value of each name; unknown names ignored).
 * @example libraryFilters(new Map([['year', ['2024']]])).year // '2024'
 */
export function libraryFilters(params: ReadonlyMap<string, readonly string[]>): LibraryFilters {
  const get = (name: keyof LibraryFilters): string => (params.get(name)?.[0] ?? '').trim().slice(0, 200);
  return { year: get('year'), from: get('from'), to: get('to'), region: get('region'), kind: get('kind'), title: get('title') };
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');

/** A year filter's number, or null when it is empty or not a number (then it filters nothing). */
function yearOf(value: string): number | null {
  return /^\d{1,4}$/.test(value) ? Number(value) : null;
}

/** Newest first, then by title: the library's order. */
function newestFirst(rows: readonly ReportRow[]): ReportRow[] {
  return [...rows].sort((a, b) => (b.doc.year ?? 0) - (a.doc.year ?? 0) || a.doc.title.localeCompare(b.doc.title));
}

/**
 * Whether a row passes every filter. A year filter that is not a number is ignored; a region is named as a
 * query's `region:` names it (the list's `广东省`, or `Guangdong`, `Xizang (Tibet) Autonomous Region`); the title
 * filter matches the Chinese or the English title, ignoring case and width.
 * @example newestFirst(rows).filter(passesFilters(libraryFilters(new Map([['from', ['2021']], ['to', ['2023']]])))).map((r) => r.doc.year) // [2023, 2021]
 */
function passesFilters(filters: LibraryFilters): (row: ReportRow) => boolean {
  const year = yearOf(filters.year);
  const from = yearOf(filters.from);
  const to = yearOf(filters.to);
  const title = fold(filters.title.trim());
  return ({ doc }) => {
    if (year !== null && doc.year !== year) return false;
    if (from !== null && (doc.year === null || doc.year < from)) return false;
    if (to !== null && (doc.year === null || doc.year > to)) return false;
    if (filters.region && !regionIs(doc.region, filters.region)) return false;
    if (filters.kind && doc.type !== filters.kind) return false;
    return !title || fold(doc.title).includes(title) || fold(doc.titleEn).includes(title);
  };
}

/** A report kind in the interface language (the kind as given when the table has no name for it). */
function kindName(type: string, lang: UiLang, tr: Translate): string {
  const key = `docType_${type}`;
  const name = tr(lang, key);
  return name === key ? type : name;
}

/** A region's name in the interface language. */
function regionLabel(group: RegionGroup | undefined, lang: UiLang): string {
  if (group === undefined) return '';
  return lang === 'zh' ? group.zh : group.en;
}

/**
 * The region list's entry a filter selects: the one it names, or else the one region holding every report it
 * finds (`region=Xizang (Tibet) Autonomous Region` from an older address selects 西藏自治区).
 */
function selectedRegion(groups: readonly RegionGroup[], rows: readonly ReportRow[], filter: string): string {
  if (filter === '' || groups.some((g) => g.value === filter)) return filter;
  const found = new Set(rows.filter((r) => regionIs(r.doc.region, filter)).map((r) => r.doc.id));
  const holding = groups.filter((g) => g.docs.some((id) => found.has(id)));
  return holding.length === 1 && holding[0]?.docs.length === found.size ? holding[0].value : filter;
}

const distinct = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v !== ''))].sort();

function formMarkup(rows: readonly ReportRow[], groups: readonly RegionGroup[], filters: LibraryFilters, lang: UiLang, tr: Translate): Markup {
  const years = [...new Set(rows.map((r) => r.doc.year).filter((y): y is number => y !== null))].sort((a, b) => b - a).map(String);
  const field = (name: keyof LibraryFilters, label: string, control: Markup): Markup =>
    h('span', { class: 'filter' }, h('label', { for: `reports-${name}` }, label), control);
  const select = (name: keyof LibraryFilters, label: string, options: Array<[string, string]>, chosen = filters[name]): Markup =>
    field(name, label, h('select', { id: `reports-${name}`, name }, h('option', { value: '' }, tr(lang, 'all')), options.map(([value, text]) => h('option', { value, selected: chosen === value }, text))));
  const yearOptions = years.map((y): [string, string] => [y, y]);
  return h(
    'form',
    { id: 'reports-filters', class: 'filters reports-filters', action: '/reports', method: 'get', role: 'search', 'aria-label': tr(lang, 'filtersLabel') },
    field('title', tr(lang, 'reportsTitleFilter'), h('input', { id: 'reports-title', name: 'title', type: 'search', value: filters.title, maxlength: 200 })),
    select('from', tr(lang, 'reportsYearFrom'), yearOptions),
    select('to', tr(lang, 'reportsYearTo'), yearOptions),
    select('region', tr(lang, 'reportsRegion'), regionsInOrder(groups, lang).map((g) => [g.value, regionLabel(g, lang)]), selectedRegion(groups, rows, filters.region)),
    select('kind', tr(lang, 'reportsKind'), distinct(rows.map((r) => r.doc.type)).map((k) => [k, kindName(k, lang, tr)])),
    filters.year ? h('input', { type: 'hidden', name: 'year', value: filters.year }) : null,
    h('input', { type: 'hidden', name: 'lang', value: lang }),
    h('button', { type: 'submit', class: 'action' }, tr(lang, 'applyFilters')),
    h('a', { class: 'link-button', href: `/reports?lang=${lang}` }, tr(lang, 'clearFilters')),
  );
}

function rowMarkup(row: ReportRow, group: RegionGroup | undefined, shown: boolean, lang: UiLang, tr: Translate, asked?: UiLang): Markup {
  const { doc } = row;
  const title = docTitle(doc, lang);
  const titleLang = textLang(title);
  return h(
    'tr',
    { hidden: !shown, 'data-year': doc.year ?? '', 'data-region': group?.value ?? '', 'data-kind': doc.type, 'data-title': fold(`${doc.title} ${doc.titleEn}`) },
    h('td', { class: 'report-title' }, row.firstId ? h('a', { href: passageHref(row.firstId, asked), lang: titleLang }, title) : h('span', { lang: titleLang }, title)),
    h('td', { class: 'num' }, doc.year ?? '—'),
    h('td', {}, regionLabel(group, lang)),
    h('td', {}, kindName(doc.type, lang, tr)),
    h('td', { class: 'num' }, row.paragraphs),
    h('td', { class: 'num' }, row.pages ?? '—'),
  );
}

/**
 * The library's main content: heading, filter form, count, and the table of every report, newest first, with
 * those that do not pass the filters hidden (the page's script filters the same rows in place as one types); its
 * links to the reader keep the language the address named (`asked`).
 * @example libraryMarkup(rows, libraryFilters(new Map()), 'zh', tr).html
 */
export function libraryMarkup(rows: readonly ReportRow[], filters: LibraryFilters, lang: UiLang, tr: Translate, asked?: UiLang): Markup {
  const ordered = newestFirst(rows);
  // Each region once, however its reports name it (`海拉尔区`, `呼伦贝尔市海拉尔区`): the list, each row's cell.
  const groups = regionGroups(rows.map((r) => r.doc));
  // A report's own region: of the entries holding it, the one of fewest reports (a province's holds its districts').
  const groupOf = new Map([...groups].sort((a, b) => b.docs.length - a.docs.length).flatMap((g) => g.docs.map((id) => [id, g] as const)));
  const shown = new Set(ordered.filter(passesFilters(filters)));
  const count = shown.size === rows.length ? tr(lang, 'reportsCount', { n: rows.length }) : tr(lang, 'reportsShown', { shown: shown.size, n: rows.length });
  const head = ['reportsReport', 'reportsYear', 'reportsRegion', 'reportsKind', 'reportsParagraphs', 'reportsPages'];
  return h(
    'section',
    { id: 'reports-view', class: 'reports-view', 'aria-labelledby': 'reports-heading' },
    h('h1', { id: 'reports-heading' }, tr(lang, 'reportsTitle')),
    formMarkup(rows, groups, filters, lang, tr),
    h('p', { id: 'reports-count', class: 'status', role: 'status', 'aria-live': 'polite', 'data-total': rows.length }, count),
    h(
      'table',
      { id: 'reports-table', class: 'reports-table' },
      h('thead', {}, h('tr', {}, head.map((key) => h('th', { scope: 'col' }, tr(lang, key))))),
      h('tbody', {}, ordered.map((row) => rowMarkup(row, groupOf.get(row.doc.id), shown.has(row), lang, tr, asked))),
    ),
    h('p', { id: 'reports-none', class: 'no-results', hidden: shown.size > 0 }, tr(lang, 'reportsNone')),
  );
}

