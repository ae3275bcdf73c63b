import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { NetworkSettings } from './models/NetworkSettings';

test('a manual proxy with credentials is kept across a reload; the password is never shown', async ({ app, page, host }) => {
  await app.open();
  const net = new NetworkSettings(page);
  await net.open();
  await expect(net.mode('Hệ thống')).toBeChecked();
  await expect(net.url).toBeDisabled();

  await net.mode('Tự đặt').check();
  await net.url.fill('proxy.coquan.gov.vn:3128');
  await net.username.fill('nhanvien');
  await net.password.fill('mật-khẩu bí mật');
  await net.save();
  await expect(net.dialog.getByText('Đã lưu cài đặt mạng.')).toBeVisible();
  // Main's normalized address comes back.
  await expect(net.url).toHaveValue('http://proxy.coquan.gov.vn:3128');

  // Browser mode keeps the file owner-only, with the password as the README says.
  const file = path.join(host.dataDir, 'network.json');
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ mode: 'manual', proxyUrl: 'http://proxy.coquan.gov.vn:3128', username: 'nhanvien' });

  await page.reload();
  await app.list.waitFor();
  await net.open();
  await expect(net.mode('Tự đặt')).toBeChecked();
  await expect(net.url).toHaveValue('http://proxy.coquan.gov.vn:3128');
  await expect(net.username).toHaveValue('nhanvien');
  await expect(net.password).toHaveValue('');
  await expect(net.dialog.getByText(/Đã lưu mật khẩu/)).toBeVisible();
  await expect(net.dialog).not.toContainText('bí mật');

  await net.expectNoSeriousAxeViolations();
  // The system proxy's sign-in is not shown for a manual proxy.
  await expect(net.systemUsername).toHaveCount(0);

  // Back to the system proxy, so other tests on this host start from the default.
  await net.mode('Hệ thống').check();
  await net.save();
  await expect(net.dialog.getByText('Đã lưu cài đặt mạng.')).toBeVisible();
  await net.close();
});

test('an invalid proxy address shows a translated error and saves nothing', async ({ app, page, host }) => {
  await app.open();
  const net = new NetworkSettings(page);
  await net.open();
  const before = fs.existsSync(path.join(host.dataDir, 'network.json')) ? fs.readFileSync(path.join(host.dataDir, 'network.json'), 'utf8') : null;

  await net.mode('Tự đặt').check();
  await net.url.fill('socks5://127.0.0.1:1080');
  await net.save();
  await expect(net.error).toHaveText(/chỉ hỗ trợ proxy HTTP hoặc HTTPS/);
  await expect(net.url).toHaveAttribute('aria-invalid', 'true');
  await expect(net.url).toBeFocused();

  await net.url.fill('http://proxy:3128/duong-dan');
  await net.save();
  await expect(net.error).toHaveText(/không có đường dẫn/);

  await net.close();
  await app.chooseLanguage('English');
  await page.getByRole('button', { name: 'Network' }).click();
  await net.dialog.getByRole('radio', { name: /^Manual/ }).check();
  await net.url.fill('ftp://proxy:21');
  await net.save();
  await expect(net.error).toHaveText(/only HTTP and HTTPS proxies/);
  await net.close();
  await app.chooseLanguage('Tiếng Việt');

  const after = fs.existsSync(path.join(host.dataDir, 'network.json')) ? fs.readFileSync(path.join(host.dataDir, 'network.json'), 'utf8') : null;
  expect(after).toBe(before);
});

test("a sign-in for the system proxy is kept apart from the manual one; its password is never shown", async ({ app, page, host }) => {
  await app.open();
  const net = new NetworkSettings(page);
  await net.open();
  await expect(net.mode('Hệ thống')).toBeChecked();
  await expect(net.dialog.getByText(/Chỉ dùng khi proxy mà hệ thống chọn yêu cầu đăng nhập/)).toBeVisible();
  await expect(net.systemUsername).toHaveValue('');
  await expect(net.clearSystemPassword).toHaveCount(0);

  const file = path.join(host.dataDir, 'network.json');
  const manualBefore: unknown = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).password : undefined;
  await net.systemUsername.fill('cq\\nhanvien');
  await net.systemPassword.fill('mật khẩu hệ thống');
  await net.save();
  await expect(net.dialog.getByText('Đã lưu cài đặt mạng.')).toBeVisible();
  await expect(net.systemPassword).toHaveValue('');

  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(saved).toMatchObject({ mode: 'system', systemUsername: 'cq\\nhanvien', systemPassword: { enc: 'plain', data: 'mật khẩu hệ thống' } });
  // The manual proxy's password (another test may have left one) is neither replaced nor reused.
  expect(saved.password).toEqual(manualBefore);

  await page.reload();
  await app.list.waitFor();
  await net.open();
  await expect(net.systemUsername).toHaveValue('cq\\nhanvien');
  await expect(net.systemPassword).toHaveValue('');
  await expect(net.systemPassword).toHaveAccessibleDescription(/Đã lưu mật khẩu/);
  await expect(net.dialog).not.toContainText('mật khẩu hệ thống');
  await net.expectNoSeriousAxeViolations();
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

  // Switching to a manual proxy hides the system sign-in and keeps it stored.
  await net.mode('Tự đặt').check();
  await expect(net.systemUsername).toHaveCount(0);
  await net.mode('Hệ thống').check();
  await expect(net.systemUsername).toHaveValue('cq\\nhanvien');

  await net.close();
  await app.chooseLanguage('English');
  await page.getByRole('button', { name: 'Network' }).click();
  await expect(net.systemUsername).toHaveValue('cq\\nhanvien');
  await expect(net.dialog.getByText(/Used only when the proxy the system picks asks for a sign-in/)).toBeVisible();
  // Back to the defaults, so other tests on this host start from them.
  await net.clearSystemPassword.check();
  await net.systemUsername.fill('');
  await net.save();
  await expect(net.dialog.getByText('Network settings saved.')).toBeVisible();
  await expect(net.clearSystemPassword).toHaveCount(0);
  await expect(net.systemPassword).toHaveAccessibleDescription(/No password saved/);
  const after = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(after.systemUsername).toBeUndefined();
  expect(after.systemPassword).toBeUndefined();
  await net.close();
  await app.chooseLanguage('Tiếng Việt');
});
