import { describe, expect, it } from 'vitest';
import { passageWith, seedPassages } from './seeds.js';

describe('section paths', () => {
  it('nests 篇 > 章 > 节 in the five-year plan and closes deeper levels at a new heading', () => {
    const passages = seedPassages('xizang-14th-five-year-plan');
    const heading = (text: string) => passages.find((p) => p.kind === 'heading' && p.text === text);
    expect(heading('第二节 发展环境特征')?.sectionPath).toEqual([
      '第一篇 开启社会主义现代化建设新征程西藏篇章',
      '第一章 总体形势',
      '第二节 发展环境特征',
    ]);
    expect(heading('第二章 “十四五”时期经济社会发展总体要求')?.sectionPath).toEqual([
      '第一篇 开启社会主义现代化建设新征程西藏篇章',
      '第二章 “十四五”时期经济社会发展总体要求',
    ]);
    expect(heading('第二篇 统筹协调发展 构建区域发展新格局')?.sectionPath).toEqual(['第二篇 统筹协调发展 构建区域发展新格局']);
    const chapterIntro = passageWith(passages, '推进“十四五”时期经济社会发展必须明确指导思想');
    expect(chapterIntro.sectionPath).toEqual(heading('第二章 “十四五”时期经济社会发展总体要求')?.sectionPath);
  });

  it('makes a heading passage end its own section path and gives a paragraph the path of the headings above it', () => {
    for (const p of seedPassages('xizang-2020-government-work-report')) {
      if (p.kind === 'heading') expect(p.sectionPath.at(-1)).toBe(p.text.replace(/[。：:]$/u, ''));
    }
    const p = passageWith(seedPassages('xizang-2020-government-work-report'), '高原生物产业。打造青稞');
    expect(p.sectionPath).toEqual(['2020年工作目标和重点任务', '二、持续推进高质量发展，夯实全面建成小康社会物质基础', '(三)推进产业发展']);
  });

  it('puts the year headings above 一、 and （一） in the 2020 work report', () => {
    const p = passageWith(seedPassages('xizang-2020-government-work-report'), '累计实施2639个产业扶贫项目');
    expect(p.sectionPath).toEqual(['2019年工作回顾', '一、坚定不移打赢三大攻坚战', '(一)脱贫攻坚任务全面完成']);
  });

  it('keeps a run-in heading inside its paragraph and names the section after it', () => {
    const passages = seedPassages('xizang-2023-plan-report');
    const p = passageWith(passages, '（一）疫情防控取得重要成果。严格落实');
    expect(p.kind).toBe('paragraph');
    expect(p.sectionPath).toEqual(['（一）疫情防控取得重要成果']);
    const gazette = seedPassages('xizang-gazette-2025-01');
    expect(passageWith(gazette, '加强和改进民族工作。').sectionPath).toEqual(['2025年工作安排', '（一）坚决维护社会和谐稳定']);
    expect(passageWith(gazette, '着力强化政策支持。').sectionPath).toEqual(['2025年工作安排', '(二)全力以赴稳预期促增长']);
  });

  it('promotes the plan report’s “2、” to the level of 三、 because its children are （一） and （二）', () => {
    const passages = seedPassages('xizang-2023-plan-report');
    const two = passages.find((p) => p.kind === 'heading' && p.text === '2、2023年经济社会发展形势');
    expect(two?.sectionPath).toEqual(['2、2023年经济社会发展形势']);
    expect(passageWith(passages, '面临的机遇。').sectionPath).toEqual(['2、2023年经济社会发展形势', '（一）当前面临的发展形势']);
    const three = passages.find((p) => p.kind === 'heading' && p.text.startsWith('三、'));
    expect(three?.sectionPath).toEqual(['三、2023年经济社会发展的主要任务和措施']);
  });
});
