/**
 * `manifest.json` of a corpus folder: a JSON array of `DocMeta`-like entries, one per file, each with the
 * `file` it describes (relative to the folder) and optionally the `checksum` (`sha256:<hex>`) of its bytes
 * when the entry was written. A malformed manifest is an error with a code naming what to fix.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocMeta } from '../model.js';
import { isChecksum } from './checksum.js';
import { createIngestError, isIngestError, namingFile } from './errors.js';

/** The manifest's file name inside a corpus folder. */
export const MANIFEST_FILE = 'manifest.json';

/** One manifest entry: a `DocMeta` whose checksum is optional (checked against the file when present). */
export type ManifestEntry = Omit<DocMeta, 'checksum' | 'inferred'> & { checksum?: string };

/** A loaded manifest. */
export interface Manifest {
  /** Where it was read from. */
  path: string;
  entries: ManifestEntry[];
  /** Entries by their `file` (posix separators). */
  byFile: ReadonlyMap<string, ManifestEntry>;
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGES = ['zh', 'en', 'zh-en'];
const KNOWN_FIELDS = new Set(['id', 'title', 'titleEn', 'type', 'region', 'year', 'date', 'issuer', 'language', 'file', 'checksum', 'note']);

/**
 * True for an ISO date, possibly partial: `2024-01-07`, `2023-01`, `2023`.
 * @example isPartialIsoDate('2023-01') // true
 */
export function isPartialIsoDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

function fail(index: number, id: unknown, problem: string): never {
  const who = typeof id === 'string' ? ` (id "${id}")` : '';
  throw createIngestError('MANIFEST_ENTRY', `entry ${index}${who}: ${problem}`);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Check one manifest entry; throws `MANIFEST_ENTRY` naming the entry and the field.
 * @example validateEntry({ id: 'a', title: 't', titleEn: 't', type: 'gazette', region: 'r', year: 2025, date: null, issuer: null, language: 'zh', file: 'a.txt' }, 0).id // 'a'
 */
function validateEntry(value: unknown, index: number): ManifestEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(index, undefined, 'must be a JSON object');
  const e = value as Record<string, unknown>;
  const unknown = Object.keys(e).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length > 0) fail(index, e.id, `unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (typeof e.id !== 'string' || !ID_RE.test(e.id)) fail(index, e.id, '"id" must be lowercase letters, digits and single hyphens');
  for (const field of ['title', 'titleEn', 'type', 'region'] as const) {
    if (!isNonEmptyString(e[field])) fail(index, e.id, `"${field}" must be a non-empty string`);
  }
  if (e.year !== null && !(Number.isInteger(e.year) && (e.year as number) >= 1900 && (e.year as number) <= 2100)) {
    fail(index, e.id, '"year" must be an integer (1900-2100) or null');
  }
  if (e.date !== null && !(typeof e.date === 'string' && isPartialIsoDate(e.date))) {
    fail(index, e.id, '"date" must be an ISO date (2024-01-07, 2023-01 or 2023) or null');
  }
  if (e.issuer !== null && !isNonEmptyString(e.issuer)) fail(index, e.id, '"issuer" must be a non-empty string or null');
  if (typeof e.language !== 'string' || !LANGUAGES.includes(e.language)) fail(index, e.id, `"language" must be one of ${LANGUAGES.join(', ')}`);
  if (!isNonEmptyString(e.file) || path.isAbsolute(e.file) || e.file.includes('\\') || e.file.split('/').includes('..')) {
    fail(index, e.id, '"file" must be a path relative to the corpus folder, with / separators and no ".."');
  }
  if (e.checksum !== undefined && !(typeof e.checksum === 'string' && isChecksum(e.checksum))) {
    fail(index, e.id, '"checksum" must be "sha256:" followed by 64 lowercase hex digits');
  }
  return {
    id: e.id,
    title: e.title as string,
    titleEn: e.titleEn as string,
    type: e.type as string,
    region: e.region as string,
    year: e.year as number | null,
    date: e.date as string | null,
    issuer: e.issuer as string | null,
    language: e.language,
    file: e.file,
    ...(e.checksum === undefined ? {} : { checksum: e.checksum as string }),
  };
}

/**
 * Parse and validate manifest JSON. Throws `MANIFEST_JSON`, `MANIFEST_SHAPE`, `MANIFEST_ENTRY` or
 * `MANIFEST_DUPLICATE`.
 * @example parseManifest('[]') // []
 */
export function parseManifest(json: string): ManifestEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw createIngestError('MANIFEST_JSON', error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(value)) throw createIngestError('MANIFEST_SHAPE', `found ${value === null ? 'null' : typeof value}`);
  const entries = value.map(validateEntry);
  for (const key of ['id', 'file'] as const) {
    const seen = new Set<string>();
    for (const entry of entries) {
      if (seen.has(entry[key])) throw createIngestError('MANIFEST_DUPLICATE', `${key} "${entry[key]}" appears twice`);
      seen.add(entry[key]);
    }
  }
  return entries;
}

/**
 * Load `manifest.json` from a corpus folder; `null` when the folder has none. Errors carry the path.
 * @example (await loadManifest('corpus'))?.entries.length // 5
 */
export async function loadManifest(dir: string): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw createIngestError('INGEST_UNREADABLE', (error as Error).message, file);
  }
  try {
    const entries = parseManifest(json.replace(/^\uFEFF/, ''));
    return { path: file, entries, byFile: new Map(entries.map((e) => [e.file, e])) };
  } catch (error) {
    if (isIngestError(error)) throw namingFile(error, file);
    throw error;
  }
}
