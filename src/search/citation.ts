/**
 * Ready-made citations of a passage, in Chinese (GB/T 7714-2015, a report `[R]`, online `[R/OL]`) and in
 * English, with a locator down to the paragraph. Deterministic given `accessed`; what a citation takes from a
 * document and the label of each heading are worked out once and kept (documents do not change once loaded).
 */
import type { DocMeta, Passage } from '../model.js';
import { regionName } from './region-names.js';
import { sectionLabel } from './section-label.js';
import type { Citation } from './types.js';

export interface CitationOptions {
  /** Site root, e.g. `https://reports.example.org`; when set, the citation is online (`[R/OL]`) with a permalink. */
  baseUrl?: string;
  /** Date of access for online citations (formatted in UTC); default: now. */
  accessed?: Date;
  /** The title's dateline subtitle, e.g. from `findDateline()` on the report's opening text. */
  subtitle?: string;
}

/** Speakers' titles that may precede the name in `DocMeta.issuer` (`自治区主席 严金海`). */
const ROLE = /(?:主席|省长|市长|区长|县长|州长|盟长|旗长|总理|书记|主任)$/;
const CJK = /\p{Script=Han}/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The responsible person without a role before it; spaces between CJK name parts removed. */
function personOf(issuer: string | null): string | null {
  if (issuer === null) return null;
  const parts = issuer.replace(/[()（）]/g, ' ').split(/[\s\u3000]+/).filter((p) => p.length > 0);
  while (parts.length > 1 && ROLE.test(parts[0])) parts.shift();
  if (parts.length === 0) return null;
  return parts.every((p) => CJK.test(p)) ? parts.join('') : parts.join(' ');
}

/** The year of publication: that of the date delivered, else the report's year. */
function yearOf(doc: DocMeta): number | null {
  const date = doc.date ? ISO_DATE.exec(doc.date) : null;
  return date ? Number(date[1]) : doc.year;
}

function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** Ends `s` with a full stop unless it already ends with one (or `?`, `!`). */
function sentence(s: string): string {
  return /[.?!。？！]$/.test(s) ? s : `${s}.`;
}

/** The passage's permalink under `baseUrl`. */
function permalink(baseUrl: string, passage: Passage): string {
  return `${baseUrl.replace(/\/+$/, '')}/p/${encodeURIComponent(passage.id)}`;
}

/** Labels of headings seen so far: passages of one section share its headings, and a label never changes. */
const labels = new Map<string, ReturnType<typeof sectionLabel>>();
const MAX_LABELS = 100_000;

function labelOf(heading: string): ReturnType<typeof sectionLabel> {
  let label = labels.get(heading);
  if (label === undefined) {
    if (labels.size >= MAX_LABELS) labels.clear();
    label = sectionLabel(heading);
    labels.set(heading, label);
  }
  return label;
}

/** What a citation takes from its document, worked out once per document (every hit of a report shares it). */
interface DocParts {
  region: ReturnType<typeof regionName>;
  person: string | null;
  year: number | null;
}

const docParts = new WeakMap<DocMeta, DocParts>();

function partsOf(doc: DocMeta): DocParts {
  let parts = docParts.get(doc);
  if (parts === undefined) {
    parts = { region: regionName(doc.region), person: personOf(doc.issuer), year: yearOf(doc) };
    docParts.set(doc, parts);
  }
  return parts;
}

/**
 * The locator of a passage: its section path's labels and its paragraph number (`ordinal + 1`).
 * Chinese: `第二篇 第三章, 第42段`; English: `Part 2, Chapter 3, para. 42`.
 */
function locator(passage: Passage): { zh: string; en: string } {
  const labels = passage.sectionPath.map(labelOf).filter((l) => l.zh.length > 0);
  const para = passage.ordinal + 1;
  const zh = labels.map((l) => l.zh).join(' ');
  const en = labels.map((l) => l.en).join(', ');
  return { zh: zh ? `${zh}, 第${para}段` : `第${para}段`, en: en ? `${en}, para. ${para}` : `para. ${para}` };
}

/**
 * Citations of a passage.
 *
 * Chinese, GB/T 7714-2015 for a report, with the locator in the place of the cited page:
 * `主要责任者. 题名: 副题名[R]. 出版地: 出版者, 出版年: 章节路径, 第N段.`; online (with `baseUrl`):
 * `主要责任者. 题名: 副题名[R/OL]. 出版地: 出版者, 出版年: 章节路径, 第N段(发布日期)[引用日期]. URL.`
 * The responsible person is the speaker (`DocMeta.issuer`, role title removed), else the region's people's
 * government; the publisher is that government, the place its seat (`[出版地不详]`, `[出版者不详]` when the
 * region is unknown). The section path is the headings' numbers (`第二篇 第三章`, `（一）`) or, for an
 * unnumbered heading, its text (at most 20 characters); N is `passage.ordinal + 1`.
 *
 * English: `Author. (Year). Title. Region. Part 2, Chapter 3, para. N. [URL, accessed YYYY-MM-DD]`, where the
 * author is a speaker written in Latin letters, else the region's government in English (a Chinese name is
 * not romanized: pinyin would misspell Tibetan names).
 *
 * @example
 * citePassage(doc2024, passage, { baseUrl: 'https://x.org', accessed: new Date('2025-03-01'), subtitle })
 * // zh: '严金海. 政府工作报告: 2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上[R/OL]. 拉萨: 西藏自治区人民政府,
 * //      2024: 2023年工作回顾, 第12段(2024-01-07)[2025-03-01]. https://x.org/p/xizang-2024-government-work-report-p0011.'
 * // en: "People's Government of Xizang (Tibet) Autonomous Region. (2024). Report on the Work of the Government.
 * //      Xizang (Tibet) Autonomous Region. “2023年工作回顾”, para. 12. [https://x.org/p/…-p0011, accessed 2025-03-01]"
 */
export function citePassage(doc: DocMeta, passage: Passage, options: CitationOptions = {}): Citation {
  const { region, person, year } = partsOf(doc);
  const where = locator(passage);
  const url = options.baseUrl ? permalink(options.baseUrl, passage) : null;
  const accessed = url ? isoDay(options.accessed ?? new Date()) : null;

  const subtitle = options.subtitle?.trim();
  const title = subtitle ? `${doc.title}: ${subtitle}` : doc.title;
  const author = person ?? region?.government ?? '佚名';
  const place = region?.seat ?? '[出版地不详]';
  const publisher = region?.government ?? '[出版者不详]';
  let zh = `${author}. ${title}[${url ? 'R/OL' : 'R'}]. ${place}: ${publisher}, ${year ?? '[出版年不详]'}: ${where.zh}`;
  if (url) {
    const published = doc.date && ISO_DATE.test(doc.date) ? `(${doc.date})` : '';
    zh += `${published}${accessed ? `[${accessed}]` : ''}. ${url}`;
  }
  zh = sentence(zh);

  const authorEn = person && !CJK.test(person) ? person : (region?.governmentEn ?? (doc.region || 'Anonymous'));
  const parts = [
    sentence(authorEn),
    `(${year ?? 'n.d.'}).`,
    sentence(doc.titleEn || doc.title),
    doc.region ? sentence(doc.region) : '',
    sentence(where.en),
    url ? `[${url}${accessed ? `, accessed ${accessed}` : ''}]` : '',
  ];
  return { zh, en: parts.filter((p) => p.length > 0).join(' ') };
}
