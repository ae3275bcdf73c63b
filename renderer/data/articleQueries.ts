import Dexie from 'dexie';
import type { ArchiveDb } from './ArchiveDb';
import type { Language } from './settings';

export interface ListQuery {
  /** null = every source. */
  sourceId: string | null;
  language: Language;
}

const otherGuidePrefix = (language: Language) => `guide:${language === 'vi' ? 'en' : 'vi'}:`;

/**
 * Article ids newest first, straight from an index: keys only, so even 100,000 articles cost a few
 * megabytes. The list renders rows for the visible window from these ids.
 */
export async function listArticleIds(db: ArchiveDb, { sourceId, language }: ListQuery): Promise<string[]> {
  const keys = sourceId
    ? await db.articles
        .where('[sourceId+publishedAt]')
        .between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey])
        .reverse()
        .primaryKeys()
    : await db.articles.orderBy('publishedAt').reverse().primaryKeys();
  const hidden = otherGuidePrefix(language);
  return (keys as string[]).filter((id) => !id.startsWith(hidden));
}

export async function countUnread(db: ArchiveDb, sourceId: string, language: Language): Promise<number> {
  const total =
    sourceId === 'guide'
      ? await db.articles.where('lang').equals(language).count()
      : await db.articles.where('[sourceId+publishedAt]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).count();
  const readRows = await db.readState.where('[sourceId+read]').equals([sourceId, 1]).primaryKeys();
  const hidden = otherGuidePrefix(language);
  const read = (readRows as string[]).filter((id) => !id.startsWith(hidden)).length;
  return Math.max(0, total - read);
}

export async function setRead(db: ArchiveDb, articleId: string, read: boolean, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.articles, db.readState], async () => {
    const article = await db.articles.get(articleId);
    if (!article) return;
    const prev = await db.readState.get(articleId);
    await db.readState.put({
      articleId,
      sourceId: article.sourceId,
      read: read ? 1 : 0,
      progress: prev?.progress ?? 0,
      updatedAt: now.toISOString(),
    });
  });
}
