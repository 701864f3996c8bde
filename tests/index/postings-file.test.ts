import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX_FIELDS } from '../../src/index/schema.js';
import { decodePostings, encodePostings, type PostingsIndex } from '../../src/index/postings-file.js';
import { seedIndex } from './seed-index.js';

let index: PostingsIndex;
let bytes: Uint8Array;

beforeAll(async () => {
  index = (await seedIndex()).index;
  bytes = encodePostings(index);
});

const plain = (x: PostingsIndex) =>
  Object.fromEntries(
    Object.entries(x.fields).map(([name, f]) => [name, { ...f, offsets: [...f.offsets], docs: [...f.docs], tfs: [...f.tfs], lengths: [...f.lengths] }]),
  );

describe('the postings file', () => {
  it('reads back the postings it wrote, field by field', () => {
    const back = decodePostings(bytes, INDEX_FIELDS);
    expect(back.passages).toBe(index.passages);
    expect(plain(back)).toEqual(plain(index));
    expect(back.keys.text.joined).toBe(index.keys.text.joined);
    expect([...back.keys.en.offsets]).toEqual([...index.keys.en.offsets]);
  });

  it('reads a copy that is not 8-byte aligned in memory', () => {
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(plain(decodePostings(shifted.subarray(3), INDEX_FIELDS))).toEqual(plain(index));
  });

  it('refuses a truncated file, another file, or another set of fields with INDEX_CORRUPT', () => {
    expect(() => decodePostings(bytes.subarray(0, bytes.byteLength - 100), INDEX_FIELDS)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    expect(() => decodePostings(new TextEncoder().encode('{"index":[]}'), INDEX_FIELDS)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    expect(() => decodePostings(bytes, ['words', 'bigrams'])).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    const otherVersion = bytes.slice();
    new DataView(otherVersion.buffer).setUint32(4, 999, true);
    expect(() => decodePostings(otherVersion, INDEX_FIELDS)).toThrow(/version 999/);
  });
});
