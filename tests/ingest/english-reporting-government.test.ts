import { describe, expect, it } from 'vitest';
import { reportingGovernmentInEnglish } from '../../src/ingest/english-reporting-government.js';
import { reportingGovernment } from '../../src/ingest/reporting-government.js';

describe('the government the opening of a report in English names', () => {
  it('is the place the Chinese opening of the same report names: the nation for the State Council, else the place', () => {
    expect(reportingGovernmentInEnglish('Fellow Deputies,\nOn behalf of the State Council, I will now report to you on the work of the government for your deliberation.')).toEqual(
      { place: reportingGovernment('各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。')?.place },
    );
    expect(reportingGovernmentInEnglish("On behalf of the Beijing Municipal People's Government, I now report to you\non the work of the government.")).toEqual(
      { place: reportingGovernment('我代表北京市人民政府，向大会报告政府工作')?.place },
    );
    expect(reportingGovernmentInEnglish("On behalf of the People’s Government of Xizang Autonomous Region, I now present the government work report.")).toEqual({ place: '西藏自治区' });
    expect(reportingGovernmentInEnglish("On behalf of the Hongshan District People's Government, I will report on the work of the district government.")).toEqual({ place: 'Hongshan District' });
  });

  it('is none for a report made on the government’s behalf that is not on its work, or a text without the opening', () => {
    expect(reportingGovernmentInEnglish('On behalf of the State Council, I now submit the report on the implementation of the central and local budgets.')).toBeNull();
    expect(reportingGovernmentInEnglish('Fellow Deputies,')).toBeNull();
  });
});
