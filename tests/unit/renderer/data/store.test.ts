import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GUIDE_ARTICLES } from '../../../../shared/guide/guideArticles';
import { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import { countUnread, listArticleIds, setRead } from '../../../../renderer/data/articleQueries';
import { guideArticleId, seedGuide } from '../../../../renderer/data/seedGuide';
import { readSetting, writeSetting } from '../../../../renderer/data/settings';

let n = 0;
const dbs: ArchiveDb[] = [];
function freshDb(): ArchiveDb {
  const db = new ArchiveDb(`test-${++n}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('store', () => {
  it('seeds the guide once, in both languages', async () => {
    const db = freshDb();
    expect(await seedGuide(db)).toBe(true);
    expect(await seedGuide(db)).toBe(false);
    expect(await db.articles.count()).toBe(GUIDE_ARTICLES.length * 2);
    expect(await db.bodies.count()).toBe(GUIDE_ARTICLES.length * 2);
    const first = await db.articles.get(guideArticleId('vi', GUIDE_ARTICLES[0].slug));
    expect(first?.title).toBe(GUIDE_ARTICLES[0].title.vi);
    const body = await db.bodies.get(guideArticleId('en', GUIDE_ARTICLES[0].slug));
    expect(body?.html).toContain('<p>');
  });

  it('lists the guide newest first, only in the UI language', async () => {
    const db = freshDb();
    await seedGuide(db);
    const vi = await listArticleIds(db, { sourceId: 'guide', language: 'vi' });
    const en = await listArticleIds(db, { sourceId: null, language: 'en' });
    expect(vi).toHaveLength(GUIDE_ARTICLES.length);
    expect(vi.every((id) => id.startsWith('guide:vi:'))).toBe(true);
    expect(en.every((id) => id.startsWith('guide:en:'))).toBe(true);
    const dates = await Promise.all(vi.map(async (id) => (await db.articles.get(id))!.publishedAt));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('tracks read state and unread counts', async () => {
    const db = freshDb();
    await seedGuide(db);
    const ids = await listArticleIds(db, { sourceId: 'guide', language: 'vi' });
    expect(await countUnread(db, 'guide', 'vi')).toBe(ids.length);
    await setRead(db, ids[0], true);
    await setRead(db, ids[1], true);
    expect(await countUnread(db, 'guide', 'vi')).toBe(ids.length - 2);
    expect(await countUnread(db, 'guide', 'en')).toBe(ids.length);
    await setRead(db, ids[1], false);
    expect(await countUnread(db, 'guide', 'vi')).toBe(ids.length - 1);
    // Reading an unknown article is a no-op, not a dangling read-state row.
    await setRead(db, 'nope', true);
    expect(await db.readState.get('nope')).toBeUndefined();
  });

  it('keeps settings with typed defaults', async () => {
    const db = freshDb();
    expect(await readSetting(db, 'language')).toBe('vi');
    await writeSetting(db, 'language', 'en');
    await writeSetting(db, 'openArticleId', 'guide:en:welcome');
    expect(await readSetting(db, 'language')).toBe('en');
    expect(await readSetting(db, 'openArticleId')).toBe('guide:en:welcome');
  });
});
