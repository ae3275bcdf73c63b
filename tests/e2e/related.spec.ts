import path from 'node:path';
import type { Page } from '@playwright/test';
import { GUIDE_ARTICLES } from '../../shared/guide/guideArticles';
import { expect, test } from './fixtures/test';
import { RelatedPane } from './models/RelatedPane';
import { SyncScreens } from './models/SyncScreens';

const nfc = (s: string) => s.normalize('NFC');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (s: string) => new RegExp(`^${escape(nfc(s))}$`);
const GUIDE_VI = new Set(GUIDE_ARTICLES.map((g) => g.title.vi));
const GUIDE_EN = new Set(GUIDE_ARTICLES.map((g) => g.title.en));

/** What the worker has persisted: the manifest row of db.relatedChunks, read straight from IndexedDB. */
function storedManifest(page: Page): Promise<{ count: number; partitions: { name: string; count: number }[] } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('archive-reader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('relatedChunks').objectStore('relatedChunks').get('manifest');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result ? JSON.parse((get.result as { data: string }).data) : null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test('the built-in guide alone: similar articles in the same language, each with a reason, open on click, persist', async ({ app, page }) => {
  const related = new RelatedPane(page, app);
  await app.open();
  const welcome = GUIDE_ARTICLES[0].title.vi;
  await app.option(new RegExp(escape(welcome))).click();
  await expect(app.readerTitle).toHaveText(welcome);

  await test.step('similar guide articles appear with a reason; the guide has no portal links', async () => {
    await expect(related.pane.getByRole('heading', { name: 'Bài viết tương tự' })).toBeVisible();
    await expect(related.similarItems.first()).toBeVisible();
    expect(await related.similarItems.count()).toBeGreaterThanOrEqual(3);
    for (const title of await related.titles(related.similar)) expect(GUIDE_VI.has(title), title).toBe(true);
    for (const text of await related.similarItems.allInnerTexts()) expect(text).toMatch(/cùng chủ đề: \S/);
    await expect(related.upstream).toHaveCount(0);
    await expect(related.pane).not.toContainText(welcome);
  });

  let opened = '';
  await test.step('clicking a similar article opens it, and the pane follows', async () => {
    const first = related.similar.getByRole('button').first();
    const title = (opened = await first.innerText());
    await expect(first).toHaveAccessibleDescription(/^cùng chủ đề: /);
    await first.click();
    await expect(app.readerTitle).toHaveText(title);
    await expect(app.option(new RegExp(escape(title)))).toHaveAttribute('data-read', 'true');
    await expect(related.similar.getByRole('button', { name: exactly(title) })).toHaveCount(0);
    await expect(related.similarItems.first()).toBeVisible();
  });

  await test.step('in English only English guide articles are offered, with English reasons', async () => {
    await app.chooseLanguage('English');
    // The reader follows the open guide page to its English twin, and the pane follows the reader.
    await expect(app.readerTitle).toHaveText(GUIDE_ARTICLES.find((g) => g.title.vi === opened)!.title.en);
    await expect(related.pane.getByRole('heading', { name: 'Similar articles' })).toBeVisible();
    await expect.poll(() => related.titles(related.similar).then((titles) => titles.length > 0 && titles.every((t) => GUIDE_EN.has(t)))).toBe(true);
    await expect(related.similarItems.first()).toContainText('same topic: ');
    await app.chooseLanguage('Tiếng Việt');
    await expect(related.similarItems.first()).toContainText('cùng chủ đề: ');
  });

  await test.step('the pane folds away and back with its button', async () => {
    await expect(related.toggle).toHaveAttribute('aria-expanded', 'true');
    await related.toggle.click();
    await expect(related.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(related.similar).toBeHidden();
    await related.toggle.press('Enter');
    await expect(related.similar).toBeVisible();
  });

  await test.step('the index is saved, so a restart loads it instead of recomputing', async () => {
    await expect.poll(() => storedManifest(page).then((m) => m?.count), { timeout: 15_000 }).toBe(GUIDE_ARTICLES.length * 2);
    const manifest = (await storedManifest(page))!;
    expect(manifest.partitions.map((p) => [p.name, p.count]).sort()).toEqual([
      ['guide-en', GUIDE_ARTICLES.length],
      ['guide-vi', GUIDE_ARTICLES.length],
    ]);
    const before = await related.titles(related.similar);
    await page.reload();
    await expect(app.readerTitle).toBeVisible();
    await expect(related.similarItems.first()).toBeVisible();
    expect(await related.titles(related.similar)).toEqual(before);
  });

  await test.step('no serious accessibility problem with the pane, in light, dark and sepia', async () => {
    await related.expectAccessible(() => expect(related.similarItems.first()).toBeVisible());
  });
});

