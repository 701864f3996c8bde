import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkDocument, passageId } from '../../src/chunk/chunk.js';
import { ChunkError } from '../../src/chunk/errors.js';
import { PASSAGE_KINDS, type SourceDoc } from '../../src/model.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { bodyText, occurrences, SEEDS, seedDoc, seedPassages, squash } from './seeds.js';

const KINDS = PASSAGE_KINDS;

describe('chunkDocument on the seeds', () => {
  it.each(SEEDS.map((s) => s.id))('rebuilds %s: passage texts in order equal its body (the text without page furniture and whitespace)', (id) => {
    const doc = seedDoc(id);
    const passages = seedPassages(id);
    expect(passages.map((p) => squash(p.text)).join('')).toBe(bodyText(doc.text));
  });

  it.each(SEEDS.map((s) => s.id))('gives %s ordered, non-overlapping ranges that hold exactly each passage text', (id) => {
    const doc = seedDoc(id);
    let previousEnd = 0;
    for (const p of seedPassages(id)) {
      expect(p.start).toBeGreaterThanOrEqual(previousEnd);
      expect(p.end).toBeGreaterThan(p.start);
      expect(squash(doc.text.slice(p.start, p.end))).toBe(squash(p.text));
      expect(doc.text.slice(p.start, p.start + 1)).toBe(p.text.slice(0, 1));
      previousEnd = p.end;
    }
  });

  it.each(SEEDS.map((s) => s.id))('follows the Passage contract for %s: ids, ordinals, kinds, trimmed text', (id) => {
    const passages = seedPassages(id);
    passages.forEach((p, k) => {
      expect(p.ordinal).toBe(k);
      expect(p.docId).toBe(id);
      expect(p.id).toBe(`${id}-p${String(k).padStart(4, '0')}`);
      expect(KINDS).toContain(p.kind);
      expect(p.text).toBe(p.text.trim());
      expect(p.text.length).toBeGreaterThan(0);
      if (p.kind === 'paragraph' || p.kind === 'heading') expect(p.text).not.toContain('\n');
      if (p.kind === 'heading') expect(p.sectionPath.length).toBeGreaterThan(0);
    });
  });

  it('is stable: chunking the same document twice gives identical passages', () => {
    for (const { id } of SEEDS) expect(chunkDocument(seedDoc(id))).toEqual(chunkDocument(seedDoc(id)));
  });

  it('finds each repaired phrase whole inside one passage', () => {
    const all = SEEDS.flatMap((s) => seedPassages(s.id));
    for (const phrase of ['列席的同志提出意见', '民族团结进步示范', '完成初验并投入试运行']) {
      expect(all.some((p) => squash(p.text).includes(phrase))).toBe(true);
    }
  });

  it('cuts no phrase between two passages: occurrences in passages add up to those in the text', () => {
    const phrases = ['铸牢中华民族共同体意识', '高质量发展', '脱贫攻坚', '雅鲁藏布江', '援藏', '居民消费价格', '国家通用语言文字', '长治久安'];
    for (const { id } of SEEDS) {
      const whole = squash(seedDoc(id).text);
      const passages = seedPassages(id);
      for (const phrase of phrases) {
        const inPassages = passages.reduce((n, p) => n + occurrences(squash(p.text), phrase), 0);
        expect({ id, phrase, n: inPassages }).toEqual({ id, phrase, n: occurrences(whole, phrase) });
      }
    }
  });

  describeWithShared('eval/open-queries.json', 'the open evaluation phrases', () => {
    it('puts the open evaluation phrases in toc passages exactly as often as the evaluation counts them in the TOC', () => {
      const file = sharedPath('eval/open-queries.json');
      const open = JSON.parse(readFileSync(file, 'utf8')) as { phrases: { phrase: string; occurrences: number; occurrencesOutsideToc: number }[] };
      const nfkc = (s: string) => squash(s.normalize('NFKC'));
      const passages = SEEDS.flatMap((s) => seedPassages(s.id));
      expect(open.phrases.length).toBeGreaterThan(20);
      for (const { phrase, occurrences: all, occurrencesOutsideToc } of open.phrases) {
        const count = (kinds: (k: string) => boolean) =>
          passages.filter((p) => kinds(p.kind)).reduce((n, p) => n + occurrences(nfkc(p.text), nfkc(phrase)), 0);
        expect({ phrase, all: count(() => true), outsideToc: count((k) => k !== 'toc') }).toEqual({ phrase, all, outsideToc: occurrencesOutsideToc });
      }
    });
  });

  it('joins wrapped lines with nothing between Chinese characters and keeps spaces inside a line', () => {
    const passages = seedPassages('xizang-2024-government-work-report');
    const p = passages.find((x) => x.text.startsWith('——经济运行持续向好。'));
    expect(p?.text).toContain('人均突破 6 万元。城乡居民人均可支配收入突破 5 万元和 2 万元');
  });
});

