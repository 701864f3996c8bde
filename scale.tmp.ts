import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openEngine } from './src/search/engine.js';
import { createApp } from './src/server/app.js';
const indexDir = mkdtempSync(path.join(os.tmpdir(), 'pages-scale-'));
const t0 = performance.now();
const engine = await openEngine({ corpusDirs: [path.resolve('corpus'), path.resolve('../shared/corpora')], indexDir });
console.log('open ms', Math.round(performance.now() - t0), engine.stats());
const app = createApp(engine);
let t = performance.now();
let r = await request(app).get('/reports');
console.log('/reports', r.status, Math.round(performance.now() - t), 'ms', r.text.length, 'bytes');
t = performance.now();
r = await request(app).get('/reports?from=2020');
console.log('/reports again', r.status, Math.round(performance.now() - t), 'ms');
const sizes = await Promise.all(engine.documents().map(async (d) => [d.id, (await engine.document(d.id))!.passages.length] as const));
sizes.sort((a, b) => b[1] - a[1]);
console.log('largest', sizes.slice(0, 3));
const paged = [];
for (const d of engine.documents()) { const f = (await engine.document(d.id))!; if (f.passages.some((p) => p.page !== undefined)) paged.push(d.id); }
console.log('paged docs', paged.length, paged.slice(0, 3));
for (const [id] of sizes.slice(0, 2)) {
  const doc = (await engine.document(id))!;
  const pid = doc.passages[Math.floor(doc.passages.length / 2)]!.id;
  for (let i = 0; i < 3; i++) { t = performance.now(); r = await request(app).get(`/p/${pid}`); console.log('/p', id, r.status, Math.round(performance.now() - t), 'ms', r.text.length); }
}
if (paged[0]) { const doc = (await engine.document(paged[0]))!; const p = doc.passages.find((x) => x.page !== undefined)!; r = await request(app).get(`/p/${p.id}`); console.log(r.text.match(/<meta name="citation_(first|last)page"[^>]*>/g)); }
for (let i = 0; i < 3; i++) { t = performance.now(); r = await request(app).get(`/?q=${encodeURIComponent('乡村振兴')}&year=2024`); console.log('/?q', r.status, Math.round(performance.now() - t), 'ms'); }
await engine.close();
rmSync(indexDir, { recursive: true, force: true });
