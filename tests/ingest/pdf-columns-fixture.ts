/**
 * Text for the tests of pages set in columns: six paragraphs of a report, random paragraphs of sentences, and
 * the widths of Helvetica's characters for PDFs whose Latin lines are justified by word spacing.
 */
import fc from 'fast-check';
import { PARAGRAPH } from './pdf-typeset.js';

export const P1 = '北京市全年地区生产总值增长5.2%，一般公共预算收入增长8.2%，城镇调查失业率控制在4.4%，居民人均可支配收入增长5.6%，经济运行稳中向好。';
export const P2 = '坚持以高质量发展为首要任务，着力推动国际科技创新中心建设，基础研究投入持续加大，新设立一批新型研发机构，科技成果转化更加顺畅。';
export const P3 = '扎实推进城市更新，完成老旧小区综合整治开工三百余个，新增养老床位三千余张，新建改扩建中小学和幼儿园一百余所，民生保障水平不断提高。';
export const P4 = '深化京津冀协同发展，城市副中心建设取得新进展，轨道交通运营里程持续增加，生态环境质量明显改善，细颗粒物年均浓度保持稳定。';
export const P5 = '加强法治政府建设，认真办理人大代表建议和政协提案，政务服务事项全部实现网上办理，营商环境持续优化，市场主体活力不断增强。';
export const P6 = '统筹发展和安全，守牢安全生产底线，扎实做好防汛救灾和灾后恢复重建工作，社会大局保持和谐稳定，人民群众安全感进一步提升。';

/** A paragraph of body text: several sentences. */
export const BODY = fc.array(PARAGRAPH, { minLength: 8, maxLength: 16 }).map((sentences) => sentences.join(''));

/** Helvetica's advance widths (per 1000 of the size) of the characters the Latin tests use. */
const HELVETICA: Record<string, number> = {
  ...Object.fromEntries([...'abdeghnopqu'].map((c) => [c, 556])),
  ...Object.fromEntries([...'cksvxyz'].map((c) => [c, 500])),
  ...Object.fromEntries([...'ijl'].map((c) => [c, 222])),
  ...Object.fromEntries([...'ft ,.'].map((c) => [c, 278])),
  r: 333,
  m: 833,
  w: 722,
};
export const helveticaWidth = (text: string, size: number): number => [...text].reduce((w, ch) => w + (HELVETICA[ch] * size) / 1000, 0);
