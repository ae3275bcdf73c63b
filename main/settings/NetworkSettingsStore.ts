import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseProxyUrl, type NetworkSettingsUpdate, type NetworkSettingsView, type ProxyMode } from '../../shared/model/network';
import type { Logger } from '../log/createLogger';
import type { ProxySetting } from '../sync/net/Fetcher';
import type { SecretCodec } from './secretCodec';

interface NetworkSettings {
  mode: ProxyMode;
  proxyUrl: string;
  username: string;
  password?: string;
}

const DEFAULTS: NetworkSettings = { mode: 'system', proxyUrl: '', username: '' };

const fileSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['system', 'none', 'manual']),
  proxyUrl: z.string().max(4096),
  username: z.string().max(1024),
  password: z.object({ enc: z.string().max(64), data: z.string().max(65_536) }).optional(),
});

/**
 * The network settings main owns, kept in `network.json` in the data folder. Written atomically (temp
 * file, fsync, rename) with mode 0600. A file that cannot be read or parsed gives the defaults and a
 * warning, never a crash; it is overwritten by the next save. The password leaves this class only as a
 * ProxySetting for the fetcher, never in a view.
 */
export class NetworkSettingsStore {
  private current: NetworkSettings;
  private readonly listeners = new Set<(setting: ProxySetting) => void>();

  constructor(
    readonly file: string,
    private readonly codec: SecretCodec,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {
    this.current = this.load();
  }

  view(): NetworkSettingsView {
    const { mode, proxyUrl, username, password } = this.current;
    return { mode, proxyUrl, username, passwordSet: password !== undefined, passwordStorage: this.codec.storage };
  }

  /** What the fetcher should do now. */
  proxySetting(): ProxySetting {
    const { mode, proxyUrl, username, password } = this.current;
    if (mode === 'manual') {
      return { mode, proxy: { url: proxyUrl, ...(username ? { username } : {}), ...(password !== undefined ? { password } : {}) } };
    }
    return { mode };
  }

  /** Told after every successful save. */
  onChange(listener: (setting: ProxySetting) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Validates, saves and applies. A bad proxy address throws `{ code: 'proxy-invalid-url' }` with the
   * problem in params and changes nothing. Credentials typed into the URL are moved to the fields.
   */
  update(update: NetworkSettingsUpdate): NetworkSettingsView {
    let proxyUrl = '';
    let username = update.username.trim();
    let password = update.password === undefined ? this.current.password : update.password || undefined;
    if (update.proxyUrl.trim() || update.mode === 'manual') {
      const parsed = parseProxyUrl(update.proxyUrl);
      if (!parsed.ok) {
        throw { code: 'proxy-invalid-url', message: `not a usable proxy address (${parsed.problem})`, params: { problem: parsed.problem } };
      }
      proxyUrl = parsed.url;
      if (parsed.username && !username) username = parsed.username;
      if (parsed.password !== undefined && !update.password) password = parsed.password;
    }
    const next: NetworkSettings = { mode: update.mode, proxyUrl, username, ...(password !== undefined ? { password } : {}) };
    this.save(next);
    this.current = next;
    this.logger.info(`network settings saved: ${next.mode}${next.mode === 'manual' ? ` via ${next.proxyUrl}` : ''}`);
    const setting = this.proxySetting();
    for (const listener of this.listeners) listener(setting);
    return this.view();
  }

  private load(): NetworkSettings {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn(`could not read ${path.basename(this.file)} (${(e as Error).message}); using the default network settings`);
      }
      return { ...DEFAULTS };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.logger.warn(`${path.basename(this.file)} is not valid JSON; using the default network settings`);
      return { ...DEFAULTS };
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      this.logger.warn(`${path.basename(this.file)} has unexpected content; using the default network settings`);
      return { ...DEFAULTS };
    }
    const f = parsed.data;
    const url = f.proxyUrl ? parseProxyUrl(f.proxyUrl) : undefined;
    if (url && !url.ok) {
      this.logger.warn(`${path.basename(this.file)} holds an unusable proxy address; using the default network settings`);
      return { ...DEFAULTS };
    }
    let password: string | undefined;
    if (f.password) {
      try {
        password = this.codec.decode(f.password);
      } catch (e) {
        this.logger.warn(`the saved proxy password could not be read (${(e as Error).message}); it must be entered again`);
      }
    }
    return { mode: f.mode, proxyUrl: url?.ok ? url.url : '', username: f.username, ...(password !== undefined ? { password } : {}) };
  }

  private save(s: NetworkSettings): void {
    const body = {
      version: 1,
      mode: s.mode,
      proxyUrl: s.proxyUrl,
      username: s.username,
      ...(s.password !== undefined ? { password: this.codec.encode(s.password) } : {}),
    };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      // Created 0600 from the start, so the password is never readable by others, not even briefly.
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeFileSync(fd, `${JSON.stringify(body, null, 2)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.file);
      fs.chmodSync(this.file, 0o600);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw { code: 'network-settings-write-failed', message: `could not save network settings: ${(e as Error).message}` };
    }
  }
}
