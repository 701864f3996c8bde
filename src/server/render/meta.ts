/**
 * The meta tags of the rendered pages: Open Graph for link previews, and for a passage the Highwire Press
 * `citation_*` tags (read by Zotero's connector and Google Scholar) and Dublin Core (`DC.*`). Pure: data in,
 * markup out.
 */
import type { DocMeta } from '../../model.js';
import { authorOf, citedRegion, citedWork, publisherInEnglish, publisherOf } from '../../search/citation.js';
import type { PassageView } from '../../search/types.js';
import { h, type Markup } from './markup.js';

/** Longest description, in characters (code points): what previews show of the passage. */
const DESCRIPTION_CHARS = 200;

/**
 * Text with its whitespace collapsed, cut at `max` characters (code points) with `…`.
 * @example trimmed('a  b\nc', 3) // 'a b…'
 */
export function trimmed(text: string, max = DESCRIPTION_CHARS): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('');
}

/** The body that issues the report (its region's people's government; named in English for a report in English), else the issuer as given. */
function issuingBody(doc: DocMeta): string | null {
  return (languageOf(doc) === 'zh' ? publisherOf(doc) : publisherInEnglish(doc)) ?? doc.issuer;
}

/** The report's date as given (`2024-01-07`, `2023-01`), else its year. */
function dateOf(doc: DocMeta): string | null {
  return doc.date ?? (doc.year === null ? null : String(doc.year));
}

/** The language of the report's text as a tag (`zh` for a Chinese or parallel report). */
function languageOf(doc: DocMeta): string {
  return doc.language.startsWith('zh') ? 'zh' : doc.language;
}

const named = (name: string, content: string | number | null | undefined): Markup | null =>
  content === null || content === undefined || content === '' ? null : h('meta', { name, content });
const property = (name: string, content: string | number | null | undefined): Markup | null =>
  content === null || content === undefined || content === '' ? null : h('meta', { property: name, content });

/** What every page's Open Graph tags say. */
export interface OpenGraph {
  title: string;
  description: string;
  /** The page's absolute address. */
  url: string;
  type: 'article' | 'website';
  siteName: string;
  lang: 'zh' | 'en';
}

/**
 * Open Graph tags and the plain description.
 * @example openGraph({ title: 'T', description: 'D', url: 'https://x.org/', type: 'website', siteName: 'S', lang: 'en' })
 */
export function openGraph(og: OpenGraph): Markup[] {
  return [
    named('description', og.description),
    property('og:title', og.title),
    property('og:description', og.description),
    property('og:url', og.url),
    property('og:type', og.type),
    property('og:site_name', og.siteName),
    property('og:locale', og.lang === 'zh' ? 'zh_CN' : 'en_US'),
  ].filter((m): m is Markup => m !== null);
}

/**
 * Highwire Press and Dublin Core tags of a passage's report (its author as every citation names it, `authorOf`, in
 * English for a report in English),
 * the locator (pages) of the passage, and its address `url`.
 * @example citationMeta(view, 'https://x.org/p/xizang-2024-government-work-report-p0011')
 */
export function citationMeta(view: PassageView, url: string): Markup[] {
  const { doc, passage } = view;
  const body = issuingBody(doc);
  const lang = languageOf(doc);
  // A report in English is named in English, as its record for a reference manager names it (`export-citation.ts`).
  const names = authorOf(doc, citedRegion(doc));
  const author = lang === 'zh' ? names.zh : names.en;
  const date = dateOf(doc);
  const highwireDate = date?.replace(/-/g, '/') ?? null;
  // A report printed in a gazette issue or a newspaper is cited as the article it is there (as on the page).
  const work = view.work ?? citedWork(doc);
  const article = work.kind === 'report' ? null : work;
  const tags = [
    named('citation_title', work.title),
    named('citation_journal_title', article?.container ?? null),
    named('citation_issue', work.kind === 'gazette' ? work.issue : null),
    named('citation_author', author),
    named('citation_publication_date', highwireDate),
    named('citation_date', highwireDate),
    named('citation_publisher', body),
    named('citation_technical_report_institution', article ? null : body),
    named('citation_firstpage', passage.page),
    named('citation_lastpage', passage.page === undefined ? null : (passage.pageEnd ?? passage.page)),
    named('citation_language', lang),
    named('citation_public_url', url),
    named('citation_abstract_html_url', url),
    h('link', { rel: 'schema.DC', href: 'http://purl.org/dc/elements/1.1/' }),
    named('DC.title', work.title),
    named('DC.creator', author),
    named('DC.date', date),
    named('DC.language', lang),
    named('DC.identifier', url),
    named('DC.type', 'Text'),
    named('DC.publisher', body),
  ];
  return tags.filter((m): m is Markup => m !== null);
}
