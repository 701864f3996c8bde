/**
 * Real government page shapes (gov.cn `#UCAP-CONTENT`, TRS/Hanweb `.trs_editor_view` inside `#zoom`, an
 * ASP.NET page wrapped in `<form>`, a report split over two `.content` blocks with an `<aside>`, a page
 * without any article markup), each built around the paragraphs of a real report from the national
 * collection and dressed in navigation, headers, footers and sidebars. Boilerplate removal may drop the
 * navigation, never the report: at least 99% of the report's Han characters must survive (counted
 * paragraph by paragraph), and none of the navigation text may.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../src/ingest/html-blocks.js';
import { readHtml } from '../../src/ingest/html.js';
import { corporaDir, testContext } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

describeWithShared('corpora/national-zh', 'report text from the national collection in page shapes', () => {
  const records = readFileSync(path.join(corporaDir, 'national-zh/government_work_reports.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { title: string; content: string });

  /** The non-empty paragraphs of record `i` (its first 60, enough for a page). */
  function paragraphs(i: number): string[] {
    return records[i].content.split('\n').map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('本作品')).slice(0, 60);
  }

  const hanOf = (text: string): number => (text.match(/\p{Script=Han}/gu) ?? []).length;
  /** The work reports (not the short NPC resolutions): records whose first 60 paragraphs hold 5,000 Han characters. */
  const reports = records.map((_, i) => i).filter((i) => hanOf(paragraphs(i).join('')) >= 5000);

  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const ps = (lines: string[], style = ''): string => lines.map((l) => `<p${style}>${escape(l)}</p>`).join('\n');
  const links = (items: string[]): string => items.map((t, i) => `<li><a href="/n${i}.html" target="_blank">${t}</a></li>`).join('');

  /** Navigation text: every piece below must disappear. None of it occurs in a report. */
  const MENU = ['网站首页', '走进本网', '在线访谈', '领导信箱', '办事大厅', '网站地图'];
  const TOP_BAR = ['无障碍浏览', '长者模式', '繁體版', '登录注册'];
  const CRUMB = ['当前位置：', '首页', '政策文件库'];
  const RELATED = ['相关稿件：政策解读图解版', '相关稿件：新闻发布会实录', '相关稿件：数说报告亮点'];
  const TOOLS = ['【打印本页】', '【关闭窗口】'];
  const FOOTER = '版权所有：某省人民政府办公厅 网站标识码 1100000088 备案号：京ICP备05070218号 联系我们 网站声明';
  const NAVIGATION = [...MENU, ...TOP_BAR, ...CRUMB.filter((c) => c !== '首页'), ...RELATED, ...TOOLS, '网站标识码', '京ICP备05070218号'];

  const header = `<div class="header"><div class="top-bar">${TOP_BAR.map((t) => `<a href="#">${t}</a>`).join(' | ')}</div>
    <div class="logo"><img src="logo.png" alt="中国政府网"></div><ul class="nav">${links(MENU)}</ul></div>`;
  const crumb = `<div class="BreadcrumbNav">${CRUMB[0]}<a href="/">${CRUMB[1]}</a> &gt; <a href="/zhengce/">${CRUMB[2]}</a></div>`;
  const footer = `<div class="footer"><div class="foot-links"><a href="#">联系我们</a> <a href="#">网站声明</a></div><p>${FOOTER}</p></div>`;
  const related = `<div class="related"><h3>相关稿件</h3><ul>${links(RELATED)}</ul></div>`;
  const tools = `<div class="print-tools">${TOOLS.map((t) => `<a href="javascript:window.print()">${t}</a>`).join('')}</div>`;

  /** gov.cn: title and dateline in `.article`, the report in `#UCAP-CONTENT`, related links after. */
  function govCn(lines: string[], title: string): string {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_中国政府网</title></head><body>${header}
    <div class="main">${crumb}<div class="article oneColumn pub_border"><h1>${title}</h1>
    <div class="pages-date">2025-03-12 来源：新华社</div>
    <div class="pages_content" id="UCAP-CONTENT">${ps(lines, ' style="text-indent: 2em; font-family: 宋体;"')}</div>
    <div class="editor">【我要纠错】 责任编辑：王洋</div></div>${related}</div>${footer}</body></html>`;
  }

  /** TRS/Hanweb: a left column of links, the report in `.trs_editor_view` inside `#zoom`. */
  function trs(lines: string[], title: string): string {
    return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${title}</title></head><body>
    ${header}<table width="1000" align="center"><tr><td class="left-nav" width="220"><ul>${links(MENU)}</ul></td>
    <td valign="top">${crumb}<div class="xl-title">${title}</div><div id="zoom" class="zoom">
    <div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web">${ps(lines, ' style="text-align: justify;"')}</div></div>
    ${tools}</td></tr></table>${footer}</body></html>`;
  }

  /** ASP.NET: the whole page inside `<form id="form1">`, the report in a label span split by `<br>`. */
  function aspNet(lines: string[], title: string): string {
    return `<html><head><title>${title}</title></head><body><form name="form1" method="post" action="./Show.aspx?id=1024" id="form1">
    <div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM2ODk5NTc3"></div>
    <div id="top"><div class="toplinks">${TOP_BAR.map((t) => `<a href="#">${t}</a>`).join(' ')}</div><div id="menu"><ul>${links(MENU)}</ul></div></div>
    <div id="position">${CRUMB[0]}<a href="/">${CRUMB[1]}</a> &gt; <a href="#">${CRUMB[2]}</a></div>
    <table class="maintable"><tr><td class="leftmenu"><ul>${links(RELATED)}</ul></td><td class="right">
    <span id="lblTitle" class="title">${title}</span><br><span id="lblContent">${lines.map(escape).join('<br>\n')}</span>
    </td></tr></table><div id="bottom">${TOOLS.join(' ')}<br>${FOOTER}</div></form></body></html>`;
  }

  /** A report split over two `.content` blocks, a glossary `<aside>` inside the second, a sidebar beside. */
  function splitContent(lines: string[], title: string): string {
    const half = Math.floor(lines.length / 2);
    const [first, second, glossary] = [lines.slice(0, half), lines.slice(half, -2), lines.slice(-2)];
    return `<html><head><title>${title}</title></head><body>${header}<div class="wrap">${crumb}
    <div class="content">${ps(first)}</div>
    <div class="ad-links"><a href="#">${RELATED[0]}</a> <a href="#">${RELATED[1]}</a></div>
    <div class="content">${ps(second)}<aside class="note">${ps(glossary)}</aside></div>
    <div class="sidebar"><h3>热门</h3><ul>${links(MENU)}</ul></div>${tools}</div>${footer}</body></html>`;
  }

  /** No article markup at all: paragraphs in the body, one of them in an `<aside>`. */
  function bare(lines: string[], title: string): string {
    return `<html><head><title>${title}</title></head><body><nav><ul>${links(MENU)}</ul></nav>${crumb}
    <h1>${title}</h1>${ps(lines.slice(0, -1))}<aside>${ps(lines.slice(-1))}</aside>${related}
    <footer><p>${FOOTER}</p></footer></body></html>`;
  }

  const squash = (text: string): string => text.replace(/\s+/g, '');

  /** Share of the report's Han characters found again, each paragraph whole as a line of its own. */
  function keptShare(lines: string[], text: string): number {
    const out = new Set(text.split('\n').map(squash));
    const kept = lines.filter((l) => out.has(squash(l))).reduce((sum, l) => sum + hanOf(l), 0);
    return kept / lines.reduce((sum, l) => sum + hanOf(l), 0);
  }

  const SHAPES = [
    ['gov.cn #UCAP-CONTENT', govCn],
    ['TRS/Hanweb .trs_editor_view in #zoom', trs],
    ['ASP.NET page wrapped in <form>', aspNet],
    ['report split over two .content blocks with an <aside>', splitContent],
    ['page without article markup, one paragraph in an <aside>', bare],
  ] as const;

  describe('report text on real government page shapes', () => {
    it('uses report paragraphs that contain none of the navigation text', () => {
      expect(reports.length).toBeGreaterThan(40);
      for (const i of reports) for (const nav of NAVIGATION) expect(records[i].content).not.toContain(nav);
    });

    it.each(SHAPES.map(([name, build], n) => [name, build, reports[n]] as const))('%s: keeps at least 99 per cent of the report’s Han characters and drops the navigation', (_, build, i) => {
      const lines = paragraphs(i);
      const page = build(lines, records[i].title);
      const ctx = testContext(`shape-${i}.html`);
      const [doc] = readHtml(Buffer.from(page), ctx);
      expect(keptShare(lines, doc.text)).toBeGreaterThanOrEqual(0.99);
      for (const nav of NAVIGATION) expect(doc.text).not.toContain(nav);
      expect(ctx.warnings).toEqual([]);
    });

    it('keeps every paragraph of every shape for the other reports of the collection too (≥ 99% of Han characters)', { tags: ['slow'] }, () => {
      for (const [n, i] of reports.entries()) {
        const lines = paragraphs(i);
        const [, build] = SHAPES[n % SHAPES.length];
        expect(keptShare(lines, extractBlocks(build(lines, records[i].title)).text), records[i].title).toBeGreaterThanOrEqual(0.99);
      }
    });
  });

  describe('what boilerplate removal says when it leaves text out', () => {
    it('names a footer holding report-sized text, with its size and first words', () => {
      const lines = paragraphs(reports[0]);
      const page = `<body><div id="content">${ps(lines.slice(0, -1))}</div><footer><p>${escape(lines[lines.length - 1].repeat(3))}</p></footer></body>`;
      const ctx = testContext('footer.html');
      readHtml(Buffer.from(page), ctx);
      expect(ctx.warnings).toHaveLength(1);
      expect(ctx.warnings[0].code).toBe('INGEST_HTML_TEXT_DROPPED');
      expect(ctx.warnings[0].detail).toMatch(new RegExp(`^<footer> as page footer, \\d+ Han characters: "${lines[lines.length - 1].slice(0, 10)}`));
    });

    it('says a page of navigation only holds only navigation, not that its body is empty', () => {
      const page = `<body><form id="form1"><div id="menu"><ul>${links(MENU)}</ul></div></form></body>`;
      expect(() => readHtml(Buffer.from(page), testContext('menu.html'))).toThrow(
        expect.objectContaining({ code: 'INGEST_EMPTY', message: expect.stringMatching(/holds only navigation/) }),
      );
    });

    it('refuses a page nested 60,000 deep with its own code and fix, not as unreadable', () => {
      const deep = `<html><body>${'<div>'.repeat(60_000)}政府工作报告${'</div>'.repeat(60_000)}</body></html>`;
      expect(() => readHtml(Buffer.from(deep), testContext('deep.html'))).toThrow(
        expect.objectContaining({ code: 'INGEST_HTML_TOO_DEEP', message: expect.stringMatching(/too deeply to parse: elements nest 60002 levels deep/) }),
      );
    });
  });

  describe('which blocks make the article', () => {
    it('reads every outermost .content block, but not a .content box that is only links', () => {
      const lines = paragraphs(reports[2]);
      const page = `<body><div class="content">${ps(lines.slice(0, 20))}</div>
        <div class="content"><a href="#">${RELATED[0]}</a><a href="#">${RELATED[1]}</a></div>
        <div class="content"><div class="content">${ps(lines.slice(20))}</div></div></body>`;
      const { text } = extractBlocks(page);
      expect(text.split('\n')).toEqual(lines);
    });
  });
});

