import { GUIDE_ARTICLES, GUIDE_SOURCE_ID } from '../../shared/guide/guideArticles';
import { guideParagraphsToHtml } from '../../shared/guide/guideToHtml';
import type { ArchiveDb } from './ArchiveDb';
import { notifyArticlesChanged } from './articleChanges';
import type { ArticleRow, BodyRow } from './rows';
import { readSetting, writeSetting } from './settings';

/** Bumped when the guide's text changes, so existing installs receive the new text once. */
export const GUIDE_VERSION = 2;

export const guideArticleId = (lang: 'vi' | 'en', slug: string) => `guide:${lang}:${slug}`;

/**
 * Writes the built-in guide on first run (and after a guide update) so the first start is never empty
 * and every feature can be tried offline. Read state and bookmarks are keyed by article id and survive.
 */
export async function seedGuide(db: ArchiveDb, now = new Date()): Promise<boolean> {
  if ((await readSetting(db, 'guideSeededVersion')) >= GUIDE_VERSION) return false;
  const articles: ArticleRow[] = [];
  const bodies: BodyRow[] = [];
  for (const g of GUIDE_ARTICLES) {
    for (const lang of ['vi', 'en'] as const) {
      const id = guideArticleId(lang, g.slug);
      const text = g.paragraphs[lang].map((p) => p.replace(/^##\s+/, '')).join('\n');
      articles.push({
        id,
        sourceId: GUIDE_SOURCE_ID,
        url: `guide://${lang}/${g.slug}`,
        canonicalUrl: `guide://${lang}/${g.slug}`,
        title: g.title[lang],
        lead: g.lead[lang],
        author: g.author[lang],
        publishedAt: g.publishedAt,
        updatedAt: g.publishedAt,
        views: null,
        category: g.category[lang],
        images: [],
        related: [],
        contentHash: `guide-${GUIDE_VERSION}-${lang}-${g.slug}`,
        fetchedAt: now.toISOString(),
        removedUpstream: false,
        removed: 0,
        lang,
      });
      bodies.push({ id, html: guideParagraphsToHtml(g.paragraphs[lang]), text });
    }
  }
  await db.transaction('rw', [db.sources, db.articles, db.bodies, db.settings], async () => {
    await db.sources.put({
      id: GUIDE_SOURCE_ID,
      title: 'guide',
      url: 'guide://',
      kind: 'guide',
      feedUrls: [],
      backfillUrls: [],
      paused: false,
      schedule: 'off',
      downloadImages: false,
      createdAt: now.toISOString(),
    });
    await db.articles.bulkPut(articles);
    await db.bodies.bulkPut(bodies);
    await writeSetting(db, 'guideSeededVersion', GUIDE_VERSION);
  });
  notifyArticlesChanged({ put: articles.map((a) => a.id), deleted: [] });
  return true;
}
