/**
 * Quotation marks as a reader types them: a report writes `西藏“十四五”规划`; typed on a Latin keyboard it is
 * `西藏"十四五"规划`, in traditional characters `西藏「十四五」規劃`. The marks are one in match keys (curly, corner
 * and straight double quotes; curly and straight single ones), so each finds the others, marked as written; the
 * words stay exact (`十四五` does not find `十三五`).
 */
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { useTempCorpusEngine } from '../temp-corpus-engine.js';

const REPORT = [
  '2021年西藏自治区政府工作报告',
  '',
  '科学编制西藏“十四五”规划，谋划一批重大项目。',
  '',
  '西藏"十四五"规划纲要经自治区人大审议通过。',
  '',
  '落实西藏「十四五」规划确定的目标任务。',
  '',
  '总结西藏“十三五”规划实施情况。',
  '',
  '推进‘两个屏障’建设。',
  '',
].join('\n');

const engine = useTempCorpusEngine({ 'xizang-2021-government-work-report.txt': REPORT }, 'quotation-marks-');
const search = (q: string): Promise<SearchResponse> => engine().search(q, { limit: 20 });
const marked = (r: SearchResponse): string[] => r.hits.flatMap((h) => (h.textHighlights ?? []).map(([s, e]) => h.text.slice(s, e)));

describe('a phrase with quotation marks', () => {
  it('finds the phrase written with curly, straight or corner quotes, each marked as written', async () => {
    for (const q of ['西藏“十四五”规划', '西藏"十四五"规划', '西藏「十四五」規劃', '"西藏“十四五”规划"']) {
      const r = await search(q);
      expect(r.total, q).toBe(3);
      expect(marked(r).sort(), q).toEqual(['西藏“十四五”规划', '西藏"十四五"规划', '西藏「十四五」规划'].sort());
    }
  });

  it('keeps its words exact, and single quotes apart from double ones', async () => {
    expect((await search('西藏"十三五"规划')).total).toBe(1);
    expect((await search("'两个屏障'")).total).toBe(1);
    expect((await search('推进"两个屏障"建设')).total).toBe(0);
    expect((await search("推进'两个屏障'建设")).total).toBe(1);
  });
});
