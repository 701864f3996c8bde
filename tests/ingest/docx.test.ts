import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/ingest/docx.js';
import { DEFAULT_LIMITS } from '../../src/ingest/reader.js';
import { regionInTitle } from '../../src/ingest/regions.js';
import { checkZipLimits, inspectZip } from '../../src/ingest/zip-guard.js';
import { codeOf, corporaDir, testContext } from './helpers.js';
import { buildZip, deflateRepeated } from './zip-writer.js';
import { describeWithShared } from '../shared-data.js';

const docxDir = path.join(corporaDir, 'provincial-2025/docx');
const xizangFile = '2025年西藏政府工作报告.docx';

describeWithShared('corpora/provincial-2025/docx', 'the .docx reader', () => {
  let xizang: Buffer;
  beforeAll(() => {
    xizang = readFileSync(path.join(docxDir, xizangFile));
  });

  describe('the .docx reader on real reports', () => {
    it('reads the 2025 Tibet report into plain lines with its metadata', async () => {
      const [doc] = await readDocx(xizang, testContext(xizangFile));
      const lines = doc.text.split('\n');
      expect(doc.format).toBe('docx');
      expect(lines[0]).toBe('2025年西藏政府工作报告');
      expect(lines).toContain('西藏自治区代理主席 嘎玛泽登');
      expect(lines).toContain('2024年工作回顾');
      expect(doc.text).not.toMatch(/<\/?[a-z]+[\s>]/i);
      expect(doc.meta).toMatchObject({
        id: 'xizang-2025-government-work-report',
        year: 2025,
        date: '2025-01-19',
        issuer: '嘎玛泽登',
        region: 'Xizang (Tibet) Autonomous Region',
        type: 'government work report',
      });
    });

    it('reads all 31 provincial reports, each a 2025 work report of the province its file names, with its speaker', { tags: ['slow'] }, async () => {
      const files = readdirSync(docxDir).filter((f) => f.endsWith('.docx'));
      expect(files).toHaveLength(31);
      const slugs = new Set<string>();
      for (const file of files) {
        const [doc] = await readDocx(readFileSync(path.join(docxDir, file)), testContext(file));
        expect(doc.text.length, file).toBeGreaterThan(5000);
        expect(doc.meta.year, file).toBe(2025);
        expect(doc.meta.date, file).toMatch(/^2025-01-\d\d$/);
        expect(doc.meta.type, file).toBe('government work report');
        expect(doc.meta.region, file).toBe(regionInTitle(file)?.en);
        // The head of government named at the top: a 2–8 character name that appears there.
        expect(doc.meta.issuer, file).toMatch(/^[\u4e00-\u9fff·]{2,8}$/);
        expect(doc.text.slice(0, 300).replace(/\s/g, ''), file).toContain(doc.meta.issuer);
        slugs.add(doc.meta.id);
      }
      expect(slugs.size).toBe(31);
    });
  });

  describe('the .docx reader on broken and hostile files', () => {
    it('refuses a file that is not a zip', async () => {
      expect(await codeOf(() => readDocx(Buffer.from('政府工作报告，其实是文本。'), testContext('fake.docx')))).toBe('INGEST_NOT_ZIP');
    });

    it('names an old OLE .doc renamed to .docx', async () => {
      const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
      await expect(readDocx(ole, testContext('old.docx'))).rejects.toThrow(/old binary Word \.doc/);
    });

    it('refuses a truncated .docx', async () => {
      expect(await codeOf(() => readDocx(xizang.subarray(0, Math.floor(xizang.length / 2)), testContext('cut.docx')))).toBe('INGEST_DOCX_TRUNCATED');
    });

    it('refuses a zip bomb by its declared compression ratio before inflating anything', async () => {
      const bomb = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024) }]);
      expect(bomb.length).toBeLessThan(64 * 1024);
      expect(await codeOf(() => readDocx(bomb, testContext('bomb.docx')))).toBe('INGEST_ZIP_BOMB');
    });

    it('refuses a zip that declares more uncompressed bytes than the limit', async () => {
      const liar = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>'), declaredSize: 0xfffffff0 }]);
      expect(await codeOf(() => readDocx(liar, testContext('liar.docx')))).toBe('INGEST_ZIP_BOMB');
    });

    it('refuses a zip bomb that lies about its sizes in both headers, stopping at the size it declares', { tags: ['slow'] }, async () => {
      // 300 MB of Word XML (more than the 256 MiB limit) that declares 2,000 bytes: the declared sizes pass.
      const member = await deflateRepeated(Buffer.alloc(1024 * 1024, '<w:p><w:r><w:t>0</w:t></w:r></w:p>'), 300 * 1024 * 1024);
      const bomb = buildZip([{ ...member, name: 'word/document.xml', declaredSize: 2000 }]);
      expect(bomb.readUInt32LE(22)).toBe(2000);
      expect(inspectZip(bomb)[0].uncompressedSize).toBe(2000);
      expect(() => checkZipLimits(inspectZip(bomb), DEFAULT_LIMITS)).not.toThrow();
      await expect(readDocx(bomb, testContext('bomb.docx'))).rejects.toThrow(
        expect.objectContaining({ code: 'INGEST_ZIP_BOMB', message: expect.stringMatching(/word\/document\.xml inflates past the 2000 bytes it declares/) }),
      );
    });

    it('refuses a member that declares its true size but inflates past it by one byte', async () => {
      const data = Buffer.from('<w:document>政府工作报告</w:document>');
      const liar = buildZip([{ name: 'word/document.xml', data, declaredSize: data.length - 1 }]);
      expect(await codeOf(() => readDocx(liar, testContext('liar.docx')))).toBe('INGEST_ZIP_BOMB');
      const honest = buildZip([{ name: 'word/document.xml', data: Buffer.from('this is not xml <<<') }]);
      expect(await codeOf(() => readDocx(honest, testContext('honest.docx')))).toBe('INGEST_DOCX_INVALID');
    });

    it('applies configurable limits to a real report', async () => {
      expect(await codeOf(() => readDocx(xizang, testContext(xizangFile, { maxUncompressedBytes: 10_000 })))).toBe('INGEST_ZIP_BOMB');
      expect(await codeOf(() => readDocx(xizang, testContext(xizangFile, { maxZipEntries: 3 })))).toBe('INGEST_ZIP_BOMB');
      expect(await codeOf(() => readDocx(xizang, testContext(xizangFile, { maxFileBytes: 1000 })))).toBe('INGEST_TOO_LARGE');
    });

    it('refuses a zip without word/document.xml', async () => {
      const notWord = buildZip([{ name: 'hello.txt', data: Buffer.from('hello') }]);
      expect(await codeOf(() => readDocx(notWord, testContext('zip.docx')))).toBe('INGEST_DOCX_INVALID');
    });

    it('refuses a zip whose document part is not Word XML', async () => {
      const junk = buildZip([{ name: 'word/document.xml', data: Buffer.from('this is not xml <<<') }]);
      expect(await codeOf(() => readDocx(junk, testContext('junk.docx')))).toBe('INGEST_DOCX_INVALID');
    });
  });

  describe('the zip guard', () => {
    it('lists the entries a real .docx declares, with their sizes', () => {
      const entries = inspectZip(xizang);
      const doc = entries.find((e) => e.name === 'word/document.xml');
      expect(doc?.uncompressedSize).toBeGreaterThan(doc?.compressedSize ?? Infinity);
      expect(() => checkZipLimits(entries, DEFAULT_LIMITS)).not.toThrow();
    });
  });
});
