// @ts-check
// Where the query occurs: matching passages per year (SVG) and per report (a list of buttons). Each bar is a
// keyboard-reachable button named by its visible text; choosing one applies that filter (the active one removes it).
import { axisTicks, yearSlots } from './axis-ticks.js';
import { docLabels, labelLine } from './doc-labels.js';
import { el, replace, svg } from './dom.js';
import { lang, num, t, textLang } from './i18n.js';
import { isOnePhrase } from './query-edit.js';
import { yearRange } from './query-filters.js';

/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./doc-labels.js').DocLabel} DocLabel */
/** @typedef {import('./types.js').Facets} Facets */
/** @typedef {import('./types.js').FilterKey} FilterKey */
/** @typedef {import('./types.js').TrendSeries} TrendSeries */
/** @typedef {import('./types.js').TrendYear} TrendYear */
/** @typedef {(key: FilterKey, value: string) => void} OnPick */

const WIDTH = 300;
/** How wide a year under a bar is, in the charts' units: four digits at 12 (`.chart text` in styles.css), and a gap. */
const YEAR_LABEL_WIDTH = 32;

/** The labels last made, for the documents map and the language they were made for. */
let made = { docs: /** @type {Map<string, DocMeta> | null} */ (null), language: '', labels: /** @type {Map<string, DocLabel>} */ (new Map()) };

/**
 * The label of a report: its year and its title in the interface language, and for a report whose title and year
 * another has too, its source file (`doc-labels.js`).
 * @param {Map<string, DocMeta>} docs
 * @param {string} id
 * @returns {DocLabel}
 */
function labelOf(docs, id) {
  if (made.docs !== docs || made.language !== lang()) made = { docs, language: lang(), labels: docLabels(docs.values(), lang()) };
  return made.labels.get(id) ?? { text: id, source: '' };
}

/**
 * Title of a report for labels, in the interface language, after its year; a report whose label another has
 * says its source file too.
 * @example docLabel(docs, 'xizang-2024-government-work-report') // '2024 · 2024年西藏自治区政府工作报告'
 * @param {Map<string, DocMeta>} docs
 * @param {string} id
 */
export function docLabel(docs, id) {
  return labelLine(labelOf(docs, id));
}

/**
 * A bar as a keyboard-reachable button named `name`, which its tooltip shows as well. The bar holds only
 * shapes: its visible labels are drawn in a layer of their own (`labelLayer`), so that its name, which says
 * them, is all the text it has.
 * @param {string} name
 * @param {boolean} active
 * @param {() => void} onPick
 * @param {import('./dom.js').Child} shapes
 */
function bar(name, active, onPick, shapes) {
  const pick = () => onPick();
  return svg(
    'g',
    {
      class: active ? 'bar active' : 'bar',
      role: 'button',
      tabindex: '0',
      'aria-label': name,
      'aria-pressed': active ? 'true' : 'false',
      onclick: pick,
      onkeydown: (/** @type {KeyboardEvent} */ e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pick();
        }
      },
    },
    svg('title', {}, name),
    shapes,
  );
}

/**
 * Whether a year of a chart is the year filter in force, or one of the range in force (`2013-2022`): marked as
 * chosen. Choosing a year of a range narrows the filter to it; choosing the year in force clears it.
 * @example isActiveYear('2020', '2019-2021') // true
 * @param {string} year
 * @param {string} activeYear
 */
function isActiveYear(year, activeYear) {
  const range = yearRange(activeYear);
  return year === activeYear || (range !== null && Number(year) >= range.from && Number(year) <= range.to);
}

/**
 * Matching passages per year, a bar each, on an axis of every year from the first to the last (a year without
 * matching passages is a gap, as on the trend's axis).
 * @param {Record<string, number>} counts
 * @param {string} activeYear
 * @param {OnPick} onPick
 */
