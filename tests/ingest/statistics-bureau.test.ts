/** A statistics bureau's name, in either script: what makes a communiqué's issuer its author. */
import { describe, expect, it } from 'vitest';
import { isNationalBureau, isStatisticsBureau } from '../../src/ingest/statistics-bureau.js';

describe('statistics bureaus', () => {
  it('tells a bureau by its name in either script from a government, a bare word or a label', () => {
    for (const name of ['某某县统计局', '国家统计局北京调查总队', '北京市統計局', '國家統計局']) expect(isStatisticsBureau(name), name).toBe(true);
    for (const name of ['北京市人民政府', '统计局', '市统计局：', '统计局长']) expect(isStatisticsBureau(name), name).toBe(false);
  });

  it('tells the national bureau from its survey teams', () => {
    expect(isNationalBureau('国家统计局')).toBe(true);
    expect(isNationalBureau('國家統計局')).toBe(true);
    expect(isNationalBureau('国家统计局北京调查总队')).toBe(false);
  });
});