interface Portal {
  url: string;
  truth(): { articles: { id: number; url: string; title: string; category: string; publishedAt: string; related: number[] }[] };
  close(): Promise<void>;
}

test('a synced portal: the portal’s own links that are stored, and similar articles with reasons, offline', async ({ app, page }) => {
  test.setTimeout(420_000);
  const mod = (await import(path.resolve('../shared/portal/serve.mjs'))) as { startPortal(o: { articles: number }): Promise<Portal> };
  const portal = await mod.startPortal({ articles: 300 });
  let portalOpen = true;
  try {
    const sync = new SyncScreens(page, app);
    const related = new RelatedPane(page, app);
    const truth = portal.truth().articles;
    const byId = new Map(truth.map((a) => [a.id, a]));
    await app.open();

    await test.step('add the portal and sync it', async () => {
      await sync.addPortal(`${portal.url}/`, 'Cổng thử nghiệm');
      await sync.toolbarButton(/^Đồng bộ tất cả$/).click();
      await expect(sync.status).toContainText('Đồng bộ xong', { timeout: 300_000 });
      await sync.sourceButton('Cổng thử nghiệm').click();
    });

    // Offline from here on: everything the pane shows comes from the store and the worker.
    await portal.close();
    portalOpen = false;

    const newest = [...truth].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    const open = newest.find((a) => a.related.length >= 3)!;
    const linked = open.related.map((id) => nfc(byId.get(id)!.title));

    await test.step("the portal's own links appear, in its order, and open on click", async () => {
      await app.option(new RegExp(escape(nfc(open.title)))).click();
      await expect(app.readerTitle).toHaveText(nfc(open.title));
      await expect(related.pane.getByRole('heading', { name: 'Các bài viết khác' })).toBeVisible();
      await expect(related.upstream.getByRole('button')).toHaveText(linked);
    });

    await test.step('similar articles appear with the shared terms, and "cùng chuyên mục" where the category matches', async () => {
      await expect(related.similarItems.first()).toContainText(/cùng chủ đề: \S/);
      const titles = await related.titles(related.similar);
      // Listed once: what the portal already links to is not repeated as "similar".
      for (const t of titles) expect(linked).not.toContain(t);
      const texts = await related.similarItems.allInnerTexts();
      const category = new Map(truth.map((a) => [nfc(a.title), nfc(a.category)]));
      texts.forEach((text, i) => {
        const same = category.get(titles[i]) === nfc(open.category);
        expect(text.includes('cùng chuyên mục'), `${titles[i]}: ${text}`).toBe(same);
      });
    });

    await test.step('no serious accessibility problem with both lists showing', async () => {
      await related.expectAccessible(async () => {
        await expect(related.upstream.getByRole('button')).toHaveCount(linked.length);
        await expect(related.similarItems.first()).toBeVisible();
      });
    });

    await test.step('clicking an upstream link and then a similar article opens each', async () => {
      await related.upstream.getByRole('button', { name: exactly(linked[0]) }).click();
      await expect(app.readerTitle).toHaveText(linked[0]);
      await expect(related.similarItems.first()).toBeVisible();
      const title = await related.similar.getByRole('button').first().innerText();
      await related.similar.getByRole('button').first().click();
      await expect(app.readerTitle).toHaveText(title);
    });

    await test.step('the worker saved the portal index beside the guide', async () => {
      await expect
        .poll(() => storedManifest(page).then((m) => m?.partitions.find((p) => p.name === 'portal')?.count), { timeout: 30_000 })
        .toBe(truth.length);
    });
  } finally {
    if (portalOpen) await portal.close();
  }
});
