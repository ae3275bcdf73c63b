import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p', 'h2', 'h3', 'h4', 'figure', 'figcaption', 'img', 'em', 'strong', 'b', 'i', 'u', 'a', 'ul', 'ol', 'li',
  'blockquote', 'br', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'span', 'sub', 'sup',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan'];

/**
 * Second line of defence: main sanitizes before storing, and the renderer sanitizes again before
 * display, so a poisoned store (an import, an older version's bug) still cannot run script.
 */
export function sanitizeArticleHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|blob:|#)/i,
  });
}
