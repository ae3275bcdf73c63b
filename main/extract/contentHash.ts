import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) over NFC title, lead and text joined by "\n". The separator keeps
 * ("ab", "c") and ("a", "bc") apart; NFC keeps a windows-1258 page and its UTF-8 twin equal.
 */
export function contentHash(title: string, lead: string, text: string): string {
  return createHash('sha256')
    .update([title, lead, text].map((s) => s.normalize('NFC')).join('\n'), 'utf8')
    .digest('hex');
}
