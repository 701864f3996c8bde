/**
 * The content coding of a search answer: chosen from the client's `Accept-Encoding` and applied to the whole answer
 * in one call, at a fast setting. A search answer is already one buffer of known size, so it needs none of what the
 * compression middleware sets up for a body of unknown length (a compression stream per response, chunked
 * transfer, a trip to the thread pool per write); and on the answers' JSON (10–40 KB, the same few fields again and
 * again) the fastest levels give 5–10 % more bytes for half the CPU (gzip level 1 against zlib's 6) or a fifth
 * (brotli quality 1 against the middleware's 4).
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request } from 'express';

/** The codings an answer may be sent in, besides as it is. */
export type AnswerCoding = 'br' | 'gzip' | 'deflate';

/** Answers shorter than this are sent as they are: the compression middleware's default threshold. */
export const MIN_CODED_BYTES = 1024;

/** Answers up to this size are compressed at once on the event loop (~0.1 ms for 20 KB); longer ones on the thread pool. */
export const INLINE_MAX_BYTES = 128 * 1024;

const GZIP_OPTIONS: zlib.ZlibOptions = { level: 1 };

const brotliOptions = (bytes: number): zlib.BrotliOptions => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes },
});

const inline = {
  br: (body: Buffer) => zlib.brotliCompressSync(body, brotliOptions(body.length)),
  gzip: (body: Buffer) => zlib.gzipSync(body, GZIP_OPTIONS),
  deflate: (body: Buffer) => zlib.deflateSync(body, GZIP_OPTIONS),
} satisfies Record<AnswerCoding, (body: Buffer) => Buffer>;

const brotliOnPool = promisify(zlib.brotliCompress);
const gzipOnPool = promisify(zlib.gzip);
const deflateOnPool = promisify(zlib.deflate);

const onPool = {
  br: (body: Buffer) => brotliOnPool(body, brotliOptions(body.length)),
  gzip: (body: Buffer) => gzipOnPool(body, GZIP_OPTIONS),
  deflate: (body: Buffer) => deflateOnPool(body, GZIP_OPTIONS),
} satisfies Record<AnswerCoding, (body: Buffer) => Promise<Buffer>>;

/**
 * The coding to send an answer of `bytes` in: the one the client prefers among br, gzip and deflate (by its
 * q-values, then its own order), or null to send it as it is (a client that accepts none, a HEAD request, as the
 * middleware does, or an answer under MIN_CODED_BYTES).
 * @example answerCoding(req, 20_000) // 'gzip' for a browser's "gzip, deflate, br, zstd"; null for curl
 */
export function answerCoding(req: Request, bytes: number): AnswerCoding | null {
  if (bytes < MIN_CODED_BYTES || req.method === 'HEAD' || req.headers['accept-encoding'] === undefined) return null;
  const chosen = req.acceptsEncodings('br', 'gzip', 'deflate', 'identity');
  return chosen === 'br' || chosen === 'gzip' || chosen === 'deflate' ? chosen : null;
}

/**
 * The answer's bytes in `coding`, in one call: at once when short, on the thread pool when long.
 * @example zlib.gunzipSync(await encodeAnswer(Buffer.from('{"a":1}'), 'gzip')).toString() // '{"a":1}'
 */
export async function encodeAnswer(body: Buffer, coding: AnswerCoding): Promise<Buffer> {
  return body.length <= INLINE_MAX_BYTES ? inline[coding](body) : onPool[coding](body);
}
