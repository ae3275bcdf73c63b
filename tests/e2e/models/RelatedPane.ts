import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MainScreen } from './MainScreen';

/** Page object for the related-articles pane beside (or below) the reader. */
export class RelatedPane {
  constructor(
    readonly page: Page,
    readonly app: MainScreen,
  ) {}

  get pane(): Locator {
    return this.page.getByRole('region', { name: /^(Bài liên quan|Related articles)$/ });
  }

  get toggle(): Locator {
    return this.pane.getByRole('button', { name: /^(Bài liên quan|Related articles)$/ });
  }

  /** Section (a): the portal's own "Các bài viết khác" links that are stored. */
  get upstream(): Locator {
    return this.pane.getByRole('list', { name: /^(Các bài viết khác|More from the portal)$/ });
  }

  /** Section (b): content-similar articles, each with its reason. */
  get similar(): Locator {
    return this.pane.getByRole('list', { name: /^(Bài viết tương tự|Similar articles)$/ });
  }

  get similarItems(): Locator {
    return this.similar.getByRole('listitem');
  }

  /** The open buttons of a list, whose names are the article titles. */
  titles(list: Locator): Promise<string[]> {
    return list.getByRole('button').allInnerTexts();
  }

  /** Fails on any serious or critical axe violation with the pane showing, in every theme. */
  async expectAccessible(ready: () => Promise<void>) {
    const problems: string[] = [];
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await this.app.chooseTheme(theme);
      await ready();
      const results = await new AxeBuilder({ page: this.page }).analyze();
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    await this.app.chooseTheme('system');
    expect(problems).toEqual([]);
  }
}
