/**
 * Ready-made citations of a passage, in Chinese (GB/T 7714-2015: a report `[R]`, an article of a gazette
 * issue `[J]`, a newspaper article `[N]`; online `/OL` with the access date and the permalink when the site
 * has a public address) and in English, with a locator down to the page and the paragraph a reader counts.
 * Both name one author: the region's people's government that issues the report (the speaker delivers it
 * on its behalf, and a Chinese name is not romanized: pinyin would misspell Tibetan names); a speaker written
 * in Latin letters when the region is unknown. Deterministic given `accessed`.
 */
import type { DocMeta, Passage } from '../model.js';
import { formatGbt, type GbtEntry } from './gbt7714.js';
import { inScriptOf, writtenInTraditional } from '../ingest/report-script.js';
import { ordinalInFigures } from '../ingest/plan-ordinal.js';
import { regionName, type RegionName } from './region-names.js';
import { parseNumeral } from '../chinese-numerals.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { remembered } from '../text/remembered.js';
import { noteMark } from '../ingest/note-mark.js';
import { isNationalBureau, isStatisticsBureau } from '../ingest/statistics-bureau.js';
import { locatorLabels, sectionLabel } from './section-label.js';
import type { Citation } from './types.js';

export interface CitationOptions {
  /** Site root, e.g. `https://reports.example.org`; when set, the citation is online (`/OL`) with a permalink. */
  baseUrl?: string;
  /** Date of access for online citations (formatted in UTC); default: now. */
  accessed?: Date;
  /** The title's dateline subtitle, e.g. from `findDateline()` on the report's opening text. */
  subtitle?: string;
  /** For a gazette issue or a newspaper: the title of the article the passage is in (`政府工作报告`). */
  article?: string;
}

/** Where a report was published: on its own, in a gazette issue, or in a newspaper. */
type Source =
  | { kind: 'report' }
  | { kind: 'gazette'; name: string; year: number | null; issue: string | null }
  | { kind: 'newspaper'; name: string; date: string | null; edition: string | null; article: string | null };

const ROLE = /(?:主席|省长|市长|区长|县长|州长|盟长|旗长|总理|书记|主任)$/;
const CJK = /\p{Script=Han}/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GAZETTE_ISSUE = /^(.+?)\s*(\d{4})\s*年\s*第\s*(\d+)\s*期/u;
const NEWSPAPER = /^(.+?报)\s*(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)?\s*(?:第\s*(\d+)\s*版)?\s*[:：]?\s*(.*)$/u;
const pad = (n: string): string => n.padStart(2, '0');

/** The responsible person without a role before it; spaces between CJK name parts removed. */
function personOf(issuer: string | null): string | null {
  if (issuer === null) return null;
  const parts = issuer.replace(/[()（）]/g, ' ').split(/[\s\u3000]+/).filter((p) => p.length > 0);
  while (parts.length > 1 && ROLE.test(parts[0])) parts.shift();
  if (parts.length === 0) return null;
  return parts.every((p) => CJK.test(p)) ? parts.join('') : parts.join(' ');
}

/** A session of a people's congress, as a resolution's issuer names it: `第十四届全国人民代表大会第三次会议`. */
const CONGRESS_SESSION = /第([零〇一二两三四五六七八九十百\d]+)届(全国)?人民代表大会第([零〇一二三四五六七八九十\d]+)次会议$/u;
const ORDINAL_WORDS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];

/** The congress that adopted a resolution (its issuer) as author and publisher, in both languages; else null. */
function congressOf(doc: DocMeta, region: RegionName | null): { zh: string; en: string; publisher: string; publisherEn: string } | null {
  const issuer = doc.issuer?.trim() ?? '';
  const folded = foldToSimplified(issuer);
  if (!doc.type.toLowerCase().includes('resolution') || !folded.includes('人民代表大会')) return null;
  const national = folded.includes('全国人民代表大会') || region?.government === '中华人民共和国国务院';
  const congressEn = national ? "National People's Congress" : (region?.governmentEn.replace("People's Government", "People's Congress") ?? "People's Congress");
  const publisher = national ? inScriptOf('全国人民代表大会', doc.title) : region ? `${region.zh}${inScriptOf('人民代表大会', doc.title)}` : issuer;
  const session = CONGRESS_SESSION.exec(folded);
  const term = session ? parseNumeral(session[1]) : null;
  const meeting = session ? parseNumeral(session[3]) : null;
  const en = term !== null && meeting !== null && ORDINAL_WORDS[meeting - 1] ? `${ORDINAL_WORDS[meeting - 1]} Session of the ${ordinalInFigures(term)} ${congressEn}` : congressEn;
  return { zh: issuer, en, publisher, publisherEn: congressEn };
}

