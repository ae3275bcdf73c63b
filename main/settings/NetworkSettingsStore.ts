import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseProxyUrl, type NetworkSettingsUpdate, type NetworkSettingsView, type ProxyMode } from '../../shared/model/network';
import type { Logger } from '../log/createLogger';
import type { ProxySetting } from '../sync/net/Fetcher';
import type { SecretCodec, StoredSecret } from './secretCodec';

/**
 * The manual proxy's sign-in and the system proxy's are kept apart on purpose. The manual one was typed
 * for one known proxy; 'system' may hand requests to whatever proxy a PAC script or the environment
 * names (and that can change with the network). Sharing the fields would, after a switch to 'system',
 * offer the manual proxy's password to any proxy that asks for one.
 */
interface NetworkSettings {
  mode: ProxyMode;
  proxyUrl: string;
  username: string;
  password?: string;
  systemUsername: string;
  systemPassword?: string;
}

const DEFAULTS: NetworkSettings = { mode: 'system', proxyUrl: '', username: '', systemUsername: '' };

const storedSecret = z.object({ enc: z.string().max(64), data: z.string().max(65_536) });

const fileSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['system', 'none', 'manual']),
  proxyUrl: z.string().max(4096),
  username: z.string().max(1024),
  password: storedSecret.optional(),
  // Added later: files written before have neither and mean "no sign-in for the system proxy".
  systemUsername: z.string().max(1024).optional(),
  systemPassword: storedSecret.optional(),
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
    const { mode, proxyUrl, username, password, systemUsername, systemPassword } = this.current;
    return {
      mode,
      proxyUrl,
      username,
      passwordSet: password !== undefined,
      passwordStorage: this.codec.storage,
      systemUsername,
      systemPasswordSet: systemPassword !== undefined,
    };
  }

  /** What the fetcher should do now. */
  proxySetting(): ProxySetting {
    const { mode, proxyUrl, username, password, systemUsername, systemPassword } = this.current;
    if (mode === 'manual') {
      return { mode, proxy: { url: proxyUrl, ...(username ? { username } : {}), ...(password !== undefined ? { password } : {}) } };
    }
    if (mode === 'system' && (systemUsername || systemPassword !== undefined)) {
      return { mode, credentials: { username: systemUsername, password: systemPassword ?? '' } };
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
    const systemUsername = update.systemUsername === undefined ? this.current.systemUsername : update.systemUsername.trim();
    const systemPassword =
      update.systemPassword === undefined ? this.current.systemPassword : update.systemPassword || undefined;
    const next: NetworkSettings = {
      mode: update.mode,
      proxyUrl,
      username,
      ...(password !== undefined ? { password } : {}),
      systemUsername,
      ...(systemPassword !== undefined ? { systemPassword } : {}),
    };
    this.save(next);
    this.current = next;
    const signIn = next.mode === 'system' && (next.systemUsername || next.systemPassword !== undefined) ? ' (sign-in offered if the proxy asks)' : '';
    this.logger.info(`network settings saved: ${next.mode}${next.mode === 'manual' ? ` via ${next.proxyUrl}` : signIn}`);
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
    const password = this.readSecret(f.password, 'proxy password');
    const systemPassword = this.readSecret(f.systemPassword, 'password for the system proxy');
    return {
      mode: f.mode,
      proxyUrl: url?.ok ? url.url : '',
      username: f.username,
      ...(password !== undefined ? { password } : {}),
      systemUsername: f.systemUsername ?? '',
      ...(systemPassword !== undefined ? { systemPassword } : {}),
    };
  }

  private readSecret(stored: StoredSecret | undefined, what: string): string | undefined {
    if (!stored) return undefined;
    try {
      return this.codec.decode(stored);
    } catch (e) {
      this.logger.warn(`the saved ${what} could not be read (${(e as Error).message}); it must be entered again`);
      return undefined;
    }
  }

  private save(s: NetworkSettings): void {
    const body = {
      version: 1,
      mode: s.mode,
      proxyUrl: s.proxyUrl,
      username: s.username,
      ...(s.password !== undefined ? { password: this.codec.encode(s.password) } : {}),
      ...(s.systemUsername ? { systemUsername: s.systemUsername } : {}),
      ...(s.systemPassword !== undefined ? { systemPassword: this.codec.encode(s.systemPassword) } : {}),
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
