import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/chunk/lines.js';
import { classifyLines } from '../../src/chunk/classify.js';
import { detectWrapProfile } from '../../src/chunk/width.js';
import { matchStandaloneHeading } from '../../src/chunk/headings.js';
import { endsSentence } from '../../src/chunk/punctuation.js';
import { passageWith, SEEDS, seedDoc, seedPassages, squash } from './seeds.js';
import { wrapParagraph } from './wrap-fixture.js';

function wrapOf(id: string): ReturnType<typeof detectWrapProfile> {
  const lines = splitLines(seedDoc(id).text);
  const roles = classifyLines(lines).roles;
  return detectWrapProfile(lines.filter((_, i) => roles[i] === 'body'));
}

describe('wrap detection', () => {
  it('finds the PDF wrap of the 2024 work report: full lines of 44 columns, indented first lines of 42', () => {
    expect(wrapOf('xizang-2024-government-work-report')).toEqual({ measure: 'columns', fullWidth: 44, firstLineWidth: 42, indent: false, blankBreaks: false });
  });

  it('measures lines the way the text was wrapped: by characters at 38 characters, by display columns at 38 columns', () => {
    const paragraphs = ['2023年地区生产总值增长9.5%，城乡居民人均可支配收入分别增长8.1%和10.3%，居民消费价格涨幅控制在2.3%以内。'.repeat(3), '全年完成固定资产投资2000亿元以上，新增城镇就业5.2万人，城镇调查失业率控制在5.5%以内。'.repeat(2)];
    for (const measure of ['characters', 'columns'] as const) {
      const text = Array.from({ length: 4 }, () => paragraphs.flatMap((p) => wrapParagraph(p, 38, 0, measure))).flat().join('\n');
      const lines = splitLines(text);
      expect(detectWrapProfile(lines)).toMatchObject({ measure, fullWidth: 38 });
    }
  });

  it('finds no fixed wrap in the reports written one paragraph a line', () => {
    for (const id of SEEDS.map((s) => s.id).filter((id) => id !== 'xizang-2024-government-work-report')) {
      expect(wrapOf(id)).toBeNull();
    }
  });
});

describe('paragraph repair', () => {
  it('rejoins the PDF-wrapped lines of the 2024 work report, so no phrase is cut', () => {
    const passages = seedPassages('xizang-2024-government-work-report');
    expect(passageWith(passages, '列席的同志提出意见').text).toBe(
      '现在，我代表自治区人民政府，向大会报告政府工作，请予审议，并请各位政协委员和列席的同志提出意见。',
    );
    expect(passageWith(passages, '民族团结进步示范').text.startsWith('——社会大局安定和谐。')).toBe(true);
  });

  it('keeps a wrapped line that ends a sentence at the margin in its paragraph, and starts a new one at an indented line', () => {
    const passages = seedPassages('xizang-2024-government-work-report');
    const border = passageWith(passages, '——兴边富民卓有成效');
    expect(border.text.endsWith('边境人口稳定增长，边民收入稳步提升。')).toBe(true);
    const religion = passageWith(passages, '依法管理宗教事务。');
    expect(religion.text.endsWith('加强宗教活动场所管理。')).toBe(true);
    expect(passageWith(passages, '坚决维护社会稳定。').text.startsWith('坚决维护社会稳定。')).toBe(true);
    const services = passageWith(passages, '狠抓公共服务。');
    expect(squash(services.text)).toContain('振兴计划。进一步扩大西藏班招生规模。');
  });

  it('rejoins a newspaper paragraph that continues two lines further down the column', () => {
    const passages = seedPassages('xizang-2023-plan-report');
    const p = passageWith(passages, '完成初验并投入试运行');
    expect(p.kind).toBe('paragraph');
    expect(p.sectionPath).toEqual(['（六）民生改善取得实效']);
    expect(squash(passageWith(passages, '实现质的有效提升').text)).toContain('实现质的有效提升和量的较快增长');
    expect(squash(passageWith(passages, '边贸物流产业').text)).toContain('加快发展边贸物流产业，构建覆盖城乡');
  });

  it('rejoins paragraphs of the five-year plan broken at page ends and a locally wrapped block', () => {
    const passages = seedPassages('xizang-14th-five-year-plan');
    expect(squash(passageWith(passages, '目标全面实现').text)).toContain('教育“五个100%”目标全面实现，高中阶段教育普及攻坚如期完成');
    const law = passageWith(passages, '以案普法');
    expect(law.text.startsWith('推进多层次多领域依法治理')).toBe(true);
    expect(law.text.endsWith('规范执法执业行为，维护公平正义。')).toBe(true);
    expect(law.text).not.toContain('\n');
  });

  it('rejoins the gazette paragraphs cut by its page breaks', () => {
    const passages = seedPassages('xizang-gazette-2025-01');
    expect(squash(passageWith(passages, '牢固树立总体国家安全观').text)).toContain('一是稳定态势持续向好。牢固树立总体国家安全观');
    expect(squash(passageWith(passages, '不断把绿水青山').text)).toContain('（八）深入推进美丽西藏建设。');
  });

  it('never merges a heading line into a paragraph: every body line that is a heading is a heading passage', () => {
    let checked = 0;
    for (const { id } of SEEDS) {
      const lines = splitLines(seedDoc(id).text);
      const { roles } = classifyLines(lines);
      const headingTexts = new Set(seedPassages(id).filter((p) => p.kind === 'heading').map((p) => p.text));
      let previous = '';
      lines.forEach((line, i) => {
        if (roles[i] === 'blank') return;
        if (roles[i] === 'body' && matchStandaloneHeading(line.text) && (previous === '' || endsSentence(previous))) {
          expect(headingTexts.has(line.text)).toBe(true);
          checked++;
        }
        previous = line.text;
      });
    }
    expect(checked).toBeGreaterThan(170);
    const headings = seedPassages('xizang-2024-government-work-report').filter((p) => p.kind === 'heading');
    expect(headings.map((h) => h.text)).toEqual([
      '2023 年工作回顾',
      '2024 年工作安排',
      '（一）坚持聚人心促团结，全力维护和谐稳定',
      '（二）坚持稳投资扩消费，不断塑造发展新优势',
      '（三）坚持育企业强产业，深度挖掘潜力优势',
      '（四）坚持兴城镇带乡村，持续推进协调发展',
      '（五）坚持借外力生内力，更大力度改革创新',
      '（六）坚持办实事惠民生，不断改善群众生活',
      '（七）坚持护生态固边疆，切实筑牢安全屏障',
    ]);
  });
});
