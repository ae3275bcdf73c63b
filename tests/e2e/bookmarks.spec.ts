import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import type { RunningHost } from './fixtures/startHost';
import { expect, test } from './fixtures/test';
import { MainScreen } from './models/MainScreen';
import { ReaderScreen } from './models/ReaderScreen';

const WELCOME = 'Chào mừng bạn đến với Đọc lưu trữ';
const TRIP = 'Chuẩn bị cho chuyến đi';
const SHORTCUTS = 'Phím tắt';

/** A second, empty archive: a new browser context has its own IndexedDB. */
async function freshArchive(browser: Browser, host: RunningHost) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const app = new MainScreen(page, host);
  await app.open();
  return { context, r: new ReaderScreen(app) };
}

/** WELCOME in two collections, TRIP in one, SHORTCUTS bookmarked with b and in none. */
async function bookmarkSome(r: ReaderScreen) {
  await r.openArticle(WELCOME);
  await r.addToNewCollection('Công tác Huế');
  await r.addToNewCollection('Báo cáo quý');
  await r.openArticle(TRIP);
  const panel = await r.openCollections();
  await panel.getByRole('checkbox', { name: 'Báo cáo quý' }).check();
  await expect(r.bookmarkButton).toHaveAttribute('aria-pressed', 'true');
  await r.openArticle(SHORTCUTS);
  await r.page.keyboard.press('b');
  await expect(r.bookmarkButton).toHaveAttribute('aria-pressed', 'true');
  await r.bookmarksView.click();
  await expect(r.bookmarkList.getByRole('option')).toHaveCount(3);
}

test('bookmarks an article into two collections, exports, and imports into an empty archive', async ({ app, browser, host }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await bookmarkSome(r);
  expect(await r.collectionOptions()).toEqual(['Báo cáo quý (2)', 'Công tác Huế (1)']);
  await r.collectionFilter.selectOption({ label: 'Báo cáo quý (2)' });
  await expect(r.bookmarkList.getByRole('option')).toHaveCount(2);

  const json = await r.exportBookmarks('JSON');
  expect(json.name).toMatch(/^doc-luu-tru-dau-trang-\d{4}-\d{2}-\d{2}\.json$/);
  const html = await r.exportBookmarks('HTML');
  expect(html.text).toContain('<!DOCTYPE NETSCAPE-Bookmark-file-1>');
  expect(html.text).toContain('<H3 ADD_DATE=');

  // JSON into an empty archive: both collections come back with their articles.
  const other = await freshArchive(browser, host);
  await other.r.bookmarksView.click();
  await expect(other.r.page.getByText('Chưa có dấu trang nào')).toBeVisible();
  await other.r.importBookmarks(json.name, json.text);
  await expect(other.r.page.getByText(`Đã nhập “${json.name}”: 3 dấu trang mới, 2 bộ sưu tập mới.`)).toBeVisible();
  expect(await other.r.collectionOptions()).toEqual(['Báo cáo quý (2)', 'Công tác Huế (1)']);
  await other.r.collectionFilter.selectOption({ label: 'Công tác Huế (1)' });
  await expect(other.r.bookmarkList.getByRole('option')).toHaveCount(1);
  await expect(other.r.bookmarkList.getByRole('option', { name: new RegExp(WELCOME) })).toBeVisible();

  // Importing the same bookmarks again, as JSON or as the browser file, adds nothing.
  await other.r.importBookmarks(json.name, json.text);
  await expect(other.r.page.getByText(`Đã nhập “${json.name}”: 0 dấu trang mới, 0 bộ sưu tập mới.`)).toBeVisible();
  await other.r.importBookmarks('bookmarks.html', html.text, 'text/html');
  await expect(other.r.page.getByText('Đã nhập “bookmarks.html”: 0 dấu trang mới, 0 bộ sưu tập mới.')).toBeVisible();
  expect(await other.r.collectionOptions()).toEqual(['Báo cáo quý (2)', 'Công tác Huế (1)']);
  await other.context.close();

  // The browser file alone restores the same collections (folders) in a third archive.
  const third = await freshArchive(browser, host);
  await third.r.bookmarksView.click();
  await third.r.importBookmarks('bookmarks.html', html.text, 'text/html');
  await expect(third.r.page.getByText('Đã nhập “bookmarks.html”: 3 dấu trang mới, 2 bộ sưu tập mới.')).toBeVisible();
  expect(await third.r.collectionOptions()).toEqual(['Báo cáo quý (2)', 'Công tác Huế (1)']);
  await expect(third.r.bookmarkList.getByRole('option')).toHaveCount(3);
  await third.context.close();
});

