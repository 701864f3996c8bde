/**
 * A passage's citation for reference managers (`/api/passages/:id/citation?format=ris|bibtex|csl-json`): the
 * passage's report as one CSL-JSON item (the shape Zotero and citeproc read), formatted by citation-js.
 *
 * citation-js's BibTeX writer turns text into ASCII LaTeX by default, which drops every Chinese character
 * (`title = {}`), and refuses a key with `-` (it then makes one up from author and year). So its `asciiOnly`
 * option is turned off, once, for this process (TeX engines with Unicode read the UTF-8 as it is), the
 * characters LaTeX treats as commands are escaped here instead, and the key is the passage id with `_`.
 */
// Named here too, for the page's type check, which reaches this module through the routes (api.ts).
/// <reference path="./citation-js.d.ts" />
import { checksumOf } from '../ingest/checksum.js';
import type { PassageView } from '../search/types.js';
import type { DocMeta } from '../model.js';
import type { RegionName } from '../search/region-names.js';
import { authorOf, citedRegion, citedWork, pagesOf, placeOf, publisherInEnglish, publisherOf, type CitedWork } from '../search/citation.js';
import { writtenInTraditional } from '../ingest/report-script.js';
import { reportGenre } from './report-genre.js';

type CiteClass = (typeof import('@citation-js/core'))['Cite'];
let citeLoading: Promise<CiteClass> | undefined;

/**
 * citation-js with its RIS, BibTeX and CSL plugins, loaded on the first citation asked for rather than at every
 * start (about 0.2 s of module loading), with BibTeX's `asciiOnly` turned off once.
 */
