/**
 * The cells of an Excel workbook's first worksheet, as text: which part is the first sheet (xl/workbook.xml and
 * its relationships), the shared strings (xl/sharedStrings.xml; phonetic runs left out), and each cell of the
 * sheet by its reference (`B7`), whatever its type: a shared string, an inline string, a formula's text, a number
 * or a boolean as written. Elements are matched by local name, so a workbook written with a namespace prefix
 * (`<x:row>`) reads the same. Pure: XML text in, rows of cells out.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag';
}

/** The element children of a node that have a local name. */
function childrenNamed(node: AnyNode, name: string): Element[] {
  return 'children' in node ? node.children.filter((c): c is Element => isElement(c) && localName(c.name) === name) : [];
}

/** Every element below a node that has a local name, in document order. */
function descendantsNamed($: CheerioAPI, name: string): Element[] {
  return $('*')
    .toArray()
    .filter((el): el is Element => isElement(el) && localName(el.name) === name);
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` elements, those of phonetic runs (`<rPh>`) left out. */
function stringItemText(item: Element): string {
  let text = '';
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    const name = localName(node.name);
    if (name === 'rPh') return;
    if (name === 't') text += textOf(node);
    else node.children.forEach(walk);
  };
  item.children.forEach(walk);
  return text;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/**
 * The path in the zip of the workbook's first worksheet, or null when the workbook names none.
 * @example firstSheetPath('<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') // 'xl/worksheets/sheet1.xml'
 */
export function firstSheetPath(workbookXml: string, relationshipsXml: string): string | null {
  const [sheet] = descendantsNamed(load(workbookXml, { xml: true }), 'sheet');
  const id = sheet ? Object.entries(sheet.attribs).find(([name]) => localName(name) === 'id')?.[1] : undefined;
  if (id === undefined) return null;
  const relationship = descendantsNamed(load(relationshipsXml, { xml: true }), 'Relationship').find((r) => r.attribs.Id === id);
  const target = relationship?.attribs.Target;
  if (target === undefined) return null;
  // Relative to xl/, or absolute from the package root.
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

/**
 * The shared strings of a workbook, in order.
 * @example sharedStrings('<sst><si><t>中文</t></si><si><r><t>Eng</t></r><r><t>lish</t></r></si></sst>') // ['中文', 'English']
 */
export function sharedStrings(xml: string): string[] {
  return descendantsNamed(load(xml, { xml: true }), 'si').map(stringItemText);
}

/**
 * The 0-based column of a cell reference: `A1` → 0, `AB12` → 27; null for no reference.
 * @example columnOf('C3') // 2
 */
export function columnOf(ref: string | undefined): number | null {
  const letters = /^([A-Z]{1,3})\d+$/i.exec(ref ?? '')?.[1].toUpperCase();
  if (letters === undefined) return null;
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** A cell's value as text. */
function cellText(cell: Element, strings: readonly string[]): string {
  const type = cell.attribs.t ?? 'n';
  if (type === 'inlineStr') return childrenNamed(cell, 'is').map(stringItemText).join('');
  const value = childrenNamed(cell, 'v').map(textOf).join('');
  if (type === 's') return strings[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
  return value;
}

/** Rows and columns past these are not read (Excel's own limits). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * The rows of a worksheet, each an array of cell texts by column ('' for a cell not there); a row missing from
 * the sheet is an empty array.
 * @example sheetRows('<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>', ['中文']) // [['', '中文']]
 */
export function sheetRows(sheetXml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const row of descendantsNamed(load(sheetXml, { xml: true }), 'row')) {
    const at = Number(row.attribs.r);
    const index = Number.isInteger(at) && at >= 1 && at <= MAX_ROWS ? at - 1 : rows.length;
    while (rows.length < index) rows.push([]);
    const cells: string[] = [];
    for (const cell of childrenNamed(row, 'c')) {
      const column = columnOf(cell.attribs.r) ?? cells.length;
      if (column >= MAX_COLUMNS) continue;
      while (cells.length < column) cells.push('');
      cells[column] = cellText(cell, strings);
    }
    rows[index] = cells;
  }
  return rows;
}
