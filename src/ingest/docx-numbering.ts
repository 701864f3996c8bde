/**
 * Word's automatic numbering: the labels (`一、`, `（一）`, `1.`) Word draws in front of numbered paragraphs
 * but never stores as text. Reads word/numbering.xml and word/styles.xml, walks the paragraphs of
 * word/document.xml as mammoth reads them, and computes each one's label as Word shows it.
 *
 * Counters belong to an abstract list (Word continues a list across the w:num instances that share one,
 * unless a w:num restarts a level with w:startOverride, applied at its first paragraph of that level). A
 * level restarts when a higher one is used (w:lvlRestart: only levels up to its value, 0 never); a level not
 * used yet shows its start. Pure: XML text in, labels out. The number formats live in `docx-number-formats.ts`.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { formatNumber } from './docx-number-formats.js';

/** One level of a list: how it counts and what it shows. */
interface Level {
  start: number;
  format: string;
  text: string | null;
  /** Restart after a use of a level at most this deep (1-based); null: after any higher level; 0: never. */
  restartAfter: number | null;
  /** Show every level's number in decimal (legal numbering). */
  legal: boolean;
  suffix: string;
  /** The paragraph style this level belongs to (w:pStyle), if any. */
  paragraphStyle: string | null;
}

interface ListInstance {
  abstractId: string;
  /** Levels this instance redefines (w:lvlOverride/w:lvl), and where it restarts them (w:startOverride). */
  levels: Map<number, Level>;
  startOverrides: Map<number, number>;
}

/** A numbering reference: which list instance and which level. */
interface NumberRef {
  numId: string | null;
  level: number | null;
}

/** What the label computation needs from numbering.xml and styles.xml. */
export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>;
  instances: Map<string, ListInstance>;
  /** A paragraph style's numbering (after basedOn), by style id. */
  styleNumbering: Map<string, NumberRef>;
  defaultStyle: string | null;
}

/** One paragraph as mammoth reads it: its text (w:t only) and, if Word numbers it, its label followed by what separates it from the text. */
export interface NumberedParagraph {
  text: string;
  label: string | null;
}

const MAX_BASED_ON = 32;

/** Parse XML in xml mode, with mc:AlternateContent replaced by its Fallback as mammoth does. */
function loadXml(xml: string): CheerioAPI {
  const $ = load(xml, { xml: true });
  $('mc\\:AlternateContent').each((_, el) => {
    $(el).replaceWith($(el).children('mc\\:Fallback').contents());
  });
  return $;
}

function intAttr(el: Cheerio<Element>, fallback: number): number {
  const value = Number.parseInt(el.attr('w:val') ?? '', 10);
  return Number.isFinite(value) ? value : fallback;
}

function readLevel($: CheerioAPI, el: Element): Level {
  const lvl = $(el);
  const restart = lvl.children('w\\:lvlRestart');
  return {
    start: intAttr(lvl.children('w\\:start'), 0),
    format: lvl.children('w\\:numFmt').attr('w:val') ?? 'decimal',
    text: lvl.children('w\\:lvlText').attr('w:val') ?? null,
    restartAfter: restart.length > 0 ? intAttr(restart, 0) : null,
    legal: lvl.children('w\\:isLgl').length > 0 && lvl.children('w\\:isLgl').attr('w:val') !== '0',
    suffix: lvl.children('w\\:suff').attr('w:val') ?? 'tab',
    paragraphStyle: lvl.children('w\\:pStyle').attr('w:val') ?? null,
  };
}

function readLevels($: CheerioAPI, parent: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  $(parent).children('w\\:lvl').each((_, el) => {
    levels.set(Number.parseInt($(el).attr('w:ilvl') ?? '0', 10) || 0, readLevel($, el));
  });
  return levels;
}

function numberRef(numPr: Cheerio<Element>): NumberRef | null {
  if (numPr.length === 0) return null;
  const numId = numPr.children('w\\:numId').attr('w:val') ?? null;
  const level = numPr.children('w\\:ilvl').attr('w:val');
  return { numId, level: level === undefined ? null : Number.parseInt(level, 10) || 0 };
}