/**
 * The statistics bureaus a statistical communiqué is from, as its issuer names them (`北京市统计局、国家统计局北京调查总队`),
 * and in English (`National Bureau of Statistics of China`, else the bureau of its region); null for another report.
 */
function bureauOf(doc: DocMeta): { zh: string; en: string } | null {
  const issuer = doc.issuer?.trim() ?? '';
  if (doc.type !== 'statistical communiqué' || !issuer.split('、').every(isStatisticsBureau)) return null;
  const national = isNationalBureau(issuer);
  const place = english(doc.region);
  return { zh: issuer, en: national ? 'National Bureau of Statistics of China' : place && doc.region !== 'unknown' ? `Statistics Bureau of ${place}` : 'Anonymous' };
}

/**
 * The one author of every citation of a report (both on the page, the exports, the meta tags): the congress
 * session that adopted a resolution; the statistics bureaus a communiqué is from; else its region's people's
 * government, else its issuer when written in Latin letters, else 佚名 / Anonymous.
 * @example authorOf(doc2024, regionName(doc2024.region)).zh // '西藏自治区人民政府'
 */
export function authorOf(doc: DocMeta, region: RegionName | null): { zh: string; en: string } {
  const congress = congressOf(doc, region);
  if (congress) return { zh: congress.zh, en: congress.en };
  const bureau = bureauOf(doc);
  if (bureau) return bureau;
  if (region) return { zh: region.government, en: region.governmentEn };
  const person = personOf(doc.issuer);
  if (person && !CJK.test(person)) return { zh: person, en: person };
  return { zh: '佚名', en: 'Anonymous' };
}

/**
 * Where the report was published, from its type and title: a gazette issue (`西藏自治区人民政府公报
 * 2025年第1期`), a newspaper (`西藏日报 2023年1月31日第3版: 关于…的报告`, type `newspaper`), else a report.
 */
function sourceOf(doc: DocMeta): Source {
  const type = doc.type.toLowerCase();
  const issue = GAZETTE_ISSUE.exec(doc.title);
  if (type.includes('gazette') || (issue && doc.title.includes('公报'))) {
    return issue ? { kind: 'gazette', name: issue[1], year: Number(issue[2]), issue: issue[3] } : { kind: 'gazette', name: doc.title, year: doc.year, issue: null };
  }
  const paper = NEWSPAPER.exec(doc.title);
  if (type.includes('newspaper') && paper) {
    const date = paper[2] ? `${paper[2]}-${pad(paper[3])}-${pad(paper[4])}` : ISO_DATE.test(doc.date ?? '') ? doc.date : null;
    return { kind: 'newspaper', name: paper[1], date, edition: paper[5] ?? null, article: paper[6] || null };
  }
  return { kind: 'report' };
}

/**
 * The work a report's citations cite: the report itself, the article a gazette issue prints it as (`[J]`), or a
 * newspaper's article (`[N]`); with its title (the article's, from the report's opening, when it has one) and
 * where it was printed. What the page's citation and the exports for reference managers both name.
 * @example citedWork(gazette2025, { article: '政府工作报告' }) // { kind: 'gazette', title: '政府工作报告', container: '西藏自治区人民政府公报', year: 2025, issue: '1' }
 */
export type CitedWork =
  | { kind: 'report'; title: string }
  | { kind: 'gazette'; title: string; container: string; year: number | null; issue: string | null }
  | { kind: 'newspaper'; title: string; container: string; date: string | null; edition: string | null };

export function citedWork(doc: DocMeta, options: Pick<CitationOptions, 'article'> = {}): CitedWork {
  const source = partsOf(doc).source;
  if (source.kind === 'gazette') return { kind: 'gazette', title: options.article ?? doc.title, container: source.name, year: source.year, issue: source.issue };
  if (source.kind === 'newspaper') {
    return { kind: 'newspaper', title: options.article ?? source.article ?? doc.title, container: source.name, date: source.date, edition: source.edition };
  }
  return { kind: 'report', title: doc.title };
}

/** The year of publication: that of the date delivered, else the report's year. */
function yearOf(doc: DocMeta): number | null {
  const date = doc.date ? ISO_DATE.exec(doc.date) : null;
  return date ? Number(date[1]) : doc.year;
}

function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/**
 * The passage's permalink under `baseUrl`.
 * @example permalink('https://r.example.org/', passage) // 'https://r.example.org/p/xizang-2024-government-work-report-p0011'
 */
