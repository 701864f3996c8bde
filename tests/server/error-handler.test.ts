import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler, toServerError } from '../../src/server/error-handler.js';
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
