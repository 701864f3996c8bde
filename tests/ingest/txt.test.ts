import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf } from '../../src/ingest/checksum.js';
import { isIngestError } from '../../src/ingest/errors.js';
import { readTxt } from '../../src/ingest/txt.js';
import { corporaDir, corpusDir, testContext } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

describe('the plain-text reader', () => {
  it('keeps every seed verbatim, with the checksum of its bytes', () => {
    for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
      const bytes = readFileSync(path.join(corpusDir, file));
      const [doc] = readTxt(bytes, testContext(file));
      expect(doc.text, file).toBe(bytes.toString('utf8'));
      expect(doc.format).toBe('txt');
      expect(doc.encoding).toBe('utf-8');
      expect(doc.meta.checksum).toBe(checksumOf(bytes));
      expect(doc.meta.file).toBe(file);
      expect(doc.meta.inferred).toBe(true);
    }
  });

  it('infers a province id and an English title for a work report', () => {
    const [doc] = readTxt(readFileSync(path.join(corpusDir, 'xizang-2024-government-work-report.txt')), testContext('a.txt'));
    expect(doc.meta).toMatchObject({
      id: 'xizang-2024-government-work-report',
      title: '2024年西藏自治区政府工作报告',
      titleEn: 'Report on the Work of the Government of Xizang (Tibet) Autonomous Region (2024)',
      region: 'Xizang (Tibet) Autonomous Region',
    });
  });

  it('refuses an empty or whitespace-only file with INGEST_EMPTY', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from(' \r\n\u3000\n'), Buffer.from([0xef, 0xbb, 0xbf])]) {
      expect(() => readTxt(bytes, testContext('empty.txt'))).toThrow(expect.objectContaining({ code: 'INGEST_EMPTY' }));
    }
  });
});

describeWithShared('corpora', 'the plain-text reader on the shared corpora', () => {
  it('keeps the CRLF line ends of the GBK district report and infers its metadata', () => {
    const bytes = readFileSync(path.join(corporaDir, 'district-gbk/2012.txt'));
    const [doc] = readTxt(bytes, testContext('district-gbk/2012.txt'));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toContain('\r\n');
    expect(doc.text.split('\r\n').length).toBe(bytes.toString('latin1').split('\r\n').length);
    expect(doc.meta).toMatchObject({
      id: 'district-gbk-2012',
      title: '2012年海拉尔区政府工作报告',
      year: 2012,
      date: '2012-02-29',
      issuer: '张天喜',
      region: '海拉尔区',
      language: 'zh',
      type: 'government work report',
    });
  });

  it('refuses binary bytes with INGEST_BINARY', () => {
    try {
      readTxt(readFileSync(path.join(corporaDir, 'provincial-2025/docx/2025年西藏政府工作报告.docx')), testContext('x.txt'));
      expect.unreachable();
    } catch (error) {
      expect(isIngestError(error, 'INGEST_BINARY')).toBe(true);
    }
  });
});
