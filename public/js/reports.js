// The library of reports (`/reports`), rendered by the server with every report in its table and a GET form of
// filters. The script filters the same rows in place as one types or picks (the address follows, so the
// filtered list can be shared), and switches the language by asking the server for the page in the other one.
import { lang, setLang, t } from './i18n.js';

const form = document.getElementById('reports-filters');
const rows = [...document.querySelectorAll('#reports-table tbody tr')];
const count = document.getElementById('reports-count');
const none = document.getElementById('reports-none');
const langButton = document.getElementById('lang-switch');
const shownLang = document.documentElement.lang === 'en' ? 'en' : 'zh';

/** This page's address in `language`, with the filters as they are in the form. */
function addressIn(language) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (value !== '' && name !== 'lang') params.set(name, String(value));
  params.set('lang', language);
  return `/reports?${params}`;
}

/** Folded as the server folds titles for `data-title`: NFKC, lower case, single spaces. */
function fold(text) {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The same test as the server's passesFilters (render/library.ts), on a row's data attributes. */
function passes(row, filters) {
  const year = row.dataset.year === '' ? null : Number(row.dataset.year);
  const asYear = (value) => (/^\d{1,4}$/.test(value) ? Number(value) : null);
  const [exact, from, to] = [asYear(filters.year), asYear(filters.from), asYear(filters.to)];
  if (exact !== null && year !== exact) return false;
  if (from !== null && (year === null || year < from)) return false;
  if (to !== null && (year === null || year > to)) return false;
  if (filters.region && row.dataset.region !== filters.region) return false;
  if (filters.kind && row.dataset.kind !== filters.kind) return false;
  return !filters.title || row.dataset.title.includes(filters.title);
}

function applyFilters() {
  const data = new FormData(form);
  const value = (name) => String(data.get(name) ?? '').trim();
  const filters = { year: value('year'), from: value('from'), to: value('to'), region: value('region'), kind: value('kind'), title: fold(value('title')) };
  let shown = 0;
  for (const row of rows) {
    row.hidden = !passes(row, filters);
    if (!row.hidden) shown += 1;
  }
  count.textContent = shown === rows.length ? t('reportsCount', { n: rows.length }) : t('reportsShown', { shown, n: rows.length });
  none.hidden = shown > 0;
  history.replaceState(null, '', addressIn(shownLang));
}

if (lang() !== shownLang) {
  // The reader chose the other language before: the server renders that one.
  location.replace(addressIn(lang()));
} else if (form) {
  form.addEventListener('input', applyFilters);
  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters();
  });
  for (const link of document.querySelectorAll('.header-link[href="/reports"]')) link.setAttribute('aria-current', 'page');
  langButton?.addEventListener('click', (e) => {
    e.preventDefault();
    const other = lang() === 'zh' ? 'en' : 'zh';
    setLang(other);
    location.assign(addressIn(other));
  });
}
