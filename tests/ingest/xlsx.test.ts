/**
 * An aligned table saved as an Excel workbook is read as the same table saved as CSV; a workbook that is not an
 * aligned table, or not a workbook, is refused with a warning saying so; the zip is guarded as a .docx's is.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.js';
import { readParallelCsv } from '../../src/ingest/parallel-csv.js';
import { readXlsx } from '../../src/ingest/xlsx.js';
import { columnOf, firstSheetPath, sharedStrings, sheetRows } from '../../src/ingest/xlsx-cells.js';
import { alignedTable, BEIJING_ROWS } from './aligned-fixture.js';
import { tempDirs, testContext } from './helpers.js';
import { buildZip } from './zip-writer.js';

const tempDir = tempDirs('xlsx-');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const letter = (column: number): string => String.fromCharCode(65 + column);

/**
 * A workbook of two sheets: the first holds `rows` (even rows' cells as shared strings, odd rows' inline),
 * the second something else, so only the first is read.
 */
function workbook(rows: readonly (readonly string[])[]): Buffer {
  const strings: string[] = [];
  const sheet = rows
    .map((row, r) => {
      const cells = row.map((cell, c) => {
        const ref = `${letter(c)}${r + 1}`;
        if (r % 2 === 1) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(cell)}</t></is></c>`;
        strings.push(cell);
        return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    })
    .join('');
  const xml = (text: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${text}`);
  return buildZip([
    { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: xml(`<workbook ${NS}><sheets><sheet name="对照" sheetId="1" r:id="rId2"/><sheet name="说明" sheetId="2" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
          '</Relationships>',
      ),
    },
    { name: 'xl/sharedStrings.xml', data: xml(`<sst ${NS}>${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`) },
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet ${NS}><sheetData>${sheet}</sheetData></worksheet>`) },
    { name: 'xl/worksheets/sheet2.xml', data: xml(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`) },
  ]);
}

describe('an aligned table in an Excel workbook', () => {
  it('reads its first worksheet as the same table saved as CSV: text, English and metadata', () => {
    const rows = [['中文', '英文'], ...BEIJING_ROWS];
    const [fromXlsx] = readXlsx(workbook(rows), testContext('tables/beijing.xlsx'));
    const [fromCsv] = readParallelCsv(Buffer.from(alignedTable(BEIJING_ROWS, { header: ['中文', '英文'] })), testContext('tables/beijing.xlsx'));
    expect(fromXlsx.text).toBe(fromCsv.text);
    expect(fromXlsx.translations).toEqual(fromCsv.translations);
    expect({ ...fromXlsx.meta, checksum: '' }).toEqual({ ...fromCsv.meta, checksum: '' });
    expect(fromXlsx.meta.id).toBe('beijing-2025-government-work-report-zh-en');
    expect(fromXlsx.format).toBe('xlsx');
  });

  it('reads a workbook without a header row, numbers in cells and the columns in another order', () => {
    const rows = BEIJING_ROWS.map(([zh, en], i) => [String(i + 1), en, zh]);
    const [doc] = readXlsx(workbook(rows), testContext('beijing.xlsx'));
    expect(doc.text.split('\n')).toEqual(BEIJING_ROWS.map(([zh]) => zh));
  });
});

describe('the cells of a worksheet', () => {
  it('are placed by their references, gaps left blank, whatever the prefix of the elements', () => {
    const xml = '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="C2"><x:v>7</x:v></x:c><x:c r="A2" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(sheetRows(xml, [])).toEqual([[], ['TRUE', '', '7']]);
    expect(columnOf('AB12')).toBe(27);
  });

  it('take shared strings run by run, without phonetic runs, entities decoded', () => {
    expect(sharedStrings('<sst><si><r><t>A &amp; </t></r><r><t>B&#x4E2D;</t></r><rPh><t>zhong</t></rPh></si></sst>')).toEqual(['A & B中']);
  });

  it('come from the first sheet the workbook lists, its target relative to xl/ or absolute', () => {
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Target="/xl/worksheets/sheet9.xml"/></Relationships>';
    expect(firstSheetPath('<workbook><sheets><sheet r:id="rId9"/><sheet r:id="rId1"/></sheets></workbook>', rels)).toBe('xl/worksheets/sheet9.xml');
    expect(firstSheetPath('<workbook><sheets/></workbook>', rels)).toBeNull();
  });
});

describe('workbooks that are not aligned tables', () => {
  const codeOf = (bytes: Buffer): string | undefined => {
    try {
      readXlsx(bytes, testContext('x.xlsx'));
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('are refused with a code saying what is wrong: a budget sheet, an old .xls, not a zip, a zip bomb', () => {
    expect(codeOf(workbook([['项目', '金额'], ['道路', '3']]))).toBe('INGEST_XLSX_NOT_ALIGNED');
    expect(codeOf(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]))).toBe('INGEST_XLSX_INVALID');
    expect(codeOf(Buffer.from('中文,英文\n'))).toBe('INGEST_XLSX_INVALID');
    expect(codeOf(buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]))).toBe('INGEST_XLSX_INVALID');
    expect(codeOf(buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), declaredSize: 0xfffffff0 }]))).toBe('INGEST_ZIP_BOMB');
  });

  it('become a warning naming the file and the fix, and the rest of the corpus is read', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'budget.xlsx'), workbook([['项目', '金额'], ['道路', '3']]));
    await writeFile(path.join(dir, 'beijing.xlsx'), workbook([['Chinese', 'English'], ...BEIJING_ROWS]));
    const { docs, warnings } = await readCorpus([dir]);
    expect(docs.map((d) => d.meta.id)).toEqual(['beijing-2025-government-work-report-zh-en']);
    expect(warnings.map((w) => [path.basename(w.file), w.code])).toEqual([['budget.xlsx', 'INGEST_XLSX_NOT_ALIGNED']]);
    expect(warnings[0].message).toMatch(/no column of English text .*To fix: put the aligned table in the first worksheet/);
  });
});
