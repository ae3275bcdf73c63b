import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveDb } from '../../../../renderer/data/ArchiveDb';
import { bookmarksToHtml, bookmarksToJson, collectBookmarks } from '../../../../renderer/data/bookmarkExport';
import { BookmarkImportError, importBookmarks, parseBookmarksFile, parseBookmarksHtml } from '../../../../renderer/data/bookmarkImport';
import { createCollection, listBookmarks, listCollections, setBookmarked, setInCollection } from '../../../../renderer/data/bookmarksRepo';
import { article, closeAll, freshDb, urlOf } from './articleFixtures';

afterEach(closeAll);

async function archiveWithArticles(): Promise<ArchiveDb> {
  const db = freshDb();
  await db.articles.bulkPut([
    article('a', { title: 'Hội nghị "tổng kết" <2026> & kế hoạch' }),
    article('b', { title: 'Đường sắt tốc độ cao Bắc – Nam' }),
    article('c', { title: 'Giáo dục nghề nghiệp' }),
  ]);
  return db;
}

/** a in two collections, b in one, c in none. */
async function bookmarked(): Promise<ArchiveDb> {
  const db = await archiveWithArticles();
  const trip = await createCollection(db, 'Công tác Huế', new Date('2026-01-01T00:00:00Z'));
  const report = await createCollection(db, 'Báo cáo quý', new Date('2026-01-02T00:00:00Z'));
  await setInCollection(db, trip.id, urlOf('a'), true, new Date('2026-03-01T00:00:00Z'));
  await setInCollection(db, report.id, urlOf('a'), true);
  await setInCollection(db, report.id, urlOf('b'), true, new Date('2026-03-02T00:00:00Z'));
  await setBookmarked(db, urlOf('c'), true, new Date('2026-03-03T00:00:00Z'));
  return db;
}

/** Everything import may touch, in a comparable form. */
async function snapshot(db: ArchiveDb) {
  const collections = await listCollections(db);
  const byId = new Map(collections.map((c) => [c.id, c.name]));
  const items = (await db.collectionItems.toArray()).map((i) => `${byId.get(i.collectionId)} ⊃ ${i.articleId}`).sort();
  const bookmarks = (await db.bookmarks.toArray()).map((b) => b.articleId).sort();
  return { collections: collections.map((c) => c.name), items, bookmarks };
}