export function permalink(baseUrl: string, passage: Pick<Passage, 'id'>): string {
  return `${baseUrl.replace(/\/+$/, '')}/p/${encodeURIComponent(passage.id)}`;
}

/** Labels of headings seen so far: passages of one section share its headings, and a label never changes. */
const labelOf = remembered(sectionLabel, 100_000);

/** What a citation takes from its document, worked out once per document (every hit of a report shares it). */
interface DocParts {
  region: RegionName | null;
  author: { zh: string; en: string };
  publisher: string | null;
  year: number | null;
  source: Source;
}

const docParts = new WeakMap<DocMeta, DocParts>();

/**
 * A region's Chinese names in the script of the report's title: a report written in traditional characters is
 * cited with its publisher and place in them (西藏自治區人民政府, 拉薩), as GB/T 7714 cites a work as it is written.
 * @example inScriptOfTitle(regionName('Xizang (Tibet) Autonomous Region'), '2020年西藏自治區政府工作報告')?.government // '西藏自治區人民政府'
 */
function inScriptOfTitle(region: RegionName | null, title: string): RegionName | null {
  if (region === null || !writtenInTraditional(title)) return region;
  return { ...region, zh: inScriptOf(region.zh, title), government: inScriptOf(region.government, title), seat: inScriptOf(region.seat, title) };
}

/**
 * The region a report is cited under (publisher, place, author), its names in the report's script: what every
 * citation of it uses, on the page, in the exports and in the meta tags.
 * @example citedRegion({ ...doc2020, title: '2020年西藏自治區政府工作報告' })?.seat // '拉薩'
 */
export function citedRegion(doc: Pick<DocMeta, 'region' | 'title'>): RegionName | null {
  return inScriptOfTitle(regionName(doc.region), doc.title);
}

/**
 * The publisher every citation of a report names: the congress for a resolution it adopted
 * (`全国人民代表大会`), the statistics bureaus of a communiqué, else the region's people's government in the report's script; null when unknown. `region`
 * is `citedRegion(doc)`, given when the caller has it.
 * @example publisherOf(doc2024) // '西藏自治区人民政府'
 */
export function publisherOf(doc: DocMeta, region: RegionName | null = citedRegion(doc)): string | null {
  return congressOf(doc, region)?.publisher ?? bureauOf(doc)?.zh ?? region?.government ?? null;
}

/**
 * The same publisher named in English, for a record in English: the congress (`National People's Congress`), the
 * statistics bureau of a communiqué, else the region's people's government; null when unknown.
 * @example publisherInEnglish(doc2024) // "People's Government of Xizang (Tibet) Autonomous Region"
 */
export function publisherInEnglish(doc: DocMeta, region: RegionName | null = citedRegion(doc)): string | null {
  const bureau = bureauOf(doc)?.en;
  return congressOf(doc, region)?.publisherEn ?? (bureau === 'Anonymous' ? undefined : bureau) ?? region?.governmentEn ?? null;
}

function partsOf(doc: DocMeta): DocParts {
  let parts = docParts.get(doc);
  if (parts === undefined) {
    const region = citedRegion(doc);
    parts = { region, author: authorOf(doc, region), publisher: publisherOf(doc, region), year: yearOf(doc), source: sourceOf(doc) };
    docParts.set(doc, parts);
  }
  return parts;
}

/**
 * The pages of a passage of a paged source: `12`, or `12-13` across a page break; null when not paged.
 * @example pagesOf({ page: 12, pageEnd: 13 }) // '12-13'
 */
export function pagesOf(passage: Pick<Passage, 'page' | 'pageEnd'>): string | null {
  if (passage.page === undefined) return null;
  const end = passage.pageEnd ?? passage.page;
  return end > passage.page ? `${passage.page}-${end}` : String(passage.page);
}

/**
 * The page an offset of a passage's text is on (`Passage.pageBreaks`): the last page begun at or before it, else
 * the passage's first page; undefined when not paged.
 * @example pageAtOffset({ page: 12, pageBreaks: [[40, 13]] }, 52) // 13
 */
export function pageAtOffset(passage: Pick<Passage, 'page' | 'pageBreaks'>, offset: number): number | undefined {
  let page = passage.page;
  for (const [at, next] of passage.pageBreaks ?? []) {
    if (at > offset) break;
    page = next;
  }
  return page;
}

