import { describe, expect, it } from 'vitest';
import { formatGbt } from '../../src/search/gbt7714.js';

// The examples below are the standard's own (GB/T 7714-2015, 8.1–8.4 and Appendix A), written back from
// their elements: the formatter must print them character for character.
describe('formatGbt: the examples of GB/T 7714-2015', () => {
  it('[R] a report, with its other title information', () => {
    expect(
      formatGbt({
        authors: ['World Health Organization'],
        title: 'Factors regulating the immune response',
        subtitle: 'report of WHO Scientific Group',
        type: 'R',
        place: 'Geneva',
        publisher: 'WHO',
        year: 1970,
      }),
    ).toBe('World Health Organization. Factors regulating the immune response: report of WHO Scientific Group[R]. Geneva: WHO, 1970.');
  });

  it('[R/OL] a report online, with its update date, access date and address', () => {
    expect(
      formatGbt({
        authors: ['中国互联网络信息中心'],
        title: '第29次中国互联网络发展现状统计报告',
        type: 'R',
        updated: '2012-01-16',
        accessed: '2013-03-26',
        url: 'http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf',
      }),
    ).toBe(
      '中国互联网络信息中心. 第29次中国互联网络发展现状统计报告[R/OL]. (2012-01-16)[2013-03-26]. ' +
        'http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf.',
    );
  });

  it('[J] an article of a journal issue: year, volume (issue): pages', () => {
    expect(formatGbt({ authors: ['李炳穆'], title: '韩国图书馆法', type: 'J', container: '图书情报工作', year: 2008, volume: '52', issue: '6', pages: '6-12' })).toBe(
      '李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008, 52(6): 6-12.',
    );
  });

  it('[J] with more than three authors: the first three and 等', () => {
    expect(
      formatGbt({
        authors: ['袁训来', '陈哲', '肖书海', '万斌', '关成国', '王伟', '周传明', '华洪'],
        title: '蓝田生物群',
        subtitle: '一个认识多细胞生物起源和早期演化的新窗口',
        type: 'J',
        container: '科学通报',
        year: 2012,
        volume: '55',
        issue: '34',
        pages: '3219',
      }),
    ).toBe('袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 55(34): 3219.');
  });

  it('[J] of a gazette without volumes: year(issue): pages', () => {
    expect(formatGbt({ authors: ['西藏自治区人民政府'], title: '政府工作报告', type: 'J', container: '西藏自治区人民政府公报', year: 2025, issue: '1', pages: '3-15' })).toBe(
      '西藏自治区人民政府. 政府工作报告[J]. 西藏自治区人民政府公报, 2025(1): 3-15.',
    );
  });

  it('[N] a newspaper article: date (edition)', () => {
    expect(formatGbt({ authors: ['丁文祥'], title: '数字革命与竞争国际化', type: 'N', container: '中国青年报', date: '2000-11-20', edition: '15' })).toBe(
      '丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).',
    );
  });

  it('[N/OL] a newspaper article online, with the access date and address', () => {
    expect(
      formatGbt({
        authors: ['傅刚', '赵承', '李佳路'],
        title: '大风沙过后的思考',
        type: 'N',
        container: '北京青年报',
        date: '2000-04-12',
        edition: '14',
        accessed: '2005-07-12',
        url: 'http://www.bjyouth.com.cn/Bqb/20000412/B/4216^D0412B1401.htm',
      }),
    ).toBe('傅刚, 赵承, 李佳路. 大风沙过后的思考[N/OL]. 北京青年报, 2000-04-12(14)[2005-07-12]. http://www.bjyouth.com.cn/Bqb/20000412/B/4216^D0412B1401.htm.');
  });
});
