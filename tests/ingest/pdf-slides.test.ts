import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import type { PdfItem, PdfPage } from '../../src/ingest/pdf-extract.js';
import { readHtml } from '../../src/ingest/html.js';
import { buildLines } from '../../src/ingest/pdf-lines.js';
import { isSlide, slideEdges } from '../../src/ingest/pdf-slides.js';
import type { Passage, SourceDoc } from '../../src/model.js';
import { testContext } from './helpers.js';

/** A slide of a deck exported to PDF (16:9, 960 x 540 points): text boxes 60 points in from either edge. */
const SLIDE = { width: 960, height: 540 };
const BOX_LEFT = 60;
const BOX_RIGHT = SLIDE.width - BOX_LEFT;

/** One line of text at (x, y), CJK characters one font size wide, the rest half. */
function item(str: string, x: number, y: number, size: number): PdfItem {
  const width = Array.from(str).reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef■]/u.test(ch) ? size : size / 2), 0);
  return { str, x, y, width, size, font: 'f' };
}

/** A bullet's text broken into lines that fill the box from `x` (the last line what is left). */
function bulletLines(text: string, x: number, size: number): string[] {
  const perLine = Math.floor((BOX_RIGHT - x) / size);
  const chars = Array.from(text);
  const lines: string[] = [];
  for (let k = 0; k < chars.length; k += perLine) lines.push(chars.slice(k, k + perLine).join(''));
  return lines;
}

/**
 * A slide: its title in 32 points, its bullets in 22 points under it (a wrapped bullet's lines 1.2 sizes apart,
 * bullets 1.6 apart), the slide number in 12 points at the bottom right.
 */
function slide(index: number, title: string, bullets: readonly string[], number: number): PdfPage {
  const items: PdfItem[] = [item(title, BOX_LEFT, 470, 32)];
  let y = 420;
  for (const bullet of bullets) {
    for (const line of bulletLines(bullet, 86, 22)) {
      items.push(item(line, 86, y, 22));
      y -= 22 * 1.2;
    }
    y -= 22 * 0.4;
  }
  items.push(item(String(number), 900, 20, 12));
  return { index, ...SLIDE, items, imageOnly: false };
}

const COVER: PdfPage = {
  index: 1,
  ...SLIDE,
  items: [item('2024年数据安全治理工作汇报', 216, 352, 40), item('某某市大数据发展管理局', 348, 298, 24), item('2024年12月', 427, 258, 20)],
  imageOnly: false,
};

/** The deck read as the PDF reader reads it, then chunked. */
function chunkDeck(pages: readonly PdfPage[]): Passage[] {
  const assembled = assemblePdf(pages);
  const base = readHtml(Buffer.from('<p>x</p>'), testContext('deck.pdf'))[0];
  const doc: SourceDoc = { ...base, format: 'pdf', text: assembled.text, pages: assembled.pages, headings: assembled.headings, items: assembled.items };
  return chunkDocument(doc);
}

const shape = (passages: Passage[]): Array<[string, number | null | undefined, number | undefined, string, string]> =>
  passages.map((p) => [p.kind, p.paragraph, p.page, p.sectionPath.join(' > '), p.text]);

