import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../src/ingest/html-blocks.js';
import { declaredCharset, readHtml } from '../../src/ingest/html.js';
import { corpusDir, fixturesDir, testContext } from './helpers.js';

const hostile = readFileSync(path.join(fixturesDir, 'hostile.html'));

describe('the HTML reader on a hostile page', () => {
  const ctx = testContext('hostile.html');
  const [doc] = readHtml(hostile, ctx);
  const lines = doc.text.split('\n');

  it('keeps the article\'s headings, paragraphs, list items and table rows, one a line', () => {
    expect(lines).toEqual([
      '政府工作报告',
      '——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上',
      '自治区主席 严金海',
      '一、2023年工作回顾',
      '各位代表：请看这里的链接，以及 图后文字。',
      '实体：A & B <b>不是标签</b> "引号" 中国 ©2024\u00a0年',
      '第一项',
      '第二项 加粗',
      '指标\t数值',
      '地区生产总值\t2392.67亿元',
      '内层\t表格',
      '增长\t9.5%',
      '未闭合段落',
      '第二段 粗体交错斜体',
      '事件属性所在的块',
      '最后一段',
      '换行之后',
    ]);
  });

  it('lets no script, style, frame, form, navigation, header, footer, template or comment text through', () => {
    for (const leaked of ['脚本文字', '注入段落', '样式文字', '框架文字', '表单值', '表单文本', '按钮文字', '站点标题', '导航文字', '侧栏文字', '版权所有', '模板文字', '注释文字', '请启用脚本', '矢量文字', '对象文字']) {
      expect(doc.text, leaked).not.toContain(leaked);
    }
  });

  it('lets no markup, event handler or javascript: URL through (entities decode to plain characters)', () => {
    expect(doc.text).not.toMatch(/<(p|a|img|script|iframe|div|table|td|br)\b/i);
    expect(doc.text).not.toMatch(/javascript:|onclick|onerror|onmouseover|onload|alert\(|steal\(/i);
    expect(doc.text).not.toMatch(/&(amp|lt|gt|quot|nbsp|copy|#x?[0-9a-f]+);/i);
  });

  it('decodes the UTF-8 bytes although the page declares iso-8859-1, and says so in a warning', () => {
    expect(doc.encoding).toBe('utf-8');
    expect(ctx.warnings).toEqual([{ code: 'INGEST_CHARSET_MISMATCH', detail: 'declared iso-8859-1, decoded as utf-8' }]);
  });

  it('infers the metadata from the article text', () => {
    expect(doc.meta).toMatchObject({ year: 2024, date: '2024-01-07', issuer: '严金海' });
    expect(doc.format).toBe('html');
  });
});

describe('the HTML reader and charsets', () => {
  const seedText = readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), 'utf8');
  const paragraphs = seedText.split('\n').filter((l) => l.trim() !== '').slice(0, 20);
  const page = (charset: string): string =>
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
  const expected = paragraphs.map((p) => p.trim()).join('\n');

  it('decodes GBK bytes by their gbk declaration, without a warning', () => {
    const ctx = testContext('gbk.html');
    const [doc] = readHtml(iconv.encode(page('gbk'), 'gb18030'), ctx);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe(expected);
    expect(ctx.warnings).toEqual([]);
  });

  it('falls back to detection when GBK bytes are declared utf-8', () => {
    const ctx = testContext('wrong.html');
    const [doc] = readHtml(iconv.encode(page('utf-8'), 'gb18030'), ctx);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe(expected);
    expect(ctx.warnings.map((w) => w.code)).toEqual(['INGEST_CHARSET_MISMATCH']);
  });

  it('falls back to detection when the declared charset is unknown', () => {
    const [doc] = readHtml(Buffer.from(page('x-unknown-charset'), 'utf8'), testContext('u.html'));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe(expected);
  });

  it('finds the declared charset in both meta forms and in an XML declaration', () => {
    expect(declaredCharset(Buffer.from('<meta charset="GB2312">'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<meta content="text/html; charset=utf-8" http-equiv="Content-Type">'))).toBe('utf-8');
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="GBK"?><html>'))).toBe('gbk');
    expect(declaredCharset(Buffer.from('<p>no declaration</p>'))).toBeNull();
  });

  it('refuses a page with no text with INGEST_EMPTY', () => {
    expect(() => readHtml(Buffer.from('<html><body><script>x()</script><nav>菜单</nav></body></html>'), testContext('e.html'))).toThrow(
      expect.objectContaining({ code: 'INGEST_EMPTY' }),
    );
  });
});

describe('extractBlocks', () => {
  it('prefers the article over the rest of the body when it holds most of the text', () => {
    const html = `<body><div class="sidebar">相关链接</div><div id="content"><p>${'正文'.repeat(50)}</p></div></body>`;
    expect(extractBlocks(html).text).toBe('正文'.repeat(50));
  });

  it('keeps the whole body when the marked article is a small teaser', () => {
    const html = `<body><article>导语</article><div><p>${'正文'.repeat(50)}</p></div></body>`;
    expect(extractBlocks(html).text).toBe(`导语\n${'正文'.repeat(50)}`);
  });

  it('returns the page title, or the first h1', () => {
    expect(extractBlocks('<title> 标题 </title><body><p>x</p></body>').title).toBe('标题');
    expect(extractBlocks('<body><h1>大标题</h1></body>').title).toBe('大标题');
  });

  it('takes the h1 over a page title that wraps it in the site\'s column and name, as government sites do', () => {
    const page = '<title>2024年某某市政府工作报告_政府工作报告_某某市人民政府门户网站</title><body><h1>2024年某某市政府工作报告</h1><div id="zoom"><p>各位代表：</p></div></body>';
    expect(extractBlocks(page).title).toBe('2024年某某市政府工作报告');
    expect(extractBlocks('<title>政府工作报告</title><body><h1>某某市人民政府</h1><p>x</p></body>').title).toBe('政府工作报告');
    expect(extractBlocks('<title>政府工作报告_某某市人民政府</title><body><h1>某某市人民政府</h1><p>x</p></body>').title).toBe('政府工作报告_某某市人民政府');
  });
});
