import { describe, expect, it } from 'vitest';
import { lastOfList, promotedRanks } from '../../src/chunk/sections.js';
import { matchRunInHeading, matchStandaloneHeading, type Heading } from '../../src/chunk/headings.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { passageWith, seedDoc, seedPassages } from './seeds.js';

function heading(text: string): Heading {
  const h = matchStandaloneHeading(text) ?? matchRunInHeading(text);
  if (!h) throw new Error(`not a heading: ${text}`);
  return h;
}

describe('promotedRanks and lastOfList', () => {
  it('promotes an arabic heading whose next heading is the first item of a shallower style, and nothing else', () => {
    const plan = ['（十）安全生产形势总体平稳。统筹发展和安全。', '2、2023年经济社会发展形势', '（一）当前面临的发展形势', '（二）总体要求和发展目标', '三、2023年经济社会发展的主要任务和措施'];
    expect(promotedRanks(plan.map(heading))).toEqual([6, 5, 6, 6, 5]);
    const list = ['（一）甲项工作', '1.第一点', '2.第二点', '（二）乙项工作'];
    expect(promotedRanks(list.map(heading))).toEqual([6, 7, 7, 6]);
  });

  it('marks the last heading of each list', () => {
    expect(lastOfList([4, 6, 6, 4, 6, 6, 6])).toEqual([false, false, true, true, false, false, true]);
  });
});

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

  it('lets closing remarks to the deputies after the last item of a list return to the enclosing section', () => {
    const report = seedPassages('xizang-2024-government-work-report');
    expect(passageWith(report, '筑牢国家安全屏障。').sectionPath).toEqual(['2024 年工作安排', '（七）坚持护生态固边疆，切实筑牢安全屏障']);
    expect(passageWith(report, '各位代表！我们要切实保障妇女').sectionPath).toEqual(['2024 年工作安排']);
    expect(passageWith(report, '各位代表！未来已来').sectionPath).toEqual(['2024 年工作安排']);
    expect(passageWith(report, '各位代表！一年来，我们成功举办').sectionPath).toEqual(['2023 年工作回顾']);
    const report2020 = seedPassages('xizang-2020-government-work-report');
    expect(passageWith(report2020, '各位代表!绿叶不忘根的情义').sectionPath).toEqual(['2019年工作回顾']);
    expect(passageWith(report2020, '在总结成绩的同时').sectionPath).toEqual(['2019年工作回顾']);
  });

  it('opens an appendix (附件, 附件1, 附件2 名词解释) at the outermost level, out of the report’s last section, unnumbered', () => {
    // The shape of the 2025 Guangdong and Yunnan reports (.docx): appendices after the closing remarks.
    const text = [
      '各位代表：',
      '二、2025年工作安排',
      '（十）为青少年提供心理健康服务。升级心理援助热线。',
      '各位代表！让我们更加紧密地团结起来，奋力谱写新篇章！',
      '附件1',
      '2025年省十件民生实事',
      '一、为老年人提供健康管理服务。推进医养结合。',
      '附件2 名词解释',
      '1.“岳山造林”：上世纪70年代，肇庆开展的造林活动。',
      '附件：1.2024年政府工作报告名词解释.pdf',
      '2.2024年市重点工程项目表.docx',
    ].join('\n');
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    const at = (start: string) => passages.find((p) => p.text.startsWith(start));
    expect(at('附件1')).toMatchObject({ kind: 'heading', paragraph: null, sectionPath: ['附件1'] });
    expect(at('2025年省十件民生实事')?.sectionPath).toEqual(['附件1', '2025年省十件民生实事']);
    expect(at('一、为老年人')?.sectionPath).toEqual(['附件1', '2025年省十件民生实事', '一、为老年人提供健康管理服务']);
    expect(at('附件2 名词解释')).toMatchObject({ kind: 'heading', sectionPath: ['附件2 名词解释'] });
    expect(at('1.“岳山造林”')?.sectionPath[0]).toBe('附件2 名词解释');
    // A glossary on a line of its own (the Sichuan and Yunnan reports) is end matter too.
    const glossary = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text: ['各位代表：', '2025年工作安排建议', '（一）稳增长。推动产业升级。', '名词解释', '1.六大优势产业：省委提出。包括电子信息、装备制造等。'].join('\n') });
    expect(glossary.map((p) => [p.kind, p.sectionPath.join(' > ')])).toEqual([
      ['paragraph', ''],
      ['heading', '2025年工作安排建议'],
      ['paragraph', '2025年工作安排建议 > （一）稳增长'],
      ['heading', '名词解释'],
      ['paragraph', '名词解释 > 1.六大优势产业'],
    ]);
    // A list of attached files is no appendix heading: its first item stays a paragraph.
    expect(at('附件：1.2024年')?.kind).toBe('paragraph');
  });

  it('keeps a glossary set right under a bare 附件 inside it, as that appendix’s title; after a titled appendix it is end matter of its own', () => {
    const body = ['各位代表：', '2025年工作安排建议', '（一）稳增长。推动产业升级。'];
    const entry = '1.“两重”：国家重大战略实施和重点领域安全能力建设。';
    const paths = (lines: string[]) => chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text: [...body, ...lines].join('\n') }).slice(3).map((p) => [p.kind, p.sectionPath.join(' > ')]);
    expect(paths(['附件', '名词解释', entry])).toEqual([
      ['heading', '附件'],
      ['heading', '附件 > 名词解释'],
      ['paragraph', '附件 > 名词解释 > 1.“两重”'],
    ]);
    expect(paths(['附件2：', '名词注释', entry])).toEqual([
      ['heading', '附件2'],
      ['heading', '附件2 > 名词注释'],
      ['paragraph', '附件2 > 名词注释 > 1.“两重”'],
    ]);
    // Titled, or with text between, the appendix is closed by the glossary, as before.
    expect(paths(['附件1 十件民生实事', '名词解释', entry]).map(([, path]) => path)).toEqual(['附件1 十件民生实事', '名词解释', '名词解释 > 1.“两重”']);
    expect(paths(['附件', '以下为说明。', '名词解释', entry]).map(([, path]) => path)).toEqual(['附件', '附件', '名词解释', '名词解释 > 1.“两重”']);
  });
});
