import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corporaDir, testContext } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { readJsonl, withoutSourceNotice } from '../../src/ingest/jsonl.js';
import { describeWithShared } from '../shared-data.js';

const FILE = path.join(corporaDir, 'national-zh/government_work_reports.jsonl');

describeWithShared('corpora/national-zh', 'the national JSON Lines collection', () => {
  describe('the source site licence notice in the JSON Lines collection', () => {
    it('is cut from the end of every record and nothing of the report before it is lost', () => {
      const docs = readJsonl(readFileSync(FILE), testContext('government_work_reports.jsonl'));
      expect(docs.length).toBe(72);
      for (const doc of docs) {
        expect(doc.text).not.toMatch(/本作品|Public domain/u);
        expect(doc.text.trimEnd().length).toBeGreaterThan(100);
      }
      const raw = readFileSync(FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { content: string });
      for (const [i, doc] of docs.entries()) expect(raw[i]?.content.startsWith(doc.text)).toBe(true);
    });

    it('leaves a text without the notice untouched', () => {
      expect(withoutSourceNotice('各位代表！\n\n现在，我代表国务院。')).toBe('各位代表！\n\n现在，我代表国务院。');
    });
  });
});
