/**
 * The corpus loader: every file under each corpus folder (recursive, sorted), read by the reader its
 * extension picks, with metadata from the folder's `manifest.json` when it has an entry for the file.
 * A file that cannot be read becomes a warning naming the file, the reason and the fix; the rest goes on.
 */
import { readdir, readFile as readBytes, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocMeta, IngestWarning, SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { createIngestError, isIngestError, type IngestError, type IngestErrorCode } from './errors.js';
import { loadManifest, MANIFEST_FILE, type Manifest, type ManifestEntry } from './manifest.js';
import { DEFAULT_LIMITS, type IngestLimits } from './reader.js';
import { pickReader, supportedExtensions, UNSUPPORTED_HINTS } from './readers.js';

/** Options of `readCorpus` and `readFile`. */
export interface ReadCorpusOptions {
  /** Files larger than this are skipped with a warning (default 64 MiB). */
  maxFileBytes?: number;
  /** The other limits (zip bomb checks). */
  limits?: Partial<IngestLimits>;
}

/** What reading a corpus gives. */
export interface CorpusReadResult {
  docs: SourceDoc[];
  warnings: IngestWarning[];
}

/** Formats whose one file holds many reports: their members carry their own metadata. */
const COLLECTION_FORMATS = new Set<SourceDoc['format']>(['csv', 'xlsx', 'jsonl', 'yeartxt']);
/** Files that document a folder rather than being reports. */
const SKIPPED_NAME = /^(readme|source|licen[cs]e)(?=$|[^a-z])/i;

function limitsOf(options: ReadCorpusOptions): IngestLimits {
  return { ...DEFAULT_LIMITS, ...options.limits, ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }) };
}

function warning(file: string, code: IngestErrorCode, detail?: string): IngestWarning {
  return warningOf(file, createIngestError(code, detail));
}

function warningOf(file: string, error: IngestError): IngestWarning {
  return {
    file,
    code: error.code,
    message: `${error.message}. To fix: ${error.hint}`,
    messages: { en: error.message, zh: error.zh },
    hints: { en: error.hint, zh: error.hintZh },
  };
}

/**
 * True for files the loader skips: hidden names (with a warning), README*, SOURCE*, LICENSE*, manifest.json.
 * @example isSkippedName('README.md') // true
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === MANIFEST_FILE || SKIPPED_NAME.test(name);
}

/** Options of `listCorpusFiles`. */
export interface ListCorpusOptions {
  /** The corpus folders a symbolic link may point into (default: the folder listed). */
  roots?: string[];
  /** Told about each hidden name skipped and each symbolic link not followed. */
  warn?: (warning: IngestWarning) => void;
}

/** True when a real (symlink-free) path is one of the roots or lies under one. */
function isInside(real: string, realRoots: string[]): boolean {
  return realRoots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

/** Where a path really leads, or null when it leads nowhere (a broken link, a loop of links). */
async function realOrNull(abs: string): Promise<string | null> {
  return realpath(abs).catch(() => null);
}

/**
 * Every readable-looking file under a folder, as sorted paths relative to it (posix separators). Hidden
 * names (a leading ".") are skipped with a warning; README*, SOURCE*, LICENSE* and manifest.json silently.
 * A symbolic link is followed only when its target lies inside one of the corpus folders (else a warning
 * names it); each real folder is entered once, so linked folders can neither escape nor loop.
 * @example await listCorpusFiles('corpus') // ['xizang-14th-five-year-plan.txt', …]
 */
export async function listCorpusFiles(dir: string, options: ListCorpusOptions = {}): Promise<string[]> {
  const warn = options.warn ?? (() => undefined);
  const realRoots = (await Promise.all((options.roots ?? [dir]).map(realOrNull))).filter((r): r is string => r !== null);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = async (real: string, abs: string, rel: string): Promise<void> => {
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(abs, { withFileTypes: true });
    const names = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const childAbs = path.join(abs, name);
      if (name.startsWith('.')) warn(warning(childAbs, 'INGEST_HIDDEN_SKIPPED'));
      if (isSkippedName(name)) continue;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const target = await realOrNull(childAbs);
      if (target === null) {
        warn(warning(childAbs, 'INGEST_SYMLINK_BROKEN'));
        continue;
      }
      if (!isInside(target, realRoots)) {
        warn(warning(childAbs, 'INGEST_SYMLINK_OUTSIDE', `it points to ${target}`));
        continue;
      }
      const info = await stat(target).catch(() => null);
      if (info?.isDirectory()) await walk(target, childAbs, childRel);
      else if (info?.isFile()) out.push(childRel);
    }
  };
  const realDir = await realOrNull(dir);
  if (realDir !== null) await walk(realDir, dir, '');
  return out;
}

function unknownExtension(file: string): IngestError {
  const ext = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '(none)';
  const hint = UNSUPPORTED_HINTS[ext];
  return createIngestError('INGEST_UNKNOWN_EXTENSION', `${ext}${hint ? ` (${hint})` : ''}; readers exist for ${supportedExtensions().join(' ')}`);
}

async function readOne(abs: string, rel: string, limits: IngestLimits, warn: (w: IngestWarning) => void): Promise<SourceDoc[]> {
  let size: number;
  let bytes: Buffer;
  try {
    size = (await stat(abs)).size;
    if (size > limits.maxFileBytes) throw createIngestError('INGEST_TOO_LARGE', `${size} bytes (limit ${limits.maxFileBytes})`);
    bytes = await readBytes(abs);
  } catch (error) {
    if (isIngestError(error)) throw error;
    throw createIngestError('INGEST_UNREADABLE', error instanceof Error ? error.message : String(error));
  }
  const reader = pickReader(rel, bytes);
  if (reader === null) throw unknownExtension(rel);
  if (bytes.length === 0) throw createIngestError('INGEST_EMPTY');
  return reader.read(bytes, { file: rel, limits, warn: (code, detail) => warn(warning(abs, code, detail)) });
}

