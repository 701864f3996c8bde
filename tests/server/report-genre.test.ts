/**
 * The kind of a report in a citation record, in the record's language and the title's script: the catalogue's
 * kinds named in Chinese for a Chinese record, the English word for an English one.
 */
import { describe, expect, it } from 'vitest';
import { reportGenre } from '../../src/server/report-genre.js';

describe('reportGenre', () => {
  it('names each kind of the catalogue in Chinese for a Chinese record, in the script of its title', () => {
    expect(reportGenre('government work report', 'zh-CN', '2024年西藏自治区政府工作报告')).toBe('政府工作报告');
    expect(reportGenre('government work report', 'zh-TW', '二〇二四年施政報告')).toBe('政府工作報告');
    expect(reportGenre('statistical communiqué', 'zh-CN', '某某县2024年国民经济和社会发展统计公报')).toBe('统计公报');
    expect(reportGenre('five-year plan', 'zh', '纲要')).toBe('五年规划');
  });

  it('gives an English record the kind in sentence case, and no kind the record cannot name', () => {
    expect(reportGenre('statistical communiqué', 'en', 'Statistical Communiqué')).toBe('Statistical communiqué');
    expect(reportGenre('gazette', 'zh-CN', '西藏自治区人民政府公报')).toBeUndefined();
    expect(reportGenre('  ', 'en', 'x')).toBeUndefined();
  });
});