function yearChart(counts, activeYear, onPick) {
  const found = Object.keys(counts).filter((y) => /^\d+$/.test(y) && counts[y] > 0);
  if (found.length === 0) return null;
  const years = yearSlots(found);
  const max = Math.max(...found.map((y) => counts[y]));
  const top = 16;
  const plot = 90;
  const height = top + plot + 20;
  const step = WIDTH / years.length;
  const barWidth = Math.max(2, step * 0.7);
  const ticks = axisTicks(years.length, { width: WIDTH, labelWidth: YEAR_LABEL_WIDTH });
  /** @type {SVGTextElement[]} */
  const labels = [];
  const bars = years.map((year, i) => {
    const x = i * step + (step - barWidth) / 2;
    const middle = x + barWidth / 2;
    if (ticks.has(i)) {
      const axis = isActiveYear(year, activeYear) ? 'axis active' : 'axis';
      labels.push(svg('text', { class: axis, x: middle, y: height - 4, 'text-anchor': 'middle' }, year));
    }
    if (!counts[year]) return null;
    const h = Math.max(2, (counts[year] / max) * plot);
    const shapes = [
      svg('rect', { class: 'hit-area', x: i * step, y: 0, width: step, height }),
      svg('rect', { class: 'fill', x, y: top + plot - h, width: barWidth, height: h, rx: 2 }),
    ];
    if (years.length <= 12) {
      const at = { x: middle, y: top + plot - h - 3, 'text-anchor': 'middle' };
      labels.push(svg('text', { class: 'count', ...at }, num(counts[year])));
    }
    const name = t('barLabel', { label: year, n: num(counts[year]) });
    return bar(name, isActiveYear(year, activeYear), () => onPick('year', year === activeYear ? '' : year), shapes);
  });
  const attrs = { viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', 'aria-label': t('byYear'), class: 'chart years' };
  return figure(t('byYear'), svg('svg', attrs, bars, labelLayer(labels)));
}

/**
 * Matching passages per report, the eight reports with most: a list of buttons, each with the report's title
 * (whole in the text and the tooltip, cut at its end with an ellipsis by the stylesheet), a bar and the count.
 * @param {Record<string, number>} counts
 * @param {Map<string, DocMeta>} docs
 * @param {string} activeDoc
 * @param {OnPick} onPick
 */
function docChart(counts, docs, activeDoc, onPick) {
  const ids = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b)).slice(0, 8);
  if (ids.length === 0) return null;
  const max = Math.max(...ids.map((id) => counts[id]));
  const rows = ids.map((id) => {
    const parts = labelOf(docs, id);
    const label = labelLine(parts);
    const active = id === activeDoc;
    const share = Math.max(1, Math.round((counts[id] / max) * 100));
    const track = svg(
      'svg',
      { class: 'bar-track', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      svg('rect', { class: 'fill', x: 0, y: 0, width: share, height: 10 }),
    );
    const button = el(
      'button',
      {
        type: 'button',
        class: active ? 'bar active' : 'bar',
        'aria-pressed': active ? 'true' : 'false',
        'aria-label': t('barLabel', { label, n: num(counts[id]) }),
        title: label,
        onclick: () => onPick('doc', active ? '' : id),
      },
      // The title is cut at its end when it is long; what tells two reports of one title apart is not.
      el('span', { class: 'bar-label' }, el('span', { class: 'bar-title', lang: textLang(parts.text) }, parts.text), parts.source ? el('span', { class: 'bar-source' }, parts.source) : null),
      ' ',
      el('span', { class: 'bar-line' }, track, el('span', { class: 'count' }, num(counts[id]))),
    );
    return el('li', {}, button);
  });
  return figure(t('byReport'), el('ul', { class: 'chart docs' }, rows));
}

/** The visible labels of a chart's bars, drawn over them; hidden from assistive technology (the bars say them). */
/** @param {SVGTextElement[]} labels */
function labelLayer(labels) {
  return svg('g', { class: 'labels', 'aria-hidden': 'true' }, labels);
}

