import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { articleIdsNewestFirst } from '../../../../renderer/data/relatedSource';
import type { ArticleRow } from '../../../../renderer/data/rows';
import { article, closeAll, freshDb, urlOf } from './articleFixtures';

afterEach(closeAll);

describe('articleIdsNewestFirst', () => {
  it('lists every article newest first from the date index', async () => {
    const db = freshDb();
    await db.articles.bulkPut([
      article('cu', { publishedAt: '2026-01-01T00:00:00.000Z' }),
      article('moi', { publishedAt: '2026-03-01T00:00:00.000Z' }),
      article('giua', { publishedAt: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(await articleIdsNewestFirst(db)).toEqual([urlOf('moi'), urlOf('giua'), urlOf('cu')]);
  });

  it('keeps a row the date index lacks, after the dated ones', async () => {
    const db = freshDb();
    const undated = { ...article('khong-ngay'), publishedAt: undefined } as unknown as ArticleRow;
    await db.articles.bulkPut([article('co-ngay'), undated]);
    expect(await articleIdsNewestFirst(db)).toEqual([urlOf('co-ngay'), urlOf('khong-ngay')]);
  });
});