test('a damaged import says what is wrong and changes nothing', async ({ app }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await bookmarkSome(r);
  const json = await r.exportBookmarks('JSON');
  const html = await r.exportBookmarks('HTML');
  const before = await r.collectionOptions();

  // A second archive's export, cut off half-way: valid at the start, broken at the end.
  const cut = json.text.replace('Công tác Huế', 'Chuyến đi mới').slice(0, Math.floor(json.text.length * 0.7));
  await r.importBookmarks('dau-trang.json', cut);
  const alert = r.page.getByRole('alert');
  await expect(alert).toContainText('Không nhập được “dau-trang.json”: tệp JSON bị hỏng hoặc không đầy đủ');
  await expect(alert).toContainText('Dấu trang hiện có không thay đổi.');
  expect(await r.collectionOptions()).toEqual(before);
  await expect(r.bookmarkList.getByRole('option')).toHaveCount(3);

  await r.importBookmarks('bookmarks.html', html.text.slice(0, Math.floor(html.text.length * 0.6)), 'text/html');
  await expect(alert).toContainText('tệp dấu trang HTML bị hỏng hoặc không đầy đủ');

  const invalid = JSON.parse(json.text);
  invalid.collections.push({ id: 'x', name: 'Mục mới', createdAt: '2026-01-01T00:00:00Z' });
  invalid.bookmarks[1].createdAt = 'hôm qua';
  await r.importBookmarks('sai.json', JSON.stringify(invalid));
  await expect(alert).toContainText('tệp có mục không hợp lệ ở “bookmarks.1.createdAt”');
  expect(await r.collectionOptions()).toEqual(before);
  await expect(r.bookmarkList.getByRole('option')).toHaveCount(3);
});

test('renames and deletes collections; deleting keeps the bookmarks', async ({ app, page }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await bookmarkSome(r);
  await page.getByRole('button', { name: 'Quản lý bộ sưu tập' }).click();
  await page.getByRole('button', { name: 'Đổi tên bộ sưu tập “Công tác Huế”' }).click();
  const field = page.getByRole('textbox', { name: 'Tên mới cho bộ sưu tập “Công tác Huế”' });
  await field.fill('Báo cáo quý');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Đã có một bộ sưu tập với tên này.');
  await field.fill('Công tác Đà Nẵng');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => r.collectionOptions()).toEqual(['Báo cáo quý (2)', 'Công tác Đà Nẵng (1)']);

  await page.getByRole('button', { name: 'Xóa bộ sưu tập “Báo cáo quý”' }).click();
  await expect(page.getByText('Xóa bộ sưu tập “Báo cáo quý”? 2 bài trong đó vẫn giữ dấu trang.')).toBeVisible();
  await page.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect.poll(() => r.collectionOptions()).toEqual(['Công tác Đà Nẵng (1)']);
  await expect(r.bookmarkList.getByRole('option')).toHaveCount(3);

  const manager = page.getByRole('region', { name: 'Bộ sưu tập', exact: true });
  await manager.getByRole('textbox', { name: 'Bộ sưu tập mới' }).fill('  ');
  await manager.getByRole('button', { name: 'Tạo', exact: true }).click();
  await expect(manager.getByRole('alert')).toHaveText('Hãy nhập tên bộ sưu tập.');
});

test('the Bookmarks view has no serious accessibility violations in light, dark and sepia', async ({ app, page }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await bookmarkSome(r);
  await page.getByRole('button', { name: 'Quản lý bộ sưu tập' }).click();
  await page.getByRole('button', { name: 'Xóa bộ sưu tập “Báo cáo quý”' }).click();
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    await app.chooseTheme(theme);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
