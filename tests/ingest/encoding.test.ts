import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { decodeDeclared, decodeStrictGb18030, decodeText, looksBinary, looksLikeGbChinese } from '../../src/ingest/encoding.js';
import { isIngestError } from '../../src/ingest/errors.js';
import { describeWithShared } from '../shared-data.js';
import { corporaDir, corpusDir } from './helpers.js';

const seedBytes = readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'));
const seedText = seedBytes.toString('utf8');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isIngestError(error) ? error.code : `not an IngestError: ${String(error)}`;
  }
}

describe('decodeText', () => {
  it('reads a UTF-8 seed as utf-8, byte for byte', () => {
    expect(decodeText(seedBytes)).toEqual({ text: seedText, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark and records utf-8-bom', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]));
    expect(decoded).toEqual({ text: seedText, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE with a BOM made from the seed text', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]));
    expect(decoded).toEqual({ text: seedText, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a BOM made from the seed text', () => {
    const decoded = decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(seedText)]));
    expect(decoded).toEqual({ text: seedText, encoding: 'utf-16be' });
  });

  it('reads GB18030 made from the seed text as gb18030 with the same text', () => {
    expect(decodeText(iconv.encode(seedText, 'gb18030'))).toEqual({ text: seedText, encoding: 'gb18030' });
  });

  it('reads a traditional report in Big5 as big5, not as GB18030 nonsense', () => {
    const traditional = Converter({ from: 'cn', to: 'tw' })(seedText);
    const big5 = iconv.encode(traditional, 'big5');
    expect(decodeText(big5)).toEqual({ text: iconv.decode(big5, 'big5'), encoding: 'big5' });
    expect(decodeText(big5).text).toContain('政府工作報告');
  });

  it('still reads traditional text encoded in GBK as gb18030', () => {
    const traditional = Converter({ from: 'cn', to: 'tw' })('政府工作報告：鄉村振興，穩中求進。');
    expect(decodeText(iconv.encode(traditional, 'gbk'))).toEqual({ text: traditional, encoding: 'gb18030' });
  });

  it('refuses UTF-16 without a BOM as binary rather than guessing', () => {
    expect(codeOf(() => decodeText(Buffer.from(seedText.slice(0, 200), 'utf16le')))).toBe('INGEST_BINARY');
  });

  it('refuses bytes with NUL or many control characters as binary', () => {
    expect(codeOf(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toBe('INGEST_BINARY');
    expect(codeOf(() => decodeText(Buffer.from('\x01\x02\x03\x04 some text', 'latin1')))).toBe('INGEST_BINARY');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // Latin-1 "café" ends with a lone 0xE9: invalid UTF-8, and a GB18030 lead byte without a trail byte.
    expect(codeOf(() => decodeText(Buffer.from('café', 'latin1')))).toBe('INGEST_ENCODING_INVALID');
  });

  it('refuses a UTF-16 BOM followed by an odd number of bytes', () => {
    expect(codeOf(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])))).toBe('INGEST_ENCODING_INVALID');
  });

  it('either decodes random bytes or throws a coded ingest error, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const code = codeOf(() => decodeText(bytes));
        return code === undefined || code === 'INGEST_BINARY' || code === 'INGEST_ENCODING_INVALID';
      }),
      { numRuns: 500 },
    );
  });

  it('returns any text without control characters unchanged after a UTF-8 round trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const text = s.replace(/[\x00-\x08\x0b\x0e-\x1f\x7f]/g, '');
        return decodeText(Buffer.from(text, 'utf8')).text === text;
      }),
      { numRuns: 300 },
    );
  });
});

describe('declared charsets', () => {
  const gbBytes = iconv.encode(seedText, 'gb18030'); // GB18030 encodes every character; GBK would lose the seed's U+00A0

  it('decodes GBK bytes declared as gbk', () => {
    expect(decodeDeclared(gbBytes, 'GBK')).toEqual({ text: seedText, encoding: 'gb18030' });
  });

  it('takes valid UTF-8 as UTF-8 whatever the declaration says', () => {
    expect(decodeDeclared(seedBytes, 'gb2312')).toEqual({ text: seedText, encoding: 'utf-8' });
    expect(decodeDeclared(seedBytes, 'iso-8859-1')).toEqual({ text: seedText, encoding: 'utf-8' });
  });

  it('overrules a Latin-1 declaration on Chinese GBK bytes', () => {
    expect(looksLikeGbChinese(gbBytes)).toBe(true);
    expect(decodeDeclared(gbBytes, 'iso-8859-1')).toEqual({ text: seedText, encoding: 'gb18030' });
  });

  it('keeps a Latin-1 declaration on real Latin-1 text', () => {
    const latin = Buffer.from('Rapport sur l’activité du gouvernement, année 2024'.replace('’', "'"), 'latin1');
    expect(decodeDeclared(latin, 'iso-8859-1')?.text).toContain('activité');
  });

  it('does not read Big5 bytes as the GB charset a page declares, so detection can take over', () => {
    const big5 = iconv.encode(Converter({ from: 'cn', to: 'tw' })(seedText), 'big5');
    expect(decodeDeclared(big5, 'gb2312')).toBeNull();
    expect(decodeDeclared(big5, 'big5')?.encoding).toBe('big5');
  });

  it('returns null for a declaration that is unknown or does not fit, so detection can take over', () => {
    expect(decodeDeclared(gbBytes, 'x-klingon')).toBeNull();
    expect(decodeDeclared(gbBytes, 'utf-8')).toBeNull();
  });
});

describe('helpers', () => {
  it('treats real text as text', () => {
    expect(looksBinary(seedBytes)).toBe(false);
    expect(looksBinary(iconv.encode(seedText, 'gb18030'))).toBe(false);
  });

  it('keeps a U+FFFD that GB18030 itself encodes', () => {
    expect(decodeStrictGb18030(iconv.encode('甲\uFFFD乙', 'gb18030'))).toBe('甲\uFFFD乙');
    expect(decodeStrictGb18030(Buffer.from([0xb2]))).toBeNull();
  });
});

describeWithShared('corpora', 'decodeText on the shared corpora', () => {
  it('detects the GBK district report as gb18030 and decodes 海拉尔', () => {
    const decoded = decodeText(readFileSync(path.join(corporaDir, 'district-gbk/2012.txt')));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain('海拉尔');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('decodes every GBK district report without a replacement character', () => {
    for (const year of [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]) {
      const decoded = decodeText(readFileSync(path.join(corporaDir, `district-gbk/${year}.txt`)));
      expect(decoded.encoding, String(year)).toBe('gb18030');
      expect(decoded.text).toContain(`${year}年`);
    }
  });

  it('treats a docx (zip) as binary', () => {
    const docx = readFileSync(path.join(corporaDir, 'provincial-2025/docx/2025年西藏政府工作报告.docx'));
    expect(looksBinary(docx)).toBe(true);
  });
});
