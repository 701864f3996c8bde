/**
 * A .docx built part by part in a test: the package's content types and relationships, word/document.xml with
 * the body given, and the other parts the document names (footnotes, numbering, styles…).
 */
import { buildZip } from './zip-writer.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * A WordprocessingML part: `root` with the w: and r: namespaces around `inner`.
 * @example wordXml('document', '<w:body/>')
 */
export const wordXml = (root: string, inner: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:${root} ${W}>${inner}</w:${root}>`);

/** A run of text, spaces kept. */
export const run = (t: string): string => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** A part of word/ the document names: its relationship type (`footnotes`, `numbering`…), file name and content. */
export interface DocxPart {
  type: string;
  file: string;
  data: Buffer;
}

/**
 * The .docx of a document body and the parts it names.
 * @example buildDocx(`<w:p>${run('各位代表：')}</w:p>`)
 */
export function buildDocx(body: string, parts: readonly DocxPart[] = []): Buffer {
  const named = parts.map((p, i) => rel(`rId${i + 2}`, p.type, p.file)).join('');
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`) },
    { name: 'word/document.xml', data: wordXml('document', `<w:body>${body}</w:body>`) },
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${named}</Relationships>`) },
    ...parts.map((p) => ({ name: `word/${p.file}`, data: p.data })),
  ]);
}