describe('bookmark export and import', () => {
  it('round-trips JSON into an empty archive, and a second import adds nothing', async () => {
    const source = await bookmarked();
    const json = bookmarksToJson(await collectBookmarks(source));
    expect(JSON.parse(json).bookmarks).toHaveLength(3);

    const target = await archiveWithArticles();
    expect(await importBookmarks(target, json, 'dau-trang.json')).toEqual({ bookmarksAdded: 3, collectionsAdded: 2, placementsAdded: 3 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // Collections keep their ids, so a later export of either archive agrees.
    expect((await listCollections(target)).map((c) => c.id).sort()).toEqual((await listCollections(source)).map((c) => c.id).sort());
    expect((await target.bookmarks.get(urlOf('c')))?.createdAt).toBe('2026-03-03T00:00:00.000Z');

    expect(await importBookmarks(target, json)).toEqual({ bookmarksAdded: 0, collectionsAdded: 0, placementsAdded: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('round-trips the browser bookmarks HTML, collections as folders, and is idempotent', async () => {
    const source = await bookmarked();
    const html = bookmarksToHtml(await collectBookmarks(source), 'Dấu trang');
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    expect(html).toContain('<H3 ADD_DATE="1767225600">Công tác Huế</H3>');
    expect(html).toContain('Hội nghị &quot;tổng kết&quot; &lt;2026&gt; &amp; kế hoạch');
    // The article in two collections appears in both folders.
    expect(html.split(`HREF="${urlOf('a')}"`)).toHaveLength(3);

    const target = await archiveWithArticles();
    expect(await importBookmarks(target, html, 'bookmarks.html')).toEqual({ bookmarksAdded: 3, collectionsAdded: 2, placementsAdded: 3 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await importBookmarks(target, html)).toEqual({ bookmarksAdded: 0, collectionsAdded: 0, placementsAdded: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    const entry = (await listBookmarks(target, null)).find((e) => e.bookmark.articleId === urlOf('a'));
    expect(entry?.article?.title).toBe('Hội nghị "tổng kết" <2026> & kế hoạch');
  });

  it('merges into existing collections by name and keeps bookmarks of articles not yet synced', async () => {
    const source = await bookmarked();
    const json = bookmarksToJson(await collectBookmarks(source));
    const target = freshDb();
    const mine = await createCollection(target, 'công tác huế');
    await setInCollection(target, mine.id, 'https://portal.example/khac.html', true);
    const result = await importBookmarks(target, json);
    expect(result.collectionsAdded).toBe(1);
    const collections = await listCollections(target);
    expect(collections.map((c) => c.name)).toEqual(['Báo cáo quý', 'công tác huế']);
    expect(collections.find((c) => c.id === mine.id)?.count).toBe(2);
    const orphan = (await listBookmarks(target, null)).find((e) => e.bookmark.articleId === urlOf('b'));
    expect(orphan?.article).toBeUndefined();
    expect(orphan?.bookmark.title).toBe('Đường sắt tốc độ cao Bắc – Nam');
  });

  it('reads a browser export with nested folders, entities and links the archive cannot hold', () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Thanh dấu trang</H3>
    <DL><p>
        <DT><A HREF="https://portal.example/a?x=1&amp;y=2" ADD_DATE="1700000001" ICON="data:image/png;base64,AAAA">Ti&#7871;ng Vi&#x1EC7;t &amp; b&agrave;i</A>
        <DT><H3>Công việc</H3>
        <DL><p>
            <DT><A HREF='https://portal.example/b'>Bài B</A>
            <DT><A HREF="javascript:alert(1)">bookmarklet</A>
            <DT><A HREF="place:sort=8">Firefox query</A>
        </DL><p>
        <DT><H3>Trống</H3>
        <DL><p>
        </DL><p>
    </DL><p>
    <DT><A HREF="https://portal.example/c">Bài C</A>
    <DD>A description line
</DL><p>`;
    const plan = parseBookmarksHtml(html, new Date('2026-01-01T00:00:00Z'));
    expect(plan.collections.map((c) => c.name)).toEqual(['Thanh dấu trang', 'Công việc']);
    expect(plan.bookmarks).toEqual([
      { url: 'https://portal.example/a?x=1&y=2', title: 'Tiếng Việt & b&agrave;i', createdAt: '2023-11-14T22:13:21.000Z', collectionKeys: ['thanh dấu trang'] },
      { url: 'https://portal.example/b', title: 'Bài B', createdAt: '2026-01-01T00:00:00.000Z', collectionKeys: ['công việc'] },
      { url: 'https://portal.example/c', title: 'Bài C', createdAt: '2026-01-01T00:00:00.000Z', collectionKeys: [] },
    ]);
  });

  it('refuses damaged files with a specific reason and changes nothing', async () => {
    const source = await bookmarked();
    const file = await collectBookmarks(source);
    const json = bookmarksToJson(file);
    const html = bookmarksToHtml(file, 'Dấu trang');
    const target = await bookmarked();
    const before = await snapshot(target);

    const bad: [string, string, string][] = [
      [json.slice(0, json.length / 2), 'x.json', 'not-json'],
      ['{"hello": "world"}', 'x.json', 'wrong-format'],
      [JSON.stringify({ ...file, version: 99 }), 'x.json', 'unsupported-version'],
      [JSON.stringify({ ...file, bookmarks: [...file.bookmarks, { ...file.bookmarks[0], articleId: '' }] }), 'x.json', 'invalid'],
      [JSON.stringify({ ...file, bookmarks: [{ ...file.bookmarks[0], createdAt: 'hôm qua' }] }), 'x.json', 'invalid'],
      [JSON.stringify({ ...file, bookmarks: [{ ...file.bookmarks[0], collections: ['no-such-collection'] }] }), 'x.json', 'invalid'],
      [JSON.stringify({ ...file, collections: 'all' }), 'x.json', 'invalid'],
      [html.slice(0, Math.floor(html.length * 0.6)), 'x.html', 'damaged-html'],
      [html.replace(/HREF="[^"]*"/, ''), 'x.html', 'damaged-html'],
      [html.replace('</A>', ''), 'x.html', 'damaged-html'],
      [html + '</DL><p>', 'x.html', 'damaged-html'],
      [html.replace('<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<!DOCTYPE html>'), 'x.html', 'damaged-html'],
      ['PK\u0003\u0004 zip bytes', 'x.zip', 'unknown-type'],
    ];
    for (const [text, name, code] of bad) {
      const err = await importBookmarks(target, text, name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, `${code}: ${text.slice(0, 60)}`).toBeInstanceOf(BookmarkImportError);
      expect((err as BookmarkImportError).code, text.slice(0, 80)).toBe(code);
    }
    expect(() => parseBookmarksFile('x'.repeat(21 * 1024 * 1024))).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(await snapshot(target)).toEqual(before);
  });

  it('rolls back the whole import when a write fails part-way', async () => {
    const source = await bookmarked();
    const json = bookmarksToJson(await collectBookmarks(source));
    const target = await archiveWithArticles();
    const before = await snapshot(target);
    // Collections are written first; failing the first bookmark write must take them back out too.
    target.bookmarks.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(importBookmarks(target, json)).rejects.toThrow('disk full');
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a JSON file whose collection ids repeat', () => {
    const file = {
      format: 'archive-reader/bookmarks',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      collections: [
        { id: 'same', name: 'Một', createdAt: '2026-01-01T00:00:00Z' },
        { id: 'same', name: 'Hai', createdAt: '2026-01-01T00:00:00Z' },
      ],
      bookmarks: [],
    };
    expect(() => parseBookmarksFile(JSON.stringify(file))).toThrow(expect.objectContaining({ code: 'invalid', detail: 'collections.1.id' }));
  });
});
