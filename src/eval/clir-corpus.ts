/**
 * The corpus the cross-language evaluation searches, written into a folder of its own: the evaluated national
 * report as Chinese-only text (one paragraph a line, rebuilt from the parallel CSV), other national reports
 * in Chinese as distractors (from the national-zh JSON Lines; 2024 and 2023 when 2025 is evaluated, 2025 and
 * 2023 when 2024 is), and the bundled corpus (files and manifest entries copied as they are). This module
 * writes files; the pieces it uses are pure.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, parseManifest, type ManifestEntry } from '../ingest/manifest.js';
import { NATIONAL } from '../ingest/regions.js';
import type { ClirDirection } from './clir-direction.js';
import { EvalError } from './errors.js';
import { reportParagraphs, reportText, type ReportParagraph } from './report-paragraphs.js';

/** Where the evaluation reads its sources. */
export interface ClirSources {
  /** national-zh/government_work_reports.jsonl. */
  nationalJsonl: string;
  /** The bundled corpus folder (with its manifest.json). */
  bundledCorpus: string;
}

/** The corpus written, and what judging needs of it. */
export interface ClirCorpus {
  dir: string;
  /** Id of the evaluated report's document. */
  targetDocId: string;
  /** Its paragraphs, numbered as in the CSV. */
  paragraphs: ReportParagraph[];
  /** Every document of the corpus. */
  entries: ManifestEntry[];
}

/** What the corpus needs of a direction: the year evaluated, the parallel CSV holding it, and the national reports added as distractors. */
export type ClirCorpusYears = Pick<ClirDirection, 'targetYear' | 'targetCsv' | 'distractorYears'>;

/**
 * The manifest entry of a national report written as Chinese text.
 * @example nationalEntry(2024, 'national-2024.txt').region // 'China (national)'
 */
function nationalEntry(year: number, file: string): ManifestEntry {
  return {
    id: `national-${year}-government-work-report-zh`,
    title: `${year}年国务院政府工作报告`,
    titleEn: `Report on the Work of the Government (${year})`,
    type: 'government work report',
    region: NATIONAL.en,
    year,
    date: null,
    issuer: null,
    language: 'zh',
    file,
  };
}

/**
 * The Chinese text of the national reports of the given years, from the JSON Lines of `{ title, content,
 * year }` (year a string or number; resolutions have none). Throws `EVAL_REPORT_MISSING` for a missing year.
 * @example nationalReports('{"title":"t","content":"正文","year":"2024"}\n', [2024]).get(2024) // '正文'
 */
export function nationalReports(jsonl: string, years: readonly number[]): Map<number, string> {
  const found = new Map<number, string>();
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { content?: unknown; year?: unknown };
    const year = Number(record.year);
    if (years.includes(year) && typeof record.content === 'string' && !found.has(year)) found.set(year, record.content);
  }
  const missing = years.filter((y) => !found.has(y));
  if (missing.length > 0) throw new EvalError('EVAL_REPORT_MISSING', `national report(s) ${missing.join(', ')} not in the JSON Lines`);
  return found;
}

/**
 * Every source file, or `EVAL_FILE_MISSING` naming the first that is not there.
 * @example assertSourcesExist({ nationalJsonl: 'b.jsonl', bundledCorpus: 'corpus' }, 'a.csv') // throws for a.csv
 */
export function assertSourcesExist(sources: ClirSources, targetCsv: string): void {
  const files = [targetCsv, sources.nationalJsonl, path.join(sources.bundledCorpus, MANIFEST_FILE)];
  const missing = files.find((f) => !existsSync(f));
  if (missing) throw new EvalError('EVAL_FILE_MISSING', missing);
}

/**
 * Write the evaluation corpus of `years.targetYear` into `dir` (created if needed) and return what judging
 * needs. `years.targetCsv` must hold that year.
 * @example const corpus = await writeClirCorpus(sources, '/tmp/clir/corpus', { targetYear: 2025, distractorYears: [2024, 2023] }); corpus.targetDocId // 'national-2025-government-work-report-zh'
 */
export async function writeClirCorpus(sources: ClirSources, dir: string, years: ClirCorpusYears): Promise<ClirCorpus> {
  assertSourcesExist(sources, years.targetCsv);
  await mkdir(dir, { recursive: true });
  const paragraphs = reportParagraphs(await readFile(years.targetCsv, 'utf8'), years.targetYear);
  const target = nationalEntry(years.targetYear, `national-${years.targetYear}-zh.txt`);
  await writeFile(path.join(dir, target.file), reportText(paragraphs));
  const entries: ManifestEntry[] = [target];
  const reports = nationalReports(await readFile(sources.nationalJsonl, 'utf8'), years.distractorYears);
  for (const year of years.distractorYears) {
    const entry = nationalEntry(year, `national-${year}-zh.txt`);
    await writeFile(path.join(dir, entry.file), reports.get(year) ?? '');
    entries.push(entry);
  }
  const bundled = parseManifest(await readFile(path.join(sources.bundledCorpus, MANIFEST_FILE), 'utf8'));
  for (const entry of bundled) {
    await mkdir(path.dirname(path.join(dir, entry.file)), { recursive: true });
    await copyFile(path.join(sources.bundledCorpus, entry.file), path.join(dir, entry.file));
    entries.push(entry);
  }
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(entries, null, 2)}\n`);
  return { dir, targetDocId: target.id, paragraphs, entries };
}
