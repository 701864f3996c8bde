/**
 * The metadata of a report read from an aligned Chinese-English table, from its Chinese text as for every
 * report (title line, dateline, speaker, session; `inferMeta`), and from its opening when it has no title line
 * (`我代表国务院，向大会报告政府工作` names the nation, `我代表北京市人民政府，…` Beijing); the year falls back to the
 * table's year column, then to a year in the file name. Nothing is assumed: a table that says neither what nor
 * whose it is stays an untitled report of an unknown region. Pure.
 */
import type { DocMeta } from '../model.js';
import { metaFromInference, titleFromFileName, yearFromFileName } from './doc-meta.js';
import { inferMeta } from './infer-meta.js';

/** What the table knows besides the text. */
export interface AlignedFacts {
  /** Path of the table relative to its corpus folder. */
  file: string;
  /** `sha256:<hex>` of the table's bytes (of this report's text and English when the table holds several). */
  checksum: string;
  /** The year column's year for this report; null when the table has no year column. */
  year: number | null;
}

/** What ends the id of a report read from an aligned table, apart from the same report read from its own text. */
const ALIGNED_ID_SUFFIX = '-zh-en';

/**
 * The `DocMeta` of one report of an aligned table: language `zh-en`, the id ending in `-zh-en`
 * (`national-2024-government-work-report-zh-en`, `beijing-2025-government-work-report-zh-en`, or the file's slug
 * when the region or the year is unknown). Collection metadata: not marked `inferred`, no manifest entry asked for.
 * @example alignedMeta('现在，我代表国务院，向大会报告政府工作。', { file: 'a.csv', checksum: 'sha256:…', year: 2024 }).title // '2024年国务院政府工作报告'
 */
export function alignedMeta(text: string, facts: AlignedFacts): DocMeta {
  const inferred = inferMeta(text);
  const { inferred: _inferred, ...meta } = metaFromInference(
    { ...inferred, year: inferred.year ?? facts.year ?? yearFromFileName(facts.file) },
    'zh-en',
    { file: facts.file, checksum: facts.checksum, fallbackTitle: titleFromFileName(facts.file) },
  );
  return { ...meta, id: `${meta.id}${ALIGNED_ID_SUFFIX}` };
}

/**
 * Ids made distinct within one table: reports of one table that would share an id (a table of several years that
 * does not say whose reports they are) each get their year column's year before the suffix, so that each keeps
 * the same id from one ingest to the next.
 * @example distinctIds([{ id: 'm-zh-en', year: 2024 }, { id: 'm-zh-en', year: 2025 }]) // ['m-2024-zh-en', 'm-2025-zh-en']
 */
export function distinctIds(reports: ReadonlyArray<{ id: string; year: number | null }>): string[] {
  const count = new Map<string, number>();
  for (const { id } of reports) count.set(id, (count.get(id) ?? 0) + 1);
  return reports.map(({ id, year }, i) =>
    (count.get(id) ?? 0) > 1 ? `${id.slice(0, -ALIGNED_ID_SUFFIX.length)}-${year ?? i + 1}${ALIGNED_ID_SUFFIX}` : id,
  );
}
