/**
 * `npx tsx scripts/zip-bomb-memory.ts [gigabytes]`: the peak memory of reading a corpus folder that holds a
 * lying zip bomb: a .docx whose word/document.xml inflates to ~1.9 GB (default) but declares 2,000 bytes in
 * both its local header and its central directory, next to one good report. Prints what was read, the
 * warnings, and the process's peak resident memory. Builds everything in a temporary folder, removed after.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCorpus } from '../src/ingest/corpus.js';
import { buildZip, deflateRepeated } from '../tests/ingest/zip-writer.js';

const gigabytes = Number(process.argv[2] ?? '1.9');
const dir = mkdtempSync(path.join(tmpdir(), 'zip-bomb-'));
try {
  const chunk = Buffer.alloc(1024 * 1024, '<w:t>0</w:t>');
  const member = await deflateRepeated(chunk, Math.round(gigabytes * 1e9));
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  const bomb = buildZip([{ name: '[Content_Types].xml', data: Buffer.from(types) }, { ...member, name: 'word/document.xml', declaredSize: 2000 }]);
  writeFileSync(path.join(dir, 'bomb.docx'), bomb);
  copyFileSync(path.resolve(import.meta.dirname, '../corpus/xizang-2024-government-work-report.txt'), path.join(dir, 'good.txt'));
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const { docs, warnings } = await readCorpus([dir]);
  const seconds = (performance.now() - started) / 1000;
  console.log(`bomb.docx: ${(bomb.length / 1e6).toFixed(2)} MB on disk, ${(member.size / 1e9).toFixed(2)} GB inflated, 2,000 bytes declared`);
  console.log(`read ${docs.length} document(s) in ${seconds.toFixed(1)} s: ${docs.map((d) => d.meta.file).join(', ')}`);
  for (const w of warnings) console.log(`  ${path.basename(w.file)}: [${w.code}] ${w.message}`);
  console.log(`resident memory before reading: ${(before / 1e6).toFixed(0)} MB`);
  console.log(`peak resident memory: ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
