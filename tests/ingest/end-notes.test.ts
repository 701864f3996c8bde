import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { chunkDocument } from '../../src/chunk/index.js';
import { findEndNotes } from '../../src/ingest/end-notes.js';
import { readTxt } from '../../src/ingest/txt.js';
import { testContext } from './helpers.js';

const BODY = [
  '政府工作报告',
  '——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上',
  '各位代表：',
  '现在，我代表自治区人民政府，向大会报告政府工作，请予审议。',
  '一、2023年工作回顾',
  '地区生产总值增长9.5%①，增速位居全国前列。城乡居民人均可支配收入分别增长7.5%和9.1%②。',
  '全年新增城镇就业5.1万人，城镇调查失业率控制在5.5%以内。',
];

function passagesOf(text: string) {
  const [doc] = readTxt(iconv.encode(text, 'gb18030'), testContext('notes.txt'));
  return chunkDocument(doc);
}

describe('notes at the end of a plain-text report', () => {
  it('are passages of kind note, not numbered paragraphs, with or without a 注释 label', () => {
    for (const label of [[], ['注释：']]) {
      const text = [...BODY, '', ...label, '①地区生产总值增速按可比价格计算。', '②城乡居民人均可支配收入为快报数。'].join('\r\n');
      const passages = passagesOf(text);
      const notes = passages.filter((p) => p.kind === 'note').map((p) => p.text);
      expect(notes).toEqual([...label, '①地区生产总值增速按可比价格计算。', '②城乡居民人均可支配收入为快报数。']);
      expect(passages.filter((p) => p.kind === 'paragraph').map((p) => p.paragraph)).toEqual([1, 2, 3, 4]);
    }
  });

  it('keep a note wrapped over several lines as one note', () => {
    const text = [...BODY, '', '①地区生产总值增速按可比价格计算，其余指标按', '现价计算。', '②城乡居民人均可支配收入为快报数。'].join('\n');
    expect(passagesOf(text).filter((p) => p.kind === 'note').map((p) => p.text)).toEqual([
      '①地区生产总值增速按可比价格计算，其余指标按现价计算。',
      '②城乡居民人均可支配收入为快报数。',
    ]);
  });

  it('are none when the marks are not referred to in the text, or the list is the body’s own', () => {
    expect(findEndNotes([...BODY.slice(0, 5), '全年工作如下：', '①粮食产量稳定。', '②就业形势稳定。'].join('\n'))).toEqual([]);
    expect(findEndNotes([...BODY, '', '2.城乡居民人均可支配收入为快报数。'].join('\n'))).toEqual([]);
    expect(findEndNotes(BODY.join('\n'))).toEqual([]);
  });

  it('are ranges of the original text', () => {
    const text = [...BODY, '', '①地区生产总值增速按可比价格计算。 ', '②城乡居民人均可支配收入为快报数。\n'].join('\n');
    expect(findEndNotes(text).map((r) => text.slice(r.start, r.end))).toEqual(['①地区生产总值增速按可比价格计算。', '②城乡居民人均可支配收入为快报数。']);
  });
});
