/**
 * Renders guide paragraphs (plain text, see ./guideArticles) as HTML: a paragraph that starts
 * with "## " becomes an <h3> (a bare "##" is dropped), any other non-blank paragraph a <p>. All text is escaped, so the
 * output never contains markup that was not produced here. Pure: no imports.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes &, <, >, " and ' for use in HTML text and attribute values. */
export function escapeGuideHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

export function guideParagraphsToHtml(paragraphs: readonly string[]): string {
  const parts: string[] = [];
  for (const raw of paragraphs) {
    const paragraph = raw.trim();
    if (paragraph === '') continue;
    if (paragraph === '##' || paragraph.startsWith('## ')) {
      const heading = paragraph.slice(3).trim();
      if (heading !== '') parts.push(`<h3>${escapeGuideHtml(heading)}</h3>`);
      continue;
    }
    parts.push(`<p>${escapeGuideHtml(paragraph)}</p>`);
  }
  return parts.join('\n');
}