/**
 * @param {string} caption
 * @param {Element} chart
 */
function figure(caption, chart) {
  return el('figure', { class: 'chart-figure' }, el('figcaption', {}, caption), chart);
}

/**
 * Draws both charts into `container` (hidden when there is nothing to draw); `trend`, a figure from
 * `trendFigure`, takes the place of the chart of passages per year.
 * @example renderChart(node, { facets, docs, state, onPick: (key, value) => applyFilter(key, value) })
 * @param {HTMLElement} container
 * @param {{ facets: Facets, docs: Map<string, DocMeta>, state: Record<FilterKey, string>, onPick: OnPick,
 *   trend?: HTMLElement | null }} options
 */
export function renderChart(container, { facets, docs, state, onPick, trend = null }) {
  // The trend (per 10,000 characters, every year) when the query has one; else matching passages per year.
  const years = trend ?? yearChart(facets.year || {}, state.year, onPick);
  const reports = docChart(facets.doc || {}, docs, state.doc, onPick);
  container.hidden = !years && !reports;
  replace(container, el('h2', { class: 'panel-title' }, t('chartTitle')), years, reports);
}

const TREND_HEIGHT = 150;
const TREND_TOP = 14;
const TREND_PLOT = 100;

/**
 * The hover text of one year of one phrase: the raw counts behind the rate.
 * @param {string} q
 * @param {TrendYear} y
 */
function trendPointLabel(q, y) {
  if (y.reports === 0) return t('trendNoReports', { year: y.year });
  const rate = num(y.perTenThousand ?? 0);
  const counts = { n: num(y.occurrences), passages: num(y.passages), rate, chars: num(y.chars) };
  return t('trendPoint', { q, year: y.year, ...counts });
}

/**
 * Line segments of a series, broken at years without reports.
 * @param {Array<[number, number] | null>} points
 */
