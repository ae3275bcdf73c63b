import type { Locator, Page } from '@playwright/test';
import type { RunningHost } from '../fixtures/startHost';

/** Page object for the main window; finds everything by role and accessible name. */
export class MainScreen {
  constructor(
    readonly page: Page,
    readonly host: RunningHost,
  ) {}

  async open() {
    await this.page.goto(this.host.url);
    await this.list.waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('listbox', { name: /Danh sách bài viết|Articles/ });
  }

  option(name: string | RegExp): Locator {
    return this.list.getByRole('option', { name });
  }

  get reader(): Locator {
    return this.page.getByRole('region', { name: /Bài đang đọc|Reading/ });
  }

  get readerTitle(): Locator {
    return this.reader.getByRole('heading', { level: 2 });
  }

  /** A setting as the store holds it (undefined while never written), read straight from IndexedDB. */
  storedSetting(key: string): Promise<unknown> {
    return this.page.evaluate(
      (k) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('archive-reader');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('settings', 'readonly').objectStore('settings').get(k);
            get.onsuccess = () => {
              db.close();
              resolve((get.result as { value?: unknown } | undefined)?.value);
            };
            get.onerror = () => reject(get.error);
          };
        }),
      key,
    );
  }

  async chooseLanguage(label: 'Tiếng Việt' | 'English') {
    await this.page.getByRole('combobox', { name: /Ngôn ngữ|Language/ }).selectOption({ label });
  }

  async chooseTheme(value: 'system' | 'light' | 'dark' | 'sepia') {
    await this.page.getByRole('combobox', { name: /Giao diện|Theme/ }).selectOption(value);
  }
}