describe('notes in HTML', () => {
  it('names the lines of footnotes and endnotes (Word’s as mammoth writes them, or role="doc-footnote"), not the references to them', () => {
    const page =
      '<html><body><article><p>全省地区生产总值增长5.6%。<sup><a id="footnote-ref-1" href="#footnote-1">[1]</a></sup></p>' +
      '<ol><li id="footnote-1"><p>[1] 数据来源：省统计局初步核算。</p></li></ol>' +
      '<aside role="doc-endnote"><p>本报告中的增速均按可比价格计算。</p></aside><p>各位代表！</p></article></body></html>';
    const { text, notes } = extractBlocks(page);
    expect(notes.map((r) => text.slice(r.start, r.end))).toEqual(['[1] 数据来源：省统计局初步核算。', '本报告中的增速均按可比价格计算。']);
  });
});

describe('a word processor\'s web page', () => {
  it('leaves out a document\'s page header and footer as LibreOffice saves them, with their page number fields', () => {
    // The shape LibreOffice writes for a Word report saved as a web page (`soffice --convert-to html`).
    const html = `<html><head><meta charset="utf-8"><title></title></head><body lang="zh-CN" dir="ltr">
      <div title="header"><p align="center"><span>湖北省人民政府</span></p></div>
      <p class="western" align="center"><font face="方正小标宋简体">政府工作报告</font></p>
      <p class="western" style="text-indent: 0.39in">各位代表：现在，我代表省人民政府，向大会报告工作。</p>
      <p class="western" style="text-indent: 0.39in">一年来，全省经济运行稳中有进。</p>
      <div title="footer"><p align="left"><span class="sd-abs-pos"><img src="a_html_1.gif" name="Shape1" alt="Shape1"/></span>
        <span id="Frame1"><p><span><sdfield type=PAGE subtype=RANDOM format=PAGE>5</sdfield></span></p></span><br/></p></div>
      </body></html>`;
    const ctx = testContext('libreoffice.html');
    const [doc] = readHtml(Buffer.from(html), ctx);
    expect(doc?.text.split('\n').map((line) => line.trim()).filter(Boolean)).toEqual([
      '政府工作报告', '各位代表：现在，我代表省人民政府，向大会报告工作。', '一年来，全省经济运行稳中有进。',
    ]);
    expect(ctx.warnings).toEqual([]);
  });
});
