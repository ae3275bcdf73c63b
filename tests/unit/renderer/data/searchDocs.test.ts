import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setBookmarked } from '../../../../renderer/data/bookmarksRepo';
import {
  articleIdsFetchedSince, markedFilterIds, metadataFilterIds, readDocsToIndex, readResultSources, shortHash,
} from '../../../../renderer/data/searchDocs';
import { NO_SEARCH_FILTERS } from '../../../../renderer/data/searchFilters';
import { closeAll, freshDb, urlOf } from './articleFixtures';
import { putArticles, SAMPLE } from './searchFixtures';

afterEach(closeAll);

describe('searchDocs', () => {
  it('reads changed articles with body and captions, skips unchanged ones and names missing ones', async () => {
    const db = freshDb();
    const rows = await putArticles(db, [
      { ...SAMPLE[0], over: { lead: 'Tin dân vận', images: [{ url: 'https://x/1.png', caption: 'Cán bộ gặp dân' }, { url: 'https://x/2.png', caption: '' }] } },
      SAMPLE[1],
    ]);
    const indexed = new Map([[rows[1].id, shortHash(rows[1].contentHash)]]);
    const read = await readDocsToIndex(db, [rows[0].id, rows[1].id, urlOf('gone')], indexed);
    expect(read.missing).toEqual([urlOf('gone')]);
    expect(read.fetchedAt).toEqual([rows[0].fetchedAt, rows[1].fetchedAt]);
    expect(read.docs).toHaveLength(1);
    expect(read.docs[0]).toMatchObject({
      id: rows[0].id, title: SAMPLE[0].title, lead: 'Tin dân vận', text: SAMPLE[0].text, captions: ['Cán bộ gặp dân'],
      category: 'Xã hội', sourceId: 'p1', contentHash: shortHash(rows[0].contentHash),
    });
  });

  it('finds recently fetched ids from the index', async () => {
    const db = freshDb();
    await putArticles(db, [
      { ...SAMPLE[0], over: { fetchedAt: '2026-01-01T00:00:00.000Z' } },
      { ...SAMPLE[1], over: { fetchedAt: '2026-03-01T00:00:00.000Z' } },
    ]);
    expect(await articleIdsFetchedSince(db, '2026-02-01T00:00:00.000Z')).toEqual([urlOf('dan-dan')]);
  });

  it('turns source, category and date filters into id sets that combine', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    expect(await metadataFilterIds(db, NO_SEARCH_FILTERS)).toBeNull();
    expect(await metadataFilterIds(db, { ...NO_SEARCH_FILTERS, sourceId: 'p2' })).toEqual(new Set([urlOf('bong-da')]));
    expect(await metadataFilterIds(db, { ...NO_SEARCH_FILTERS, category: 'Kinh doanh' })).toEqual(new Set([urlOf('dan-dan')]));
    expect(await metadataFilterIds(db, { ...NO_SEARCH_FILTERS, category: 'Thể thao', sourceId: 'p1' })).toEqual(new Set());
    // Days are the portal's (UTC+7): 2025-06-01T03:00Z is 1 June there.
    expect(await metadataFilterIds(db, { ...NO_SEARCH_FILTERS, from: '2025-06-01', to: '2025-06-01' })).toEqual(new Set([urlOf('giao-duc')]));
    expect(await metadataFilterIds(db, { ...NO_SEARCH_FILTERS, from: '2025-06-02' })).toEqual(
      new Set([urlOf('dan-van'), urlOf('dan-dan'), urlOf('bong-da')]),
    );
  });

  it('turns bookmarked and annotated filters into the intersection of both tables', async () => {
    const db = freshDb();
    await putArticles(db, SAMPLE);
    await setBookmarked(db, urlOf('dan-van'), true);
    await setBookmarked(db, urlOf('bong-da'), true);
    const note = { quote: 'x', prefix: '', suffix: '', note: '', tags: [], color: 'yellow', createdAt: '', updatedAt: '' };
    await db.annotations.bulkPut([
      { ...note, id: 'n1', articleId: urlOf('bong-da') },
      { ...note, id: 'n2', articleId: urlOf('bong-da') },
      { ...note, id: 'n3', articleId: urlOf('giao-duc') },
    ]);
    expect(await markedFilterIds(db, { bookmarked: false, annotated: false })).toBeNull();
    expect(await markedFilterIds(db, { bookmarked: true, annotated: false })).toEqual(new Set([urlOf('dan-van'), urlOf('bong-da')]));
    expect(await markedFilterIds(db, { bookmarked: false, annotated: true })).toEqual(new Set([urlOf('bong-da'), urlOf('giao-duc')]));
    expect(await markedFilterIds(db, { bookmarked: true, annotated: true })).toEqual(new Set([urlOf('bong-da')]));
  });

  it('reads result rows in order with lead and body text, leaving out deleted ones', async () => {
    const db = freshDb();
    await putArticles(db, [{ ...SAMPLE[0], over: { lead: 'Mở đầu' } }, SAMPLE[1]]);
    const out = await readResultSources(db, [urlOf('dan-dan'), urlOf('gone'), urlOf('dan-van')]);
    expect(out.map((s) => s.article.id)).toEqual([urlOf('dan-dan'), urlOf('dan-van')]);
    expect(out[1].text).toBe(`Mở đầu\n${SAMPLE[0].text}`);
  });
});
