import type { Locator, Page } from '@playwright/test';

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
    return this.dialog.getByRole('textbox', { name: /Tên đăng nhập|User name/ });
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
