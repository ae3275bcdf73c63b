import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { findUpstreamRelated } from '../../../../renderer/data/relatedLinks';
import { article, closeAll, freshDb, urlOf } from './articleFixtures';

afterEach(closeAll);

describe('upstream related links', () => {
  it("resolves the portal's links against stored articles by canonical URL or URL, in the portal's order", async () => {
    const db = freshDb();
    const redirected = article('moved', { url: urlOf('moved-old'), canonicalUrl: urlOf('moved') });
    await db.articles.bulkPut([
      article('src', {
        related: [
          { url: urlOf('b'), title: 'B (old title)' },
          { url: urlOf('never-synced'), title: 'Missing' },
          { url: urlOf('moved-old'), title: 'Moved' },
          { url: urlOf('a'), title: 'A' },
          { url: urlOf('src'), title: 'Itself' },
          { url: urlOf('gone'), title: 'Gone' },
        ],
      }),
      article('a', { title: 'Bài A' }),
      article('b', { title: 'Bài B' }),
      redirected,
    ]);
    const result = await findUpstreamRelated(db, urlOf('src'));
    expect(result).toEqual({
      stored: [
        { id: urlOf('b'), title: 'Bài B', url: urlOf('b') },
        { id: redirected.id, title: redirected.title, url: urlOf('moved-old') },
        { id: urlOf('a'), title: 'Bài A', url: urlOf('a') },
      ],
      missing: 2,
    });
  });

  it('is empty for an article without links and null for an unknown one', async () => {
    const db = freshDb();
    await db.articles.put(article('lonely'));
    expect(await findUpstreamRelated(db, urlOf('lonely'))).toEqual({ stored: [], missing: 0 });
    expect(await findUpstreamRelated(db, urlOf('unknown'))).toBeNull();
  });
});
