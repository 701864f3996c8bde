import { openEngine } from '../src/search/engine.js';
import { loadQueries } from './queries.js';
import path from 'node:path';
const engine = await openEngine({ corpusDirs: process.argv[2] === 'real' ? [path.resolve('corpus'), path.resolve('../shared/corpora')] : [path.resolve('corpus')], indexDir: process.argv[2] === 'real' ? '/tmp/benchprof/index-real' : '/tmp/benchprof/index-1x' });
const qs = loadQueries();
for (const q of qs) engine.search(q.q);
const t0 = performance.now(); let n = 0;
const per = new Map<string, number>();
while (performance.now() - t0 < Number(process.argv[3] ?? 10000)) for (const q of qs) { const s = performance.now(); engine.search(q.q); per.set(q.q, (per.get(q.q) ?? 0) + performance.now() - s); n++; }
console.log('queries', n, 'mean ms', (performance.now() - t0) / n);
console.log([...per].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([q, t]) => `${q} ${(t / (n / qs.length)).toFixed(2)}`).join('\n'));
