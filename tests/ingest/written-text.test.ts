import { describe, expect, it } from 'vitest';
import { edited, groupText, linesOf, sliceOf, written } from '../../src/ingest/written-text.js';

describe('a text beside its simplified key', () => {
  it('keeps the two of one length through slices, lines and edits of spaces', () => {
    const w = written('政府工作報告\n——2024年1月7日在西藏自治區第十二屆人民代表大會第二次會議上\n（自治區主席　嚴金海）');
    expect(w.key.length).toBe(w.text.length);
    const lines = linesOf(w);
    expect(lines.map((l) => l.text)).toEqual(w.text.split('\n'));
    expect(lines.map((l) => l.key)).toEqual(w.key.split('\n'));
    expect(sliceOf(lines[1], 12, 17)).toEqual({ text: '西藏自治區', key: '西藏自治区' });
    expect(edited(lines[2], (s) => s.replace(/^（(.*)）$/, '$1'))).toEqual({ text: '自治區主席　嚴金海', key: '自治区主席　严金海' });
  });

  it('reads a group the key matched from the text as written', () => {
    const w = written('自治區主席　嚴金海');
    const m = /(自治区主席)\s*(\S+)/d.exec(w.key);
    expect(m && [groupText(w, m, 1), groupText(w, m, 2)]).toEqual(['自治區主席', '嚴金海']);
  });
});
