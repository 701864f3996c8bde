import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { withoutFullTextMark } from '../../src/ingest/full-text-mark.js';
import { chineseNumber, detectLanguage, inferMeta, npcSessionYear, parseSession, toAsciiDigits, typeOfTitle } from '../../src/ingest/infer-meta.js';
import { describeWithShared } from '../shared-data.js';
import { corporaDir, corpusDir, testContext } from './helpers.js';
import { readHtml } from '../../src/ingest/html.js';
import { readTxt } from '../../src/ingest/txt.js';

const seed = (name: string): string => readFileSync(path.join(corpusDir, name), 'utf8');
const district = (year: number): string => iconv.decode(readFileSync(path.join(corporaDir, `district-gbk/${year}.txt`)), 'gb18030');

describe('inferMeta on the five seeds', () => {
  it('reads the 2020 work report: title, dateline, speaker with a full-width space', () => {
    expect(inferMeta(seed('xizang-2020-government-work-report.txt'))).toEqual({
      title: '政府工作报告',
      type: 'government work report',
      year: 2020,
      date: '2020-01-07',
      issuer: '齐扎拉',
      issuerRole: '自治区主席',
      body: '西藏自治区第十一届人民代表大会第三次会议',
      place: '西藏自治区',
    });
  });

  it('reads the 2024 work report whose dateline is `—2024 年 1 月 7日` (one dash, spaced digits)', () => {
    const meta = inferMeta(seed('xizang-2024-government-work-report.txt'));
    expect(meta).toMatchObject({ title: '政府工作报告', year: 2024, date: '2024-01-07', issuer: '严金海', issuerRole: '自治区主席' });
    expect(meta.body).toBe('西藏自治区第十二届人民代表大会第二次会议');
  });

  it('reads the gazette: its masthead title, and the report inside it with a parenthesised acting chairman', () => {
    expect(inferMeta(seed('xizang-gazette-2025-01-government-work-report.txt'))).toMatchObject({
      title: '西藏自治区人民政府公报',
      type: 'gazette',
      year: 2025,
      date: '2025-01-19',
      issuer: '嘎玛泽登',
      issuerRole: '自治区代理主席',
      body: '西藏自治区第十二届人民代表大会第三次会议',
    });
  });

  it('reads the five-year plan: a title broken by a space, a dateline broken across lines, adopted by a congress', () => {
    expect(inferMeta(seed('xizang-14th-five-year-plan.txt'))).toEqual({
      title: '西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      type: 'five-year plan',
      year: 2021,
      date: '2021-01-24',
      issuer: null,
      issuerRole: null,
      body: '西藏自治区第十一届人民代表大会第四次会议',
      place: '西藏自治区',
    });
  });

  it('does not guess for the plan report reprinted without its first page (no title, no dateline)', () => {
    const meta = inferMeta(seed('xizang-2023-plan-report.txt'));
    expect(meta).toMatchObject({ title: null, year: null, date: null, issuer: null, body: null });
  });
});

describeWithShared('corpora/district-gbk', 'inferMeta on the GBK Hailar district reports', () => {
  const expected: Record<number, { date: string; issuer: string }> = {
    2012: { date: '2012-02-29', issuer: '张天喜' },
    2013: { date: '2013-02-28', issuer: '杜联合' },
    2014: { date: '2014-02-19', issuer: '杜联合' },
    2015: { date: '2015-02-05', issuer: '杜联合' },
    2016: { date: '2016-02-19', issuer: '杜联合' },
    2017: { date: '2017-02-11', issuer: '杨国宏' },
    2018: { date: '2018-03-07', issuer: '杨国宏' },
    2019: { date: '2019-03-04', issuer: '萨国文' },
  };

  for (const [year, facts] of Object.entries(expected)) {
    it(`reads ${year}.txt: year from its dateline (\`----\`, \`--\`, \`—\` or \`——\`), date and district head`, () => {
      const meta = inferMeta(district(Number(year)));
      expect(meta.year).toBe(Number(year));
      expect(meta.date).toBe(facts.date);
      expect(meta.issuer).toBe(facts.issuer);
      expect(meta.place).toMatch(/海拉尔区$/);
      expect(meta.issuerRole).toMatch(/区长$/);
    });
  }

  it('collapses the spaced title `政 府 工 作 报 告`, and reads 2017.txt, which starts at its dateline, by its opening', () => {
    expect(inferMeta(district(2012)).title).toBe('政府工作报告');
    // No title line; `我代表海拉尔区人民政府向大会作工作报告` says what it is.
    expect(inferMeta(district(2017))).toMatchObject({ title: '政府工作报告', type: 'government work report', year: 2017 });
  });
});

