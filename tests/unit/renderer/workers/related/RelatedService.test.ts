import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GUIDE_ARTICLES } from '../../../../../shared/guide/guideArticles';
import type { ArchiveDb } from '../../../../../renderer/data/ArchiveDb';
import { loadRelatedIndexes } from '../../../../../renderer/data/relatedIndexStore';
import { guideArticleId, seedGuide } from '../../../../../renderer/data/seedGuide';
import { RelatedService } from '../../../../../renderer/workers/related/RelatedService';
import { closeAll, freshDb, urlOf } from '../../data/articleFixtures';
import { corpusArticle, corpusLines, storeCorpus } from './relatedFixtures';

const services: RelatedService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  await closeAll();
});

function service(db: ArchiveDb): RelatedService {
  const s = new RelatedService(db, { saveDelayMs: 10 });
  services.push(s);
  return s;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('related service', () => {
  it('finds similar guide articles only within the same language, each with a reason', async () => {
    const db = freshDb();
    await seedGuide(db);
    const s = service(db);
    await s.start();
    await s.idle();
    for (const lang of ['vi', 'en'] as const) {
      for (const g of GUIDE_ARTICLES) {
        const answer = await s.similar(guideArticleId(lang, g.slug), 5);
        expect(answer.state).toBe('ready');
        expect(answer.items).toHaveLength(5);
        for (const item of answer.items) {
          expect(item.id.startsWith(`guide:${lang}:`)).toBe(true);
          expect(item.id).not.toBe(guideArticleId(lang, g.slug));
          expect(item.title).toBeTruthy();
        }
        expect(answer.items.some((i) => i.sharedTerms.length > 0)).toBe(true);
      }
    }
    // English shared terms are content words, never "the" or "you can".
    const en = await s.similar(guideArticleId('en', GUIDE_ARTICLES[0].slug), 9);
    const words = en.items.flatMap((i) => i.sharedTerms).flatMap((t) => t.toLowerCase().split(' '));
    expect(words.length).toBeGreaterThan(0);
    for (const w of ['the', 'a', 'you', 'can', 'and', 'of', 'to']) expect(words).not.toContain(w);
  });

  it('ranks same-category portal articles first and says when the category matches', async () => {
    const db = freshDb();
    await storeCorpus(db, range(0, 120));
    const s = service(db);
    await s.idle();
    let sameCategory = 0;
    let flagged = 0;
    for (const n of range(0, 20)) {
      const { items } = await s.similar(urlOf(`bai-${n}`), 5);
      for (const item of items) {
        const m = Number(/bai-(\d+)/.exec(item.id)![1]);
        const same = corpusLines()[m].category === corpusLines()[n].category;
        if (same) sameCategory++;
        // The flag is exactly the category comparison; scoring never saw the category.
        expect(item.sameCategory).toBe(same);
        if (item.sameCategory) flagged++;
      }
    }
    expect(sameCategory / 100).toBeGreaterThan(0.5);
    expect(flagged).toBe(sameCategory);
  });

  it('follows stored and deleted batches, and re-indexes an article only when its content changed', async () => {
    const db = freshDb();
    await storeCorpus(db, range(0, 40));
    const changes: number[] = [];
    const s = new RelatedService(db, { saveDelayMs: 10, onChange: (p) => changes.push(p.indexed) });
    services.push(s);
    await s.idle();
    expect(s.progress()).toEqual({ indexed: 40, pending: 0 });

    const added = await storeCorpus(db, range(40, 80));
    s.enqueue({ put: added.map((a) => a.id), deleted: [] });
    await s.idle();
    expect(s.progress().indexed).toBe(80);
    expect(changes.at(-1)).toBe(80);

    // Same content hash: a no-op, not a re-weighing.
    const before = changes.length;
    await storeCorpus(db, [5], { views: 999 });
    s.enqueue({ put: [urlOf('bai-5')], deleted: [] });
    await s.idle();
    expect(changes.length).toBe(before);

    // Edited: the article now reads like another one and is found by its new text.
    const twin = corpusArticle(100);
    await db.articles.put({ ...corpusArticle(6).row, title: twin.row.title, lead: twin.row.lead, contentHash: 'edited' });
    await db.bodies.put({ id: urlOf('bai-6'), html: '', text: twin.body.text });
    await storeCorpus(db, [100]);
    s.enqueue({ put: [urlOf('bai-6'), urlOf('bai-100')], deleted: [] });
    await s.idle();
    expect((await s.similar(urlOf('bai-100'), 1)).items[0].id).toBe(urlOf('bai-6'));

    const victim = (await s.similar(urlOf('bai-1'), 1)).items[0].id;
    await db.articles.delete(victim);
    await db.bodies.delete(victim);
    s.enqueue({ put: [], deleted: [victim] });
    await s.idle();
    expect(s.has(victim)).toBe(false);
    expect((await s.similar(urlOf('bai-1'), 10)).items.map((i) => i.id)).not.toContain(victim);
  });

  it('answers for an article not indexed yet by indexing it first, while the rest waits', async () => {
    const db = freshDb();
    await storeCorpus(db, range(0, 30));
    const s = service(db);
    await s.idle();
    const added = await storeCorpus(db, range(30, 130));
    s.enqueue({ put: added.map((a) => a.id), deleted: [] });
    // Asked before the background batches ran: the article is indexed on demand.
    const answer = await s.similar(urlOf('bai-129'), 5);
    expect(s.has(urlOf('bai-129'))).toBe(true);
    expect(answer.items.length).toBe(5);
    expect(answer.state).toBe('indexing');
    expect(answer.progress.pending).toBeGreaterThan(0);
    await s.idle();
    expect((await s.similar(urlOf('bai-129'), 5)).state).toBe('ready');
    expect(await s.similar('https://portal.example/unknown', 5)).toMatchObject({ state: 'unknown', items: [] });
  });

  it('saves once a backlog is indexed, not after every batch of it', async () => {
    const db = freshDb();
    // Small enough to index well within the 30 s a backlog may go unsaved, even on a loaded CI machine.
    await storeCorpus(db, range(0, 300));
    const logged: string[] = [];
    const s = new RelatedService(db, { saveDelayMs: 10, log: (m) => logged.push(m) });
    services.push(s);
    await s.start();
    const saves = () => logged.filter((m) => m.startsWith('related: saved')).length;
    let batches = 0;
    let savedDuringBacklog = 0;
    for (let last = s.progress().pending; s.progress().pending > 0; ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (s.progress().pending !== last) batches++;
      last = s.progress().pending;
      if (s.progress().pending > 0) savedDuringBacklog = saves();
    }
    // Several batches went by (each of them used to schedule a save 10 ms later)…
    expect(batches).toBeGreaterThan(2);
    expect(savedDuringBacklog).toBe(0);
    // …and the quiet delay applies again once the backlog is done.
    const end = Date.now() + 10_000;
    while (saves() === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saves()).toBe(1);
    expect((await loadRelatedIndexes(db)).ok && s.progress()).toEqual({ indexed: 300, pending: 0 });
  });

  it('persists the index so a restart loads it, then catches up with what changed meanwhile', async () => {
    const db = freshDb();
    await seedGuide(db);
    await storeCorpus(db, range(0, 60));
    const first = service(db);
    await first.idle();
    const expected = await first.similar(urlOf('bai-3'), 5);
    await first.stop();

    const stored = await loadRelatedIndexes(db);
    expect(stored.ok && stored.manifest.count).toBe(60 + GUIDE_ARTICLES.length * 2);
    expect(stored.ok && stored.manifest.partitions.map((p) => p.name).sort()).toEqual(['guide-en', 'guide-vi', 'portal']);
    // Where the next start's check begins: the newest fetch the index has seen.
    const newest = (await db.articles.orderBy('fetchedAt').last())!.fetchedAt;
    expect(stored.ok && stored.manifest.maxFetchedAt).toBe(newest);

    // Nothing changed: the restart loads and has nothing to do.
    const second = service(db);
    expect(await second.start()).toBe(true);
    expect(second.progress()).toEqual({ indexed: 60 + GUIDE_ARTICLES.length * 2, pending: 0 });
    expect(await second.similar(urlOf('bai-3'), 5)).toEqual(expected);
    await second.stop();

    // Changed while no worker ran: one article deleted, one edited, two added.
    await db.articles.delete(urlOf('bai-10'));
    // As sync stores an edit: new content hash, fetched now.
    await db.articles.update(urlOf('bai-11'), { contentHash: 'edited', fetchedAt: new Date(Date.now() + 1000).toISOString() });
    await storeCorpus(db, [60, 61]);
    const logged: string[] = [];
    const third = new RelatedService(db, { saveDelayMs: 10, log: (m) => logged.push(m) });
    services.push(third);
    expect(await third.start()).toBe(true);
    expect(logged.find((m) => m.startsWith('related: reconciled'))).toMatch(/: 3 to index \(1 changed\), 1 to remove$/);
    await third.idle();
    expect(third.has(urlOf('bai-10'))).toBe(false);
    expect(third.has(urlOf('bai-60'))).toBe(true);
    const after = await loadRelatedIndexes(db);
    expect(after.ok && after.partitions.get('portal')!.hashes.get(urlOf('bai-11'))).toBe('edited');
  });

  it('rebuilds from the articles when the stored index is damaged', async () => {
    const db = freshDb();
    await storeCorpus(db, range(0, 30));
    const first = service(db);
    await first.idle();
    await first.stop();
    await db.relatedChunks.delete('p:portal:head');

    const second = service(db);
    expect(await second.start()).toBe(false);
    await second.idle();
    expect(second.progress()).toEqual({ indexed: 30, pending: 0 });
    expect((await second.similar(urlOf('bai-0'), 5)).items).toHaveLength(5);
    expect((await loadRelatedIndexes(db)).ok).toBe(true);
  });
});
