import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';
import { ReaderScreen } from './models/ReaderScreen';

// Guide articles, newest first (the default order).
const WELCOME = 'Chào mừng bạn đến với Đọc lưu trữ';
const ADD_SOURCE = 'Thêm nguồn và đồng bộ';
const TRIP = 'Chuẩn bị cho chuyến đi';
const READING = 'Đọc bài viết';
const SHORTCUTS = 'Phím tắt';

test('reads with the keyboard only: open, scroll, bookmark with b, next with j, back with Esc', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await app.open();
  const r = new ReaderScreen(app);
  await app.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(app.readerTitle).toHaveText(ADD_SOURCE);
  await expect(app.reader).toBeFocused();

  await page.keyboard.press('Space');
  await expect.poll(() => r.scrollTop()).toBeGreaterThan(200);
  const afterSpace = await r.scrollTop();
  await page.keyboard.press('Shift+Space');
  await expect.poll(() => r.scrollTop()).toBeLessThan(afterSpace - 150);
  await page.keyboard.press('Home');
  await expect.poll(() => r.scrollTop()).toBe(0);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => r.scrollTop()).toBeGreaterThan(20);
  await page.keyboard.press('End');
  const bottom = await app.reader.evaluate((el) => el.scrollHeight - el.clientHeight);
  await expect.poll(() => r.scrollTop()).toBeGreaterThanOrEqual(bottom - 1);
  await page.keyboard.press('Home');
  await expect.poll(() => r.scrollTop()).toBe(0);

  await page.keyboard.press('b');
  await expect(r.bookmarkButton).toHaveAttribute('aria-pressed', 'true');
  await expect(app.option(ADD_SOURCE)).toHaveAttribute('data-bookmarked', 'true');

  await page.keyboard.press('j');
  await expect(app.readerTitle).toHaveText(TRIP);
  await expect(app.reader).toBeFocused();
  await expect(r.bookmarkButton).toHaveAttribute('aria-pressed', 'false');
  await expect(app.option(TRIP)).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('Escape');
  await expect(app.list).toBeFocused();
  await expect(app.option(TRIP)).toHaveAttribute('aria-selected', 'true');
  // b in the list toggles the highlighted row; m toggles its read state.
  await page.keyboard.press('b');
  await expect(app.option(TRIP)).toHaveAttribute('data-bookmarked', 'true');
  await page.keyboard.press('m');
  await expect(app.option(TRIP)).toHaveAttribute('data-read', 'false');
});

test('display settings apply at once and survive a reload', async ({ app, page }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await r.openArticle(WELCOME);
  const panel = await r.openDisplaySettings();
  await panel.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  await panel.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  await expect(panel.getByText('21 px')).toBeVisible();
  await panel.getByRole('combobox', { name: 'Giãn dòng' }).selectOption({ label: 'Rộng (1,9)' });
  await panel.getByRole('combobox', { name: 'Độ rộng cột chữ' }).selectOption({ label: 'Rộng' });
  await panel.getByRole('combobox', { name: 'Kiểu chữ' }).selectOption({ label: 'Không chân (Noto Sans)' });

  const style = () =>
    r.body.evaluate((el) => {
      const s = getComputedStyle(el);
      return { size: s.fontSize, line: s.lineHeight, family: s.fontFamily, width: s.maxWidth };
    });
  const expected = { size: '21px', line: `${21 * 1.9}px`, family: expect.stringContaining('Noto Sans'), width: `${56 * 21}px` };
  await expect.poll(style).toEqual(expected);

  await page.reload();
  await expect(app.readerTitle).toHaveText(WELCOME);
  await expect.poll(style).toEqual(expected);
  const again = await r.openDisplaySettings();
  await expect(again.getByText('21 px')).toBeVisible();
  await expect(again.getByRole('combobox', { name: 'Giãn dòng' })).toHaveValue('1.9');
  await expect(again.getByRole('combobox', { name: 'Kiểu chữ' })).toHaveValue('sans');
  await again.getByRole('button', { name: 'Giảm cỡ chữ' }).click();
  await expect.poll(style).toMatchObject({ size: '20px' });
});