describe('a report without a title line', () => {
  const dateline = '——2024年1月20日在某某县第十八届人民代表大会第四次会议上\n各位代表：\n';

  it('is a government work report when its opening reports on the government\'s work to the congress', () => {
    for (const opening of ['现在，我代表县人民政府，向大会作政府工作报告，请予审议。', '现在，我代表国务院，向大会报告政府工作，请予审议。']) {
      expect(inferMeta(dateline + opening), opening).toMatchObject({ title: '政府工作报告', type: 'government work report' });
    }
  });

  it('stays untitled when the opening is a report made on the government\'s behalf (a plan, a budget)', () => {
    expect(inferMeta(`${dateline}受县人民政府委托，现将2023年国民经济和社会发展计划执行情况报告如下，请予审议。`).title).toBeNull();
  });
});

describe('a report written in English', () => {
  const fields = (text: string) => {
    const { year, date, place } = inferMeta(text);
    return { year, date, place };
  };

  it('gets the year, date and place the same report gets in Chinese, from its dateline', () => {
    const zh = '政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n各位代表：';
    const en =
      "REPORT ON THE WORK OF THE GOVERNMENT\nDelivered at the Second Session of the 14th National People's Congress of the People's Republic of China on March 5, 2024\nLi Qiang\nPremier of the State Council\nFellow Deputies,";
    expect(fields(zh)).toEqual({ year: 2024, date: '2024-03-05', place: '全国' });
    expect(fields(en)).toEqual(fields(zh));
    const xizang = "Report on the Work of the Government\n—Delivered at the Second Session of the Twelfth People's Congress of Tibet Autonomous Region on 7 January 2024";
    expect(fields(xizang)).toEqual(fields('政府工作报告\n——2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上'));
    const hailar = "Delivered at the Third Session of the 17th Hailar District People’s Congress\non February 11, 2017";
    expect(fields(hailar)).toEqual(fields('——2017年2月11日在海拉尔区第十七届人民代表大会第三次会议上'));
  });

  it('gets the place from the government its opening speaks for, and the date from a date alone on its line', () => {
    const zh = '各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作，请予审议。';
    const en = "January 21, 2024\nFellow Deputies,\nOn behalf of the Beijing Municipal People's Government, I now report to you on the work of the government for your deliberation.";
    expect(fields(en)).toEqual({ year: 2024, date: '2024-01-21', place: inferMeta(zh).place });
    const national = 'On behalf of the State Council, I will now report to you on the work of the government for your deliberation.';
    expect(inferMeta(national).place).toBe(inferMeta('现在，我代表国务院，向大会报告政府工作，请予审议。').place);
  });

  it('takes no year from a date the prose talks about, and no place from a report made on the government’s behalf', () => {
    expect(fields('Fellow Deputies,\nOn March 5, 2024, we held a meeting in Beijing Municipality.')).toEqual({ year: null, date: null, place: null });
    expect(inferMeta('On behalf of the State Council, I now submit the report on the implementation of the central and local budgets.').place).toBeNull();
  });

  it('leaves what a Chinese dateline says to it, when a report has both', () => {
    const both = "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\nDelivered at the Third Session of the 14th National People's Congress on March 5, 2025";
    expect(inferMeta(both)).toMatchObject({ year: 2024, date: '2024-03-05', body: '第十四届全国人民代表大会第二次会议' });
  });
});

