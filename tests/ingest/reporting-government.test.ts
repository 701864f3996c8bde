import { describe, expect, it } from 'vitest';
import { reportingGovernment } from '../../src/ingest/reporting-government.js';

describe('the government a report\'s opening names', () => {
  it('is the nation for the State Council and the place for a people\'s government, in either script', () => {
    expect(reportingGovernment('各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。')).toEqual({ place: '全国', title: '政府工作报告' });
    expect(reportingGovernment('现在，我代表国务院，\r\n向大会报告政府工作。')?.place).toBe('全国');
    expect(reportingGovernment('我代表北京市人民政府，向大会报告政府工作')).toEqual({ place: '北京市', title: '政府工作报告' });
    expect(reportingGovernment('我代表臺北市人民政府，向大會報告政府工作')).toEqual({ place: '臺北市', title: '政府工作報告' });
  });

  it('is none for a plan report made on commission, or a text without the opening', () => {
    expect(reportingGovernment('受市人民政府委托，向大会报告国民经济和社会发展计划执行情况')).toBeNull();
    expect(reportingGovernment('各位代表：')).toBeNull();
  });
});
