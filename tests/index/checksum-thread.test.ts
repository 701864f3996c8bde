/**
 * The second thread's sha256 equals this thread's and a plain sha256 of the parts joined, for any parts
 * (text, bytes in ordinary or shared memory, files whole or from an offset, files larger than one read); a missing file rejects with ENOENT;
 * the thread keeps its process alive only while a job waits.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecksumThread, hashParts, readShared, type HashPart } from '../../src/index/checksum-thread.js';
import { REPO_ROOT } from '../../src/paths.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'gov-search-checksum-'));
const thread = new ChecksumThread();
afterAll(() => {
  thread.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A part as generated: its kind and its bytes (a text part's bytes are its UTF-8; a file part's, from `from`). */
type Generated = { kind: 'text'; text: string } | { kind: 'bytes' | 'shared' | 'file'; bytes: Uint8Array; from: number };

const generated: fc.Arbitrary<Generated> = fc.oneof(
  fc.string({ unit: 'binary' }).map((text): Generated => ({ kind: 'text', text })),
  fc
    .tuple(fc.constantFrom('bytes', 'shared', 'file') as fc.Arbitrary<'bytes' | 'shared' | 'file'>, fc.uint8Array({ maxLength: 300 }), fc.nat())
    .map(([kind, bytes, at]): Generated => ({ kind, bytes, from: kind === 'file' ? at % (bytes.length + 2) : 0 })),
);

let files = 0;

/** The part as `hashParts` takes it: files written to the scratch folder, shared bytes read back from one. */
function toPart(g: Generated): HashPart {
  if (g.kind === 'text') return { text: g.text };
  if (g.kind === 'bytes') return { bytes: g.bytes };
  const file = path.join(scratch, `part-${files++}`);
  writeFileSync(file, g.bytes);
  return g.kind === 'file' ? { file, from: g.from } : { bytes: readShared(file) };
}

const oracle = (gs: Generated[]): string => {
  const hash = createHash('sha256');
  for (const g of gs) hash.update(g.kind === 'text' ? Buffer.from(g.text, 'utf8') : g.bytes.subarray(g.from));
  return hash.digest('hex');
};

describe('ChecksumThread', () => {
  it('gives the sha256 of the parts joined, on either thread, for any parts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generated, { maxLength: 8 }), async (gs) => {
        const parts = gs.map(toPart);
        const expected = oracle(gs);
        expect(hashParts(parts)).toBe(expected);
        expect(await thread.digest(parts)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a file larger than one read chunk whole, and the same file into shared memory', async () => {
    const file = path.join(scratch, 'large');
    const bytes = new Uint8Array(9 * 1024 * 1024 + 13).map((_, i) => (i * 31) % 251);
    writeFileSync(file, bytes);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await thread.digest([{ file }])).toBe(expected);
    // From an offset, across the chunks: the same as the bytes from there.
    const from = 4 * 1024 * 1024 - 7;
    expect(await thread.digest([{ file, from }])).toBe(createHash('sha256').update(bytes.subarray(from)).digest('hex'));
    expect(hashParts([{ file, from }])).toBe(createHash('sha256').update(bytes.subarray(from)).digest('hex'));
    const shared = readShared(file);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(await thread.digest([{ bytes: shared }])).toBe(expected);
  });

  it('rejects a job naming a missing file with ENOENT, and answers the next one', async () => {
    await expect(thread.digest([{ file: path.join(scratch, 'missing') }])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await thread.digest([{ text: 'a' }])).toBe(createHash('sha256').update('a').digest('hex'));
  });

  it('keeps a process alive while a job waits, and lets it end while the thread is idle and not closed', { tags: ['slow'] }, () => {
    const script = [
      "import { ChecksumThread } from './src/index/checksum-thread.ts';",
      'const thread = new ChecksumThread().start();',
      'const zeros = new Uint8Array(new SharedArrayBuffer(32 << 20));',
      'console.log(await thread.digest([{ bytes: zeros }, { bytes: zeros }]));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(createHash('sha256').update(new Uint8Array(64 << 20)).digest('hex'));
  });

  it('starts again after close()', async () => {
    const own = new ChecksumThread().start();
    own.close();
    expect(await own.digest([{ text: 'b' }])).toBe(createHash('sha256').update('b').digest('hex'));
    own.close();
  });
});
