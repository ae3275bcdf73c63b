import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MainScreen } from './MainScreen';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Page object for sources and sync: the sidebar's buttons, its dialogs and the status line. */
export class SyncScreens {
  constructor(
    readonly page: Page,
    readonly app: MainScreen,
  ) {}

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: /Nguồn tin|Sources/ });
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  toolbarButton(name: RegExp): Locator {
    return this.sidebar.getByRole('group', { name: /Quản lý nguồn tin|Manage sources/ }).getByRole('button', { name });
  }

  /** The sidebar entry of a source: its open button, state line, sync button and menu. */
  source(title: string): Locator {
    return this.sidebar.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: new RegExp(`^${escape(title)}`) }) });
  }

  sourceButton(title: string): Locator {
    return this.sidebar.getByRole('button', { name: new RegExp(`^${escape(title)}`) });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  get addDialog(): Locator {
    return this.dialog(/Thêm nguồn tin/);
  }

  get logDialog(): Locator {
    return this.dialog(/Nhật ký đồng bộ/);
  }

  get tripDialog(): Locator {
    return this.dialog(/Chuẩn bị cho chuyến đi/);
  }

  async openAddDialog() {
    await this.toolbarButton(/^Thêm nguồn$/).click();
    await expect(this.addDialog).toBeVisible();
  }

  async discover(url: string) {
    await this.addDialog.getByRole('textbox', { name: /Địa chỉ trang web/ }).fill(url);
    await this.addDialog.getByRole('button', { name: 'Tìm nguồn tin' }).click();
  }

  /** Adds the portal at `url` under `name` with the choices discovery makes (its newest-articles feed). */
  async addPortal(url: string, name: string) {
    await this.openAddDialog();
    await this.discover(url);
    await expect(this.addDialog.getByRole('checkbox', { name: /tin-moi\.rss/ })).toBeChecked();
    await this.addDialog.getByRole('textbox', { name: 'Tên nguồn' }).fill(name);
    await this.addDialog.getByRole('button', { name: 'Thêm nguồn' }).click();
    await expect(this.addDialog).toBeHidden();
  }

  async close(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dialog).toBeHidden();
  }

  async importOpml(name: string, text: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.toolbarButton(/^Nhập OPML$/).click();
    await (await chooser).setFiles({ name, mimeType: 'text/x-opml', buffer: Buffer.from(text, 'utf8') });
  }

  async sourceMenu(title: string, item: RegExp) {
    await this.source(title).getByRole('button', { name: `Tùy chọn cho ${title}` }).click();
    await this.page.getByRole('menu', { name: `Tùy chọn cho ${title}` }).getByRole('menuitem', { name: item }).click();
  }

  /** Opens a view in each theme and fails on any serious or critical axe violation. */
  async expectAccessible(open: () => Promise<Locator>) {
    const problems: string[] = [];
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await this.app.chooseTheme(theme);
      const view = await open();
      const results = await new AxeBuilder({ page: this.page }).analyze();
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      await this.close(view);
    }
    await this.app.chooseTheme('system');
    expect(problems).toEqual([]);
  }
}
