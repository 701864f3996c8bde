/**
 * Minimal PDFs written by hand for the reader's tests: one page per content stream, the standard
 * Helvetica font available as /F1 (no font file is embedded).
 */

const RESOURCES = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';

/** A page's content stream that shows one line of Latin text. */
export function textContent(text: string, y = 150): string {
  return `BT /F1 12 Tf 20 ${y} Td (${text}) Tj ET`;
}

/** A page's content stream that paints a small grey image and nothing else (a scan). */
export const IMAGE_CONTENT = 'q 100 0 0 100 50 50 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00 EI Q';

/** A PDF with one page per content stream (600×200 points unless told), with a correct cross-reference table. */
export function buildPdf(contents: readonly string[], size: readonly [number, number] = [600, 200]): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${contents.map((_, k) => `${3 + 2 * k} 0 R`).join(' ')}] /Count ${contents.length} >>`];
  contents.forEach((content, k) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size[0]} ${size[1]}] /Contents ${4 + 2 * k} 0 R /Resources ${RESOURCES} >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, k) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${k + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
