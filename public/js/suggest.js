// @ts-check
// Suggestions under the search box (ARIA combobox + listbox): completions of the last word from
// /api/suggest. Arrow keys move, Enter or a click picks, Escape closes (and never clears the box).
import { getJson } from './api.js';
import { el, replace } from './dom.js';

/**
 * Wires suggestions to `input` and `list`; `onPick(query)` runs when one is chosen.
 * Returns `{ refresh(query), close() }`.
 * @example const suggest = attachSuggest(input, list, (q) => search(q));
 * @param {HTMLInputElement} input
 * @param {HTMLElement} list
 * @param {(query: string) => void} onPick
 */
export function attachSuggest(input, list, onPick) {
  /** @type {string[]} */
  let items = [];
  let active = -1;
  /** @type {AbortController | null} */
  let controller = null;
  let timer = 0;

  const close = () => {
    clearTimeout(timer);
    controller?.abort();
    items = [];
    active = -1;
    list.hidden = true;
    replace(list);
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const show = () => {
    if (items.length === 0 || document.activeElement !== input) {
      close();
      return;
    }
    replace(
      list,
      items.map((text, i) =>
        el(
          'li',
          {
            id: `suggestion-${i}`,
            role: 'option',
            class: i === active ? 'active' : false,
            'aria-selected': i === active ? 'true' : 'false',
            onpointerdown: (/** @type {Event} */ e) => e.preventDefault(),
            onclick: () => pick(i),
          },
          text,
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const pick = (/** @type {number} */ i) => {
    const value = items[i];
    close();
    if (value !== undefined) {
      input.value = value;
      onPick(value);
    }
  };

  const refresh = (/** @type {string} */ query) => {
    clearTimeout(timer);
    controller?.abort();
    if (!query.trim() || Array.from(query).length > 500) {
      close();
      return;
    }
    timer = window.setTimeout(async () => {
      controller = new AbortController();
      try {
        const response = await getJson('suggest', { q: query, limit: 8 }, controller.signal);
        if (input.value !== query) return;
        items = response.suggestions.filter((s) => s !== query);
        active = -1;
        show();
      } catch {
        // A failed suggestion is not worth an error message: the search itself reports problems.
      }
    }, 150);
  };

  input.addEventListener('keydown', (e) => {
    // Escape closes the list; with no list open it does nothing (a search box would otherwise clear itself).
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (list.hidden || items.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // Positions cycle through -1 (the typed text) and the suggestions.
      const next = active + step;
      active = next >= items.length ? -1 : next < -1 ? items.length - 1 : next;
      show();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(active);
    }
  });
  input.addEventListener('blur', close);

  return { refresh, close };
}