/**
 * Where a passage stands among its report's paragraphs or notes: a numbered paragraph by its number (`第42段` /
 * `para. 42`), a note by its mark (`注①` / `note 1`; `注` / `note` for a note without one), else nowhere.
 * `number` is what a reference manager's locator holds (`42`, `1`; empty for a note without a mark).
 * @example placeOf({ kind: 'note', text: '①地区生产总值增速按可比价格计算。', paragraph: null }) // { zh: '注①', en: 'note 1', label: 'note', number: '1' }
 */
export function placeOf(passage: Pick<Passage, 'kind' | 'text' | 'paragraph'>): { zh: string; en: string; label: 'paragraph' | 'note' | null; number: string } {
  if (passage.kind === 'note') {
    const mark = noteMark(passage.text) ?? { zh: '', en: '' };
    return { zh: `注${mark.zh}`, en: `note${mark.en ? ` ${mark.en}` : ''}`, label: 'note', number: mark.en };
  }
  const para = passage.paragraph ?? null;
  return para === null ? { zh: '', en: '', label: null, number: '' } : { zh: `第${para}段`, en: `para. ${para}`, label: 'paragraph', number: String(para) };
}

/**
 * The locator of a passage: its pages, its section path's labels and its paragraph number as a reader counts
 * it (none for a heading, the title block, contents or front matter), or for a note its mark.
 * Chinese: `12-13, 第二篇 第三章, 第42段`; English: `Part 2, Chapter 3, para. 42, pp. 12-13`; a note:
 * `5, 一, 注①` and `1, note 1, p. 5`; a subsection `二、（五）, 第42段` and `2(5), para. 42`.
 */
function locator(passage: Passage): { zh: string; en: string } {
  const labels = locatorLabels(passage.sectionPath.map(labelOf));
  const pages = pagesOf(passage);
  const { zh: zhPlace, en: enPlace } = placeOf(passage);
  const zh = [pages, labels.zh, zhPlace].filter((p) => p).join(', ');
  const enPages = pages ? `${pages.includes('-') ? 'pp.' : 'p.'} ${pages}` : '';
  const en = [labels.en, enPlace, enPages].filter((p) => p).join(', ');
  return { zh, en };
}

/** Ends `s` with a full stop unless it already ends with one (or `?`, `!`). */
function sentence(s: string): string {
  return /[.?!。？！]$/.test(s) ? s : `${s}.`;
}

/** `s` unless it has Chinese characters (the English citation has none). */
function english(s: string | null | undefined): string {
  return s && !CJK.test(s) ? s.trim() : '';
}

/** The Chinese citation's elements. */
function chineseEntry(doc: DocMeta, parts: DocParts, where: string, options: CitationOptions): GbtEntry {
  const { region, year, author, publisher } = parts;
  const subtitle = options.subtitle?.trim() || undefined;
  const pages = where || undefined;
  const base = { authors: [author.zh], subtitle, pages };
  const work = citedWork(doc, options);
  if (work.kind === 'gazette') {
    return { ...base, type: 'J', title: work.title, container: work.container, year: work.year ?? year ?? '[出版年不详]', issue: work.issue ?? undefined };
  }
  if (work.kind === 'newspaper') {
    return { ...base, type: 'N', title: work.title, container: work.container, date: work.date ?? undefined, edition: work.edition ?? undefined };
  }
  return {
    ...base,
    type: 'R',
    title: work.title,
    place: region?.seat ?? '[出版地不详]',
    publisher: publisher ?? '[出版者不详]',
    year: year ?? '[出版年不详]',
  };
}

/**
 * The region the English citation names after the title: the catalogue's English (`Xizang (Tibet) Autonomous
 * Region`), the country's name for a national report (the catalogue's `China (national)` is a label, not a
 * name), none when unknown.
 */
function regionInEnglish(doc: DocMeta, region: RegionName | null): string {
  if (doc.region === 'unknown') return '';
  return region?.government === '中华人民共和国国务院' ? "People's Republic of China" : english(doc.region);
}