function citationJs(): Promise<CiteClass> {
  citeLoading ??= (async () => {
    const { Cite, plugins } = await import('@citation-js/core');
    await Promise.all([import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-csl'), import('@citation-js/plugin-ris')]);
    plugins.config.get('@bibtex').format.asciiOnly = false;
    return Cite;
  })();
  return citeLoading;
}

/** The formats a citation is exported in, with their media types and file extensions. */
export const CITATION_FORMATS = {
  ris: { type: 'application/x-research-info-systems', extension: 'ris' },
  bibtex: { type: 'application/x-bibtex', extension: 'bib' },
  'csl-json': { type: 'application/vnd.citationstyles.csl+json', extension: 'json' },
} as const;
export type CitationFormat = keyof typeof CITATION_FORMATS;

/** The names `format` takes for a citation: the formats, and `csl` for CSL-JSON. */
export const CITATION_FORMAT_NAMES = [...(Object.keys(CITATION_FORMATS) as CitationFormat[]), 'csl'] as const;
type CitationFormatName = (typeof CITATION_FORMAT_NAMES)[number];

/**
 * The format a name of `format` stands for.
 * @example citationFormatOf('csl') // 'csl-json'
 */
export function citationFormatOf(name: CitationFormatName): CitationFormat {
  return name === 'csl' ? 'csl-json' : name;
}

/** One CSL-JSON item (the variables used here). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'report' | 'article-journal' | 'article-newspaper';
  title: string;
  'container-title'?: string;
  issue?: string;
  section?: string;
  author: Array<{ literal: string }>;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  genre?: string;
  publisher?: string;
  'publisher-place'?: string;
  page?: string;
  locator?: string;
  label?: 'paragraph' | 'note';
  note?: string;
  URL: string;
  language: string;
}

/** A date's parts from an ISO date, whole or partial (`2024-01-07`, `2023-01`), else from the year. */
function dateParts(date: string | null, year: number | null): number[] | null {
  const parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  if (parts) return parts.slice(1).filter((p) => p !== undefined).map(Number);
  return year === null ? null : [year];
}

/**
 * What CSL says of the work cited: a report (with its kind as `genre`), or the article a gazette issue prints
 * (`article-journal`: the gazette and its issue) or a newspaper prints (`article-newspaper`: the paper and its
 * edition), as the page's citation names it (`[R]`, `[J]`, `[N]`).
 */
function cslWork(work: CitedWork, genre: string | undefined): Pick<CslItem, 'type' | 'title' | 'container-title' | 'issue' | 'section' | 'genre'> {
  if (work.kind === 'gazette') return { type: 'article-journal', title: work.title, 'container-title': work.container, ...(work.issue ? { issue: work.issue } : {}) };
  if (work.kind === 'newspaper') return { type: 'article-newspaper', title: work.title, 'container-title': work.container, ...(work.edition ? { section: `第${work.edition}版` } : {}) };
  return { type: 'report', title: work.title, ...(genre ? { genre } : {}) };
}

/**
 * The publisher and its seat, in Chinese or (`chinese` false) in English, as the citations in that language name
 * them; the catalogue's region when the region tables do not know it.
 */
function publishedBy(doc: DocMeta, region: RegionName | null, chinese: boolean): Pick<CslItem, 'publisher' | 'publisher-place'> {
  if (!region) return doc.region ? { publisher: doc.region } : {};
  const publisher = (chinese ? publisherOf(doc, region) : publisherInEnglish(doc, region)) ?? undefined;
  const place = chinese ? region.seat : region.seatEn;
  return { ...(publisher ? { publisher } : {}), ...(place ? { 'publisher-place': place } : {}) };
}

/**
 * The CSL-JSON item of a passage: its report's title (or the article's, with the gazette or newspaper), its author as every citation names it (`authorOf`),
 * date, publisher and its seat, the passage's pages, its paragraph or, for a note, its mark (as the page's
 * citation locates it: `placeOf`), and its permalink `url`; the report's kind (`report-genre.ts`) and the note's
 * locator in the record's language (Chinese for a Chinese or parallel report, else the report's).
 * @example cslItem(view, 'https://example.org/p/x-p0042', new Date()).locator // '42'
 */
export function cslItem(view: PassageView, url: string, accessed: Date): CslItem {
  const { doc, passage } = view;
  const region = citedRegion(doc);
  const work = view.work ?? citedWork(doc);
  // A newspaper article is dated by its issue of the paper, as the page's [N] citation dates it.
  const issued = work.kind === 'newspaper' && work.date ? dateParts(work.date, null) : dateParts(doc.date, doc.year);
  const language = doc.language.startsWith('zh') ? (writtenInTraditional(doc.title) ? 'zh-Hant' : 'zh-CN') : doc.language;
  // The record's free text in its language: the locator in the note (第42段 / para. 42), the report's kind.
  const place = placeOf(passage);
  const chinese = language.startsWith('zh');
  // Names too: a record in English names its author, publisher and place as its English citation does.
  const names = authorOf(doc, region);
  const author = chinese ? names.zh : names.en;
  const note = [chinese ? place.zh : place.en, passage.sectionPath.join(' › ')].filter(Boolean).join(chinese ? '；' : '; ');
  const page = pagesOf(passage);
  return {
    id: passage.id,
    'citation-key': passage.id.replace(/[^A-Za-z0-9]/g, '_'),
    ...cslWork(work, reportGenre(doc.type, language, work.title)),
    author: [{ literal: author }],
    ...(issued ? { issued: { 'date-parts': [issued] } } : {}),
    accessed: { 'date-parts': [[accessed.getUTCFullYear(), accessed.getUTCMonth() + 1, accessed.getUTCDate()]] },
    ...publishedBy(doc, region, chinese),
    ...(page ? { page } : {}),
    ...(place.label === null || place.number === '' ? {} : { locator: place.number, label: place.label }),
    ...(note ? { note } : {}),
    URL: url,
    language,
  };
}

/**
 * The item of a passage as every export cites it: permalink under the site's public address (BASE_URL), else
 * under the `origin` the request reached.
 * @example passageItem(view, 'http://localhost:3000', new Date()).URL // 'http://localhost:3000/p/xizang-2024-p0042'
 */
export function passageItem(view: PassageView, origin: string, accessed: Date): CslItem {
  return cslItem(view, view.publicUrl ?? `${origin}${view.url}`, accessed);
}

/**
 * The items of a list with a BibTeX key each of its own: a key met again (two ids that differ only in `-`,
 * `_` or `.`) takes `_2`, `_3`, … after it, the first keeps its own.
 * @example withUniqueKeys([{ 'citation-key': 'a_b' }, { 'citation-key': 'a_b' }]).map((i) => i['citation-key']) // ['a_b', 'a_b_2']
 */
export function withUniqueKeys<T extends Pick<CslItem, 'citation-key'>>(items: readonly T[]): T[] {
  const taken = new Set(items.map((item) => item['citation-key']));
  const seen = new Set<string>();
  return items.map((item) => {
    const key = item['citation-key'];
    if (!seen.has(key)) {
      seen.add(key);
      return item;
    }
    let n = 2;
    while (taken.has(`${key}_${n}`)) n++;
    taken.add(`${key}_${n}`);
    return { ...item, 'citation-key': `${key}_${n}` };
  });
}

/** The most characters RIS allows in a record's `ID` (citation-js cuts it there). */
const RIS_ID_LENGTH = 20;

/**
 * A passage's id as RIS can hold it (20 characters): the id itself when short enough, else a short hash of its
 * report's part and its passage part (`p0021`), so that two passages of one report never share an ID (cut to
 * 20 characters, every passage of `national-2025-government-work-report-zh` was `national-2025-govern`).
 * @example risId('national-2025-government-work-report-zh-p0021') // '4ge0ca2wpg3567-p0021'
 */
export function risId(id: string): string {
  if (id.length <= RIS_ID_LENGTH) return id;
  const cut = id.lastIndexOf('-');
  const tail = cut > 0 && id.length - cut <= RIS_ID_LENGTH / 2 ? id.slice(cut + 1) : '';
  const hex = checksumOf(tail === '' ? id : id.slice(0, cut)).slice('sha256:'.length, 'sha256:'.length + 24);
  const hash = BigInt(`0x${hex}`).toString(36);
  return tail === '' ? hash.slice(0, RIS_ID_LENGTH) : `${hash.slice(0, RIS_ID_LENGTH - tail.length - 1)}-${tail}`;
}

/** One RIS record as citation-js maps it: each tag's value or values. */
type RisEntry = Record<string, string | number | Array<string | number>>;

/**
 * RIS records written one line a value, `TY` first and `ER` last. citation-js's own RIS text cuts every value
 * after 70 characters onto a new line, which breaks a long permalink, title or note in every reference manager
 * (RIS has no continuation lines); line breaks within a value become spaces.
 * @example risText([{ TY: 'RPRT', TI: '政府工作报告' }]) // 'TY  - RPRT\nTI  - 政府工作报告\nER  - '
 */
export function risText(entries: readonly RisEntry[]): string {
  const oneLine = (value: string | number): string => String(value).replace(/[\r\n\u2028\u2029]+/g, ' ');
  return entries
    .map((entry) => {
      const lines = [`TY  - ${oneLine((entry.TY as string | undefined) ?? 'GEN')}`];
      for (const [tag, value] of Object.entries(entry)) {
        if (tag === 'TY' || tag === 'ER') continue;
        for (const one of Array.isArray(value) ? value : [value]) lines.push(`${tag}  - ${oneLine(one)}`);
      }
      lines.push('ER  - ');
      return lines.join('\n');
    })
    .join('\n');
}

/** LaTeX's special characters escaped, for BibTeX's text fields. */
function latexSafe(text: string): string {
  return text.replace(/\\/g, '\\textbackslash{}').replace(/[&%$#_{}]/g, (c) => `\\${c}`).replace(/[~^]/g, (c) => `\\${c}{}`);
}

/**
 * The item written in a format: the file of one passage's citation.
 * @example (await formatCitation(item, 'ris')).startsWith('TY  - RPRT') // true
 */
export function formatCitation(item: CslItem, format: CitationFormat): Promise<string> {
  return formatCitations([item], format);
}

/** Items formatted between two yields to the event loop: a list of 1,000 BibTeX records takes about 2 s. */
const RECORDS_PER_TURN = 50;

/**
 * The items written in a format, one record each, in order: each record is the one `formatCitation` gives of its
 * item (CSL-JSON: one array of the items; RIS: records one after another; BibTeX: entries after each other).
 * @example (await formatCitations([a, b], 'csl-json')) // '[\n  { "id": "…", … },\n  { … }\n]\n'
 */
export async function formatCitations(items: readonly CslItem[], format: CitationFormat): Promise<string> {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  const records: string[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % RECORDS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    records.push(await formatRecord(item, format));
  }
  // A RIS record ends with its `ER  - ` line, a BibTeX entry with a blank line.
  return records.join(format === 'ris' ? '\n' : '');
}

/** One item as a RIS record or a BibTeX entry. */
async function formatRecord(item: CslItem, format: 'ris' | 'bibtex'): Promise<string> {
  if (format === 'ris') {
    // `format: 'object'` gives the records rather than text (the typing says text).
    const records = new (await citationJs())({ ...item, id: risId(item.id) }).format('ris', { format: 'object' });
    return risText(records as unknown as RisEntry[]);
  }
  const text = (value: string | undefined): string | undefined => (value === undefined ? undefined : latexSafe(value));
  const safe = {
    ...item,
    title: latexSafe(item.title),
    'container-title': text(item['container-title']),
    section: text(item.section),
    author: item.author.map((a) => ({ literal: latexSafe(a.literal) })),
    genre: text(item.genre),
    publisher: text(item.publisher),
    'publisher-place': text(item['publisher-place']),
    note: text(item.note),
  };
  return new (await citationJs())(safe).format('bibtex');
}