/** Each paragraph style's numbering, following w:basedOn; a style's own numId and ilvl win over its base's. */
function readStyles(stylesXml: string | null): Pick<NumberingDefinitions, 'styleNumbering' | 'defaultStyle'> {
  const styleNumbering = new Map<string, NumberRef>();
  if (stylesXml === null) return { styleNumbering, defaultStyle: null };
  const $ = loadXml(stylesXml);
  const own = new Map<string, { basedOn: string | null; ref: NumberRef | null }>();
  let defaultStyle: string | null = null;
  $('w\\:style[w\\:type="paragraph"]').each((_, el) => {
    const style = $(el);
    const id = style.attr('w:styleId');
    if (id === undefined) return;
    if (style.attr('w:default') === '1' || style.attr('w:default') === 'true') defaultStyle = id;
    own.set(id, { basedOn: style.children('w\\:basedOn').attr('w:val') ?? null, ref: numberRef(style.children('w\\:pPr').children('w\\:numPr')) });
  });
  for (const id of own.keys()) {
    const ref: NumberRef = { numId: null, level: null };
    let at: string | null = id;
    for (let depth = 0; at !== null && depth < MAX_BASED_ON; depth += 1) {
      const style = own.get(at);
      if (!style) break;
      ref.numId ??= style.ref?.numId ?? null;
      ref.level ??= style.ref?.level ?? null;
      at = style.basedOn;
    }
    if (ref.numId !== null) styleNumbering.set(id, ref);
  }
  return { styleNumbering, defaultStyle };
}

/**
 * The list definitions of numbering.xml and the paragraph styles' numbering of styles.xml.
 * @example readNumbering('<w:numbering …><w:abstractNum w:abstractNumId="0">…</w:abstractNum><w:num w:numId="1">…</w:num></w:numbering>', null).instances.size // 1
 */
export function readNumbering(numberingXml: string, stylesXml: string | null): NumberingDefinitions {
  const $ = loadXml(numberingXml);
  const abstracts = new Map<string, Map<number, Level>>();
  const links = new Map<string, string>();
  $('w\\:abstractNum').each((_, el) => {
    const id = $(el).attr('w:abstractNumId');
    if (id === undefined) return;
    abstracts.set(id, readLevels($, el));
    const link = $(el).children('w\\:numStyleLink').attr('w:val');
    if (link !== undefined) links.set(id, link);
  });
  const instances = new Map<string, ListInstance>();
  $('w\\:num').each((_, el) => {
    const id = $(el).attr('w:numId');
    const abstractId = $(el).children('w\\:abstractNumId').attr('w:val');
    if (id === undefined || abstractId === undefined) return;
    const levels = new Map<number, Level>();
    const startOverrides = new Map<number, number>();
    $(el).children('w\\:lvlOverride').each((_, override) => {
      const ilvl = Number.parseInt($(override).attr('w:ilvl') ?? '0', 10) || 0;
      const lvl = $(override).children('w\\:lvl').get(0);
      if (lvl) levels.set(ilvl, readLevel($, lvl));
      const start = $(override).children('w\\:startOverride');
      if (start.length > 0) startOverrides.set(ilvl, intAttr(start, 0));
    });
    instances.set(id, { abstractId, levels, startOverrides });
  });
  const styles = readStyles(stylesXml);
  resolveStyleLinks(abstracts, links, instances, styles.styleNumbering);
  return { abstracts, instances, ...styles };
}

/** An abstract list that only links to a numbering style takes the levels of the list that style uses. */
function resolveStyleLinks(
  abstracts: NumberingDefinitions['abstracts'],
  links: Map<string, string>,
  instances: Map<string, ListInstance>,
  styles: Map<string, NumberRef>,
): void {
  for (const [id, styleId] of links) {
    const numId = styles.get(styleId)?.numId ?? null;
    const target = numId === null ? undefined : instances.get(numId)?.abstractId;
    const levels = target === undefined || links.has(target) ? undefined : abstracts.get(target);
    if (levels && (abstracts.get(id)?.size ?? 0) === 0) abstracts.set(id, levels);
  }
}

/** The counters of every abstract list, advanced paragraph by paragraph. */
class Counters {
  private readonly values = new Map<string, Map<number, number>>();
  private readonly started = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  level(instance: ListInstance, ilvl: number): Level | undefined {
    return instance.levels.get(ilvl) ?? this.defs.abstracts.get(instance.abstractId)?.get(ilvl);
  }

