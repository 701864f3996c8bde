/**
 * The mark a news site adds to the title of a report it prints whole (`2024年政府工作报告（全文）`, `Full text: Report on
 * the Work of the Government`), taken off: it names the page, not the report. Pure.
 */

/** How a news site marks a report it prints whole: `（全文）`, `全文` after the title, `全文：`, `Full text:` before it. */
const FULL_TEXT_AFTER = /\s*(?:[（(【[]\s*全文\s*[）)】\]]|全文)$/u;
const FULL_TEXT_BEFORE = /^(?:full\s*text|全文)\s*[:：|｜]\s*/iu;

/**
 * A title without the mark a news site adds to a report it prints whole; the title alone when that is all there is.
 * @example withoutFullTextMark('2024年政府工作报告（全文）') // '2024年政府工作报告'
 * @example withoutFullTextMark('Full text: Report on the Work of the Government') // 'Report on the Work of the Government'
 */
export function withoutFullTextMark(title: string): string {
  const bare = title.replace(FULL_TEXT_BEFORE, '').replace(FULL_TEXT_AFTER, '');
  return bare === '' ? title : bare;
}
