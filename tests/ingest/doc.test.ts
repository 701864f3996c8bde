import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/index.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { isOleFile, readDoc, textLines } from '../../src/ingest/doc.js';
import { createIngestError } from '../../src/ingest/errors.js';
import { pickReader } from '../../src/ingest/readers.js';
import { codeOf, fixturesDir, testContext } from './helpers.js';

/** A county's work report written for these tests and saved by LibreOffice as Word 97–2003 (a heading, a table, a footnote). */
const FILE = 'county-report.doc';
const bytes = readFileSync(path.join(fixturesDir, FILE));

describe('the .doc reader', () => {
  it('reads a Word 97–2003 report a paragraph a line, a table row a line with its cells apart, the footnote last as a note', async () => {
    const [doc] = await readDoc(bytes, testContext(FILE));
    expect(doc.format).toBe('doc');
    expect(doc.text.split('\n')).toEqual([
      '2025年示例县人民政府工作报告',
      '各位代表：',
      '现在，我代表县人民政府，向大会报告工作，请予审议。',
      '一、2024年工作回顾',
      '过去一年，全县地区生产总值增长5.2%，一般公共预算收入增长4.1%，城乡居民人均可支配收入分别增长4.5%和6.8%。',
      '主要指标完成情况如下：',
      '指标\t目标\t完成',
      '地区生产总值增长\t5%左右\t5.2%',
      '粮食产量\t12万吨\t12.6万吨',
      '二、2025年主要任务',
      '（一）坚持创新驱动，加快发展新质生产力。推动传统产业转型升级，培育壮大特色产业集群。',
      '（二）持续改善民生，办好十件民生实事。新增城镇就业3000人以上。',
      '地区生产总值增速按可比价格计算。',
    ]);
    expect(doc.notes?.map((n) => doc.text.slice(n.start, n.end))).toEqual(['地区生产总值增速按可比价格计算。']);
    expect(doc.meta).toMatchObject({ title: '2025年示例县人民政府工作报告', year: 2025, type: 'government work report' });
  });

  it('gives passages as a plain-text report does: headings by their numbers, numbered paragraphs, the table, the note apart', async () => {
    const [doc] = await readDoc(bytes, testContext(FILE));
    const passages = chunkDocument(doc);
    const of = (start: string) => passages.find((p) => p.text.startsWith(start));
    expect(of('一、2024年工作回顾')?.kind).toBe('heading');
    expect(of('二、2025年主要任务')?.kind).toBe('heading');
    expect(of('过去一年')).toMatchObject({ kind: 'paragraph', sectionPath: ['一、2024年工作回顾'] });
    expect(of('（二）持续改善民生')?.sectionPath[0]).toBe('二、2025年主要任务');
    expect(of('指标\t目标\t完成')?.kind).toBe('table');
    expect(of('地区生产总值增速按可比价格计算')).toMatchObject({ kind: 'note', paragraph: null });
  });

  it('refuses what is no Word 97–2003 document with a coded error in both languages, and never crashes on a cut file', async () => {
    expect(await codeOf(() => readDoc(Buffer.from('{\\rtf1\\ansi 报告}'), testContext('a.doc')))).toBe('INGEST_DOC_INVALID');
    expect(await codeOf(() => readDoc(bytes.subarray(0, 2048), testContext('cut.doc')))).toBe('INGEST_DOC_INVALID');
    expect(await codeOf(() => readDoc(bytes, testContext(FILE, { maxFileBytes: 1000 })))).toBe('INGEST_TOO_LARGE');
    expect(createIngestError('INGEST_DOC_INVALID').zh).toMatch(/Word 97–2003/);
    expect(isOleFile(bytes)).toBe(true);
  });

  it('reads a damaged file (bytes changed at random, some that made the library abort the process) or refuses it with a code', { tags: ['slow'] }, async () => {
    // A fixed seed: the same damaged copies every run; every fourth is read, the 64th among them (it made the
    // library grow an array until V8 aborted the process, before extraction ran in a child process).
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 64; i++) {
      const damaged = Buffer.from(bytes);
      for (let k = 1 + Math.floor(random() * 20); k > 0; k--) damaged[Math.floor(random() * (i % 2 === 1 ? 2048 : damaged.length))] = Math.floor(random() * 256);
      if (i % 4 !== 3) continue;
      const code = await codeOf(() => readDoc(damaged, testContext(`damaged-${i}.doc`)));
      expect([undefined, 'INGEST_DOC_INVALID', 'INGEST_EMPTY'], `copy ${i}`).toContain(code);
    }
  });

  it('reads a .doc that is a .docx renamed, or a web page saved as .doc, a .docx that is a .doc, and a .wps, as what each is', () => {
    expect(pickReader('report.doc', bytes)?.format).toBe('doc');
    expect(pickReader('report.DOC', Buffer.from('PK\x03\x04', 'latin1'))?.format).toBe('docx');
    expect(pickReader('report.docx', bytes)?.format).toBe('doc');
    expect(pickReader('report.wps', bytes)?.format).toBe('doc');
    expect(pickReader('report.doc', Buffer.from('\ufeff<?xml version="1.0"?>\n<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>报告</body></html>'))?.format).toBe('html');
  });

  it('keeps the lines that hold text, without the tab a table row\'s end leaves', () => {
    expect(textLines('指标\t目标\t\r\n\n  \n各位代表：\r')).toEqual(['指标\t目标', '各位代表：']);
  });
});

describe('a .doc in a corpus folder', () => {
  it('is read with the other reports, and a broken one is named in a warning while the rest go on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'doc-corpus-'));
    try {
      copyFileSync(path.join(fixturesDir, FILE), path.join(dir, FILE));
      writeFileSync(path.join(dir, 'broken.doc'), '{\\rtf1\\ansi 不是 Word 文档}');
      const { docs, warnings } = await readCorpus([dir]);
      expect(docs.map((d) => d.meta.title)).toEqual(['2025年示例县人民政府工作报告']);
      expect(warnings.map((w) => [path.basename(w.file ?? ''), w.code])).toContainEqual(['broken.doc', 'INGEST_DOC_INVALID']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