describe('inferMeta on dateline variants', () => {
  it('reads full-width digits, spaced digits and a two-day dateline', () => {
    expect(inferMeta('——１９９７年３月１日在第八届全国人民代表大会第五次会议上').date).toBe('1997-03-01');
    expect(inferMeta('——1 9 9 8 年3 月5 日在第九届全国人民代表大会第一次会议上').date).toBe('1998-03-05');
    expect(inferMeta('——1981年11月30日和12月1日在第五届全国人民代表大会第四次会议上').date).toBe('1981-11-30');
  });

  it('reads a dateline written in Chinese numerals, in either script', () => {
    const simplified = inferMeta('政府工作报告\n——二〇二五年一月十九日在西藏自治区第十二届人民代表大会第三次会议上\n自治区主席　嘎玛泽登');
    expect(simplified).toMatchObject({ year: 2025, date: '2025-01-19', place: '西藏自治区' });
    expect(inferMeta('——二零二四年元月七日在西藏自治區第十二屆人民代表大會第二次會議上')).toMatchObject({ year: 2024, date: '2024-01-07' });
    expect(inferMeta('——一九九八年三月五日在第九届全国人民代表大会第一次会议上').date).toBe('1998-03-05');
    expect(inferMeta('——二〇一九年十二月三十一日在第十三届全国人民代表大会常务委员会第十五次会议上').date).toBe('2019-12-31');
    expect(inferMeta('——二〇二三年二十八月在第十四届全国人民代表大会第一次会议上').year).toBeNull();
  });

  it('reads a resolution adopted on a date in parentheses', () => {
    const meta = inferMeta('（2023年3月13日第十四届全国人民代表大会第一次会议通过）\n第十四届全国人民代表大会第一次会议听取和审议了……');
    expect(meta).toMatchObject({ year: 2023, date: '2023-03-13', place: '全国', body: '第十四届全国人民代表大会第一次会议' });
  });

  it('takes the session year of a resolution known only by its title', () => {
    const meta = inferMeta('会议充分肯定国务院过去一年的工作。', { title: '第十四届全国人民代表大会第三次会议关于政府工作报告的决议' });
    expect(meta).toMatchObject({ type: 'resolution', year: 2025, date: null });
  });

  it('reads a title line with its year after the place, or after 关于', () => {
    const dateline = '——2024年1月10日在杭州市第十四届人民代表大会第三次会议上';
    expect(inferMeta(`杭州市2024年政府工作报告\n${dateline}`)).toMatchObject({ title: '杭州市2024年政府工作报告', type: 'government work report' });
    expect(inferMeta(`北京市海淀区2024年政府工作报告\n${dateline}`).title).toBe('北京市海淀区2024年政府工作报告');
    const plan = '关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告';
    expect(inferMeta(`${plan}\n${dateline}`)).toMatchObject({ title: plan, type: 'plan report' });
    // A sentence cut at the end of a line is no title, though it ends in 报告.
    expect(inferMeta('各位代表：\n会议听取和审议了2023年政府工作报告\n认为报告实事求是。').title).toBeNull();
  });

  it('reads a statistical communiqué\'s bureaus and day from the line under its title, or the day from the next line', () => {
    expect(inferMeta('某某县2025年国民经济和社会发展统计公报\n某某县统计局　2025年3月15日\n一、综合')).toMatchObject({
      type: 'statistical communiqué', issuer: '某某县统计局', date: '2025-03-15', year: 2025,
    });
    expect(inferMeta('北京市2024年国民經濟和社會發展統計公報\n北京市統計局　國家統計局北京調查總隊\n二〇二五年三月十九日\n一、綜合')).toMatchObject({
      issuer: '北京市統計局、國家統計局北京調查總隊', date: '2025-03-19', year: 2025,
    });
    // Without a day, the year is the title's; a work report's lines are never read as bureaus.
    expect(inferMeta('中华人民共和国2024年国民经济和社会发展统计公报\n国家统计局\n2024年是…')).toMatchObject({ issuer: '国家统计局', date: null, year: 2024 });
    expect(inferMeta('2024年政府工作报告\n某某县统计局\n各位代表：').issuer).toBeNull();
  });

  it('reads a title a news site marks as printed whole, without the mark', () => {
    const dateline = '——2024年3月5日在第十四届全国人民代表大会第二次会议上';
    for (const title of ['2024年政府工作报告（全文）', '2024年政府工作报告(全文)', '2024年政府工作报告全文', '2024年政府工作报告【全文】']) {
      expect(inferMeta(`${title}\n${dateline}\n各位代表：`), title).toMatchObject({ title: '2024年政府工作报告', type: 'government work report', year: 2024 });
    }
    expect(withoutFullTextMark('Full text: Report on the Work of the Government')).toBe('Report on the Work of the Government');
    expect(withoutFullTextMark('全文：政府工作报告')).toBe('政府工作报告');
    // A title that is only the mark, or has the words elsewhere, stays.
    expect(withoutFullTextMark('全文')).toBe('全文');
    expect(withoutFullTextMark('关于全文检索系统建设情况的报告')).toBe('关于全文检索系统建设情况的报告');
  });

  it('takes the year a title starts with, in digits or in Chinese numerals', () => {
    expect(inferMeta('2020年政府工作报告\n各位代表：').year).toBe(2020);
    expect(inferMeta('二〇二四年施政報告\n一、過去一年的工作').year).toBe(2024);
    expect(inferMeta('二零二三年政府工作报告\n各位代表：').year).toBe(2023);
    // Not a year: a count of years, or a title that only names one inside.
    expect(inferMeta('五年规划实施情况报告\n各位代表：').year).toBeNull();
  });

  it('ignores dates that are not followed by a people\'s congress', () => {
    expect(inferMeta('政府工作报告\n2023年是全面贯彻党的二十大精神的开局之年。').year).toBeNull();
  });

  it('finds a speaker named inside the dateline', () => {
    expect(inferMeta('2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告').issuer).toBe('龚正');
    expect(inferMeta('2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。').issuer).toBe('殷勇');
  });
});

