/**
 * Turning what a report's text says about itself (`InferredMeta`) into a full `DocMeta`: a readable
 * Chinese title, an English title, the region in English, a stable URL-safe id. Pure functions.
 */
import type { DocMeta } from '../model.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { checksumOf } from './checksum.js';
import { withoutFullTextMark } from './full-text-mark.js';
import { detectLanguage, inferMeta, typeOfTitle, type InferredMeta } from './infer-meta.js';
import { placeInEnglish } from './place-english.js';
import { ordinalInFigures, planOrdinal } from './plan-ordinal.js';
import { NATIONAL, placeInTitle, regionInTitle, regionOfPlace, type Region } from './regions.js';
import { inScriptOf } from './report-script.js';

/** What a reader knows besides the text. */
export interface MetaContext {
  /** Path of the source file relative to its corpus folder. */
  file: string;
  /** `sha256:<hex>` of the source bytes. */
  checksum: string;
  /** A title from elsewhere (HTML `<title>`, a record's title), used when the text has no title line. */
  fallbackTitle?: string;
}

/** Bare titles, completed with the year and the place (matched in simplified characters, either script). */
const GENERIC_TITLES = new Set(['政府工作报告', '工作报告']);

/**
 * A URL-safe slug: lowercase ASCII letters and digits joined by single hyphens.
 * @example slugify('District GBK/2012.txt') // 'district-gbk-2012-txt'
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An id for a document without a manifest entry: `<region>-<year>-<type>` when the region is a province
 * or the nation and the year is known (`xizang-2025-government-work-report`, `national-2024-government-work-report-en`
 * for a report in English); else a slug of the file
 * path when that path is ASCII (`district-gbk-2012`); else `doc-` and a hash of the path.
 * @example inferredId({ region: null, year: 2012, type: 'government work report', file: 'district-gbk/2012.txt' }) // 'district-gbk-2012'
 */
export function inferredId(input: { region: Region | null; year: number | null; type: string; file: string; language?: string }): string {
  // A report in English is `-en`, so that it and the same report in Chinese keep their own ids in one corpus.
  if (input.region && input.year !== null) return `${input.region.slug}-${input.year}-${slugify(input.type)}${input.language === 'en' ? '-en' : ''}`;
  const stem = input.file.replace(/\.[^./\\]+$/, '');
  const slug = slugify(stem);
  if (slug !== '' && /^[\x20-\x7e]+$/.test(stem)) return /^[0-9-]+$/.test(slug) ? `doc-${slug}` : slug;
  return `doc-${checksumOf(input.file).slice('sha256:'.length, 'sha256:'.length + 12)}`;
}

/**
 * An English title for a report kind, region and year (and, for a five-year plan, its ordinal when known).
 * @example englishTitle('government work report', 'China (national)', 2024) // 'Report on the Work of the Government (2024)'
 * @example englishTitle('five-year plan', 'China (national)', 2021, 14) // 'Outline of the 14th Five-Year Plan for Economic and Social Development (2021)'
 */
export function englishTitle(type: string, regionEn: string, year: number | null, plan: number | null = null): string {
  // A region not known (`unknown`) is left out: 'Report (2022)', not 'Report of unknown (2022)'.
  const of = regionEn === NATIONAL.en || regionEn === '' || regionEn === 'unknown' ? '' : ` of ${regionEn}`;
  const when = year === null ? '' : ` (${year})`;
  switch (type) {
    case 'government work report':
      return `Report on the Work of the Government${of}${when}`;
    case 'resolution':
      return `Resolution of the National People's Congress on the Report on the Work of the Government${when}`;
    case 'five-year plan':
      return `Outline of the ${plan === null ? '' : `${ordinalInFigures(plan)} `}Five-Year Plan for Economic and Social Development${of}${when}`;
    case 'plan report':
      return `Report on the Plan for Economic and Social Development${of}${when}`;
    case 'gazette':
      return `Gazette of the People's Government${of}${when}`;
    case 'statistical communiqué':
      return `Statistical Communiqué on the National Economic and Social Development${of}${when}`;
    default:
      return `Report${of}${when}`;
  }
}

/**
 * The Chinese name to put before a bare `政府工作报告`, in the script of that title: a region's full name, else
 * the place as the report writes it.
 */