function trendSegments(points) {
  /** @type {Array<Array<[number, number]>>} */
  const segments = [];
  /** @type {Array<[number, number]>} */
  let current = [];
  for (const point of points) {
    if (point === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(point);
  }
  if (current.length) segments.push(current);
  return segments;
}

/**
 * The trend of up to four phrases: occurrences per 10,000 characters of each year's reports, a line per
 * phrase, gaps for years without reports; each year is a button that filters the results to it.
 * @param {TrendSeries[]} series
 * @param {string} activeYear
 * @param {OnPick} onPick
 */
function trendChart(series, activeYear, onPick) {
  const years = series[0].years;
  if (years.length === 0) return null;
  const max = Math.max(0.001, ...series.flatMap((s) => s.years.map((y) => y.perTenThousand ?? 0)));
  const step = WIDTH / years.length;
  const xOf = (/** @type {number} */ i) => i * step + step / 2;
  const yOf = (/** @type {number} */ rate) => TREND_TOP + TREND_PLOT - (rate / max) * TREND_PLOT;
  const ticks = axisTicks(years.length, { width: WIDTH, labelWidth: YEAR_LABEL_WIDTH });
  /** @type {SVGTextElement[]} */
  const labels = [];
  const columns = years.map((y, i) => {
    const year = String(y.year);
    const label = series.map((s) => trendPointLabel(s.q, s.years[i])).join('\n');
    const areaClass = y.reports === 0 ? 'hit-area gap' : 'hit-area';
    const area = svg('rect', { class: areaClass, x: i * step, y: 0, width: step, height: TREND_HEIGHT });
    if (ticks.has(i)) {
      const axis = isActiveYear(year, activeYear) ? 'axis active' : 'axis';
      labels.push(svg('text', { class: axis, x: xOf(i), y: TREND_HEIGHT - 4, 'text-anchor': 'middle' }, year));
    }
    if (y.reports === 0) return svg('g', { class: 'gap-year' }, svg('title', {}, label), area);
    const pick = () => onPick('year', year === activeYear ? '' : year);
    return bar(t('trendBarLabel', { label }), isActiveYear(year, activeYear), pick, area);
  });
  const lines = series.map((s, k) => {
    const points = s.years.map((y, i) =>
      y.perTenThousand === null ? null : /** @type {[number, number]} */ ([xOf(i), yOf(y.perTenThousand)]),
    );
    return svg(
      'g',
      { class: `trend-series series-${k}`, 'aria-hidden': 'true' },
      trendSegments(points).map((segment) =>
        svg('polyline', { points: segment.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ') }),
      ),
      points.map((point) => (point ? svg('circle', { cx: point[0], cy: point[1], r: 2.5 }) : null)),
    );
  });
  const axis = [
    svg('text', { class: 'axis', x: 0, y: 10 }, t('trendMax', { rate: num(Math.round(max * 100) / 100) })),
    svg('line', { class: 'baseline', x1: 0, x2: WIDTH, y1: TREND_TOP + TREND_PLOT, y2: TREND_TOP + TREND_PLOT }),
  ];
  const attrs = {
    viewBox: `0 0 ${WIDTH} ${TREND_HEIGHT}`, role: 'group', 'aria-label': t('trendTitle'), class: 'chart trend',
  };
  return svg('svg', attrs, columns, axis, lines, labelLayer(labels));
}

/**
 * The trend figure: the chart, a legend of the phrases (each compared one removable, named as it was typed: its
 * series is counted under the query's filters too), and a box to compare another phrase (up to four in all).
 * @example trendFigure(series, { activeYear: '', onPick, onCompare: (list) => go(list) })
 * @param {TrendSeries[]} series
 * @param {{ activeYear: string, onPick: OnPick, compared: string[], onCompare: (phrases: string[]) => void }} options
 */
export function trendFigure(series, { activeYear, onPick, compared, onCompare }) {
  const chart = trendChart(series, activeYear, onPick);
  if (!chart) return null;
  const removeButton = (/** @type {string} */ q) => {
    const onclick = () => onCompare(compared.filter((c) => c !== q));
    return el('button', { type: 'button', class: 'link-button', 'aria-label': t('trendRemove', { q }), onclick }, '×');
  };
  // The query's series, then the compared phrases' in their order.
  const nameOf = (/** @type {TrendSeries} */ s, /** @type {number} */ k) => (k > 0 ? (compared[k - 1] ?? s.q) : s.q);
  const legend = el(
    'ul',
    { class: 'trend-legend' },
    series.map((s, k) =>
      el(
        'li',
        { class: `series-${k}` },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { lang: textLang(nameOf(s, k)) }, nameOf(s, k)),
        t('trendTotal', { n: num(s.total) }),
        k > 0 ? removeButton(nameOf(s, k)) : null,
      ),
    ),
  );
  const placeholder = t('trendAddPlaceholder');
  const input = el('input', { id: 'trend-add', type: 'search', maxlength: '100', autocomplete: 'off', placeholder });
  // A phrase the trend cannot follow (OR, -exclusions, /s, /p, NEAR/n) is refused where it was typed.
  input.addEventListener('input', () => input.setCustomValidity(''));
  const add = () => {
    const q = input.value.trim();
    if (q && !isOnePhrase(q)) {
      input.setCustomValidity(t('trendAddInvalid'));
      input.reportValidity();
    } else if (q && !compared.includes(q)) onCompare([...compared, q]);
  };
  // The one text field submits its form on Enter; the button is not a second submit button of the page.
  const form = series.length >= 4 ? null : el(
    'form',
    { class: 'trend-add', onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); add(); } },
    el('label', { for: 'trend-add', class: 'visually-hidden' }, t('trendAddLabel')),
    input,
    el('button', { type: 'button', class: 'action', onclick: add }, t('trendAdd')),
  );
  const caption = el('figcaption', {}, t('trendTitle'));
  return el('figure', { class: 'chart-figure trend-figure' }, caption, chart, legend, form);
}
