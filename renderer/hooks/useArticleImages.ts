import { useEffect, useState } from 'react';
import { db } from '../data/db';

/**
 * Article HTML names its images by their portal URLs, which the reader cannot (offline) and may not (the
 * CSP allows only self, blob: and data:) load. This swaps every stored image for a blob: URL of its
 * stored copy, and lets the URLs go when the article closes.
 */
export function useArticleImages(articleId: string | undefined, html: string): string {
  const [result, setResult] = useState<{ html: string; out: string } | null>(null);

  useEffect(() => {
    if (!articleId || !html.includes('<img')) return;
    let alive = true;
    const created: string[] = [];
    const template = document.createElement('template');
    template.innerHTML = html;
    const imgs = Array.from(template.content.querySelectorAll('img[src]'));
    const urls = [...new Set(imgs.map((img) => img.getAttribute('src')!))];
    void db.images.bulkGet(urls).then((rows) => {
      if (!alive) return;
      const byUrl = new Map<string, string>();
      rows.forEach((row, i) => {
        if (!row) return;
        const objectUrl = URL.createObjectURL(row.blob);
        created.push(objectUrl);
        byUrl.set(urls[i], objectUrl);
      });
      for (const img of imgs) {
        const local = byUrl.get(img.getAttribute('src')!);
        if (local) img.setAttribute('src', local);
      }
      setResult({ html, out: template.innerHTML });
    });
    return () => {
      alive = false;
      for (const u of created) URL.revokeObjectURL(u);
    };
  }, [articleId, html]);

  // Until the blobs are looked up, the text shows without waiting; images fill in a moment later.
  return result?.html === html ? result.out : html;
}
