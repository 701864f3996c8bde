import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { commonPairs, decodeStrictBig5, looksLikeBig5 } from '../../src/ingest/chinese-charset.js';
import { corpusDir } from './helpers.js';

const simplified = readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), 'utf8');
const traditional = Converter({ from: 'cn', to: 'tw' })(simplified);

describe('looksLikeBig5', () => {
  it('tells a traditional report in Big5 from the simplified one in GBK', () => {
    expect(looksLikeBig5(iconv.encode(traditional, 'big5'))).toBe(true);
    expect(looksLikeBig5(iconv.encode(simplified, 'gbk'))).toBe(false);
  });

  it('keeps traditional text encoded in GBK as GB', () => {
    expect(looksLikeBig5(iconv.encode(traditional, 'gbk'))).toBe(false);
  });

  it('decides on a title alone', () => {
    expect(looksLikeBig5(iconv.encode('政府工作報告', 'big5'))).toBe(true);
    expect(looksLikeBig5(iconv.encode('政府工作报告', 'gbk'))).toBe(false);
  });

  it('says no for bytes without double-byte pairs', () => {
    expect(looksLikeBig5(Buffer.from('2024 report', 'latin1'))).toBe(false);
    expect(commonPairs(Buffer.from('abc'))).toEqual({ pairs: 0, gb: 0, big5: 0 });
  });

  it('counts a GB18030 four-byte sequence as one pair of neither area', () => {
    expect(commonPairs(iconv.encode('𠀀', 'gb18030'))).toEqual({ pairs: 1, gb: 0, big5: 0 });
  });
});

describe('decodeStrictBig5', () => {
  it('decodes Big5 and refuses bytes that are not Big5', () => {
    expect(decodeStrictBig5(iconv.encode('鄉村振興', 'big5'))).toBe('鄉村振興');
    expect(decodeStrictBig5(Buffer.from([0xa4, 0x40, 0xa1]))).toBeNull();
  });
});
