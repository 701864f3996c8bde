import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { SourceDoc } from '../../src/model.js';
import { seedDoc } from './seeds.js';

/** A document of this text (the 2020 report's metadata). */
function doc(text: string, format: SourceDoc['format'] = 'txt'): SourceDoc {
  return { ...seedDoc('xizang-2020-government-work-report'), format, text };
}

const kinds = (text: string, format?: SourceDoc['format']): Array<[string, string, number | null | undefined]> =>
  chunkDocument(doc(text, format)).map((p) => [p.kind, p.text, p.paragraph]);

describe('a signature block at the end of a report', () => {
  it('is no paragraph: the issuing body and the date under the last paragraph are one unnumbered block', () => {
    // A white paper printed by Chromium: the body, then the issuer and the date set right, each a line.
    const text = '一、发展现状\n全市数字经济规模持续扩大。\n各项工作稳步推进。\n某某市经济和信息化局\n2024年6月18日';
    expect(kinds(text, 'pdf').slice(-2)).toEqual([
      ['paragraph', '各项工作稳步推进。', 2],
      ['front', '某某市经济和信息化局\n2024年6月18日', null],
    ]);
  });

  it('ends before an appendix, the date in Chinese numerals, the issuer in traditional characters', () => {
    const text = '各位代表：\n讓我們團結奮鬥。\n西藏自治區人民政府\n二〇二五年一月十九日\n附件\n名詞解釋要點如下。';
    const passages = chunkDocument(doc(text, 'docx'));
    expect(passages.map((p) => [p.kind, p.paragraph])).toEqual([
      ['paragraph', 1],
      ['paragraph', 2],
      ['front', null],
      ['heading', null],
      ['paragraph', 3],
    ]);
    expect(passages[2].text).toBe('西藏自治區人民政府\n二〇二五年一月十九日');
  });

  it('may be a date alone, and leaves a date or a body name inside the text as it was', () => {
    expect(kinds('第一段。\n第二段。\n2024年6月').slice(-1)).toEqual([['front', '2024年6月', null]]);
    // A date that starts a paragraph's sentence, a short last line that names no body, a date in mid-text.
    expect(kinds('第一段。\n2024年6月18日，市政府召开会议。')).toEqual([
      ['paragraph', '第一段。', 1],
      ['paragraph', '2024年6月18日，市政府召开会议。', 2],
    ]);
    expect(kinds('第一段。\n以上报告，请予审议').map((k) => k[0])).toEqual(['paragraph', 'paragraph']);
    expect(kinds('第一段。\n某某市人民政府\n2024年6月18日\n第二段。').map((k) => k[0])).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('leaves a document of nothing but a signature or a date as it was read (front matter, or one passage)', () => {
    expect(kinds('某某市人民政府\n2024年6月18日').map((k) => k[0])).not.toContain('paragraph');
    expect(kinds('2024年6月18日')).toHaveLength(1);
  });
});
