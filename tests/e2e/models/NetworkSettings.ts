import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The network (proxy) settings dialog opened from the top bar. */
export class NetworkSettings {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: /^(Mạng|Network)$/ }).click();
    await this.dialog.waitFor();
    await this.mode('Hệ thống').waitFor();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /Cài đặt mạng|Network settings/ });
  }

  mode(name: 'Hệ thống' | 'Không dùng proxy' | 'Tự đặt'): Locator {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  get url(): Locator {
    return this.dialog.getByRole('textbox', { name: /Địa chỉ proxy|Proxy address/ });
  }

  get username(): Locator {
    return this.dialog.getByRole('textbox', { name: /^(Tên đăng nhập|User name)$/ });
  }

  /** The optional sign-in for the proxy the system picks, shown only in 'system' mode. */
  get systemUsername(): Locator {
    return this.dialog.getByRole('textbox', { name: /^(Tên đăng nhập proxy hệ thống|System proxy user name)$/ });
  }

  get systemPassword(): Locator {
    return this.dialog.getByLabel(/^(Mật khẩu proxy hệ thống|System proxy password)$/);
  }

  get clearSystemPassword(): Locator {
    return this.dialog.getByRole('checkbox', { name: /^(Xoá mật khẩu đã lưu của proxy hệ thống|Remove the saved system proxy password)$/ });
  }

  async expectNoSeriousAxeViolations() {
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await this.page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const results = await new AxeBuilder({ page: this.page }).include('dialog').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  }

  /** Password inputs have no textbox role; found by label. */
  get password(): Locator {
    return this.dialog.getByLabel(/^(Mật khẩu|Password)$/);
  }

  get error(): Locator {
    return this.dialog.getByRole('alert');
  }

  async save() {
    await this.dialog.getByRole('button', { name: /^(Lưu|Save)$/ }).click();
  }

  async close() {
    await this.dialog.getByRole('button', { name: /^(Đóng|Close)$/ }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