test('Vietnamese text is set in the bundled Noto fonts, never fetched from the network', async ({ app, page }) => {
  const external: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(app.host.origin) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) external.push(req.url());
  });
  await app.open();
  const r = new ReaderScreen(app);
  await r.openArticle(READING);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    const sample = 'Đọc lưu trữ: ặ ẫ ệ ổ ự ỹ';
    return {
      serif: document.fonts.check('19px "Noto Serif"', sample),
      sans: document.fonts.check('15px "Noto Sans"', sample),
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.unicodeRange.toUpperCase().includes('1EA0') ? 'vi' : ''}`),
    };
  });
  expect(fonts.serif).toBe(true);
  expect(fonts.sans).toBe(true);
  expect(fonts.loaded.filter((f) => f.includes('Noto Serif') && f.endsWith('vi')), fonts.loaded.join('; ')).not.toEqual([]);
  expect(external).toEqual([]);
});

test('returns to the reading position of each article, also after a reload', async ({ app, page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await app.open();
  const r = new ReaderScreen(app);
  await r.openArticle(ADD_SOURCE);
  // Scrolled before the article had its final height, the remembered share would be of another height.
  await r.waitForSettledLayout();
  const half = await app.reader.evaluate((el) => {
    el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) / 2);
    return el.scrollTop;
  });
  expect(half).toBeGreaterThan(100);
  const fraction = await r.scrollFraction();
  // The position is saved a moment after scrolling stops.
  await page.waitForTimeout(800);
  await page.keyboard.press('j');
  await expect(app.readerTitle).toHaveText(TRIP);
  await expect.poll(() => r.scrollTop()).toBe(0);
  await page.keyboard.press('k');
  await expect(app.readerTitle).toHaveText(ADD_SOURCE);
  await expect.poll(() => r.scrollTop()).toBeGreaterThan(half - 10);
  await r.waitForSettledLayout();
  expect(Math.abs((await r.scrollFraction()) - fraction)).toBeLessThan(0.02);
  // The open article is remembered at the next idle moment, so as not to delay its own reads.
  await expect.poll(() => app.storedSetting('openArticleId')).toMatch(/add-source/);

  await page.reload();
  await expect(app.readerTitle).toHaveText(ADD_SOURCE);
  await expect.poll(() => r.scrollTop()).toBeGreaterThan(half - 10);
});

test('filters, sorts, counts unread per category and marks all as read', async ({ app, page }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await expect(r.options()).toHaveCount(10);
  await r.openFilters();
  await expect(r.categoryFilter.locator('option', { hasText: 'Đọc bài (2 chưa đọc)' })).toHaveCount(1);
  await r.categoryFilter.selectOption({ label: 'Đọc bài (2 chưa đọc)' });
  await expect.poll(() => r.optionTitles()).toEqual([READING, SHORTCUTS]);
  await expect(r.listHeading).toContainText('2 bài viết');
  await r.sort.selectOption({ label: 'Cũ nhất' });
  await expect.poll(() => r.optionTitles()).toEqual([SHORTCUTS, READING]);

  await r.openArticle(SHORTCUTS);
  await expect(r.categoryFilter.locator('option', { hasText: 'Đọc bài (1 chưa đọc)' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(r.options()).toHaveCount(10);
  await expect.poll(async () => (await r.optionTitles())[0]).toBe('Ngôn ngữ, giao diện và quyền riêng tư');

  // Unread only: the article being read stays in the list, and so does one opened under the filter,
  // until the filter changes; then only unread articles (and the open one) remain.
  await r.sort.selectOption({ label: 'Mới nhất' });
  await r.checkbox('Chỉ bài chưa đọc').check();
  await expect(r.options()).toHaveCount(10);
  await expect(app.option(SHORTCUTS)).toHaveAttribute('data-read', 'true');
  await r.openArticle(WELCOME);
  await expect(app.option(WELCOME)).toHaveAttribute('data-read', 'true');
  await expect(r.options()).toHaveCount(10);
  await r.checkbox('Chỉ bài chưa đọc').uncheck();
  await r.checkbox('Chỉ bài chưa đọc').check();
  await expect(r.options()).toHaveCount(9);
  await expect(app.option(SHORTCUTS)).toHaveCount(0);

  // Unread and a date range (portal days): 3–5 March holds three guide articles, none read yet.
  await r.page.getByLabel('Từ ngày').fill('2026-03-03');
  await r.page.getByLabel('Đến ngày').fill('2026-03-05');
  await expect(r.options()).toHaveCount(3);
  await page.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }).click();
  await expect(page.getByText('Đánh dấu 3 bài trong danh sách này là đã đọc?')).toBeVisible();
  await page.getByRole('button', { name: 'Đánh dấu đã đọc', exact: true }).click();
  await expect(page.getByText('Đã đánh dấu 3 bài là đã đọc.')).toBeVisible();
  await expect(page.getByText(/Không có bài viết nào khớp với bộ lọc/)).toBeVisible();

  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(r.options()).toHaveCount(10);
  await expect(app.list.locator('[role=option][data-read=true]')).toHaveCount(5);
  // Sort and filters are saved settings.
  await r.sort.selectOption({ label: 'Cũ nhất' });
  await r.checkbox('Chỉ bài chưa đọc').check();
  await page.reload();
  await expect(r.sort).toHaveValue('oldest');
  // Five unread, oldest first, and the article still open.
  await expect(r.options()).toHaveCount(6);
  await expect.poll(() => r.optionTitles()).toEqual(['Ngôn ngữ, giao diện và quyền riêng tư', 'Gói ngoại tuyến và làm việc khi không có mạng', READING, TRIP, ADD_SOURCE, WELCOME]);
});

test('shows articles the portal removed with a badge and a notice', async ({ app, page }) => {
  await app.open();
  // What sync writes when the portal answers 410 Gone: the stored copy stays, flagged.
  await page.evaluate(
    (slug) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('archive-reader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('articles', 'readwrite');
          const store = tx.objectStore('articles');
          const get = store.get(`guide:vi:${slug}`);
          get.onsuccess = () => store.put({ ...get.result, removed: 1, removedUpstream: true });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    'reading',
  );
  await page.reload();
  const r = new ReaderScreen(app);
  await expect(app.option(READING)).toContainText('Đã bị gỡ');
  await expect(app.option(WELCOME)).not.toContainText('Đã bị gỡ');
  await r.openArticle(READING);
  await expect(app.reader.getByText('Cổng thông tin đã gỡ bài này')).toBeVisible();
});

test('prints the article alone, without the app around it', async ({ app, page }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await app.chooseTheme('dark');
  await r.openArticle(WELCOME);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await r.button('In bài').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Nguồn tin' })).toBeHidden();
  await expect(app.list).toBeHidden();
  await expect(r.articlesView).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(r.button('In bài')).toBeHidden();
  await expect(app.readerTitle).toBeVisible();
  await expect(r.body).toBeVisible();
  // Black on white whatever the theme.
  expect(await r.body.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
  await page.emulateMedia({ media: 'screen' });
  await expect(app.list).toBeVisible();
});

test('list and reader have no serious accessibility violations in light, dark and sepia', async ({ app, page }) => {
  await app.open();
  const r = new ReaderScreen(app);
  await r.openArticle(WELCOME);
  await r.openFilters();
  await r.addToNewCollection('Công tác Huế');
  const scan = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    await app.chooseTheme(theme);
    await r.openCollections();
    await scan(`${theme}, collections`);
    await r.openDisplaySettings();
    await scan(`${theme}, display settings`);
  }
});
