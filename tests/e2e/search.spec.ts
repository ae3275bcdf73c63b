import path from 'node:path';
import type { Page } from '@playwright/test';
import { GUIDE_ARTICLES } from '../../shared/guide/guideArticles';
import { foldMarks, hasMarks, tokenTexts } from '../../shared/text/index';
import { expect, test } from './fixtures/test';
import { MainScreen } from './models/MainScreen';
import { SearchScreens, type StoreState } from './models/SearchScreens';
import { SyncScreens } from './models/SyncScreens';

interface TruthArticle {
  title: string;
  category: string;
}
interface Portal {
  url: string;
  truth(): { articles: TruthArticle[] };
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (title: string) => new RegExp(`^${escape(title)}`);
const fold = (s: string) => foldMarks(s.normalize('NFC'));
/** The built-in guide, stored in both languages. */
const GUIDE_ARTICLES_STORED = GUIDE_ARTICLES.length * 2;

/** Two adjacent marked words of a title that no other title has (folded), e.g. "thương hiệu". */
function uniquePair(articles: TruthArticle[]): { article: TruthArticle; pair: string } {
  const titles = articles.map((a) => ` ${tokenTexts(fold(a.title)).join(' ')} `);
  for (const article of articles) {
    const words = tokenTexts(article.title.normalize('NFC')).filter((w) => w.length > 1 && !/^\d+$/.test(w));
    for (let i = 0; i + 1 < words.length; i++) {
      if (!hasMarks(words[i]) || !hasMarks(words[i + 1])) continue;
      const key = ` ${fold(words[i])} ${fold(words[i + 1])} `;
      if (titles.filter((t) => t.includes(key)).length === 1) return { article, pair: `${words[i]} ${words[i + 1]}` };
    }
  }
  throw new Error('no title has a pair of marked words of its own');
}

/** Waits, polling often, until the status line says sync has stored at least one article. */
async function waitUntilStoring(page: Page) {
  await page.waitForFunction(() => /đã lưu [1-9]/.test(document.querySelector('[role=status]')?.textContent ?? ''), null, {
    polling: 50,
    timeout: 120_000,
  });
}

test.describe('search over the built-in guide', () => {
  test('finds "Tìm kiếm tiếng Việt" typed without tone marks, highlights it, opens it and finds in it', async ({ app, page }) => {
    const search = new SearchScreens(page, app);
    await app.open();

    await test.step('results as you type, tone-insensitive, with the matching words marked', async () => {
      await search.search('tim kiem');
      const hit = search.result(/Tìm kiếm tiếng Việt/);
      await expect(hit).toBeVisible();
      await expect(hit.locator('mark').first()).toHaveText(/^Tìm$/);
      await expect(hit.locator('mark').nth(1)).toHaveText(/^kiếm$/);
      // Only the UI language's guide: no English twin among the results.
      await expect(search.result(/Searching in Vietnamese/)).toHaveCount(0);
      expect(await search.count()).toBeGreaterThan(0);
    });

    await test.step('the results panel has no serious accessibility problem in any theme', async () => {
      await search.expectAccessible();
    });

    await test.step('Enter opens the first result in the reader', async () => {
      await search.field.focus();
      await search.field.press('ArrowDown');
      await expect(search.results.getByRole('option', { selected: true })).toBeVisible();
      const title = (await search.results.getByRole('option', { selected: true }).locator('.search-result-title').textContent()) ?? '';
      await search.field.press('Enter');
      await expect(app.readerTitle).toHaveText(title);
    });

    await test.step('Ctrl+F finds in the article, tone-insensitively, with a count and next / previous', async () => {
      await search.field.press('Escape');
      await expect(search.panel).toBeHidden();
      await app.reader.focus();
      await page.keyboard.press('Control+F');
      await expect(search.findField).toBeFocused();
      await search.findField.fill('tieng viet');
      await expect(search.findCount).toHaveText(/^1\/\d+$/);
      const total = Number((await search.findCount.textContent())!.split('/')[1]);
      expect(total).toBeGreaterThan(1);
      await expect.poll(async () => (await search.highlights()).matches).toBe(total);
      expect((await search.highlights()).current?.toLowerCase()).toBe('tiếng việt');
      await search.findField.press('Enter');
      await expect(search.findCount).toHaveText(`2/${total}`);
      await search.findBar.getByRole('button', { name: /Kết quả tiếp theo/ }).click();
      await expect(search.findCount).toHaveText(`3/${total}`);
      await search.findField.press('Shift+Enter');
      await expect(search.findCount).toHaveText(`2/${total}`);
      await search.findBar.getByRole('button', { name: /Kết quả trước/ }).click();
      await search.findBar.getByRole('button', { name: /Kết quả trước/ }).click();
      await expect(search.findCount).toHaveText(`${total}/${total}`);
      await search.findField.fill('khongcotu');
      await expect(search.findCount).toHaveText('Không thấy');
      await search.findField.press('Escape');
      await expect(search.findBar).toBeHidden();
      expect((await search.highlights()).matches).toBe(0);
    });

    await test.step('nothing found: the empty state suggests dropping tone marks and offers it', async () => {
      await search.search('quýtxyz');
      await expect(search.panel).toContainText('Không tìm thấy bài nào cho “quýtxyz”.');
      await expect(search.results).toHaveCount(0);
      await search.panel.getByRole('button', { name: 'quytxyz' }).click();
      await expect(search.field).toHaveValue('quytxyz');
      await expect(search.panel).toContainText('Không tìm thấy bài nào cho “quytxyz”.');
    });

    await test.step('in English, the English guide answers', async () => {
      await search.field.press('Escape');
      await app.chooseLanguage('English');
      await search.search('searching vietnamese');
      await expect(search.result(/Searching in Vietnamese/)).toBeVisible();
      await expect(search.result(/Tìm kiếm tiếng Việt/)).toHaveCount(0);
    });
  });
});

test.describe('search over a synced portal', () => {
  let portal: Portal;
  test.beforeAll(async () => {
    const mod = (await import(path.resolve('../shared/portal/serve.mjs'))) as { startPortal(o: { articles: number }): Promise<Portal> };
    portal = await mod.startPortal({ articles: 300 });
  });
  test.afterAll(async () => {
    await portal?.close();
  });

  test('survives a page killed mid-indexing, then searches with and without tone marks, phrases and filters', async ({ app, page, host }) => {
    test.setTimeout(420_000);
    const truth = portal.truth().articles;
    const first = new SearchScreens(page, app);
    const sync = new SyncScreens(page, app);
    await app.open();
    await sync.addPortal(`${portal.url}/`, 'Cổng thử nghiệm');

    let killed: StoreState | undefined;
    await test.step('the page is closed while the first synced articles are being indexed', async () => {
      await sync.toolbarButton(/^Đồng bộ tất cả$/).click();
      await waitUntilStoring(page);
      killed = await first.storeState();
      await page.close();
      expect(killed.portal.length).toBeGreaterThan(0);
      // The saved index lags the store: this really is a kill in the middle of indexing.
      expect(killed.savedIndexDocs).toBeLessThan(killed.articles);
    });

    const page2 = await page.context().newPage();
    const errors: string[] = [];
    page2.on('pageerror', (e) => errors.push(e.message));
    const app2 = new MainScreen(page2, host);
    const search = new SearchScreens(page2, app2);
    const sync2 = new SyncScreens(page2, app2);

    await test.step('reopened, sync completes and the saved index catches up with every stored article', async () => {
      await app2.open();
      // The run either carries on in the new window or is started again: both must end complete.
      const done = sync2.status.filter({ hasText: /Đồng bộ xong/ });
      if (!(await done.isVisible())) {
        const running = await sync2.status.textContent();
        if (!/Đang đồng bộ/.test(running ?? '')) await sync2.toolbarButton(/^Đồng bộ tất cả$/).click();
      }
      await expect(sync2.status).toContainText('Đồng bộ xong', { timeout: 300_000 });
      // The counts themselves are compared, so a failure says which one fell short.
      await expect
        .poll(async () => {
          const s = await search.storeState();
          return { portalArticles: s.portal.length, savedIndexDocs: s.savedIndexDocs, storedArticles: s.articles };
        }, { timeout: 180_000, intervals: [1000], message: 'the saved index covers every stored article' })
        .toEqual({ portalArticles: truth.length, savedIndexDocs: truth.length + GUIDE_ARTICLES_STORED, storedArticles: truth.length + GUIDE_ARTICLES_STORED });
    });

    await test.step('articles stored before the kill are found by their titles', async () => {
      const sample = killed!.portal.filter((a) => !a.title.includes('"')).slice(0, 5);
      for (const a of sample) {
        await search.search(a.title);
        await expect(search.result(startsWith(a.title)).first()).toBeVisible();
      }
    });

    const { article, pair } = uniquePair(truth);
    const plain = fold(pair);
    await test.step(`"${pair}" is found with tone marks and without ("${plain}"), the words marked`, async () => {
      for (const q of [pair, plain]) {
        await search.search(q);
        const hit = search.result(startsWith(article.title));
        await expect(hit).toBeVisible();
        const rank = await search.results.getByRole('option').evaluateAll((els, title) => els.findIndex((e) => e.textContent?.startsWith(title)), article.title);
        expect(rank).toBeGreaterThanOrEqual(0);
        expect(rank).toBeLessThan(3);
        const marks = await hit.locator('.search-result-title mark').allTextContents();
        expect(marks.map((m) => fold(m)).join(' ')).toContain(plain);
      }
    });

    await test.step('a phrase in quotes is marked as one run of words and never finds more than the words', async () => {
      await search.search(plain);
      const loose = await search.count();
      await search.search(`"${pair}"`);
      const hit = search.result(startsWith(article.title));
      await expect(hit).toBeVisible();
      await expect(hit.locator('.search-result-title mark').first()).toHaveText(new RegExp(`^${escape(pair)}$`, 'i'));
      expect(await search.count()).toBeLessThanOrEqual(loose);
    });

    await test.step('filters narrow the results and combine with the query', async () => {
      await search.search('việt nam');
      const all = await search.count();
      expect(all).toBeGreaterThan(5);
      await search.openFilters();
      await search.filters.getByRole('combobox', { name: 'Chuyên mục' }).selectOption(article.category);
      await search.expectCount((n) => n > 0 && n < all, 'the category narrows the results');
      for (const meta of await search.results.locator('.search-result-meta').allTextContents()) expect(meta).toContain(article.category);
      await search.filters.getByRole('combobox', { name: 'Nguồn tin' }).selectOption({ label: 'Hướng dẫn sử dụng' });
      await expect(search.panel).toContainText('Không tìm thấy bài nào');
      await expect(search.panel).toContainText('Bộ lọc đang thu hẹp kết quả.');
      await search.panel.locator('.search-empty').getByRole('button', { name: 'Xóa bộ lọc' }).click();
      await search.expectCount((n) => n === all, 'clearing the filters restores every result');
      await search.filters.getByLabel('Từ ngày').fill('2099-01-01');
      await expect(search.panel).toContainText('Không tìm thấy bài nào');
      await search.filters.getByRole('button', { name: 'Xóa bộ lọc' }).click();
      await search.expectCount((n) => n === all, 'clearing the dates restores every result');
    });

    await test.step('the bookmarked filter keeps only bookmarked articles', async () => {
      await search.search(pair);
      await search.result(startsWith(article.title)).click();
      await expect(app2.readerTitle).toHaveText(article.title);
      await app2.reader.getByRole('button', { name: 'Đánh dấu trang', exact: true }).click();
      await expect(app2.reader.getByRole('button', { name: 'Đánh dấu trang', exact: true })).toHaveAttribute('aria-pressed', 'true');
      await search.search('việt nam');
      await search.openFilters();
      await search.filters.getByRole('checkbox', { name: 'Chỉ bài đã đánh dấu trang' }).check();
      await search.search(plain);
      await search.expectCount((n) => n === 1, 'one bookmarked article matches');
      await expect(search.result(startsWith(article.title))).toBeVisible();
    });

    await test.step('Ctrl+F in a synced article counts and steps through matches of the pair', async () => {
      await search.field.press('Escape');
      await app2.reader.focus();
      await page2.keyboard.press('Control+F');
      await search.findField.fill(plain);
      await expect(search.findCount).toHaveText(/^1\/\d+$/);
      const total = Number((await search.findCount.textContent())!.split('/')[1]);
      expect(fold((await search.highlights()).current ?? '')).toBe(plain);
      await search.findField.press('Enter');
      await expect(search.findCount).toHaveText(`${total > 1 ? 2 : 1}/${total}`);
      await search.findField.press('Escape');
      await expect(search.findBar).toBeHidden();
    });
    expect(errors).toEqual([]);
  });
});