describe('chunkDocument edge cases', () => {
  it('returns no passages for an empty or blank document', () => {
    const doc = seedDoc('xizang-2023-plan-report');
    expect(chunkDocument({ ...doc, text: '' })).toEqual([]);
    expect(chunkDocument({ ...doc, text: '\r\n \u3000\n\n' })).toEqual([]);
  });

  it('refuses a document without an id with a coded error', () => {
    const doc: SourceDoc = { ...seedDoc('xizang-2023-plan-report'), meta: { ...seedDoc('xizang-2023-plan-report').meta, id: ' ' } };
    expect(() => chunkDocument(doc)).toThrow(ChunkError);
    expect(() => chunkDocument(doc)).toThrow(/no id/);
  });

  it('pads ordinals to four digits', () => {
    expect(passageId('xizang-2024-government-work-report', 42)).toBe('xizang-2024-government-work-report-p0042');
    expect(passageId('d', 12345)).toBe('d-p12345');
  });

  it('leaves page-number lines out of every passage and rejoins the paragraph they cut', () => {
    const doc = seedDoc('xizang-2023-plan-report');
    const text = '各位代表：\n\n教育“五个100%”目标全面\n\n- 12 -\n\n实现，高中阶段教育普及攻坚如期完成。\n\n- 13 -\n\n下一段。\n';
    const passages = chunkDocument({ ...doc, text });
    expect(passages.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', '各位代表：'],
      ['paragraph', '教育“五个100%”目标全面实现，高中阶段教育普及攻坚如期完成。'],
      ['paragraph', '下一段。'],
    ]);
    const footer = text.indexOf('- 12 -');
    expect(passages[1].start).toBeLessThan(footer);
    expect(passages[1].end).toBeGreaterThan(footer);
    expect(passages.map((p) => squash(p.text)).join('')).toBe(bodyText(text));
  });

  it('heads an English white paper\'s preface with its heading, beside its numbered parts, not in the front matter', () => {
    // As Chromium printed it: the title, the issuing office and the month under it, then `Preface` set large
    // (named in headings) over the preface, then the numbered parts.
    const lines = [
      "China's Green Development in the New Era",
      "The State Council Information Office of the People's Republic of China",
      'January 2023',
      'Preface',
      'China has pursued green development over the past decade, and its ecological environment has improved.',
      'I. Following a Green Development Path',
      'Green development is the foundation of high-quality development, and the country has kept to it.',
      'Conclusion',
      'China will continue to follow the path of green development with the rest of the world.',
    ];
    const text = `${lines.join('\n')}\n`;
    const marked = [lines[0], 'Preface', 'I. Following a Green Development Path', 'Conclusion'].map((line) => ({ start: text.indexOf(line), end: text.indexOf(line) + line.length }));
    const doc: SourceDoc = { ...seedDoc('xizang-2023-plan-report'), text, headings: marked };
    expect(chunkDocument(doc).map((p) => [p.kind, p.sectionPath.join(' > ')])).toEqual([
      ['front', ''],
      ['heading', 'Preface'],
      ['paragraph', 'Preface'],
      ['heading', 'I. Following a Green Development Path'],
      ['paragraph', 'I. Following a Green Development Path'],
      ['heading', 'Conclusion'],
      ['paragraph', 'Conclusion'],
    ]);
  });

  it('sets a contents list after a foreword in no section: the foreword closes where the contents start', () => {
    // A white paper: its foreword under a heading set large (前言, named in headings), then its contents.
    const foreword = '为适应数字经济发展环境，我国相继出台数据安全相关法律法规，对数据安全保障工作提出总体要求。';
    const body = '近年来，智能网联汽车测试示范区建设取得丰硕成果，汇聚了大量的自动驾驶运行数据。';
    const note = '本白皮书重点围绕示范区的建设和运营实际，提出了一套数据分类分级管理办法。';
    const text = `${note}\n前言\n${foreword}\n目 录\n一、编制背景\t01\n（一）数据安全已上升至国家层面\n二、研究内容\t09\n一、编制背景\n${body}\n`;
    const start = text.indexOf('前言');
    const doc: SourceDoc = { ...seedDoc('xizang-2023-plan-report'), text, headings: [{ start, end: start + 2 }] };
    expect(chunkDocument(doc).map((p) => [p.kind, p.sectionPath.join(' > ')])).toEqual([
      ['paragraph', ''],
      ['heading', '前言'],
      ['paragraph', '前言'],
      ['toc', ''],
      ['toc', ''],
      ['heading', '一、编制背景'],
      ['paragraph', '一、编制背景'],
    ]);
  });

  it('keeps a lone bare number that is no page number in the text', () => {
    const doc = seedDoc('xizang-2023-plan-report');
    const passages = chunkDocument({ ...doc, text: '各位代表：\n\n主要指标\n\n12\n\n下一段。\n' });
    expect(squash(passages.map((p) => p.text).join(''))).toContain('12');
  });
});
