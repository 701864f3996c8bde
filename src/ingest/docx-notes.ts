/**
 * Word footnotes and endnotes as mammoth writes them: the reference `<sup><a href="#footnote-1">[1]</a></sup>`
 * in the text, the notes at the end as `<ol><li id="footnote-1"><p>… <a href="#footnote-ref-1">↑</a></p></li></ol>`.
 * A list item's number is not text, so read as text a note lost its mark and its back link's arrow became
 * part of it. `markNotes` gives each note the mark its reference shows and drops the back link.
 */
import { load } from 'cheerio';

/** Back links from a note to its reference. */
const BACK_LINK = 'a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]';
/** The notes. */
const NOTE = 'li[id^="footnote-"], li[id^="endnote-"]';

/**
 * The HTML with each note starting with its reference's mark (`[1] `) and without its back link; HTML
 * without notes comes back unchanged.
 * @example markNotes('<p>增长<sup><a href="#footnote-1">[1]</a></sup></p><ol><li id="footnote-1"><p>注释 <a href="#footnote-ref-1">↑</a></p></li></ol>') // '…<li id="footnote-1"><p>[1] 注释 </p></li>…'
 */
export function markNotes(html: string): string {
  if (!html.includes('#footnote-ref-') && !html.includes('#endnote-ref-')) return html;
  const $ = load(html);
  $(BACK_LINK).remove();
  $(NOTE).each((_, note) => {
    const mark = $(`a[href="#${note.attribs.id}"]`).first().text().trim();
    if (mark === '') return;
    const first = $(note).children('p').first();
    (first.length > 0 ? first : $(note)).prepend(`${mark} `);
  });
  return $('body').html() ?? html;
}
