import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { translateError } from '../../../../renderer/i18n/translateError';

const LOCALES = path.resolve('renderer/i18n/locales');
const read = (lang: string, file: string) => JSON.parse(fs.readFileSync(path.join(LOCALES, lang, file), 'utf8'));

async function tFor(lang: 'vi' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: lang,
    resources: { [lang]: { translation: { ...read(lang, 'common.json'), ...read(lang, 'network.json') } } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('translateError for network codes', () => {
  it('finds proxy codes in the network locale file, in both languages', async () => {
    const vi = await tFor('vi');
    const en = await tFor('en');
    // 407 may come from the manual proxy or one the system picked: the text points to both places.
    expect(translateError(vi, { code: 'proxy-auth', message: 'x' })).toMatch(/từ chối.*Đăng nhập proxy hệ thống.*Proxy tự đặt/);
    expect(translateError(en, { code: 'proxy-auth', message: 'x' })).toMatch(/refused.*System proxy sign-in.*Manual proxy/);
    expect(translateError(vi, { code: 'proxy-unsupported', message: 'x' })).toMatch(/SOCKS/);
    expect(translateError(en, { code: 'network-settings-write-failed', message: 'EACCES' })).toBe('Could not save the network settings: EACCES');
    // Other codes still come from common.json.
    expect(translateError(en, { code: 'unsafe-url', message: 'x' })).toMatch(/http or https/);
  });
});
