import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../main/api/createHandlers';
import { dispatchCall } from '../../../../main/api/dispatchCall';
import type { SyncService } from '../../../../main/sync/SyncService';
import type { OpmlImport } from '../../../../shared/model/opml';
import { tempLogger } from '../../testLogger';

function handlers(discover: SyncService['discover'] = async () => Promise.reject(new Error('unused'))) {
  const sync: SyncService = { discover, start: () => 'run-1', cancel: () => undefined, ack: () => undefined, resume: () => [], shutdown: async () => undefined };
  return createHandlers({ host: 'browser', version: '0', dataDir: '/tmp/x', logger: tempLogger(), openExternal: async () => undefined, sync, emit: () => undefined });
}

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Nguồn của tôi</title></head><body>
  <outline text="Thời sự">
    <outline type="rss" text="Tin mới" xmlUrl="https://cong.example.vn/rss/tin-moi.rss" htmlUrl="https://cong.example.vn/"/>
  </outline>
  <outline type="link" text="Cổng" url="https://cong.example.vn/" archiveReaderKind="portal"/>
  <outline type="rss" text="Hỏng" xmlUrl="javascript:alert(1)"/>
</body></opml>`;

describe('OPML over the typed API', () => {
  it('imports subscriptions with folders and kinds, counting unusable outlines', async () => {
    const r = await dispatchCall(handlers(), 'importOpml', OPML);
    expect(r.ok).toBe(true);
    const value = (r as { value: OpmlImport }).value;
    expect(value.skipped).toBe(1);
    expect(value.entries).toEqual([
      { url: 'https://cong.example.vn/rss/tin-moi.rss', title: 'Tin mới', kind: 'rss', htmlUrl: 'https://cong.example.vn/', category: 'Thời sự' },
      { url: 'https://cong.example.vn/', title: 'Cổng', kind: 'portal' },
    ]);
  });

  it('refuses a corrupt file with malformed-opml, and a non-string argument before parsing', async () => {
    expect(await dispatchCall(handlers(), 'importOpml', '<opml><body><outline')).toMatchObject({ ok: false, error: { code: 'malformed-opml' } });
    expect(await dispatchCall(handlers(), 'importOpml', '<rss><channel/></rss>')).toMatchObject({ ok: false, error: { code: 'malformed-opml' } });
    expect(await dispatchCall(handlers(), 'importOpml', { text: OPML })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('exports what it imports (round trip), and validates entries', async () => {
    const api = handlers();
    const entries = [
      { url: 'https://cong.example.vn/', title: 'Cổng "chính" & phụ', kind: 'portal' as const },
      { url: 'https://cong.example.vn/atom.xml', title: 'Atom', kind: 'atom' as const, category: 'Tin' },
      { url: 'https://cong.example.vn/sitemap.xml', title: 'Sơ đồ', kind: 'sitemap' as const },
    ];
    const out = await dispatchCall(api, 'exportOpml', entries);
    expect(out.ok).toBe(true);
    const text = (out as { value: string }).value;
    expect(text).toContain('<opml version="2.0">');
    const back = await dispatchCall(api, 'importOpml', text);
    expect((back as { value: OpmlImport }).value.entries).toEqual(expect.arrayContaining(entries.map((e) => expect.objectContaining(e))));
    expect(await dispatchCall(api, 'exportOpml', [{ url: 'file:///etc/passwd', title: 'x', kind: 'rss' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('passes the HTTP status of a failed discovery on as a parameter', async () => {
    const api = handlers(async () => {
      throw Object.assign(new Error('HTTP 404 from https://x.vn/'), { code: 'http-status', status: 404 });
    });
    expect(await dispatchCall(api, 'discoverSource', 'https://x.vn/')).toMatchObject({ ok: false, error: { code: 'http-status', params: { status: 404 } } });
  });
});
