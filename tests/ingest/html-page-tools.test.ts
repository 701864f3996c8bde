import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { chunkDocument } from '../../src/chunk/index.js';
import { isPageToolLine } from '../../src/ingest/html-page-tools.js';
import { readHtml } from '../../src/ingest/html.js';
import { testContext } from './helpers.js';

const REPORT = [
  '——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上',
  '各位代表：',
  '现在，我代表自治区人民政府，向大会报告政府工作，请予审议。',
  '一、2023年工作回顾',
  '地区生产总值增长9.5%，增速位居全国前列。城乡居民人均可支配收入分别增长7.5%和9.1%。',
];

/** A government page, GBK-declared, whose page tools stand inside the article as text, without links. */
function page(tools: { above: string[]; below: string[] }): Buffer {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>政府工作报告_西藏自治区人民政府</title></head><body>
<div class="article"><h1>政府工作报告</h1>${tools.above.map((t) => `<div>${t}</div>`).join('')}
${REPORT.map((p) => `<p style="text-indent:2em">\u3000\u3000${p}</p>`).join('\n')}
${tools.below.join('<br>')}</div></body></html>`;
  return iconv.encode(html, 'gbk');
}

describe('page tools set as text inside an HTML article', () => {
  it('are no part of the report: no numbered paragraph, nothing in the front passage', () => {
    const bytes = page({
      above: ['发布时间：2024-01-15 10:23 来源：西藏日报 字号：<span>大</span> <span>中</span> <span>小</span> 浏览次数：<span>1234</span>', '分享到：<span>微信</span> <span>微博</span>'],
      below: ['【打印本页】【关闭窗口】', '扫一扫在手机打开当前页', '相关链接：<span>中国政府网</span>', '上一篇：2023年政府工作报告', '下一篇：2025年政府工作报告'],
    });
    const [doc] = readHtml(bytes, testContext('report.html'));
    const passages = chunkDocument(doc);
    expect(passages.map((p) => p.text).join('\n')).not.toMatch(/发布时间|浏览次数|分享到|打印本页|扫一扫|相关链接|上一篇|下一篇/);
    expect(passages.filter((p) => p.kind === 'paragraph').map((p) => p.text)).toEqual([REPORT[1], REPORT[2], REPORT[4]]);
  });

  it('are told from report lines that mention the same words', () => {
    for (const line of ['【打印本页】【关闭窗口】', '[ 打印 ] [ 关闭 ]', '发布日期：2024-01-30', '发布时间：2024-01-15 来源：西藏日报', '字号：大 中 小', '分享到：', '微信 微博 QQ空间', '扫一扫在手机打开当前页', '上一篇：2023年政府工作报告', '相关链接']) {
      expect(isPageToolLine(line), line).toBe(true);
    }
    for (const line of ['来源：国家统计局', '资料来源：自治区统计局。', '关闭落后产能，打印产业链条。', '分享发展成果，共享美好生活。', '一年来，我们扫一扫在手机打开当前页的做法得到推广。', '上一篇文章中提到的问题已经解决。', '发布时间：各项数据均以统计部门正式发布为准。']) {
      expect(isPageToolLine(line), line).toBe(false);
    }
  });

  it('are told on a site in traditional characters too', () => {
    for (const line of ['【列印本頁】【關閉窗口】', '發布時間：2024-01-15 來源：澳門特別行政區政府', '分享到：微信 微博', '上一篇：2023年施政報告']) {
      expect(isPageToolLine(line), line).toBe(true);
    }
    for (const line of ['關閉落後產能，列印產業鏈條。', '來源：統計暨普查局']) expect(isPageToolLine(line), line).toBe(false);
  });
});
