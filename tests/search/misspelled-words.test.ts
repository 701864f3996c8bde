/**
 * An English word nothing translates is offered its spelling however much the rest of the query finds, unless
 * the reports themselves hold the word (a project's name an English report writes, which no dictionary knows).
 */
import { describe, expect, it } from 'vitest';
import { useTempCorpusEngine } from '../temp-corpus-engine.js';

const english = [
  'Report on the Work of the Government',
  '',
  'The Rovar rover explored the surface of Mars and the rover sent back data on energy.',
  '',
  'The Rovar mission marked a new step in deep space exploration and renewable energy research.',
  '',
  'Scientists studied the Rovar results and published them, with energy figures for the rover.',
].join('\n');
const chinese = ['政府工作报告', '', '大力发展可再生能源，推进能源绿色低碳转型。', '', '祝融号火星车开展巡视探测，可再生能源装机持续增长。', '', '加快建设新型能源体系，可再生能源发电量再创新高。'].join('\n');

const engine = useTempCorpusEngine({ 'report-en.txt': english, 'report-zh.txt': chinese }, 'misspelled-');

describe('the spelling of an untranslated English word', () => {
  it('is offered beside results (renewable enrgy → renewable energy)', async () => {
    const response = await engine().search('renewable enrgy', { limit: 1 });
    expect(response.total).toBeGreaterThanOrEqual(3);
    expect(response.didYouMean?.[0]).toMatchObject({ query: 'renewable energy', reason: 'spelling' });
  });

  it('is not offered for a word the reports hold, which nothing translates (Rovar, a project name, one letter from rover)', async () => {
    const response = await engine().search('Rovar mission', { limit: 1 });
    expect(response.concepts?.find((c) => c.en === 'Rovar')?.status).toBe('untranslated');
    expect(response.total).toBeGreaterThanOrEqual(3);
    expect(response.didYouMean).toBeUndefined();
  });
});