function titlePrefix(region: Region | null, place: string | null, title: string): string {
  if (region === NATIONAL) return inScriptOf('国务院', title);
  return region ? inScriptOf(region.zh[0], title) : place ?? '';
}

/**
 * A `DocMeta` from inferred facts: completes a bare `政府工作报告` to `2012年海拉尔区政府工作报告` (`政府工作報告`
 * to `2012年海拉爾區政府工作報告`), takes the congress session as issuer when no speaker is named (a plan adopted
 * by a congress), and marks the result `inferred: true`.
 * @example metaFromInference(inferMeta('政府工作报告\n——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上'), 'zh', { file: 'a.txt', checksum: 'sha256:…' }).title // '2024年西藏自治区政府工作报告'
 */
export function metaFromInference(inferred: InferredMeta, language: string, ctx: MetaContext): DocMeta {
  const given = ctx.fallbackTitle?.trim() || null;
  const fallback = given === null ? null : withoutFullTextMark(given);
  const rawTitle = inferred.title ?? fallback;
  // A title naming its place in full (`2024年北京市海淀区政府工作报告`) names a district as such, not the province
  // its name begins with, and the place of a report whose text names none.
  const titlePlace = (rawTitle ? placeInTitle(rawTitle) : null) ?? (fallback ? placeInTitle(fallback) : null);
  const place = inferred.place ?? titlePlace;
  const titleRegion =
    titlePlace !== null ? regionOfPlace(titlePlace) : ((rawTitle ? regionInTitle(rawTitle) : null) ?? (fallback ? regionInTitle(fallback) : null));
  const region = (inferred.place !== null ? regionOfPlace(inferred.place) : null) ?? titleRegion;
  const type = inferred.type ?? (fallback ? typeOfTitle(fallback) : null) ?? 'report';
  const year = inferred.year;
  let title = rawTitle ?? `未命名报告（${ctx.file}）`;
  if (GENERIC_TITLES.has(foldToSimplified(title)) && year !== null) title = `${year}年${titlePrefix(region, place, title)}${title}`;
  const regionEn = region?.en ?? place ?? 'unknown';
  return {
    id: inferredId({ region, year, type, file: ctx.file, language }),
    title,
    // A place the region table does not know stays as written in `region` (the reports' own name for it); the
    // English title names it in English.
    titleEn:
      // A report written in English of no kind the catalogue names (a white paper) is called what it calls itself.
      language === 'en' && type === 'report' && rawTitle !== null
        ? `${rawTitle}${year === null ? '' : ` (${year})`}`
        : englishTitle(type, placeInEnglish(regionEn), year, rawTitle === null ? null : planOrdinal(rawTitle)),
    type,
    region: regionEn,
    year,
    date: inferred.date,
    issuer: inferred.issuer ?? inferred.body,
    language,
    file: ctx.file,
    checksum: ctx.checksum,
    inferred: true,
  };
}

/**
 * Infer a whole `DocMeta` from a report's text (title, dates, speaker, region, language, id).
 * @example inferDocMeta('政府工作报告\n——2020年1月7日在西藏自治区第十一届人民代表大会第三次会议上\n自治区主席　齐扎拉', { file: 'a.txt', checksum: 'sha256:…' }).id // 'xizang-2020-government-work-report'
 */
export function inferDocMeta(text: string, ctx: MetaContext): DocMeta {
  return metaFromInference(inferMeta(text), detectLanguage(text), ctx);
}

/**
 * The file name (without folder and extension) when it reads like a Chinese title, else `undefined`.
 * @example titleFromFileName('docx/2025年西藏政府工作报告.docx') // '2025年西藏政府工作报告'
 */
export function titleFromFileName(file: string): string | undefined {
  const stem = file.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
  return /[\u4e00-\u9fff]/.test(stem) ? stem : undefined;
}

/** A year of 1900–2099 standing alone in a file name (`beijing_2024_report.pdf`). */
const YEAR_IN_NAME = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/u;

/**
 * The year the file name (without its folder) gives, else null.
 * @example yearFromFileName('tables/beijing_2024_aligned.csv') // 2024
 */
export function yearFromFileName(file: string): number | null {
  const m = YEAR_IN_NAME.exec(file.replace(/^.*[/\\]/u, ''));
  return m ? Number(m[1]) : null;
}