  /** Count one paragraph at `ilvl` of `numId`; its label, or null (a bullet, an unknown format, no text). */
  next(numId: string, ilvl: number): { label: string; suffix: string } | null {
    const instance = this.defs.instances.get(numId);
    const level = instance && this.level(instance, ilvl);
    if (!instance || !level) return null;
    const counters = this.values.get(instance.abstractId) ?? new Map<number, number>();
    this.values.set(instance.abstractId, counters);
    const override = instance.startOverrides.get(ilvl);
    const key = `${numId}/${ilvl}`;
    if (override !== undefined && !this.started.has(key)) {
      this.started.add(key);
      counters.set(ilvl, override);
    } else {
      const current = counters.get(ilvl);
      counters.set(ilvl, current === undefined ? level.start : current + 1);
    }
    for (const deeper of [...counters.keys()]) {
      const restartAfter = deeper > ilvl ? this.level(instance, deeper)?.restartAfter : 0;
      if (deeper > ilvl && (restartAfter === null || (restartAfter !== undefined && restartAfter > ilvl))) counters.delete(deeper);
    }
    return this.render(instance, level, counters);
  }

  private render(instance: ListInstance, level: Level, counters: Map<number, number>): { label: string; suffix: string } | null {
    if (level.text === null || formatNumber(1, level.format) === null) return null;
    let unknown = false;
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const ilvl = Number(n) - 1;
      const shown = this.level(instance, ilvl);
      const value = counters.get(ilvl) ?? shown?.start ?? 0;
      const text = formatNumber(value, shown === undefined ? 'decimal' : level.legal ? 'decimal' : shown.format);
      if (text === null) unknown = true;
      return text ?? '';
    });
    return unknown || label.trim() === '' ? null : { label, suffix: level.suffix };
  }
}

/** Word's label and what follows it: nothing after a Chinese label ending in 、 or ）, else one space. */
function labelText(label: string, suffix: string): string {
  return suffix === 'nothing' || /[、）]$/u.test(label) ? label : `${label} `;
}

/** The level of a list that names `styleId` as its paragraph style (a style's numPr may leave out ilvl). */
function styleLevel(defs: NumberingDefinitions, numId: string, styleId: string | null): number | null {
  const abstractId = defs.instances.get(numId)?.abstractId;
  const levels = abstractId === undefined ? undefined : defs.abstracts.get(abstractId);
  for (const [ilvl, level] of levels ?? []) if (styleId !== null && level.paragraphStyle === styleId) return ilvl;
  return null;
}

/** The paragraph's numbering: its own w:numPr over its style's; numId 0 means none. */
function paragraphRef(pPr: Cheerio<Element>, defs: NumberingDefinitions): { numId: string; level: number } | null {
  const styleId = pPr.children('w\\:pStyle').attr('w:val') ?? defs.defaultStyle;
  const fromStyle = styleId === null ? undefined : defs.styleNumbering.get(styleId);
  const own = numberRef(pPr.children('w\\:numPr'));
  const numId = own?.numId ?? fromStyle?.numId ?? null;
  if (numId === null || numId === '0') return null;
  return { numId, level: own?.level ?? fromStyle?.level ?? styleLevel(defs, numId, styleId) ?? 0 };
}

/** Text of a paragraph as mammoth reads it: its w:t, not those of paragraphs nested in it (text boxes). */
function ownText($: CheerioAPI, p: Element): string {
  return $(p)
    .find('w\\:t')
    .filter((_, t) => $(t).closest('w\\:p').get(0) === p)
    .text();
}

/**
 * Every paragraph of document.xml in the order mammoth reads them (deleted and moved-away content left out,
 * mc:AlternateContent read by its Fallback, drawings' text not read), each with its label when numbered.
 * @example paragraphLabels(documentXml, readNumbering(numberingXml, stylesXml)).map((p) => p.label) // ['一、', '（一）', null, '1. ']
 */
export function paragraphLabels(documentXml: string, defs: NumberingDefinitions): NumberedParagraph[] {
  const $ = loadXml(documentXml);
  const deletedMarks = new Set($('w\\:p > w\\:pPr > w\\:rPr > w\\:del').closest('w\\:p').toArray());
  $('w\\:del, w\\:moveFrom, wp\\:inline, wp\\:anchor').remove();
  const counters = new Counters(defs);
  const out: NumberedParagraph[] = [];
  let carried = '';
  $('w\\:body w\\:p').each((_, p) => {
    const pPr = $(p).children('w\\:pPr');
    if (deletedMarks.has(p)) {
      // A deleted paragraph mark: mammoth joins its content to the next paragraph.
      carried += ownText($, p);
      return;
    }
    const ref = paragraphRef(pPr, defs);
    const counted = ref === null ? null : counters.next(ref.numId, ref.level);
    out.push({ text: carried + ownText($, p), label: counted === null ? null : labelText(counted.label, counted.suffix) });
    carried = '';
  });
  return out;
}
