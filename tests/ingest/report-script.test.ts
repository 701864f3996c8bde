import { describe, expect, it } from 'vitest';
import { inScriptOf, writtenInTraditional } from '../../src/ingest/report-script.js';

describe('the script of a report', () => {
  it('tells traditional text from simplified text, a stray traditional name in simplified text included', () => {
    expect(writtenInTraditional('政府工作報告')).toBe(true);
    expect(writtenInTraditional('西藏自治區人民政府公報')).toBe(true);
    expect(writtenInTraditional('政府工作报告')).toBe(false);
    expect(writtenInTraditional('2024年')).toBe(false);
    expect(writtenInTraditional('在全面建设社会主义现代化国家新征程上，我们要继续推进西藏长治久安和高质量发展，引用《說文》一句。')).toBe(false);
  });

  it('writes generated words in the script of the words they join', () => {
    expect(inScriptOf('西藏自治区', '政府工作報告')).toBe('西藏自治區');
    expect(inScriptOf('国务院', '政府工作報告')).toBe('國務院');
    expect(inScriptOf('内蒙古自治区', '政府工作報告')).toBe('內蒙古自治區');
    expect(inScriptOf('西藏自治区', '政府工作报告')).toBe('西藏自治区');
  });
});
