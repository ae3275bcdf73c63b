import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { SyncScreens } from './models/SyncScreens';

interface Portal {
  url: string;
  truth(): { articles: { url: string; title: string; category: string; publishedAt: string; images: unknown[] }[] };
  close(): Promise<void>;
}

const PORTAL_TITLE = 'Cổng thử nghiệm';
const BROKEN_TITLE = 'Nguồn cấp hỏng';
const RENAMED = 'Nguồn hỏng (đã sửa)';

let portal: Portal;
let portalOpen = false;

test.beforeAll(async () => {
  const mod = await import(path.resolve('../shared/portal/serve.mjs'));
  portal = await mod.startPortal({ articles: 300 });
  portalOpen = true;
});

test.afterAll(async () => {
  if (portalOpen) await portal.close();
});

const opml = (entries: { title: string; xmlUrl: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Thử</title></head><body>
${entries.map((e) => `  <outline type="rss" text="${e.title}" xmlUrl="${e.xmlUrl}"/>`).join('\n')}
</body></opml>`;

// One synced state is shared by every step: a full sync of 300 articles takes most of a minute here.
test('adds a portal, syncs it with live progress, logs failures, prepares a trip and reads offline with images', async ({ app, page }) => {
  test.setTimeout(360_000);
  const sync = new SyncScreens(page, app);
  const truth = portal.truth().articles;
  await app.open();

  await test.step('the add-source dialog explains a malformed feed, then discovers the portal', async () => {
    await sync.openAddDialog();
    await sync.discover(`${portal.url}/rss/loi.rss`);
    await expect(sync.addDialog.getByRole('alert')).toContainText('Nguồn cấp bị lỗi định dạng');
    await sync.discover(`${portal.url}/`);
    await expect(sync.addDialog.getByRole('checkbox', { name: /tin-moi\.rss/ })).toBeChecked();
    await expect(sync.addDialog.getByRole('checkbox', { name: /sitemap\.xml/ })).toBeChecked();
    await expect(sync.addDialog.getByRole('checkbox', { name: /Kinh doanh/ })).not.toBeChecked();
    await expect(sync.addDialog.getByRole('checkbox', { name: /Tải cả hình ảnh/ })).toBeChecked();
    await expect(sync.addDialog.getByRole('combobox', { name: 'Tự động đồng bộ' })).toHaveValue('off');
    const name = sync.addDialog.getByRole('textbox', { name: 'Tên nguồn' });
    await expect(name).toHaveValue('Tin mới');
    await name.fill(PORTAL_TITLE);
    await sync.addDialog.getByRole('button', { name: 'Thêm nguồn' }).click();
    await expect(sync.addDialog).toBeHidden();
    await expect(sync.source(PORTAL_TITLE)).toContainText('Chưa đồng bộ');
  });

  await test.step('the add-source, and later every sync view, has no serious accessibility problem', async () => {
    await sync.expectAccessible(async () => {
      await sync.openAddDialog();
      await sync.discover(`${portal.url}/`);
      await expect(sync.addDialog.getByRole('checkbox', { name: /tin-moi\.rss/ })).toBeVisible();
      return sync.addDialog;
    });
  });

  await test.step('a corrupt OPML file changes nothing; a good one adds the (now broken) feed', async () => {
    const before = await sync.sidebar.getByRole('listitem').count();
    await sync.importOpml('hong.opml', '<opml version="2.0"><body><outline text="x"');
    await expect(sync.sidebar.getByRole('alert')).toContainText('Tệp không phải là danh sách OPML hợp lệ');
    await expect(sync.sidebar.getByRole('listitem')).toHaveCount(before);
    await sync.importOpml('nguon.opml', opml([{ title: BROKEN_TITLE, xmlUrl: `${portal.url}/rss/loi.rss` }]));
    await expect(sync.sidebar).toContainText('Đã thêm 1 nguồn từ tệp OPML.');
    await expect(sync.source(BROKEN_TITLE)).toBeVisible();
  });

  await test.step('sync all shows live progress, and cancel stops it', async () => {
    await sync.toolbarButton(/^Đồng bộ tất cả$/).click();
    await expect(sync.status).toContainText(/Đang đồng bộ: tìm thấy \d+ · đã tải \d+ · đã lưu [1-9]\d* bài/, { timeout: 60_000 });
    await expect(sync.source(PORTAL_TITLE)).toContainText(/Đang đồng bộ/);
    await page.getByRole('button', { name: 'Hủy đồng bộ' }).click();
    await expect(sync.status).toContainText('Đồng bộ xong (Đã hủy)', { timeout: 30_000 });
    await expect(sync.source(PORTAL_TITLE)).toContainText('Đã hủy');
  });

  await test.step('sync all again completes the portal while the malformed feed fails clearly', async () => {
    await sync.toolbarButton(/^Đồng bộ tất cả$/).click();
    await expect(sync.status).toContainText('Đang đồng bộ');
    await expect(sync.status).toContainText('Đồng bộ xong (Xong một phần)', { timeout: 240_000 });
    await expect(sync.source(PORTAL_TITLE)).toContainText('Thành công');
    await expect(sync.source(BROKEN_TITLE)).toContainText('Thất bại');
    await expect(sync.source(BROKEN_TITLE)).toContainText('Lỗi: Nguồn cấp bị lỗi định dạng, không đọc được.');
    // Every article arrived, and counts as new until the source is opened.
    await expect(sync.sourceButton(PORTAL_TITLE)).toContainText(`${truth.length} mới`);
    await sync.sourceButton(PORTAL_TITLE).click();
    await expect(page.getByRole('heading', { name: /Danh sách bài viết/ })).toContainText(`(${truth.length} bài viết)`);
    await expect(sync.sourceButton(PORTAL_TITLE)).not.toContainText('mới');
  });

  await test.step('the sync log names the missing page and the malformed feed in plain words', async () => {
    await sync.toolbarButton(/^Nhật ký đồng bộ$/).click();
    const log = sync.logDialog;
    await expect(log.locator('li.sync-run').filter({ hasText: 'Đã hủy' })).toHaveCount(1);
    const done = log.locator('li.sync-run').first();
    await expect(done).toContainText('Xong một phần');
    await expect(done).toContainText(`${BROKEN_TITLE}: Nguồn cấp bị lỗi định dạng, không đọc được.`);
    const gone = done.getByRole('listitem').filter({ hasText: 'bai-da-go-999999' });
    await expect(gone).toContainText('Trang không còn tồn tại (lỗi 404).');
    await sync.close(log);
    await sync.expectAccessible(async () => {
      await sync.toolbarButton(/^Nhật ký đồng bộ$/).click();
      await expect(sync.logDialog.getByText('bai-da-go-999999').first()).toBeVisible();
      return sync.logDialog;
    });
  });

  await test.step('prepare for a trip: estimate, sync with a filter, and a completeness check', async () => {
    await sync.expectAccessible(async () => {
      await sync.toolbarButton(/^Chuẩn bị cho chuyến đi$/).click();
      await expect(sync.tripDialog.getByText(/bài đã có trong kho phù hợp/)).toBeVisible();
      return sync.tripDialog;
    });
    await sync.toolbarButton(/^Chuẩn bị cho chuyến đi$/).click();
    const trip = sync.tripDialog;
    await trip.getByRole('checkbox', { name: BROKEN_TITLE }).uncheck();
    await trip.getByRole('checkbox', { name: 'Thể thao' }).check();
    const sport = truth.filter((a) => a.category.normalize('NFC') === 'Thể thao').length;
    await expect(trip.getByText(/bài đã có trong kho phù hợp/)).toContainText(`${sport} bài đã có trong kho phù hợp`);
    await trip.getByRole('button', { name: 'Đồng bộ cho chuyến đi' }).click();
    await expect(trip.getByText(/Lần đồng bộ này đã tải/)).toBeVisible({ timeout: 120_000 });
    await expect(trip.getByText(`${sport}/${sport} bài đầy đủ chữ và ảnh`)).toBeVisible();
    await expect(trip.getByText('Mọi bài đã chọn đều có đủ chữ và ảnh trong kho.')).toBeVisible();
    await sync.close(trip);
  });

  await test.step('edit, pause, then remove the broken source through its menu', async () => {
    await sync.sourceMenu(BROKEN_TITLE, /^Sửa nguồn$/);
    const edit = sync.dialog(`Sửa nguồn «${BROKEN_TITLE}»`);
    await expect(edit.getByRole('checkbox', { name: /loi\.rss/ })).toBeChecked();
    await edit.getByRole('combobox', { name: 'Tự động đồng bộ' }).selectOption('daily');
    await edit.getByRole('textbox', { name: 'Tên nguồn' }).fill(RENAMED);
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(edit).toBeHidden();
    await expect(sync.source(RENAMED)).toBeVisible();
    await sync.sourceMenu(RENAMED, /^Sửa nguồn$/);
    const again = sync.dialog(`Sửa nguồn «${RENAMED}»`);
    await expect(again.getByRole('combobox', { name: 'Tự động đồng bộ' })).toHaveValue('daily');
    await sync.close(again);

    await sync.sourceMenu(RENAMED, /^Tạm dừng$/);
    await expect(sync.source(RENAMED)).toContainText('Đang tạm dừng');
    await expect(sync.source(RENAMED).getByRole('button', { name: `Đồng bộ ${RENAMED}` })).toBeDisabled();
    await sync.sourceMenu(RENAMED, /^Xóa nguồn$/);
    const confirm = page.getByRole('alertdialog', { name: `Xóa nguồn «${RENAMED}»?` });
    await expect(confirm).toContainText('0 bài viết của nguồn này sẽ bị xóa');
    await confirm.getByRole('button', { name: 'Xóa nguồn' }).click();
    await expect(sync.source(RENAMED)).toHaveCount(0);
    await expect(sync.source(PORTAL_TITLE)).toBeVisible();
  });

  await test.step('export writes an OPML file listing the portal', async () => {
    const download = page.waitForEvent('download');
    await sync.toolbarButton(/^Xuất OPML$/).click();
    const file = await (await download).path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain(`text="${PORTAL_TITLE}"`);
    expect(text).toContain(portal.url);
  });

  await test.step('with the portal gone, an article still shows its stored images', async () => {
    await portal.close();
    portalOpen = false;
    const newest = [...truth].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, 10);
    const withImages = newest.find((a) => a.images.length > 0)!;
    await app.option(new RegExp(withImages.title.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).click();
    await expect(app.readerTitle).toHaveText(withImages.title.normalize('NFC'));
    const images = app.reader.locator('.reader-body img');
    await expect(images).toHaveCount(withImages.images.length);
    await expect(images.first()).toHaveAttribute('src', /^blob:/);
    await expect
      .poll(() => images.evaluateAll((imgs) => (imgs as HTMLImageElement[]).every((img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'))))
      .toBe(true);
  });
});
