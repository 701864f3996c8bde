import path from 'node:path';
import { openIndex } from '../src/index/open-index.js';
const real = process.argv[2] === 'real';
const t0 = performance.now();
const o = await openIndex({ corpusDirs: real ? [path.resolve('corpus'), path.resolve('../shared/corpora')] : [path.resolve('corpus')], indexDir: `/tmp/benchprof/index-${real ? 'real' : '1x'}`, force: process.argv[3] === 'force', log: (l) => console.log(l) });
console.log('ms', performance.now() - t0, 'built', o.built, process.memoryUsage().rss / 1e6);
