import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PEERS } from '../../bench/peers.js';
import { recallPrecision } from '../../bench/stats.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import type { Passage } from '../../src/model.js';
import { phraseKey } from '../../src/text/analyzer.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let passages: Passage[];

beforeAll(async () => {
  const { docs } = await readCorpus([path.join(repoRoot, 'corpus')]);
  passages = docs.flatMap((d) => chunkDocument(d));
});

describe('the peer engines', () => {
  it('each find every seed passage containing a rare phrase, with all its tokens required', { tags: ['slow'] }, () => {
    const texts = passages.map((p) => p.text);
    const exact = new Set(passages.flatMap((p, i) => (phraseKey(p.text).includes('亚洲水塔') ? [i] : [])));
    expect(exact.size).toBeGreaterThan(0);
    for (const [name, build] of Object.entries(PEERS)) {
      const peer = build(texts);
      expect(peer.name).toBe(name);
      const { recall } = recallPrecision(new Set(peer.search('亚洲水塔')), exact);
      expect(recall, name).toBe(1);
      expect(peer.search('亚洲水塔').length, name).toBeLessThan(passages.length / 10);
    }
  });
});
