/**
 * A contents entry's end: its dotted leader and page number (`一、2024年工作回顾…………2`, `第一章 总体.....- 1 -`).
 * Shared by the PDF reader, which keeps each such line a line of its own, and the chunker's contents detection
 * (`chunk/toc.ts`). Pure.
 */

/** A dash around a page number (`- 1 -`, `— 1 —`). */
const DASH = '[-—－–]';

/** Leaders (dots, ellipses, middle dots, underscores, dashes) then a page number, at the end of a line. */
export const LEADER_PAGE = new RegExp(`(?:\\.{3,}|…{2,}|·{3,}|．{3,}|_{3,}|-{4,})\\s*${DASH}?\\s*[0-9０-９]+\\s*${DASH}?$`, 'u');