describe('a deck of slides exported to PDF', () => {
  it('gives each slide its title as a heading and each bullet a paragraph of its own, cited by the slide number', () => {
    // Bullets end no sentence; the first of slide 2 ends 3 sizes short of its box (no other line is wider), and
    // the long bullet of slide 3 wraps at the box's edge onto a second line.
    const pages = [
      COVER,
      slide(2, '总体情况', ['国家层面出台数据安全法和个人信息保护法，明确数据分类分级保护制度要求', '全市数据资源总量快速增长，政务数据共享需求持续扩大', '数据安全风险日益突出'], 1),
      slide(3, '主要做法', ['建立数据资产目录清单，覆盖全部市级部门业务系统共计一千二百余个，并按季度更新维护', '制定数据分类分级实施指南'], 2),
      slide(4, '下一步工作安排', ['完善数据安全管理制度体系', '加强数据安全监测预警和应急处置'], 3),
    ];
    expect(shape(chunkDeck(pages))).toEqual([
      ['front', null, undefined, '', '2024年数据安全治理工作汇报\n某某市大数据发展管理局\n2024年12月'],
      ['heading', null, 1, '总体情况', '总体情况'],
      ['paragraph', 1, 1, '总体情况', '国家层面出台数据安全法和个人信息保护法，明确数据分类分级保护制度要求'],
      ['paragraph', 2, 1, '总体情况', '全市数据资源总量快速增长，政务数据共享需求持续扩大'],
      ['paragraph', 3, 1, '总体情况', '数据安全风险日益突出'],
      ['heading', null, 2, '主要做法', '主要做法'],
      ['paragraph', 4, 2, '主要做法', '建立数据资产目录清单，覆盖全部市级部门业务系统共计一千二百余个，并按季度更新维护'],
      ['paragraph', 5, 2, '主要做法', '制定数据分类分级实施指南'],
      ['heading', null, 3, '下一步工作安排', '下一步工作安排'],
      ['paragraph', 6, 3, '下一步工作安排', '完善数据安全管理制度体系'],
      ['paragraph', 7, 3, '下一步工作安排', '加强数据安全监测预警和应急处置'],
    ]);
  });

  it('starts a new paragraph at a bullet mark, even after a bullet that reaches the edge of its box', () => {
    const full = '■ 基层应用场景偏少，部分系统使用率不高，重建设轻运营的问题仍然存在，亟待解';
    const items = [item('存在的问题', BOX_LEFT, 470, 32), item(full, BOX_LEFT, 420, 22), item('■ 专业人才短缺', BOX_LEFT, 384, 22), item('■ 数据共享不充分', BOX_LEFT, 348, 22)];
    expect(items[1].x + items[1].width).toBeGreaterThan(BOX_RIGHT - 22);
    const passages = chunkDeck([COVER, { index: 2, ...SLIDE, items, imageOnly: false }]);
    expect(passages.filter((p) => p.kind === 'paragraph').map((p) => p.text)).toEqual([full, '■ 专业人才短缺', '■ 数据共享不充分']);
  });
});

describe('a bullet that wraps under its own text', () => {
  it('keeps its lines together, the second hanging under the first after the bullet', () => {
    // PowerPoint's hanging indent: the bullet at the box's left, the wrapped line under the text after it.
    const first = '• 今年以来，我市深入实施营商环境优化提升行动，紧紧围绕广大市场主体的关切，';
    const items = [
      item('一、基本情况', BOX_LEFT, 470, 32),
      item(first, BOX_LEFT, 420, 22),
      item('出台改革举措一百二十项，企业开办时间压缩至一个工作日以内', BOX_LEFT + 22, 394, 22),
      item('• 市场主体总量突破八十万户', BOX_LEFT, 358, 22),
    ];
    expect(items[1].x + items[1].width).toBeGreaterThan(BOX_RIGHT - 1.5 * 22);
    const passages = chunkDeck([COVER, { index: 2, ...SLIDE, items, imageOnly: false }]);
    expect(passages.filter((p) => p.kind === 'paragraph').map((p) => p.text)).toEqual([
      '• 今年以来，我市深入实施营商环境优化提升行动，紧紧围绕广大市场主体的关切，出台改革举措一百二十项，企业开办时间压缩至一个工作日以内',
      '• 市场主体总量突破八十万户',
    ]);
  });
});

describe('which pages are slides', () => {
  const bullets = slide(2, '总体情况', ['全市数据资源总量快速增长，政务数据共享需求持续扩大', '数据安全风险日益突出'], 1);
  const linesOf = (page: PdfPage) => buildLines(page.index, page.items);

  it('takes a landscape page with its text set large for its height, and its box edge mirrored from the title', () => {
    expect(isSlide(bullets, linesOf(bullets))).toBe(true);
    expect(slideEdges([bullets], [linesOf(bullets)]).get(2)).toBe(BOX_RIGHT);
  });

  it('takes no portrait page, and no landscape page of a report set in 12 points (an annex table)', () => {
    const portrait = { ...bullets, width: 540, height: 960 };
    expect(isSlide(portrait, linesOf(portrait))).toBe(false);
    const annex: PdfPage = { index: 7, width: 842, height: 595, items: [item('附表1\t2024年重点项目\t投资', 72, 500, 12), item('全市数据资源总量快速增长，政务数据共享需求持续扩大。', 72, 480, 12)], imageOnly: false };
    expect(isSlide(annex, linesOf(annex))).toBe(false);
  });
});
