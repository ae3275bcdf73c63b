import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MainScreen } from './MainScreen';

/** Page object for search (the top-bar field and its results panel) and find in the open article. */
export class SearchScreens {
  constructor(
    readonly page: Page,
    readonly app: MainScreen,
  ) {}

  get field(): Locator {
    return this.page.getByRole('combobox', { name: /^(Tìm bài viết|Search articles)$/ });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: /^(Kết quả tìm kiếm|Search results)$/ });
  }

  get results(): Locator {
    return this.panel.getByRole('listbox', { name: /^(Danh sách kết quả|Result list)$/ });
  }

  result(title: string | RegExp): Locator {
    return this.results.getByRole('option', { name: title });
  }

  /** "12 kết quả" / "12 results" as a number. */
  async count(): Promise<number> {
    const text = (await this.panel.locator('.search-count').textContent()) ?? '';
    const m = /^([\d.,]+) (kết quả|results?)$/.exec(text.trim());
    if (!m) throw new Error(`no result count in "${text}"`);
    return Number(m[1].replace(/[.,]/g, ''));
  }

  async expectCount(predicate: (n: number) => boolean, message: string) {
    await expect.poll(async () => predicate(await this.count().catch(() => -1)), { message }).toBe(true);
  }

  /** Types a query the way a reader does (Ctrl+K, then the text) and waits for its answer. */
  async search(query: string) {
    await this.page.keyboard.press('Control+K');
    await expect(this.field).toBeFocused();
    await this.field.fill(query);
    await this.settled();
  }

  /** Waits until the panel shows the answer to the query as typed (not an earlier one). */
  async settled() {
    await expect(this.panel).toBeVisible();
    await expect(this.panel).toHaveAttribute('aria-busy', 'false');
    await expect(this.panel.locator('.search-count')).not.toHaveText(/Đang tìm|Searching/);
  }

  get filtersButton(): Locator {
    return this.panel.getByRole('button', { name: /^(Bộ lọc|Filters)/ });
  }

  get filters(): Locator {
    return this.panel.getByRole('group', { name: /Lọc kết quả tìm kiếm|Filter search results/ });
  }

  async openFilters() {
    if ((await this.filtersButton.getAttribute('aria-expanded')) !== 'true') await this.filtersButton.click();
    await expect(this.filters).toBeVisible();
  }

  get indexingNote(): Locator {
    return this.panel.getByText(/Đang lập chỉ mục|Đang mở chỉ mục|Indexing|Opening the search index/);
  }

  // ---------------------------------------------------------------- find in article

  get findBar(): Locator {
    return this.page.getByRole('search', { name: /^(Tìm trong bài|Find in article)$/ });
  }

  get findField(): Locator {
    return this.findBar.getByRole('textbox', { name: /Tìm trong bài đang đọc|Find in the open article/ });
  }

  get findCount(): Locator {
    return this.findBar.locator('.find-count');
  }

  /** The highlighted matches and the current one, read from the CSS Custom Highlight registry. */
  async highlights(): Promise<{ matches: number; current: string | null }> {
    return this.page.evaluate(() => {
      const all = CSS.highlights.get('find-match');
      const cur = CSS.highlights.get('find-current');
      const first = cur ? ([...cur][0] as Range | undefined) : undefined;
      return { matches: all?.size ?? 0, current: first ? first.toString() : null };
    });
  }

  /**
   * What the page's IndexedDB holds right now, read in one transaction with the raw API (test
   * introspection only): stored articles, and how many the last saved search index covers.
   */
  async storeState(): Promise<StoreState> {
    return this.page.evaluate(
      () =>
        new Promise<StoreState>((resolve, reject) => {
          const open = indexedDB.open('archive-reader');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['articles', 'searchChunks'], 'readonly');
            const articles = tx.objectStore('articles').getAll();
            const manifest = tx.objectStore('searchChunks').get('manifest');
            tx.onerror = () => reject(tx.error);
            tx.oncomplete = () => {
              db.close();
              const rows = articles.result as Array<{ id: string; title: string; sourceId: string; fetchedAt: string }>;
              const saved = manifest.result ? (JSON.parse(manifest.result.data as string) as { docs: number }) : null;
              resolve({
                articles: rows.length,
                savedIndexDocs: saved?.docs ?? 0,
                portal: rows
                  .filter((r) => r.sourceId !== 'guide')
                  .sort((a, b) => (a.fetchedAt < b.fetchedAt ? 1 : -1))
                  .map((r) => ({ id: r.id, title: r.title })),
              });
            };
          };
        }),
    );
  }

  /** Scans the results panel in each theme; fails on any serious or critical axe violation. */
  async expectAccessible() {
    const problems: string[] = [];
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await this.app.chooseTheme(theme);
      await expect(this.panel).toBeVisible();
      const results = await new AxeBuilder({ page: this.page }).include('.search-box').analyze();
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    await this.app.chooseTheme('system');
    expect(problems).toEqual([]);
  }
}

export interface StoreState {
  articles: number;
  /** Documents in the saved (persisted) search index. */
  savedIndexDocs: number;
  /** Portal articles, most recently fetched first. */
  portal: Array<{ id: string; title: string }>;
}
