import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import type { PdfItem, PdfPage } from '../../src/ingest/pdf-extract.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { testContext } from './helpers.js';
import { buildPdf } from './pdf-builder.js';
import { COLUMN_SIZE, typesetColumns, wrapWords, type ColumnPart, type ColumnSetting } from './pdf-columns-typeset.js';
import { BODY, helveticaWidth, P1, P2, P3, P4, P5, P6 } from './pdf-columns-fixture.js';

const SETTING: ColumnSetting = { measure: 20, gutter: 2, offset: 0 };

const ENGLISH = 'The yearbook of the city reports that output grew in every district, that jobs were found for young people, and that the rivers ran cleaner than in any year before.';

const textOf = (pages: PdfPage[]): string => assemblePdf(pages).text;

describe('a page set in two columns', () => {
  it('reads the left column top to bottom, then the right, the title above them, the page number out', () => {
    const pages = typesetColumns([[{ across: '北京市国民经济和社会发展统计公报', size: 18 }, { columns: [P1, P2, P3, ENGLISH, P4] }]], SETTING);
    const result = assemblePdf(pages);
    expect(result.text.split('\n')).toEqual(['北京市国民经济和社会发展统计公报', P1, P2, P3, ENGLISH, P4]);
    expect(result.furniture).toEqual([{ page: 1, text: '— 1 —' }]);
  });

  it('keeps a centred line under the title whole when the space between its words falls in the gutter', () => {
    // As Chromium printed a county's statistical communiqué: `某某县统计局　2025年3月15日` under the title, its
    // space where the columns' gutter (260-280 here) runs, its first word reaching into the gutter.
    const [page] = typesetColumns([[{ across: '北京市国民经济和社会发展统计公报', size: 18 }, { across: '某某县统计局二〇二五年三月', size: COLUMN_SIZE }, { columns: [P1, P2, P3] }]], SETTING);
    const line = page.items.find((i) => i.str === '某某县统计局二〇二五年三月') as PdfItem;
    const parts: PdfItem[] = [
      { ...line, str: '某某县统计局', x: 205, width: 60 },
      { ...line, str: '二〇二五年三月', x: 275, width: 70 },
    ];
    const items = page.items.flatMap((i) => (i === line ? parts : [i]));
    expect(textOf([{ ...page, items }]).split('\n')).toEqual(['北京市国民经济和社会发展统计公报', '某某县统计局 二〇二五年三月', P1, P2, P3]);
  });

  it('finds the gutter under a title whose last character stands in it', () => {
    const pages = typesetColumns([[{ across: '北京市国民经济和社会发展统计公', size: 18 }, { across: '报', size: 18 }, { columns: [P1, P2, P3] }]], SETTING);
    expect(textOf(pages).split('\n')).toEqual(['北京市国民经济和社会发展统计公报', P1, P2, P3]);
  });

  it('reads the columns so whether their lines share baselines or not', () => {
    for (const offset of [0, COLUMN_SIZE * 0.6]) {
      expect(textOf(typesetColumns([[{ columns: [P1, P2, P3, P4] }]], { ...SETTING, offset }))).toBe([P1, P2, P3, P4].join('\n'));
    }
  });

  it('keeps a paragraph whole that runs from the foot of the left column to the head of the right', () => {
    const long = P1 + P2.slice(0, -1) + '，' + P3;
    const lines = wrapWords(long, SETTING.measure);
    // The paragraph starts in the left column and ends in the right.
    const pages = typesetColumns([[{ columns: [P4, long, P5] }]], { ...SETTING, leftLines: wrapWords(P4, 20).length + 3 });
    expect(lines.length).toBeGreaterThan(6);
    expect(textOf(pages).split('\n')).toEqual([P4, long, P5]);
  });

  it('keeps a paragraph whole that runs from the right column of one page to the left column of the next', () => {
    // The first half fills its last line, so the reader cannot see the paragraph end there.
    const whole = P2 + P3 + P4 + P6;
    const chars = Array.from(whole);
    const cut = 6 * SETTING.measure - 2;
    const [first, rest] = [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
    expect(wrapWords(first, SETTING.measure).at(-1)).toHaveLength(SETTING.measure);
    const pages = typesetColumns([[{ columns: [P5, first] }], [{ columns: [rest, P1], continued: true }]], SETTING);
    expect(textOf(pages).split('\n')).toEqual([P5, whole, P1]);
  });

  it('keeps a heading across the page in place between two runs of columns', () => {
    const pages = typesetColumns(
      [[{ across: '2024年工作回顾', size: 16 }, { columns: [P1, P2, P3] }, { across: '二、2025年主要任务', size: 14 }, { columns: [P4, P5, P6] }]],
      SETTING,
    );
    expect(textOf(pages).split('\n')).toEqual(['2024年工作回顾', P1, P2, P3, '二、2025年主要任务', P4, P5, P6]);
  });

  it('rebuilds every paragraph in order, whatever the column measure, gutter and baselines (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ measure: fc.integer({ min: 10, max: 26 }), gutter: fc.constantFrom(1.2, 1.5, 2, 3, 4), offset: fc.constantFrom(0, 4, 7.5) }).chain((setting) =>
          fc.tuple(
            // Body text: paragraphs of sentences, three lines and more (a column of one-line paragraphs is a list).
            fc.array(fc.array(BODY.filter((p) => wrapWords(p, setting.measure).length >= 3), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
            fc.constant(setting),
          ),
        ),
        ([pages, setting]) => {
          const text = textOf(typesetColumns(pages.map((columns) => [{ columns }]), setting));
          expect(text).toBe(pages.flat().join('\n'));
        },
      ),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('reads a real PDF of two justified columns of Latin text, left column first', async () => {
    const left = ['the yearbook of the city reports that output', 'grew in every district of the city, that jobs', 'were found for many young people, and that', 'the rivers of the region ran cleaner than in', 'any year before, while prices stayed steady'];
    const right = ['and the new metro lines carried more people', 'than ever, as schools and clinics opened in', 'the suburbs and the old town was repaired', 'street by street, with the help of residents', 'who were asked what they wanted first.'];
    // Each line but the last justified to 210 points by word spacing (Tw), as a typesetter sets it.
    const justified = (line: string, last: boolean): string => (last ? '0 Tw' : `${((210 - helveticaWidth(line, 10)) / (line.split(' ').length - 1)).toFixed(3)} Tw`);
    const rows = (lines: string[], x: number): string =>
      lines.map((l, k) => `BT /F1 10 Tf ${justified(l, x > 100 && k === lines.length - 1)} ${x} ${170 - k * 14} Td (${l}) Tj ET`).join('\n');
    const pdf = buildPdf([`${rows(left, 20)}\n${rows(right, 250)}`]);
    const [doc] = await readPdf(pdf, testContext('columns.pdf'));
    expect(doc.text).toBe([...left, ...right].join(' '));
  });
});

const SIZE = 10;
const width = (text: string): number => Array.from(text).reduce((w, ch) => w + (/[\x20-\x7e]/u.test(ch) ? 0.5 : 1) * SIZE, 0);
const item = (str: string, x: number, y: number, size = SIZE): PdfItem => ({ str, x, y, width: (width(str) * size) / SIZE, size, font: 'f' });
const page = (items: PdfItem[]): PdfPage[] => [{ index: 1, width: 595, height: 842, items, imageOnly: false }];

describe('pages that are not set in columns', () => {
  it('reads a table of wide text cells as rows, not as two columns', () => {
    const rows = [
      ['数据类别', '包含的数据项及其说明'],
      ['车辆基础数据', '车辆识别代号、车型、出厂配置'],
      ['道路环境数据', '高精地图、路侧感知设备采集的数据'],
      ['乘客数据', '乘客身份信息、行程信息'],
      ['运营数据', '运营里程、接管次数、事故记录'],
      ['测试数据', '测试场景、测试结果、测试车辆轨迹'],
      ['监管数据', '监管平台接收的车辆状态数据'],
    ];
    const items = rows.flatMap(([a, b], r) => [item(a, 60, 700 - r * 20), item(b, 260, 700 - r * 20)]);
    expect(textOf(page(items)).split('\n')).toEqual(rows.map((r) => r.join('\t')));
  });

  it('reads a table of two columns of text cells alike in length as rows', () => {
    const cell = (n: number, seed: number): string => Array.from({ length: n }, (_, k) => '国家发展改革统计局经济社会规划建设民生'[(k * 7 + seed) % 20]).join('');
    const rows = Array.from({ length: 12 }, (_, k) => [cell(14 + (k % 5), k), cell(14 + ((k * 3) % 5), k + 5)]);
    const items = rows.flatMap(([a, b], r) => [item(a, 60, 700 - r * 20), item(b, 300, 700 - r * 20)]);
    expect(textOf(page(items)).split('\n')).toEqual(rows.map((r) => r.join('\t')));
  });

  it('reads a list of names set two to a line as lines', () => {
    const names = Array.from({ length: 24 }, (_, k) => `${'张王李赵刘陈杨黄'[k % 8]}${'伟芳娜敏静丽强磊'[(k * 3) % 8]}（${'北京市发展和改革委员会统计局'.slice(0, 6 + (k % 7))}）`);
    const items = names.map((n, k) => item(n, k % 2 === 0 ? 72 : 310, 760 - Math.floor(k / 2) * 22));
    const lines = Array.from({ length: 12 }, (_, r) => `${names[2 * r]}\t${names[2 * r + 1]}`);
    expect(textOf(page(items)).split('\n')).toEqual(lines);
  });

  it('reads a table of numbers in three and more columns as rows', () => {
    const rows = [['指标', '2022年', '2023年', '增长%'], ...Array.from({ length: 10 }, (_, k) => [`指标名称第${k + 1}项`, `${1000 + k * 37}.5`, `${1100 + k * 41}.2`, `${(k % 7) + 1}.3`])];
    const items = rows.flatMap((cells, r) => cells.map((c, k) => item(c, 60 + k * 130, 700 - r * 18)));
    expect(textOf(page(items)).split('\n')).toEqual(rows.map((r) => r.join('\t')));
  });

  it('reads a page of short lines, some set right, top to bottom', () => {
    const list = ['一、总体要求', '二、主要目标', '三、重点任务', '（一）推动科技创新', '（二）建设现代化产业体系', '（三）扩大内需', '四、保障措施', '五、组织实施'];
    const items = [
      ...list.map((t, k) => item(t, 72, 760 - k * 24)),
      item('北京市人民政府', 400, 500),
      item('2024年1月21日', 400, 476),
    ];
    expect(textOf(page(items)).split('\n')).toEqual([...list, '北京市人民政府', '2024年1月21日']);
  });

  it('reads a contents page, its page numbers set right, as lines with their numbers', () => {
    const entries = ['一、编制背景', '二、数据分类分级原则', '三、数据分类方法', '四、数据分级方法', '五、数据安全保护要求', '六、附录'];
    const items = entries.flatMap((t, k) => [item(t, 72, 760 - k * 24), item(String(3 + k * 4), 500, 760 - k * 24)]);
    expect(textOf(page(items)).split('\n')).toEqual(entries.map((t, k) => `${t}\t${3 + k * 4}`));
  });

  it('reads a single column of indented text as one column', () => {
    const line = '坚持以高质量发展为首要任务着力推动科技创新';
    const first = line.slice(2);
    const items = [
      item(first, 170, 760),
      ...Array.from({ length: 6 }, (_, k) => item(line, 150, 740 - k * 20)),
      item('中心建设。', 150, 620),
      item(first, 170, 600),
      ...Array.from({ length: 5 }, (_, k) => item(line, 150, 580 - k * 20)),
      item('全面完成。', 150, 480),
    ];
    expect(textOf(page(items)).split('\n')).toEqual([`${first}${line.repeat(6)}中心建设。`, `${first}${line.repeat(5)}全面完成。`]);
  });

  it('reads a page of one column whose paragraphs end short of the middle as one column', () => {
    const paras = [P1 + P2, P3 + P4, P5, P6];
    const lines = paras.flatMap((p) => wrapWords(p, 40).map((text, k) => ({ text, first: k === 0 })));
    const items = lines.map(({ text, first }, row) => item(text, 72 + (first ? 2 * SIZE : 0), 780 - row * 15));
    expect(textOf(page(items)).split('\n')).toEqual(paras);
  });
});

describe('what stands under a page set in two columns', () => {
  /** A paragraph filling the left column's foot and the right column's head (its first half ends on a full line). */
  const split = (): [string, string, string] => {
    const whole = P2 + P3 + P4 + P6;
    const cut = 6 * SETTING.measure - 2;
    const chars = Array.from(whole);
    return [whole, chars.slice(0, cut).join(''), chars.slice(cut).join('')];
  };
  const NOTE_LONG = '①本报告中地区生产总值、城镇新增就业等数据均为初步统计数，最终数据以统计年鉴为准。';
  const NOTE_SHORT = '②数据来源于市统计局。';

  it('takes footnotes across the page foot out of the paragraph that runs on to the next page', () => {
    const [whole, first, rest] = split();
    const pages = typesetColumns([[{ columns: [P5, first] }, { notes: [NOTE_LONG, NOTE_SHORT], size: 8 }], [{ columns: [rest, P1], continued: true }]], SETTING);
    const result = assemblePdf(pages);
    expect(result.notes.map((r) => result.text.slice(r.start, r.end))).toEqual([NOTE_LONG, NOTE_SHORT]);
    expect(result.text.split('\n').filter((l) => !l.startsWith('①') && !l.startsWith('②'))).toEqual([P5, whole, P1]);
  });

  it('takes footnotes within the left column\'s width out of the column, the paragraph running on to the right column', () => {
    const notes = ['①数据为初步核算数。', '②数据来源于市统计局。'];
    const long = P1 + P2.slice(0, -1) + '，' + P3;
    const pages = typesetColumns([[{ columns: [P4, long, P5] }, { notes, size: 8 }]], SETTING);
    const result = assemblePdf(pages);
    expect(result.notes.map((r) => result.text.slice(r.start, r.end))).toEqual(notes);
    expect(result.text.split('\n').filter((l) => !notes.includes(l))).toEqual([P4, long, P5]);
  });

  it('reads a table across the page right under a run of columns as rows, after both columns', () => {
    const table = [
      ['指标', '2024年目标', '2024年完成'],
      ['地区生产总值增长', '5%左右', '5.2%'],
      ['城镇新增就业', '26万人', '28.6万人'],
    ];
    const pages = typesetColumns([[{ columns: [P1, P2, P3] }, { table, size: 9 }, { across: '二、2025年主要任务', size: 14 }, { columns: [P4, P5, P6] }]], SETTING);
    expect(textOf(pages).split('\n')).toEqual([P1, P2, P3, ...table.map((r) => r.join('\t')), '二、2025年主要任务', P4, P5, P6]);
  });

  it('reads a short run of columns under the title, two lines a side or fewer, as the page\'s other columns are read', () => {
    const opening = '现在，我代表市人民政府，向大会报告政府工作，请予审议。';
    const pages = typesetColumns(
      [[{ across: '政府工作报告', size: 18 }, { columns: ['各位代表：', opening] }, { across: '一、2024年工作回顾', size: 14 }, { columns: [P1, P2, P3] }]],
      SETTING,
    );
    expect(textOf(pages).split('\n')).toEqual(['政府工作报告', '各位代表：', opening, '一、2024年工作回顾', P1, P2, P3]);
  });

  it('reads the last page\'s balanced columns of two lines a side as the pages before it are read', () => {
    // A communiqué that ends a few lines into its last page: the typesetter balances them, two lines a column.
    const end = '全年城镇新增就业二十八万人，城镇调查失业率保持在百分之五点二以内，物价总体平稳。';
    const lines = wrapWords(end, SETTING.measure);
    expect(lines.length).toBe(3);
    const pages = typesetColumns([[{ columns: [P1, P2, P3, P4] }], [{ columns: [end] }]], { ...SETTING, leftLines: 2 });
    const firstOnly = typesetColumns([[{ columns: [P1, P2, P3, P4] }]], SETTING);
    expect(textOf([firstOnly[0], pages[1]]).split('\n')).toEqual([P1, P2, P3, P4, end]);
    // Alone, without a page set in columns before it, the page is read as it stands: line by line across.
    expect(textOf([pages[1]]).split('\n')).not.toEqual([end]);
  });
});

describe('a table set inside one column', () => {
  /** Paragraphs as lines of 20 characters in a column at `x`, the first line of each indented by two; a line's baseline from `top`. */
  const column = (paragraphs: string[], x: number, top: number): PdfItem[] =>
    paragraphs
      .flatMap((p) => wrapWords(p, 20).map((text, k) => ({ text, indent: k === 0 ? 2 * SIZE : 0 })))
      .map(({ text, indent }, row) => item(text, x + indent, top - row * 15));

  it('reads a table at the head of the right column as rows of that column, not as rows across the page', () => {
    const table = [
      ['指标', '数值'],
      ['地区生产总值', '2392亿元'],
      ['粮食产量', '108万吨'],
    ];
    // The table's rows stand at the left column's first three baselines.
    const rows = table.flatMap(([label, value], k) => [item(label, 280, 780 - k * 15, 9), item(value, 400, 780 - k * 15, 9)]);
    const items = [...column([P1, P2, P3], 60, 780), ...rows, ...column([P4, P5, P6], 280, 735)];
    expect(textOf(page(items)).split('\n')).toEqual([P1, P2, P3, ...table.map((r) => r.join('\t')), P4, P5, P6]);
  });

  it('reads a table at the foot of the left column as rows of that column, not as rows across the page', () => {
    const table = [
      ['指标', '数值'],
      ['地区生产总值', '2392亿元'],
      ['粮食产量', '108万吨'],
    ];
    const left = column([P1, P2, P3], 60, 780);
    const foot = left[left.length - 1].y - 15;
    const rows = table.flatMap(([label, value], k) => [item(label, 60, foot - k * 15, 9), item(value, 180, foot - k * 15, 9)]);
    // The right column starts three lines lower and ends with the table, its last line full (the paragraph runs
    // on to the next page), so the table's rows share its last baselines.
    const running = wrapWords(P4 + P5 + P6 + P1, 20).slice(0, 12).join('');
    const items = [...left, ...rows, ...column([running], 280, 735)];
    expect(items.filter((i) => i.x === 280).at(-1)?.y).toBe(foot - 30);
    expect(textOf(page(items)).split('\n')).toEqual([P1, P2, P3, ...table.map((r) => r.join('\t')), running]);
  });
});
