import type { ArchiveDb } from './ArchiveDb';
import type { ArticleRow } from './rows';

export interface StoredRelatedLink {
  /** The stored article the link points to. */
  id: string;
  title: string;
  url: string;
}

export interface UpstreamRelated {
  /** The portal's own "Các bài viết khác" links whose articles are in the store, in the portal's order. */
  stored: StoredRelatedLink[];
  /** Links to articles that were never synced (or were deleted). */
  missing: number;
}

/**
 * The portal's related links of an article, resolved against the store. Sync writes links and article
 * URLs through the same canonicalisation, so an exact match on `canonicalUrl` or `url` (the page may
 * redirect) is enough. Null when the article itself is not stored.
 */
export async function findUpstreamRelated(db: ArchiveDb, articleId: string): Promise<UpstreamRelated | null> {
  const article = await db.articles.get(articleId);
  if (!article) return null;
  const links = (article.related ?? []).filter((l) => l.url !== article.url && l.url !== article.canonicalUrl);
  if (links.length === 0) return { stored: [], missing: 0 };
  const urls = [...new Set(links.map((l) => l.url))];
  const [byCanonical, byUrl] = await Promise.all([
    db.articles.where('canonicalUrl').anyOf(urls).toArray(),
    db.articles.where('url').anyOf(urls).toArray(),
  ]);
  const found = new Map<string, ArticleRow>();
  for (const row of byUrl) found.set(row.url, row);
  // A canonical match wins: it is the address the portal itself names the article by.
  for (const row of byCanonical) found.set(row.canonicalUrl, row);
  const stored: StoredRelatedLink[] = [];
  const seen = new Set<string>();
  let missing = 0;
  for (const link of links) {
    const row = found.get(link.url);
    if (!row) {
      missing++;
      continue;
    }
    if (row.id === article.id || seen.has(row.id)) continue;
    seen.add(row.id);
    stored.push({ id: row.id, title: row.title || link.title, url: link.url });
  }
  return { stored, missing };
}
