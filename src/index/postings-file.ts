/**
 * The postings of every field in one binary file, loaded without parsing: a small JSON header, then each
 * field's terms (UTF-8, joined by U+0001) and its typed arrays, each section 8-byte aligned, little-endian.
 *
 *   "GRPI" | u32 version | u32 header bytes | header JSON | pad | sections…
 *
 * The match keys follow the fields: each column's joined string as UTF-16LE (code units kept exactly,
 * lone surrogates included) and its offsets.
 *
 * A file of another version, another field set or a broken layout is refused with INDEX_CORRUPT, so the
 * index is rebuilt rather than served wrong.
 */
import os from 'node:os';
import type { IndexField } from './backend.js';
import type { KeyColumn, MatchKeys } from './match-keys.js';
import type { FieldPostings } from './postings.js';
import { IndexStoreError } from './store.js';

/** Every field's postings over `passages` passages, and the passages' match keys. */
export interface PostingsIndex {
  passages: number;
  fields: Record<IndexField, FieldPostings>;
  keys: MatchKeys;
}

const MAGIC = 'GRPI';
const POSTINGS_FILE_VERSION = 2;
const TERM_JOINER = '\u0001';

interface Section {
  at: number;
  bytes: number;
}

interface FieldHeader {
  name: IndexField;
  terms: number;
  averageLength: number;
  sections: { terms: Section; offsets: Section; docs: Section; tfs: Section; lengths: Section };
}

interface KeysHeader {
  text: { joined: Section; offsets: Section };
  en: { joined: Section; offsets: Section };
}

interface Header {
  passages: number;
  endianness: 'LE';
  fields: FieldHeader[];
  keys: KeysHeader;
}

const align8 = (n: number): number => (n + 7) & ~7;

function corrupt(message: string): IndexStoreError {
  return new IndexStoreError('INDEX_CORRUPT', `postings file: ${message}`);
}

/**
 * Serializes the postings (one copy of the arrays, no JSON of the postings themselves).
 * @example decodePostings(encodePostings(index)).passages === index.passages
 */
export function encodePostings(index: PostingsIndex): Uint8Array {
  if (os.endianness() !== 'LE') throw corrupt('only little-endian machines can write this format');
  const blobs: Uint8Array[] = [];
  let at = 0;
  const place = (bytes: Uint8Array): Section => {
    const section = { at, bytes: bytes.byteLength };
    blobs.push(bytes);
    at = align8(at + bytes.byteLength);
    return section;
  };
  const view = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const fields: FieldHeader[] = [];
  for (const [name, field] of Object.entries(index.fields) as Array<[IndexField, FieldPostings]>) {
    if (field.terms.some((t) => t.includes(TERM_JOINER))) throw corrupt(`a term of ${name} contains U+0001`);
    fields.push({
      name,
      terms: field.terms.length,
      averageLength: field.averageLength,
      sections: {
        terms: place(Buffer.from(field.terms.join(TERM_JOINER), 'utf16le')),
        offsets: place(view(field.offsets)),
        docs: place(view(field.docs)),
        tfs: place(view(field.tfs)),
        lengths: place(view(field.lengths)),
      },
    });
  }
  const keyColumn = (c: KeyColumn) => ({ joined: place(Buffer.from(c.joined, 'utf16le')), offsets: place(view(c.offsets)) });
  const keys = { text: keyColumn(index.keys.text), en: keyColumn(index.keys.en) };
  const header: Header = { passages: index.passages, endianness: 'LE', fields, keys };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = align8(12 + headerBytes.byteLength);
  const out = new Uint8Array(dataStart + at);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, POSTINGS_FILE_VERSION, true);
  dv.setUint32(8, headerBytes.byteLength, true);
  out.set(headerBytes, 12);
  let offset = 0;
  for (const blob of blobs) {
    out.set(blob, dataStart + offset);
    offset = align8(offset + blob.byteLength);
  }
  return out;
}

/**
 * Reads a postings file; the typed arrays are views of `bytes` (copied once if it is not 8-byte aligned).
 * Throws INDEX_CORRUPT for anything that is not a complete file of this version with exactly `fields`.
 * @example decodePostings(await readFile('index/gen-…/postings.bin'), INDEX_FIELDS).fields.words.terms.length
 */
export function decodePostings(input: Uint8Array, fields: readonly IndexField[]): PostingsIndex {
  if (os.endianness() !== 'LE') throw corrupt('this machine is big-endian; rebuild the index here');
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  if (bytes.byteLength < 12 || Buffer.from(bytes.buffer, bytes.byteOffset, 4).toString('latin1') !== MAGIC) throw corrupt('not a postings file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== POSTINGS_FILE_VERSION) throw corrupt(`version ${version}, need ${POSTINGS_FILE_VERSION}`);
  const headerLength = dv.getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 12, headerLength).toString('utf8')) as Header;
  } catch {
    throw corrupt('unreadable header');
  }
  const names = header.fields?.map((f) => f.name) ?? [];
  if (names.length !== fields.length || !fields.every((f) => names.includes(f))) throw corrupt(`fields ${names.join(',')}, need ${fields.join(',')}`);
  const dataStart = bytes.byteOffset + align8(12 + headerLength);
  const end = bytes.byteOffset + bytes.byteLength;
  const slice = (s: Section, unit: number): [number, number] => {
    const from = dataStart + s.at;
    if (s.at % 8 !== 0 || s.bytes % unit !== 0 || from + s.bytes > end) throw corrupt('a section lies outside the file');
    return [from, s.bytes / unit];
  };
  const out = {} as Record<IndexField, FieldPostings>;
  for (const f of header.fields) {
    const [termsAt] = slice(f.sections.terms, 1);
    const joined = Buffer.from(bytes.buffer, termsAt, f.sections.terms.bytes).toString('utf16le');
    const terms = f.terms === 0 ? [] : joined.split(TERM_JOINER);
    const offsets = new Uint32Array(bytes.buffer, ...slice(f.sections.offsets, 4));
    const docs = new Uint32Array(bytes.buffer, ...slice(f.sections.docs, 4));
    const tfs = new Uint16Array(bytes.buffer, ...slice(f.sections.tfs, 2));
    const lengths = new Uint32Array(bytes.buffer, ...slice(f.sections.lengths, 4));
    const consistent =
      terms.length === f.terms &&
      offsets.length === terms.length + 1 &&
      offsets[terms.length] === docs.length &&
      tfs.length === docs.length &&
      lengths.length === header.passages;
    if (!consistent) throw corrupt(`field ${f.name} is inconsistent`);
    out[f.name] = { terms, offsets, docs, tfs, lengths, averageLength: f.averageLength };
  }
  const keyColumn = (c: KeysHeader['text'] | undefined): KeyColumn => {
    if (!c) throw corrupt('no match keys');
    const [at] = slice(c.joined, 2);
    const joined = Buffer.from(bytes.buffer, at, c.joined.bytes).toString('utf16le');
    // Copied out (4 bytes a passage): the match keys outlive the postings when another backend serves (Sphinx),
    // and a view would keep the whole file's buffer alive.
    const offsets = new Uint32Array(bytes.buffer, ...slice(c.offsets, 4)).slice();
    if (offsets.length !== header.passages + 1 || offsets[header.passages] !== joined.length) throw corrupt('match keys are inconsistent');
    return { joined, offsets };
  };
  return { passages: header.passages, fields: out, keys: { text: keyColumn(header.keys?.text), en: keyColumn(header.keys?.en) } };
}
