// A small SVG bar chart of where the query occurs: matching passages per year and per report. Each bar is
// a keyboard-reachable button; choosing one applies that filter (choosing the active one removes it).
import { el, replace, svg } from './dom.js';
import { lang, num, t } from './i18n.js';

const WIDTH = 300;

/** Title of a report for labels, in the interface language. */
export function docLabel(docs, id) {
  const doc = docs.get(id);
  if (!doc) return id;
  const title = lang() === 'en' && doc.titleEn ? doc.titleEn : doc.title;
  return doc.year ? `${doc.year} · ${title}` : title;
}

/** Cuts the middle out of a long label: titles often differ only at their ends ("… (2020)", "…纲要"). */
function shorten(text, max) {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

function bar(label, count, active, onPick, shapes) {
  const name = t('barLabel', { label, n: num(count) });
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
      onkeydown: (e) => {
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

function yearChart(counts, activeYear, onPick) {
  const years = Object.keys(counts).filter((y) => /^\d+$/.test(y)).sort((a, b) => Number(a) - Number(b));
  if (years.length === 0) return null;
  const max = Math.max(...years.map((y) => counts[y]));
  const top = 16;
  const plot = 90;
  const height = top + plot + 20;
  const step = WIDTH / years.length;
  const barWidth = Math.max(2, step * 0.7);
  const labelEvery = Math.ceil(years.length / 8);
  const bars = years.map((year, i) => {
    const h = Math.max(2, (counts[year] / max) * plot);
    const x = i * step + (step - barWidth) / 2;
    const shapes = [
      svg('rect', { class: 'hit-area', x: i * step, y: 0, width: step, height }),
      svg('rect', { class: 'fill', x, y: top + plot - h, width: barWidth, height: h, rx: 2 }),
    ];
    if (years.length <= 12) shapes.push(svg('text', { class: 'count', x: x + barWidth / 2, y: top + plot - h - 3, 'text-anchor': 'middle' }, num(counts[year])));
    if (i % labelEvery === 0 || i === years.length - 1) {
      shapes.push(svg('text', { class: 'axis', x: x + barWidth / 2, y: height - 4, 'text-anchor': 'middle' }, year));
    }
    return bar(year, counts[year], year === activeYear, () => onPick('year', year === activeYear ? '' : year), shapes);
  });
  return figure(t('byYear'), svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', 'aria-label': t('byYear'), class: 'chart years' }, bars));
}

function docChart(counts, docs, activeDoc, onPick) {
  const ids = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b)).slice(0, 8);
  if (ids.length === 0) return null;
  const max = Math.max(...ids.map((id) => counts[id]));
  const row = 36;
  const labelWidth = 40;
  const bars = ids.map((id, i) => {
    const y = i * row;
    const w = Math.max(2, (counts[id] / max) * (WIDTH - labelWidth));
    const label = docLabel(docs, id);
    const shapes = [
      svg('rect', { class: 'hit-area', x: 0, y, width: WIDTH, height: row }),
      svg('text', { class: 'axis', x: 0, y: y + 13 }, shorten(label, lang() === 'en' ? 40 : 22)),
      svg('rect', { class: 'fill', x: 0, y: y + 18, width: w, height: 12, rx: 2 }),
      svg('text', { class: 'count', x: w + 4, y: y + 29 }, num(counts[id])),
    ];
    return bar(label, counts[id], id === activeDoc, () => onPick('doc', id === activeDoc ? '' : id), shapes);
  });
  return figure(t('byReport'), svg('svg', { viewBox: `0 0 ${WIDTH} ${ids.length * row}`, role: 'group', 'aria-label': t('byReport'), class: 'chart docs' }, bars));
}

function figure(caption, chart) {
  return el('figure', { class: 'chart-figure' }, el('figcaption', {}, caption), chart);
}

/**
 * Draws both charts into `container` (hidden when there is nothing to draw).
 * @example renderChart(node, { facets, docs, state, onPick: (key, value) => applyFilter(key, value) })
 */
export function renderChart(container, { facets, docs, state, onPick }) {
  const years = yearChart(facets.year || {}, state.year, onPick);
  const reports = docChart(facets.doc || {}, docs, state.doc, onPick);
  container.hidden = !years && !reports;
  replace(container, el('h2', { class: 'panel-title' }, t('chartTitle')), years, reports);
}
