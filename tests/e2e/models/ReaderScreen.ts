import { expect, type Locator, type Page } from '@playwright/test';
import type { MainScreen } from './MainScreen';

/**
 * Page object for reading: the list's filters, the reader's toolbar and display settings, and the
 * Bookmarks view. Everything is found by role and accessible name, in Vietnamese (the default UI).
 */
export class ReaderScreen {
  readonly page: Page;

  constructor(readonly app: MainScreen) {
    this.page = app.page;
  }

  // ——— list ———

  get articlesView(): Locator {
    return this.page.getByRole('button', { name: 'Bài viết', exact: true });
  }

  get bookmarksView(): Locator {
    return this.page.getByRole('button', { name: 'Dấu trang', exact: true });
  }

  get listHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /Danh sách bài viết|Dấu trang/ });
  }

  async openFilters() {
    const button = this.page.getByRole('button', { name: /^Bộ lọc/ });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  get sort(): Locator {
    return this.page.getByRole('combobox', { name: 'Sắp xếp' });
  }

  get categoryFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Chuyên mục' });
  }

  checkbox(name: string): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  options(): Locator {
    return this.app.list.getByRole('option');
  }

  async optionTitles(): Promise<string[]> {
    return this.options().evaluateAll((els) =>
      els.map((el) => [...(el.querySelector('.row-title')?.childNodes ?? [])].find((n) => n.nodeType === Node.TEXT_NODE)?.textContent ?? ''),
    );
  }

  // ——— reader ———

  button(name: string | RegExp): Locator {
    return this.app.reader.getByRole('button', { name, exact: typeof name === 'string' });
  }

  get bookmarkButton(): Locator {
    return this.button('Đánh dấu trang');
  }

  get body(): Locator {
    return this.app.reader.locator('.reader-body');
  }

  async openArticle(title: string | RegExp) {
    await this.app.option(title).click();
    await expect(this.app.readerTitle).toHaveText(title);
  }

  async openDisplaySettings() {
    const button = this.button('Hiển thị');
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.page.getByRole('group', { name: 'Tùy chỉnh hiển thị bài viết' });
  }

  async openCollections() {
    const button = this.button(/^Bộ sưu tập/);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.page.getByRole('group', { name: 'Bộ sưu tập chứa bài này' });
  }

  /** Creates a collection from the reader and puts the open article in it. */
  async addToNewCollection(name: string) {
    const panel = await this.openCollections();
    await panel.getByRole('textbox', { name: 'Bộ sưu tập mới' }).fill(name);
    await panel.getByRole('button', { name: 'Tạo và thêm bài' }).click();
    await expect(panel.getByRole('checkbox', { name })).toBeChecked();
  }

  scrollTop(): Promise<number> {
    return this.app.reader.evaluate((el) => el.scrollTop);
  }

  /** How far down the article the pane is, as the app remembers it: a share of the scrollable height. */
  scrollFraction(): Promise<number> {
    return this.app.reader.evaluate((el) => el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight));
  }

  /** Waits until the article's height stops changing (fonts, images and side panels laid out). */
  async waitForSettledLayout(): Promise<void> {
    let last = -1;
    await expect
      .poll(async () => {
        const height = await this.app.reader.evaluate((el) => el.scrollHeight);
        const same = height === last;
        last = height;
        return same;
      }, { intervals: [250] })
      .toBe(true);
  }

  // ——— bookmarks view ———

  get collectionFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Bộ sưu tập' });
  }

  get bookmarkList(): Locator {
    return this.page.getByRole('listbox', { name: 'Bài đã đánh dấu trang' });
  }

  get importInput(): Locator {
    return this.page.getByLabel('Nhập dấu trang từ tệp…');
  }

  /** Clicks an export button and returns the downloaded file's text and name. */
  async exportBookmarks(kind: 'JSON' | 'HTML'): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: kind === 'JSON' ? 'Xuất JSON' : 'Xuất cho trình duyệt (HTML)' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async importBookmarks(name: string, text: string, mimeType = 'application/json') {
    await this.importInput.setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  }

  /** The collection filter's options as "name (count)", without "all bookmarks". */
  async collectionOptions(): Promise<string[]> {
    return (await this.collectionFilter.locator('option').allTextContents()).filter((o) => o !== 'Tất cả dấu trang');
  }
}