describe('a title set over several lines', () => {
  const DATELINE = '——2020年1月7日在西藏自治区第十一届人民代表大会第三次会议上';
  const SPEAKER = '自治区主席　齐扎拉';

  it('takes the region set on a line above the title into it', () => {
    expect(inferMeta(['西藏自治区', '2020年政府工作报告', DATELINE, SPEAKER, '各位代表：'].join('\n')).title).toBe('西藏自治区2020年政府工作报告');
    expect(inferMeta(['西藏自治區', '2020年政府工作報告', DATELINE, SPEAKER].join('\n')).title).toBe('西藏自治區2020年政府工作報告');
    expect(inferMeta(['　西 藏 自 治 区　', '政 府 工 作 报 告', DATELINE].join('\n')).title).toBe('西藏自治区政府工作报告');
  });

  it('takes every line of a plan title set over three lines', () => {
    const text = ['西藏自治区国民经济和社会发展', '第十四个五年规划和', '二〇三五年远景目标纲要', '——2021年1月24日西藏自治区第十一届人民代表大会第四次会议通过'].join('\n');
    expect(inferMeta(text).title).toBe('西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
  });

  it('takes a line below the title that completes it', () => {
    const text = ['第十四届全国人民代表大会第三次会议关于政府工作报告', '的决议', '（2025年3月11日第十四届全国人民代表大会第三次会议通过）'].join('\n');
    expect(inferMeta(text).title).toBe('第十四届全国人民代表大会第三次会议关于政府工作报告的决议');
    expect(inferMeta(['政府工作报告', '（摘要）', DATELINE].join('\n')).title).toBe('政府工作报告（摘要）');
  });

  it('leaves out what stands above a title and is no part of it: a sentence, a date, a source, a masthead, an issue, a speaker, a heading', () => {
    for (const above of ['各位代表：', '2024年1月15日', '来源：西藏日报', '来源西藏日报', '西藏日报', '2025年第1期', '（总第683号）', '自治区主席　齐扎拉', '一、总体要求', '第一章', 'Government Work Report']) {
      expect(inferMeta([above, '2020年政府工作报告', DATELINE].join('\n')).title, above).toBe('2020年政府工作报告');
    }
    expect(inferMeta(['西藏自治区', '', '2020年政府工作报告', DATELINE].join('\n')).title).toBe('2020年政府工作报告');
    expect(inferMeta(['2020年政府工作报告', '西藏自治区', DATELINE].join('\n')).title).toBe('2020年政府工作报告');
  });

  it('reads the whole title from a plain text and from an HTML page alike', () => {
    const txt = readTxt(Buffer.from(['西藏自治区', '2020年政府工作报告', DATELINE, SPEAKER, '各位代表：', '现在，我代表自治区人民政府，向大会报告政府工作。'].join('\r\n')), testContext('report.txt'))[0];
    expect(txt.meta).toMatchObject({ title: '西藏自治区2020年政府工作报告', region: 'Xizang (Tibet) Autonomous Region', year: 2020 });
    const html = `<html><body><h1>西藏自治区<br>2020年政府工作报告</h1><p>${DATELINE}</p><p>${SPEAKER}</p><p>各位代表：</p><p>现在，我代表自治区人民政府，向大会报告政府工作。</p></body></html>`;
    expect(readHtml(Buffer.from(html), testContext('report.html'))[0].meta).toMatchObject({ title: '西藏自治区2020年政府工作报告', year: 2020 });
  });
});

describe('small readers of Chinese conventions', () => {
  it('reads Chinese numerals up to 99', () => {
    expect([chineseNumber('二'), chineseNumber('十'), chineseNumber('十四'), chineseNumber('二十三'), chineseNumber('12')]).toEqual([2, 10, 14, 23, 12]);
    expect(chineseNumber('百')).toBeNull();
  });

  it('knows the years of NPC sessions, irregular before 1983 and annual after', () => {
    expect(npcSessionYear(2, 3)).toBe(1962);
    expect(npcSessionYear(6, 1)).toBe(1983);
    expect(npcSessionYear(13, 3)).toBe(2020);
    expect(npcSessionYear(14, 1)).toBe(2023);
    expect(npcSessionYear(4, 2)).toBeNull();
  });

  it('parses a session with its place', () => {
    expect(parseSession('在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上')).toEqual({
      body: '呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议',
      place: '呼伦贝尔市海拉尔区',
      term: 15,
      session: 3,
    });
  });

  it('names report kinds from titles', () => {
    expect(typeOfTitle('2025年上海市政府工作报告')).toBe('government work report');
    expect(typeOfTitle('第十届全国人民代表大会第五次会议关于政府工作报告的决议')).toBe('resolution');
    expect(typeOfTitle('关于2022年计划执行情况与2023年计划草案的报告')).toBe('plan report');
    // A statistics bureau's communiqué is not a government's gazette.
    expect(typeOfTitle('某某县2024年国民经济和社会发展统计公报')).toBe('statistical communiqué');
    expect(typeOfTitle('西藏自治区人民政府公报 2025年第1期')).toBe('gazette');
    expect(typeOfTitle('会议纪要')).toBeNull();
  });

  it('turns full-width digits into ASCII and tells Chinese from English', () => {
    expect(toAsciiDigits('２０２４年')).toBe('2024年');
    expect(detectLanguage(seed('xizang-2020-government-work-report.txt'))).toBe('zh');
    expect(detectLanguage('On behalf of the State Council, I will now report to you on the work of the government.')).toBe('en');
  });
});
