import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { endsSentence, startsMidSentence } from '../../src/chunk/punctuation.js';
import { splitPoints } from '../../src/chunk/split.js';
import type { Passage, SourceDoc } from '../../src/model.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { bodyText, squash } from './seeds.js';

const CORPORA = sharedPath('corpora');

describeWithShared('corpora', 'chunkDocument on the shared corpora', () => {
  let docs: SourceDoc[] = [];
  const chunked = new Map<string, Passage[]>();

  beforeAll(async () => {
    ({ docs } = await readCorpus([CORPORA]));
    for (const doc of docs) chunked.set(doc.meta.id, chunkDocument(doc));
  });

  describe('chunkDocument on every document of ../shared/corpora', () => {
    it('reads the corpora: district, national, parallel and provincial reports', () => {
      expect(docs.length).toBeGreaterThan(100);
      const formats = new Set(docs.map((d) => d.format));
      for (const format of ['txt', 'docx', 'csv', 'jsonl', 'yeartxt']) expect(formats).toContain(format);
    });

    it('rebuilds the body of every document (its text without page furniture) from its passages, in order, without overlap', () => {
      const broken: string[] = [];
      for (const doc of docs) {
        const passages = chunked.get(doc.meta.id) ?? [];
        let previousEnd = 0;
        const ordered = passages.every((p) => {
          const ok = p.start >= previousEnd && p.end > p.start;
          previousEnd = p.end;
          return ok;
        });
        if (!ordered || passages.map((p) => squash(p.text)).join('') !== bodyText(doc.text)) broken.push(doc.meta.id);
      }
      expect(broken).toEqual([]);
    });

    it('gives every passage of the corpora a unique id', () => {
      const ids = [...chunked.values()].flat().map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('never leaves a passage boundary inside a sentence whose next part opens mid-sentence', () => {
      const cuts: string[] = [];
      for (const passages of chunked.values()) {
        for (let k = 0; k + 1 < passages.length; k++) {
          const [a, b] = [passages[k], passages[k + 1]];
          if (a.kind === 'paragraph' && b.kind === 'paragraph' && !endsSentence(a.text) && startsMidSentence(b.text)) {
            cuts.push(`${a.id}: …${a.text.slice(-10)} | ${b.text.slice(0, 10)}…`);
          }
        }
      }
      expect(cuts).toEqual([]);
    });

    it('finds the section headings of the national reports whose line breaks survive only as ideographic spaces', () => {
      const report = chunked.get('yl-national-2022-government-work-report') ?? [];
      const headings = report.filter((p) => p.kind === 'heading').map((p) => p.text);
      expect(headings).toEqual(['一、2021年工作回顾', '二、2022年经济社会发展总体要求和政策取向', '三、2022年政府工作任务']);
    });

    it('attaches the English of the parallel national reports to the passages that hold it', () => {
      const parallel = docs.filter((d) => (d.translations?.length ?? 0) > 0);
      expect(parallel.length).toBeGreaterThanOrEqual(2);
      for (const doc of parallel) {
        const passages = chunked.get(doc.meta.id) ?? [];
        const english = passages.map((p) => p.textEn ?? '').join(' ');
        for (const t of doc.translations ?? []) expect(english).toContain(t.textEn.trim());
        const heading = passages.find((p) => p.kind === 'heading');
        expect(heading?.textEn).toMatch(/^I\. /u);
      }
    });

    it('keeps every paragraph of the 31 provincial reports whole: one passage, one number, within the hard bound', () => {
      const provincial = docs.filter((d) => d.format === 'docx');
      expect(provincial).toHaveLength(31);
      for (const doc of provincial) {
        const paragraphs = (chunked.get(doc.meta.id) ?? []).filter((p) => p.kind === 'paragraph');
        expect(paragraphs.map((p) => p.paragraph)).toEqual(paragraphs.map((_, k) => k + 1));
        for (const p of paragraphs) expect(splitPoints(p.text)).toEqual([]);
      }
    });

    it('keeps remarks to the deputies inside a list item that more items follow', () => {
      const report = chunked.get('national-1985-government-work-report') ?? [];
      const remark = report.find((p) => p.text.startsWith('各位代表！我们说当前我国的经济形势很好'));
      expect(remark?.sectionPath.at(-1)).toBe('（一）关于经济形势');
    });

    it('starts a section at a heading whose previous line lacks its final stop, when the numbering continues', () => {
      const isHeading = (id: string, text: string) => (chunked.get(id) ?? []).some((p) => p.kind === 'heading' && p.text === text);
      expect(isHeading('national-2012-government-work-report', '一、2011年工作回顾')).toBe(true);
      expect(isHeading('yunnan-2025-government-work-report', '二、深化“一老一小”关爱服务')).toBe(true);
      expect(isHeading('yl-national-1959-government-work-report', '五、关于对外政策')).toBe(true);
    });
  });
}, { tags: ['slow'] });
