import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';

const WELCOME_VI = 'Chào mừng bạn đến với Đọc lưu trữ';
const WELCOME_EN = 'Welcome to Archive Reader';

test('first run shows the built-in guide in Vietnamese', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Đọc lưu trữ' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(app.option(new RegExp(WELCOME_VI))).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Nguồn tin' }).getByRole('button', { name: /Hướng dẫn sử dụng/ })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Sẵn sàng');
});

test('opens an article, switches language and back, and keeps it all after a reload', async ({ app, page }) => {
  await app.open();
  await app.option(new RegExp(WELCOME_VI)).click();
  await expect(app.readerTitle).toHaveText(WELCOME_VI);
  await expect(app.option(new RegExp(WELCOME_VI))).toHaveAttribute('data-read', 'true');

  await app.chooseLanguage('English');
  await expect(page.getByRole('heading', { level: 1, name: 'Archive Reader' })).toBeVisible();
  await expect(app.readerTitle).toHaveText(WELCOME_EN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await app.chooseLanguage('Tiếng Việt');
  await expect(app.readerTitle).toHaveText(WELCOME_VI);
  await app.chooseLanguage('English');
  // Applied (and so written) before the reload, as a person would see it before restarting.
  await expect(app.readerTitle).toHaveText(WELCOME_EN);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Archive Reader' })).toBeVisible();
  await expect(app.readerTitle).toHaveText(WELCOME_EN);
  await expect(app.option(new RegExp(WELCOME_EN))).toHaveAttribute('data-read', 'true');
  await app.chooseLanguage('Tiếng Việt');
  await expect(app.option(new RegExp(WELCOME_VI))).toHaveAttribute('data-read', 'true');
  const unreadOther = app.list.getByRole('option').nth(1);
  await expect(unreadOther).toHaveAttribute('data-read', 'false');
});

test('reads with the keyboard only', async ({ app, page }) => {
  await app.open();
  await app.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const third = await app.list.getByRole('option').nth(2).getAttribute('aria-posinset');
  expect(third).toBe('3');
  await expect(app.list.getByRole('option').nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(app.reader).toBeFocused();
  await page.keyboard.press('j');
  await expect(app.list.getByRole('option').nth(3)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(app.list).toBeFocused();
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(app.list.getByRole('option').nth(2)).toHaveAttribute('aria-current', 'true');
});

test('theme follows a manual override and keeps it', async ({ app, page }) => {
  await app.open();
  await app.chooseTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.chooseTheme('sepia');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await app.chooseTheme('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
});

test('main screens have no serious accessibility violations', async ({ app, page }) => {
  await app.open();
  await app.option(new RegExp(WELCOME_VI)).click();
  await expect(app.readerTitle).toHaveText(WELCOME_VI);
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    await app.chooseTheme(theme);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a page opened without the access secret explains what to do', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByRole('alert')).toContainText('npm start');
});
