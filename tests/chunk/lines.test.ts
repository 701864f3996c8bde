import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/chunk/lines.js';
import { SEEDS, seedDoc } from './seeds.js';

describe('splitLines', () => {
  it('gives every line of every seed offsets that slice its trimmed text out of the document', () => {
    for (const { id } of SEEDS) {
      const { text } = seedDoc(id);
      const lines = splitLines(text);
      expect(lines.length).toBeGreaterThan(90);
      for (const line of lines) expect(text.slice(line.start, line.end)).toBe(line.text);
    }
  });

  it('keeps a full-width space inside a line and trims the ones around it', () => {
    const { text } = seedDoc('xizang-2020-government-work-report');
    const speaker = splitLines(text).find((l) => l.text.startsWith('自治区主席'));
    expect(speaker?.text).toBe('自治区主席\u3000齐扎拉');
  });

  it('ends lines at CRLF, LF and CR alike and records their indexes in order', () => {
    const lines = splitLines('\u3000\u3000各位代表：\r\n\r\n现在，我代表\r请予审议。\n');
    expect(lines.map((l) => l.text)).toEqual(['各位代表：', '', '现在，我代表', '请予审议。', '']);
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3, 4]);
    expect(lines[0].start).toBe(2);
  });

  it('treats a run of ideographic spaces between two paragraphs of one line as a lost line break', () => {
    const text = '各位代表：\u3000\u3000现在，我代表国务院。\u3000\u3000一、2021年工作回顾\u00a0\u3000\u3000过去一年';
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual(['各位代表：', '现在，我代表国务院。', '一、2021年工作回顾', '过去一年']);
    for (const line of lines) expect(text.slice(line.start, line.end)).toBe(line.text);
  });
});
