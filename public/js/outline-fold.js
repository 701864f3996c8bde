// @ts-check
// The reader's outline on a narrow screen: folded above the text (a <details> the reader opens), open beside
// the text on a wide one. Follows the window when it is resized across the breakpoint.

/** The width below which the outline folds (the stylesheet's one-column reader layout). */
const NARROW = '(max-width: 860px)';

/**
 * Folds `details` while the window is narrow and opens it while it is wide.
 * @example foldOnNarrowScreens(document.getElementById('outline-fold'))
 * @param {HTMLDetailsElement | null} details
 */
export function foldOnNarrowScreens(details) {
  if (!details) return;
  const narrow = window.matchMedia(NARROW);
  const apply = () => {
    details.open = !narrow.matches;
  };
  apply();
  narrow.addEventListener('change', apply);
}