/** The English citation: author, year, title, where published, locator, and the address with the access date. */
function englishCitation(doc: DocMeta, parts: DocParts, where: string, online: { url: string; accessed: string | null } | null): string {
  const { source, year, author } = parts;
  // A report written in English is cited by its own title, not by the catalogue's (`… (2025)`).
  const titleEn = (doc.language === 'en' ? english(doc.title) : '') || english(doc.titleEn);
  let title = titleEn || 'Untitled report';
  let container = regionInEnglish(doc, parts.region);
  if (source.kind === 'gazette') {
    const colon = titleEn.indexOf(': ');
    title = colon > 0 ? titleEn.slice(colon + 2) : title;
    container = colon > 0 ? titleEn.slice(0, colon) : `Gazette, ${source.year ?? year ?? 'n.d.'}${source.issue ? ` No. ${source.issue}` : ''}`;
  } else if (source.kind === 'newspaper') {
    container = [`Newspaper${source.date ? `, ${source.date}` : ''}`, source.edition ? `p. ${source.edition}` : ''].filter((p) => p).join(', ');
  }
  const items = [
    sentence(author.en),
    `(${year ?? 'n.d.'}).`,
    sentence(title),
    container ? sentence(container) : '',
    where ? sentence(where) : '',
    online ? `[${online.url}${online.accessed ? `, accessed ${online.accessed}` : ''}]` : '',
  ];
  return items.filter((p) => p.length > 0).join(' ');
}

/**
 * Citations of a passage.
 *
 * Chinese, GB/T 7714-2015, with the locator (pages, section numbers, paragraph) in the place of the cited
 * page: `西藏自治区人民政府. 政府工作报告: 副题名[R]. 拉萨: 西藏自治区人民政府, 2024: 12-13, 第二篇 第三章, 第25段.`;
 * a gazette issue's article `…[J]. 西藏自治区人民政府公报, 2025(1): 3, 第4段.`; a newspaper's
 * `…[N]. 西藏日报, 2023-01-31(3): 第2段.`; online `…[R/OL]. 拉萨: …, 2024: 第12段(2024-01-07)[2025-03-01]. URL.`
 * Sections are their numbers (`第二篇 第三章`, `（一）`) or, unnumbered, their text (at most 20 characters).
 *
 * English: `Author. (Year). Title. Region. Part 2, Chapter 3, para. 25, pp. 12-13. [URL, accessed YYYY-MM-DD]`,
 * with no Chinese: unnumbered headings are translated when they are a report's standing ones, else left out.
 *
 * @example
 * citePassage(doc2024, passage, { baseUrl: 'https://x.org', accessed: new Date('2025-03-01') }).zh
 * // '西藏自治区人民政府. 政府工作报告[R/OL]. 拉萨: 西藏自治区人民政府, 2024: 2023年工作回顾, 第12段(2024-01-07)[2025-03-01]. https://x.org/p/…-p0011.'
 */
export function citePassage(doc: DocMeta, passage: Passage, options: CitationOptions = {}): Citation {
  const parts = partsOf(doc);
  const where = locator(passage);
  const url = options.baseUrl ? permalink(options.baseUrl, passage) : null;
  const accessed = url ? isoDay(options.accessed ?? new Date()) : null;
  const entry = chineseEntry(doc, parts, where.zh, options);
  if (url) {
    entry.url = url;
    entry.accessed = accessed ?? undefined;
    if (entry.type !== 'N' && doc.date && ISO_DATE.test(doc.date)) entry.updated = doc.date;
  }
  return { zh: formatGbt(entry), en: englishCitation(doc, parts, where.en, url ? { url, accessed } : null) };
}

const DAY_MS = 86_400_000;

/**
 * Citations already made, per passage for the current day (an online citation shows its access date), so that a
 * passage found by many queries is cited once a day rather than on every answer: formatting the two citations
 * was half the time of building a hit. Bounded: forgets everything past `max` passages, and at midnight (UTC).
 * For one engine: `options` other than the date (the site's address, each report's subtitle and article) must
 * not change for a passage id.
 * @example
 * const memo = new CitationMemo();
 * memo.cite(doc, passage, {}) // equal to citePassage(doc, passage, {}), the same object the next time
 */
export class CitationMemo {
  /** The UTC day the kept citations were made on, as days since 1970 (NaN: none yet, or an invalid date). */
  private day = Number.NaN;
  private readonly made = new Map<string, Readonly<Citation>>();

  constructor(private readonly max = 100_000) {}

  cite(doc: DocMeta, passage: Passage, options: CitationOptions = {}): Readonly<Citation> {
    // The day as a number: formatting it as a string for every hit cost more than looking the citation up
    // (and a Date is made only for a citation made).
    const now = options.accessed ? options.accessed.getTime() : Date.now();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day || Number.isNaN(day)) {
      this.made.clear();
      this.day = day;
    }
    let citation = this.made.get(passage.id);
    if (citation === undefined) {
      if (this.made.size >= this.max) this.made.clear();
      citation = Object.freeze(citePassage(doc, passage, { ...options, accessed: options.accessed ?? new Date(now) }));
      this.made.set(passage.id, citation);
    }
    return citation;
  }
}
