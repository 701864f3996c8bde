import { describe, expect, it } from 'vitest';
import { clip, failureLines, summaryLines } from '../../src/eval/clir-report.js';

describe('the printed report', () => {
  it('has a header and one line per kind, figures to two decimals', () => {
    const lines = summaryLines('own', 10, [
      { kind: 'common', summary: { n: 20, recallAtK: 0.55, mrr: 0.25, zeroResults: 7 } },
      { kind: 'all', summary: { n: 60, recallAtK: 0.2333, mrr: 0.1234, zeroResults: 43 } },
    ]);
    expect(lines[0]).toBe('own');
    expect(lines[1].split(/\s+/)).toEqual(['kind', 'n', 'R@10', 'MRR', 'zero']);
    expect(lines[3].split(/\s+/)).toEqual(['all', '60', '0.23', '0.12', '43']);
  });

  it('shows a failing query with its top hits on one line each and its expansions', () => {
    const lines = failureLines({
      q: 'rat race competition',
      kind: 'specific',
      expect: ['内卷式'],
      total: 2,
      top: [{ docId: 'a', text: '第一段\n很长'.repeat(20) }, { docId: 'b', text: '短' }],
      expansions: ['competition → 竞争 (dictionary)'],
    });
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^ {4}1\. a: .{40}…$/u);
    expect(lines[3]).toContain('competition → 竞争');
  });

  it('clips to the first characters on one line', () => {
    expect(clip('  一\n二  ', 10)).toBe('一 二');
    expect(clip('一二三', 2)).toBe('一二…');
  });
});
