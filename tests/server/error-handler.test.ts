import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/coded-error.js';
import { ChunkError } from '../../src/chunk/errors.js';
import { IndexError, WriteRejectedError } from '../../src/index/errors.js';
import { createSphinxError } from '../../src/index/sphinx/errors.js';
import { createIngestError } from '../../src/ingest/errors.js';
import { invalidSetting } from '../../src/config-error.js';
import { createSearchError } from '../../src/search/errors.js';
import { errorHandler, STAGE_CODES, toServerError } from '../../src/server/error-handler.js';
import { ERROR_CATALOGUE, createError } from '../../src/server/errors.js';

describe('toServerError', () => {
  it('keeps a catalogued error as it is', () => {
    const error = createError('PASSAGE_NOT_FOUND', 'No passage has the id "x".');
    expect(toServerError(error)).toBe(error);
  });

  it.each([
    [400, 'MALFORMED_URL'],
    [403, 'NOT_FOUND'],
    [404, 'NOT_FOUND'],
    [412, 'PRECONDITION_FAILED'],
    [416, 'RANGE_NOT_SATISFIABLE'],
  ])('maps an Express error with status %i to %s', (status, code) => {
    const mapped = toServerError(Object.assign(new Error('raw library message'), { status }));
    expect(mapped.code).toBe(code);
    expect(mapped.message).not.toContain('raw library message');
  });

  it('answers the stage codes of its table with their server code, and no other stage code', () => {
    const outage = toServerError(createSphinxError('SPHINX_UNAVAILABLE', 'shard1: connect ECONNREFUSED'));
    expect([outage.code, outage.status, outage.headers['Retry-After']]).toEqual(['BACKEND_UNAVAILABLE', 503, '5']);
    expect(outage.message).not.toContain('ECONNREFUSED');
    const query = toServerError(createSearchError('RESEARCH_QUERY_INVALID', 'A concordance looks for one word or phrase.'));
    expect([query.code, query.status, query.message]).toEqual(['INVALID_QUERY', 400, 'A concordance looks for one word or phrase.']);
    for (const code of Object.keys(STAGE_CODES)) expect(code in ERROR_CATALOGUE).toBe(false);
    for (const other of [createSphinxError('SPHINX_QUERY_FAILED'), createSearchError('PASSAGE_MISSING'), new IndexError('INDEX_BUSY', 'pid 1')]) {
      expect(toServerError(other).code).toBe('INTERNAL_ERROR');
    }
  });

  it('sees every stage\'s error as one coded error', () => {
    const errors = [
      createIngestError('INGEST_EMPTY'), new ChunkError('CHUNK_DOC_ID_MISSING'), new WriteRejectedError('position -1'),
      createSphinxError('SPHINX_UNAVAILABLE'), createSearchError('PASSAGE_MISSING'), createError('NOT_FOUND'),
      invalidSetting('PORT', 'x', { en: 'a number', zh: '数' }),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(CodedError);
      expect(error.code).toMatch(/^[A-Z][A-Z_]+$/);
    }
  });

  it('turns anything unexpected into INTERNAL_ERROR with the catalogue message only', () => {
    for (const thrown of [new Error('ENOENT /secret/path'), 'a string', null, { statusCode: 'x' }]) {
      const mapped = toServerError(thrown);
      expect(mapped.code).toBe('INTERNAL_ERROR');
      expect(mapped.status).toBe(500);
      expect(mapped.message).toBe(ERROR_CATALOGUE.INTERNAL_ERROR.message);
    }
  });
});

describe('errorHandler', () => {
  it('answers a thrown error with a 500 JSON body, and sends the stack to the log only', async () => {
    const logged: string[] = [];
    const app = express();
    app.get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    app.use(errorHandler((line) => logged.push(line)));
    const res = await request(app).get('/boom').expect(500).expect('Content-Type', /json/);
    expect(res.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: ERROR_CATALOGUE.INTERNAL_ERROR.message, messages: { en: ERROR_CATALOGUE.INTERNAL_ERROR.message, zh: ERROR_CATALOGUE.INTERNAL_ERROR.zh } } });
    expect(res.text).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('hunter2');
    expect(logged[0]).toContain('error-handler.test.ts');
  });

  it('adds the headers a catalogued error carries', async () => {
    const app = express();
    app.get('/x', () => {
      throw createError('METHOD_NOT_ALLOWED', undefined, { Allow: 'GET, HEAD' });
    });
    app.use(errorHandler(() => {}));
    const res = await request(app).get('/x').expect(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
