/**
 * sha256 of a sequence of parts (text, the bytes of a file, bytes in memory), on the calling thread
 * (`hashParts`) or on a second one (`ChecksumThread`). Opening the index checks the corpus files' fingerprint
 * and every data file of the saved generation; on the second thread those checks run while the main thread
 * reads and decodes the index, so on a machine with a free core they no longer add to the start.
 *
 * The worker is a few lines of plain JavaScript handed to it as a string, so it runs the same under tsx, the
 * tests and the compiled server; it computes exactly what `hashParts` does (a test holds the two equal).
 * Bytes reach it without a copy when they lie in a `SharedArrayBuffer` (`readShared`).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * A piece of what is hashed: UTF-8 text, a file's bytes (read in order, any size; from byte `from` on when given),
 * or bytes in memory.
 */
export type HashPart = { text: string } | { file: string; from?: number } | { bytes: Uint8Array };

/** Files are read this many bytes at a time, so that no size is too large. */
const READ_CHUNK = 4 * 1024 * 1024;

/** Adds a file's bytes from byte `from` to `hash`, a chunk at a time. */
function hashFile(hash: Hash, file: string, from = 0): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    for (let at = from, n = readSync(fd, chunk, 0, READ_CHUNK, at); n > 0; at += n, n = readSync(fd, chunk, 0, READ_CHUNK, at)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * The sha256 (hex) of the parts in order, on this thread.
 * @example hashParts([{ text: 'a' }, { text: 'b' }]) === hashParts([{ text: 'ab' }]) // true
 */
export function hashParts(parts: readonly HashPart[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    if ('text' in part) hash.update(part.text);
    else if ('file' in part) hashFile(hash, part.file, part.from);
    else hash.update(part.bytes);
  }
  return hash.digest('hex');
}

/** The worker: `hashParts` in plain JavaScript, one job per message, answered with the digest or the error. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
parentPort.on('message', ({ id, parts }) => {
  try {
    const hash = createHash('sha256');
    for (const part of parts) {
      if ('text' in part) hash.update(part.text);
      else if ('file' in part) {
        const fd = openSync(part.file, 'r');
        try {
          const chunk = Buffer.allocUnsafe(${READ_CHUNK});
          for (let at = part.from ?? 0, n = readSync(fd, chunk, 0, ${READ_CHUNK}, at); n > 0; at += n, n = readSync(fd, chunk, 0, ${READ_CHUNK}, at)) hash.update(chunk.subarray(0, n));
        } finally {
          closeSync(fd);
        }
      } else hash.update(part.bytes);
    }
    parentPort.postMessage({ id, sha256: hash.digest('hex') });
  } catch (error) {
    parentPort.postMessage({ id, error: { code: error.code, message: error.message } });
  }
});
`;

interface Answer {
  id: number;
  sha256?: string;
  error?: { code?: string; message: string };
}

/**
 * A second thread that computes `hashParts`, started on first use (or by `start()`). It keeps the process
 * alive while a job is waiting, not while it is idle; `close()` ends it. A job that fails (a file missing) rejects with the error's code and
 * message; when the thread itself cannot run (it failed to start or died), its jobs are hashed on this thread.
 * @example const thread = new ChecksumThread(); const hex = await thread.digest([{ file: 'index/CURRENT' }]); thread.close();
 */
export class ChecksumThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { parts: readonly HashPart[]; resolve: (hex: string) => void; reject: (error: Error) => void }>();

  /** Starts the thread now, so that it is ready by the time the first job comes. */
  start(): this {
    this.started();
    return this;
  }

  /** The sha256 (hex) of the parts, computed on the second thread. Bytes outside a SharedArrayBuffer are copied to it. */
  digest(parts: readonly HashPart[]): Promise<string> {
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.waiting.set(id, { parts, resolve, reject });
      const worker = this.started();
      if (worker) {
        worker.ref();
        worker.postMessage({ id, parts });
      } else this.hashHere();
    });
  }

  /** Ends the thread; jobs still waiting are rejected. */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    for (const job of this.waiting.values()) job.reject(new Error('the checksum thread was closed'));
    this.waiting.clear();
    void worker?.terminate();
  }

  private started(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', (answer: Answer) => this.answer(answer));
      worker.on('error', () => this.lost(worker));
      worker.on('exit', () => this.lost(worker));
      // After the listeners (adding one refs the thread again); `digest` refs it while jobs wait.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      return null;
    }
  }

  private answer({ id, sha256, error }: Answer): void {
    const job = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (!job) return;
    if (sha256 !== undefined) job.resolve(sha256);
    else job.reject(Object.assign(new Error(error?.message ?? 'checksum failed'), { code: error?.code }));
  }

  /** The thread died: what it had not answered is hashed here. */
  private lost(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.hashHere();
  }

  private hashHere(): void {
    for (const [id, job] of [...this.waiting]) {
      this.waiting.delete(id);
      try {
        job.resolve(hashParts(job.parts));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}

/**
 * A file's bytes in a `SharedArrayBuffer` (one read call; the second thread hashes them without a copy).
 * @example const bytes = readShared('index/gen-…/postings.bin'); await thread.digest([{ bytes }]);
 */
export function readShared(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    let at = 0;
    for (let n = 1; at < bytes.length && n > 0; at += n) n = readSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 30), null);
    // A file cut short while it was read is returned as read (its checksum then fails).
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
