/**
 * One binary line in a JSON Lines collection costs that line only: binary-ness is judged a record at a
 * time, each bad line gets a warning with its number, and every valid record around it is still read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankBinaryLines, readJsonl } from '../../src/ingest/jsonl.js';
import { corporaDir, testContext } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

describeWithShared('corpora/national-zh', 'the national collection with binary lines', () => {
  const FILE = 'national-zh/government_work_reports.jsonl';
  const bytes = readFileSync(path.join(corporaDir, FILE));
  const lines = bytes.toString('utf8').split('\n').filter((l) => l.trim() !== '');
  const clean = readJsonl(bytes, testContext(FILE));

  /** The collection with `bad` inserted before line `at` (0-based, among the records). */
  function withLine(records: string[], at: number, bad: Buffer): Buffer {
    const parts = records.map((l) => Buffer.from(`${l}\n`));
    parts.splice(at, 0, Buffer.concat([bad, Buffer.from('\n')]));
    return Buffer.concat(parts);
  }

  describe('a JSON Lines collection with a binary line', () => {
    it('keeps all 72 records of the national collection when one line holds the bytes \\x00\\x01', () => {
      const ctx = testContext(FILE);
      const docs = readJsonl(withLine(lines, 30, Buffer.from([0x00, 0x01])), ctx);
      expect(docs.map((d) => d.text)).toEqual(clean.map((d) => d.text));
      expect(docs.map((d) => d.meta.title)).toEqual(clean.map((d) => d.meta.title));
      expect(ctx.warnings).toEqual([{ code: 'INGEST_RECORD_INVALID', detail: 'line 31: binary bytes (NUL or control characters), not a JSON record' }]);
    });

    it('keeps every valid record wherever binary lines fall, and names each bad line (against a line-by-line oracle)', () => {
      const few = lines.slice(0, 5);
      const garbage = fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => Buffer.concat([Buffer.from(b.filter((x) => x !== 0x0a)), Buffer.from([0x00])]));
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(5), garbage), { minLength: 1, maxLength: 4 }), (inserts) => {
          let records = [...few];
          for (const [at, bad] of inserts) records = [...records.slice(0, at), bad.toString('latin1'), ...records.slice(at)];
          const file = Buffer.concat(records.map((r) => Buffer.from(`${r}\n`, few.includes(r) ? 'utf8' : 'latin1')));
          const ctx = testContext('few.jsonl');
          const docs = readJsonl(file, ctx);
          expect(docs.map((d) => d.meta.title)).toEqual(clean.slice(0, 5).map((d) => d.meta.title));
          const expectedLines = records.flatMap((r, i) => (few.includes(r) ? [] : [i + 1]));
          expect(ctx.warnings.map((w) => Number(/^line (\d+):/.exec(w.detail)?.[1]))).toEqual(expectedLines);
        }),
        { numRuns: 40 },
      );
    });

    it('is INGEST_BINARY only when every line is binary', () => {
      expect(() => readJsonl(Buffer.from([0x00, 0x01, 0x0a, 0x89, 0x50, 0x00]), testContext('all-binary.jsonl'))).toThrow(
        expect.objectContaining({ code: 'INGEST_BINARY' }),
      );
    });

    it('leaves a UTF-16 file (whose NUL bytes are text) whole', () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines[0]}\n`, 'utf16le')]);
      expect(blankBinaryLines(utf16)).toEqual({ bytes: utf16, binaryLines: [] });
      expect(readJsonl(utf16, testContext('utf16.jsonl')).map((d) => d.text)).toEqual([clean[0].text]);
    });
  });
});