/**
 * Read one file into its documents (a collection gives many), with inferred metadata. Throws an
 * `IngestError` when the file cannot be read.
 * @example (await readFile('corpus/xizang-2024-government-work-report.txt')).docs[0].meta.year // 2024
 */
export async function readFile(filePath: string, options: ReadCorpusOptions & { root?: string } = {}): Promise<CorpusReadResult> {
  const root = options.root ?? path.dirname(filePath);
  const rel = path.relative(root, filePath).split(path.sep).join('/');
  const warnings: IngestWarning[] = [];
  const docs = await readOne(filePath, rel, limitsOf(options), (w) => warnings.push(w));
  return { docs, warnings };
}

/** The manifest entry a file would need, for the warning that asks to add it. */
function suggestedEntry(meta: DocMeta): ManifestEntry {
  const { inferred: _inferred, ...entry } = meta;
  return entry;
}

function applyManifest(docs: SourceDoc[], rel: string, abs: string, manifest: Manifest, warnings: IngestWarning[]): SourceDoc[] {
  const entry = manifest.byFile.get(rel);
  if (docs.length !== 1 || COLLECTION_FORMATS.has(docs[0].format)) {
    if (entry) warnings.push(warning(abs, 'MANIFEST_ENTRY_IGNORED', `entry "${entry.id}"`));
    return docs;
  }
  const [doc] = docs;
  if (!entry) {
    warnings.push(warning(abs, 'MANIFEST_NO_ENTRY', JSON.stringify(suggestedEntry(doc.meta))));
    return docs;
  }
  if (entry.checksum !== undefined && entry.checksum !== doc.meta.checksum) {
    warnings.push(warning(abs, 'CHECKSUM_MISMATCH', `manifest ${entry.checksum}, file ${doc.meta.checksum}`));
  }
  const { checksum: _declared, ...meta } = entry;
  return [{ ...doc, meta: { ...meta, checksum: doc.meta.checksum } }];
}

/** A document and the path it was read from. */
interface ReadDoc {
  doc: SourceDoc;
  abs: string;
}

/** Give every document a distinct id: a repeated id gets `-2`, `-3`, … and a warning. */
function dedupeIds(read: ReadDoc[], warnings: IngestWarning[]): SourceDoc[] {
  const used = new Set(read.map((r) => r.doc.meta.id));
  const taken = new Set<string>();
  return read.map(({ doc, abs }) => {
    if (!taken.has(doc.meta.id)) {
      taken.add(doc.meta.id);
      return doc;
    }
    let n = 2;
    while (used.has(`${doc.meta.id}-${n}`) || taken.has(`${doc.meta.id}-${n}`)) n += 1;
    const id = `${doc.meta.id}-${n}`;
    taken.add(id);
    warnings.push(warning(abs, 'DUPLICATE_ID', `"${doc.meta.id}" is taken; this document (${doc.meta.title}) is now "${id}"`));
    return { ...doc, meta: { ...doc.meta, id } };
  });
}

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Read every file under the corpus folders into `SourceDoc`s, sorted by folder then path. Unreadable
 * files, missing manifest entries, checksum mismatches and duplicate ids become warnings; a malformed
 * manifest throws; nothing readable at all throws `CORPUS_EMPTY`.
 * @example const { docs, warnings } = await readCorpus(['corpus']) // 5 docs, no warnings
 */
export async function readCorpus(dirs: string[], options: ReadCorpusOptions = {}): Promise<CorpusReadResult> {
  const limits = limitsOf(options);
  const docs: ReadDoc[] = [];
  const warnings: IngestWarning[] = [];
  for (const dir of dirs) {
    if (!(await isDirectory(dir))) {
      warnings.push(warning(dir, 'CORPUS_DIR_MISSING'));
      continue;
    }
    const manifest = await loadManifest(dir);
    const files = await listCorpusFiles(dir, { roots: dirs, warn: (w) => warnings.push(w) });
    for (const rel of files) {
      const abs = path.join(dir, rel);
      try {
        const read = await readOne(abs, rel, limits, (w) => warnings.push(w));
        const withMeta = manifest ? applyManifest(read, rel, abs, manifest, warnings) : read;
        for (const doc of withMeta) docs.push({ doc, abs });
      } catch (error) {
        warnings.push(isIngestError(error) ? warningOf(abs, error) : warning(abs, 'INGEST_UNREADABLE', String(error)));
      }
    }
    const present = new Set(files);
    for (const entry of manifest?.entries ?? []) {
      if (!present.has(entry.file)) warnings.push(warning(path.join(dir, entry.file), 'MANIFEST_FILE_MISSING', `entry "${entry.id}"`));
    }
  }
  if (docs.length === 0) {
    const reasons = warnings.map((w) => `${w.file} [${w.code}]`).join('; ');
    throw createIngestError('CORPUS_EMPTY', `${dirs.join(', ')}${reasons ? ` — ${reasons}` : ''}`);
  }
  return { docs: dedupeIds(docs, warnings), warnings };
}

/** JSON with object keys sorted, so that equal metadata always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A fingerprint of what was read: sha256 over every document's id, checksum and metadata, in id order
 * (independent of reading order). Any change to a file or to the manifest changes it.
 * @example corpusFingerprint((await readCorpus(['corpus'])).docs) // 'sha256:…'
 */
export function corpusFingerprint(docs: SourceDoc[]): string {
  const lines = docs
    .map((d) => `${d.meta.id}\0${d.meta.checksum}\0${canonicalJson(d.meta)}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return checksumOf(lines.join('\n'));
}
