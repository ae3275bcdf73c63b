import { fullJitterDelay } from './backoff';
import { realClock, sleepUntil, type Clock } from './clock';
import { abortable } from './abortable';
import { FetchError } from './FetchError';
import { HostLimiter } from './HostLimiter';
import { parseRetryAfter } from './retryAfter';
import { BodyReadError, readBody } from './readBody';
import { closeAgent, fetchRequest, loadUndici, undiciRequest, type HttpRequest, type HttpResponse } from './httpTransport';
import { describeNetworkError, isProxyAuthRefusal, isProxyUnreachable } from './networkErrors';
import { RobotsCache, type RobotsRules } from './RobotsCache';
import { ROBOTS_AGENT, userAgentFor } from './userAgent';
import { parsePacResult, usablePacRoutes, type PacRoute, type ProxyResolver } from './pacResult';

/** An explicit HTTP(S) proxy. Credentials may be given here or in the URL's userinfo. */
export interface ProxyConfig {
  /** e.g. `http://proxy.example:3128` */
  url: string;
  username?: string;
  password?: string;
}

/** A user name and password for whichever proxy the system picks. */
export interface ProxyCredentials {
  username: string;
  password: string;
}

/**
 * Which way requests go. 'system' asks `resolveProxy` per origin (Electron's system settings, or the
 * environment in browser mode), with optional `credentials` offered only to a system proxy that asks
 * for them (407); 'none' always connects directly; 'manual' uses one explicit proxy.
 */
export type ProxySetting =
  | { mode: 'system'; credentials?: ProxyCredentials }
  | { mode: 'none' }
  | { mode: 'manual'; proxy: ProxyConfig };

export interface FetcherOptions {
  /** Goes into the User-Agent (`ArchiveReader/<appVersion> (+offline reader)`); pass `app.getVersion()`. Default 'dev'. */
  appVersion?: string;
  /** Simultaneous requests per host (host:port). Default 4. */
  perHostConcurrency?: number;
  /** Abort an attempt when response headers have not arrived after this long (covers DNS, connect, TLS, server think time). Default 15 000. */
  connectTimeoutMs?: number;
  /** Abort an attempt that has not finished (headers and body) after this long. Default 60 000. */
  totalTimeoutMs?: number;
  /** Largest body accepted, in bytes. Default 20 MiB. */
  maxBytes?: number;
  /** Redirect hops followed before giving up with 'redirect-loop'. Default 10. */
  maxRedirects?: number;
  /** Retries after the first attempt, for network errors, truncated bodies, timeouts, 408, 429 and 5xx. Default 4. */
  retries?: number;
  /** Full-jitter backoff: retry n waits random·min(backoffMaxMs, backoffBaseMs·2ⁿ). Defaults 500 / 30 000. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this is not waited out; the request fails with 'http-status' and `retryAfterMs`. Default 120 000. */
  maxRetryAfterMs?: number;
  /**
   * Also hold back every other request to the host until a 429/503 Retry-After has passed
   * (the throttled request itself always waits it out). Default false: the per-host
   * concurrency limit already bounds the load, and a portal that throttles every Nth
   * request would otherwise stall the whole sync for a second each time.
   */
  pauseHostOnRetryAfter?: boolean;
  /** Honour robots.txt (Disallow and Crawl-delay). Default true. */
  respectRobots?: boolean;
  /** How long a fetched robots.txt is trusted. Default 24 h. */
  robotsTtlMs?: number;
  /** Upper bound on an honoured Crawl-delay. Default 60 000. */
  maxCrawlDelayMs?: number;
  /**
   * Opaque undici Dispatcher for direct connections (e.g. an undici `Agent` the caller configured), used
   * instead of the fetcher's own Agent: passed to undici's `request` (the package's, so it must come from
   * a compatible undici), or to `fetchImpl` as `init.dispatcher` when that is given. Mutually exclusive with `proxy`.
   */
  dispatcher?: unknown;
  /** Route every request through this proxy (undici's `request` + ProxyAgent). Mutually exclusive with `dispatcher`. Same as `network: { mode: 'manual', proxy }`. */
  proxy?: ProxyConfig;
  /**
   * The proxy choice; changeable later with `setNetwork`. Default: 'manual' when `proxy` is given,
   * else 'system' when `resolveProxy` is given, else 'none'. `dispatcher` and `fetchImpl` serve the
   * direct connections only.
   */
  network?: ProxySetting;
  /** Answers the system proxy for a URL in PAC form ("DIRECT", "PROXY host:port; DIRECT"). */
  resolveProxy?: ProxyResolver;
  /** How long the system proxy answer for an origin is reused. Default 5 minutes. */
  systemProxyTtlMs?: number;
  /** Told once per distinct problem worth a log line (e.g. the system offers only a SOCKS proxy). */
  onWarning?: (message: string) => void;
  /**
   * A WHATWG fetch for direct connections instead of undici's `request` (tests that observe or fake the
   * exchange). Proxied requests still go through undici.
   */
  fetchImpl?: typeof fetch;
  /**
   * Told of every response as its headers arrive (each attempt, redirect hop and robots.txt), before its
   * body is read; for diagnostics and benchmarks. Must not throw.
   */
  onResponse?: (url: string, status: number, headers: Readonly<Record<string, string>>) => void;
  clock?: Clock;
  /** Uniform [0,1) source for backoff jitter. */
  random?: () => number;
  /** Cancels everything this fetcher does (e.g. the user pressed "Stop sync"). */
  signal?: AbortSignal;
  /** Told before every retry wait; for the sync log. */
  onRetry?: (event: RetryEvent) => void;
}

export interface FetchOptions {
  /** Validators from the previous fetch; a match yields `{ status: 304, notModified: true }`. */
  etag?: string;
  lastModified?: string;
  /** Accept header. Default '*\/*'. */
  accept?: string;
  signal?: AbortSignal;
  maxBytes?: number;
  retries?: number;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-cased header names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Empty for 304. */
  body: Uint8Array;
  etag?: string;
  lastModified?: string;
  notModified: boolean;
}

export interface RetryEvent {
  url: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: FetchError;
}

interface Transport {
  request: HttpRequest;
  dispatcher?: unknown;
  close?: () => Promise<void>;
  /** `host:port` of the proxy in use, for messages (never credentials). */
  via?: string;
}

/** A transport chosen from the system's proxy list, and what to do if its proxy cannot be reached. */
interface RoutedTransport extends Transport {
  /** The PAC route's proxy URL, when the request goes through a system proxy. */
  proxyKey?: string;
  /** Whether another route of the list is left to fail over to. */
  hasFallback?: boolean;
  /** The system proxy was sent without credentials although some are configured: a 407 earns one credentialed retry. */
  mayAuthenticate?: boolean;
  /** The request carries the configured system-proxy credentials (the proxy asked for them before). */
  sentSystemCredentials?: boolean;
}

interface HopResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

interface HostState {
  /** No request to this host starts before this time (Retry-After on 429/503, with pauseHostOnRetryAfter). */
  pausedUntil: number;
  /** Next start time reserved under Crawl-delay. */
  nextStartAt: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024;
const FAILED_RESOLVE_TTL_MS = 30_000;
/** A system proxy that could not be reached is passed over this long, as Chromium does. */
const BAD_PROXY_MS = 5 * 60_000;

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

function isRetryable(e: FetchError): boolean {
  if (e.code === 'network' || e.code === 'timeout') return true;
  return e.code === 'http-status' && e.status !== undefined && isRetryableStatus(e.status);
}

/**
 * HTTP GET for sync: polite (robots.txt, identifying User-Agent, per-host
 * concurrency, Crawl-delay, Retry-After), robust (timeouts, retries with
 * full-jitter backoff, truncated-body detection, size caps) and cancellable.
 * Every failure is a FetchError.
 */
export class Fetcher {
  readonly userAgent: string;
  private readonly o: Required<
    Pick<
      FetcherOptions,
      | 'connectTimeoutMs' | 'totalTimeoutMs' | 'maxBytes' | 'maxRedirects' | 'retries' | 'backoffBaseMs'
      | 'backoffMaxMs' | 'maxRetryAfterMs' | 'respectRobots' | 'maxCrawlDelayMs' | 'pauseHostOnRetryAfter'
    >
  >;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;
  private readonly hosts = new Map<string, HostState>();
  private readonly signal?: AbortSignal;
  private readonly onRetry?: (event: RetryEvent) => void;
  private setting: ProxySetting;
  private readonly proxyTtlMs: number;
  /** One undici ProxyAgent per distinct proxy (address + credentials), made on first use. */
  private agents = new Map<string, Promise<Transport>>();
  /** Agents replaced by a settings change; they finish their requests, then close. */
  private retiring: Promise<unknown>[] = [];
  private routes = new Map<string, { expires: number; route: Promise<PacRoute[]> }>();
  /** System proxies that refused a connection, until when they are passed over. */
  private readonly badProxies = new Map<string, number>();
  /** Errors of a proxy just marked bad with another route left: retried at once, not after a backoff. */
  private readonly failovers = new WeakSet<FetchError>();
  /**
   * System proxies (PAC route URL, i.e. scheme://host:port) that answered 407, so requests through them
   * carry the configured credentials from the start. Forgotten when the settings change.
   */
  private readonly proxiesWantingAuth = new Set<string>();
  /** 407s from a system proxy sent no credentials while some are configured: retried at once with them. */
  private readonly authChallenges = new WeakSet<FetchError>();
  private readonly warned = new Set<string>();
  /** Direct connections: undici with one Agent (connection pool) for the fetcher's life, made on first use. */
  private direct?: Promise<Transport>;

  constructor(private readonly options: FetcherOptions = {}) {
    if (options.proxy && options.dispatcher !== undefined) {
      throw new TypeError('Fetcher: pass either `proxy` or `dispatcher`, not both');
    }
    if (options.proxy && options.network) {
      throw new TypeError('Fetcher: pass either `proxy` or `network`, not both');
    }
    this.setting =
      options.network ??
      (options.proxy ? { mode: 'manual', proxy: options.proxy } : options.resolveProxy ? { mode: 'system' } : { mode: 'none' });
    this.proxyTtlMs = options.systemProxyTtlMs ?? 5 * 60_000;
    this.userAgent = userAgentFor(options.appVersion ?? 'dev');
    this.o = {
      connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
      totalTimeoutMs: options.totalTimeoutMs ?? 60_000,
      maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 10,
      retries: options.retries ?? 4,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      respectRobots: options.respectRobots ?? true,
      maxCrawlDelayMs: options.maxCrawlDelayMs ?? 60_000,
      pauseHostOnRetryAfter: options.pauseHostOnRetryAfter ?? false,
    };
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.signal = options.signal;
    this.onRetry = options.onRetry;
    this.limiter = new HostLimiter(options.perHostConcurrency ?? 4);
    this.robots = new RobotsCache(
      async (robotsUrl, signal) =>
        (await this.run(robotsUrl, { signal, maxBytes: ROBOTS_MAX_BYTES, accept: 'text/plain' }, false)).body,
      ROBOTS_AGENT,
      this.clock,
      options.robotsTtlMs,
    );
  }

  /**
   * GET `url`. Resolves for 2xx and 304; throws FetchError for everything else.
   * An arrow property, so `fetcher.fetch` can be handed around as a FetchLike unbound.
   */
  readonly fetch = (url: string, options: FetchOptions = {}): Promise<FetchResult> =>
    this.run(url, options, this.o.respectRobots);

  /** The robots.txt rules for `url`'s origin (fetched once per origin); exposes `Sitemap:` lines for discovery. */
  robotsFor(url: string, signal?: AbortSignal): Promise<RobotsRules> {
    return this.robots.rulesFor(url, this.combine(signal));
  }

  /** The proxy choice in force. */
  get network(): ProxySetting {
    return this.setting;
  }

  /**
   * Applies to the next request: cached system-proxy answers and robots.txt (which may have been read
   * through the old route, or failed because of it) are forgotten, and the old proxy agents close once
   * their requests finish.
   */
  setNetwork(setting: ProxySetting): void {
    if (setting.mode === 'manual' && this.options.dispatcher !== undefined) {
      throw new TypeError('Fetcher: a manual proxy cannot be combined with an injected `dispatcher`');
    }
    this.setting = setting;
    this.routes.clear();
    this.badProxies.clear();
    // New credentials (or none) are again offered only after a challenge, and the PAC may now name other proxies.
    this.proxiesWantingAuth.clear();
    this.robots.clear();
    const old = [...this.agents.values()];
    this.agents = new Map();
    this.retiring.push(...old.map((t) => t.then((x) => x.close?.()).catch(() => undefined)));
  }

  /** Releases every connection pool created so far (a later request makes new ones). */
  async close(): Promise<void> {
    const agents = [...this.agents.values(), ...(this.direct ? [this.direct] : [])];
    this.agents = new Map();
    this.direct = undefined;
    await Promise.all([...this.retiring, ...agents.map((t) => t.then((x) => x.close?.()).catch(() => undefined))]);
    this.retiring = [];
  }

  private async run(url: string, options: FetchOptions, checkRobots: boolean): Promise<FetchResult> {
    const signal = this.combine(options.signal);
    const requested = this.parseUrl(url, url);
    const maxBytes = options.maxBytes ?? this.o.maxBytes;
    const retries = options.retries ?? this.o.retries;
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: options.accept ?? '*/*',
      'accept-language': 'vi,en;q=0.5',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;

    let current = requested;
    const seen = new Set([current.href]);
    for (let hop = 0; ; hop++) {
      this.throwIfCancelled(signal, current.href);
      let crawlDelayMs = 0;
      if (checkRobots) {
        const rules = await this.robots.rulesFor(current.href, signal).catch((e) => {
          throw this.asFetchError(e, current.href, signal);
        });
        if (!rules.isAllowed(current.href)) {
          throw new FetchError('robots-disallowed', `robots.txt of ${current.origin} does not allow ${current.href}`, {
            url: current.href,
          });
        }
        crawlDelayMs = Math.min(rules.crawlDelayMs ?? 0, this.o.maxCrawlDelayMs);
      }

      const res = await this.withRetries(current.href, headers, maxBytes, retries, crawlDelayMs, signal);

      if (REDIRECT_STATUSES.has(res.status)) {
        const location = res.headers['location'];
        if (!location) {
          throw new FetchError('http-status', `HTTP ${res.status} redirect without a Location header from ${current.href}`, {
            url: current.href, status: res.status,
          });
        }
        const next = this.parseUrl(location, current.href, current.href);
        if (seen.has(next.href)) {
          throw new FetchError('redirect-loop', `redirect loop: ${next.href} was already visited`, { url: requested.href });
        }
        if (hop + 1 > this.o.maxRedirects) {
          throw new FetchError('redirect-loop', `more than ${this.o.maxRedirects} redirects starting at ${requested.href}`, {
            url: requested.href,
          });
        }
        seen.add(next.href);
        current = next;
        continue;
      }

      const notModified = res.status === 304;
      return {
        url: requested.href,
        finalUrl: current.href,
        status: res.status,
        headers: res.headers,
        body: res.body,
        // A 304 may omit validators; the ones we sent are still the current ones.
        etag: res.headers['etag'] ?? (notModified ? options.etag : undefined),
        lastModified: res.headers['last-modified'] ?? (notModified ? options.lastModified : undefined),
        notModified,
      };
    }
  }

  private async withRetries(
    url: string,
    headers: Record<string, string>,
    maxBytes: number,
    retries: number,
    crawlDelayMs: number,
    signal: AbortSignal | undefined,
  ): Promise<HopResponse> {
    let answeredChallenge = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(url, headers, maxBytes, crawlDelayMs, signal);
      } catch (e) {
        const err = this.asFetchError(e, url, signal);
        if (this.failovers.has(err)) {
          // The next route of the system's list, now: a retry is for the target, not for a dead proxy.
          attempt--;
          continue;
        }
        if (this.authChallenges.has(err) && !answeredChallenge) {
          // The proxy asked for a sign-in: answer it at once. Once only, so refused credentials end here.
          answeredChallenge = true;
          attempt--;
          continue;
        }
        if (!isRetryable(err) || attempt >= retries) throw err;
        if (err.retryAfterMs !== undefined && err.retryAfterMs > this.o.maxRetryAfterMs) throw err;
        const now = this.clock.now();
        const backoff = fullJitterDelay(attempt, this.o.backoffBaseMs, this.o.backoffMaxMs, this.random);
        const delayMs = Math.max(backoff, err.retryAfterMs ?? 0);
        this.onRetry?.({ url, retry: attempt + 1, delayMs, error: err });
        await sleepUntil(this.clock, now + delayMs, signal).catch(() => {
          throw this.cancelled(url);
        });
      }
    }
  }

  private async attempt(
    url: string,
    headers: Record<string, string>,
    maxBytes: number,
    crawlDelayMs: number,
    outer: AbortSignal | undefined,
  ): Promise<HopResponse> {
    const host = new URL(url).host;
    const release = await this.acquireHost(host, url, outer);
    const ctl = new AbortController();
    let timedOut: 'connect' | 'total' | undefined;
    const onOuter = () => ctl.abort(outer?.reason);
    outer?.addEventListener('abort', onOuter, { once: true });
    if (outer?.aborted) ctl.abort(outer.reason);
    let totalTimer: ReturnType<typeof setTimeout> | undefined;
    let connectTimer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (crawlDelayMs > 0) await this.reserveCrawlSlot(host, crawlDelayMs, url, outer);
      totalTimer = setTimeout(() => {
        timedOut ??= 'total';
        ctl.abort();
      }, this.o.totalTimeoutMs);
      connectTimer = setTimeout(() => {
        timedOut ??= 'connect';
        ctl.abort();
      }, this.o.connectTimeoutMs);

      let via: string | undefined;
      let transport: RoutedTransport | undefined;
      const fail = (e: unknown, during: string): FetchError => {
        if (e instanceof FetchError) return e;
        if (outer?.aborted) return this.cancelled(url);
        if (timedOut === 'connect') {
          return new FetchError('timeout', `no response from ${host} within ${this.o.connectTimeoutMs} ms`, { url, cause: e });
        }
        if (timedOut === 'total') {
          return new FetchError('timeout', `${url} did not finish within ${this.o.totalTimeoutMs} ms`, { url, cause: e });
        }
        if (e instanceof BodyReadError) {
          return e.reason === 'too-large'
            ? new FetchError('too-large', `${url}: ${e.message}`, { url })
            : new FetchError('network', `${url}: ${e.message}`, { url, cause: e.cause ?? e });
        }
        if (via && isProxyAuthRefusal(e)) {
          const why = !transport?.proxyKey
            ? 'refused our credentials'
            : transport.sentSystemCredentials
              ? 'refused the user name and password set for the system proxy'
              : this.setting.mode === 'system' && this.setting.credentials
                ? 'asks for a sign-in'
                : 'asks for a sign-in, and no user name and password are set for the system proxy';
          return new FetchError('proxy-auth', `the proxy ${via} ${why} (407) for ${url}`, { url, cause: e });
        }
        const through = via ? ` through the proxy ${via}` : '';
        return new FetchError('network', `${during} ${url}${through} failed: ${describeNetworkError(e)}`, { url, cause: e });
      };

      let res: HttpResponse;
      try {
        transport = await this.transportFor(url, ctl.signal);
        via = transport.via;
        res = await transport.request(url, { headers, signal: ctl.signal, dispatcher: transport.dispatcher });
      } catch (e) {
        const err = fail(e, 'requesting');
        if (transport?.proxyKey && err.code === 'network' && isProxyUnreachable(e) && this.markProxyBad(transport.proxyKey, err) && transport.hasFallback) {
          this.failovers.add(err);
        }
        if (transport?.proxyKey && transport.mayAuthenticate && err.code === 'proxy-auth') {
          this.proxiesWantingAuth.add(transport.proxyKey);
          this.authChallenges.add(err);
        }
        throw err;
      } finally {
        clearTimeout(connectTimer);
      }

      const { status, headers: resHeaders } = res;
      try {
        this.options.onResponse?.(url, status, resHeaders);
      } catch (e) {
        res.discard();
        throw e;
      }

      if (REDIRECT_STATUSES.has(status) || status === 304) {
        res.discard();
        return { status, headers: resHeaders, body: new Uint8Array(0) };
      }
      if (status < 200 || status >= 300) {
        res.discard();
        let retryAfterMs: number | undefined;
        if (status === 429 || status === 503) {
          retryAfterMs = parseRetryAfter(resHeaders['retry-after'], this.clock.now());
          if (retryAfterMs !== undefined && this.o.pauseHostOnRetryAfter) this.pauseHost(host, this.clock.now() + retryAfterMs);
        }
        throw new FetchError('http-status', `HTTP ${status} from ${url}`, { url, status, retryAfterMs });
      }

      let body: Uint8Array;
      try {
        body = await readBody(res, maxBytes);
      } catch (e) {
        throw fail(e, 'reading');
      }
      return { status, headers: resHeaders, body };
    } finally {
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      outer?.removeEventListener('abort', onOuter);
      release();
    }
  }

  /** Waits out any host-wide pause, then takes a concurrency slot. */
  private async acquireHost(host: string, url: string, signal: AbortSignal | undefined): Promise<() => void> {
    for (;;) {
      const state = this.hostState(host);
      try {
        await sleepUntil(this.clock, state.pausedUntil, signal);
      } catch {
        throw this.cancelled(url);
      }
      const release = await this.limiter.acquire(host, signal).catch(() => {
        throw this.cancelled(url);
      });
      // Another request may have been told to back off while we queued.
      if (this.clock.now() >= state.pausedUntil) return release;
      release();
    }
  }

  private async reserveCrawlSlot(host: string, delayMs: number, url: string, signal: AbortSignal | undefined): Promise<void> {
    const state = this.hostState(host);
    const startAt = Math.max(this.clock.now(), state.nextStartAt);
    state.nextStartAt = startAt + delayMs;
    await sleepUntil(this.clock, startAt, signal).catch(() => {
      throw this.cancelled(url);
    });
  }

  private pauseHost(host: string, until: number): void {
    const state = this.hostState(host);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  private hostState(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { pausedUntil: 0, nextStartAt: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** How this request goes out, decided per request so a settings change applies to the next one. */
  private async transportFor(url: string, signal: AbortSignal): Promise<RoutedTransport> {
    const setting = this.setting;
    if (setting.mode === 'manual') return this.proxyTransport(setting.proxy);
    if (setting.mode === 'none' || !this.options.resolveProxy) return this.directTransport();
    const routes = await abortable(this.systemRoute(url), signal);
    const now = this.clock.now();
    const usable = routes.filter((r) => r.kind !== 'proxy' || (this.badProxies.get(r.url) ?? 0) <= now);
    // Every proxy passed over and no DIRECT: try them again rather than fail without asking (Chromium too).
    const [route, ...rest] = usable.length ? usable : routes;
    if (route.kind === 'direct') return this.directTransport();
    if (route.kind === 'proxy') {
      // Credentials in the PAC answer itself (an environment proxy URL's user:password@) are the route's
      // own: sent as given. The configured ones go only to a proxy that asked for them, as Chromium does:
      // a proxy the PAC names is not necessarily one the user meant to give a password to.
      const own = route.username !== undefined || route.password !== undefined;
      const credentials = own ? undefined : setting.credentials;
      const offered = credentials !== undefined && this.proxiesWantingAuth.has(route.url);
      const transport = await this.proxyTransport({
        url: route.url,
        ...(own ? { username: route.username, password: route.password } : offered ? credentials : {}),
      });
      return {
        ...transport,
        proxyKey: route.url,
        hasFallback: rest.length > 0,
        sentSystemCredentials: offered,
        mayAuthenticate: credentials !== undefined && !offered,
      };
    }
    const schemes = route.schemes.join(', ');
    const origin = new URL(url).origin;
    if (!this.warned.has(`unsupported:${schemes}`)) {
      this.warned.add(`unsupported:${schemes}`);
      this.options.onWarning?.(`the system proxy for ${origin} is ${schemes}, which is not supported; choose a manual HTTP proxy or no proxy`);
    }
    throw new FetchError('proxy-unsupported', `the system proxy for ${origin} is of an unsupported kind (${schemes})`, { url });
  }

  private directTransport(): Transport | Promise<Transport> {
    const { fetchImpl, dispatcher } = this.options;
    if (fetchImpl) return { request: fetchRequest(fetchImpl), dispatcher };
    if (!this.direct) {
      const direct = loadUndici().then((undici): Transport => {
        if (dispatcher !== undefined) return { request: undiciRequest(undici), dispatcher };
        // One pool for every host, so keep-alive connections are reused across requests and sync runs.
        const agent = new undici.Agent();
        return { request: undiciRequest(undici), dispatcher: agent, close: () => closeAgent(agent) };
      });
      this.direct = direct;
      // A failed import must not stick: the next request tries again.
      direct.catch(() => this.direct === direct && (this.direct = undefined));
    }
    return this.direct;
  }

  /** The system's answer for the URL's origin, asked once per origin and reused for `systemProxyTtlMs`. */
  private systemRoute(url: string): Promise<PacRoute[]> {
    const origin = new URL(url).origin;
    const hit = this.routes.get(origin);
    if (hit && this.clock.now() < hit.expires) return hit.route;
    // Half the connect timeout, so the request that asked still has time to connect directly.
    const resolveTimeoutMs = Math.min(10_000, this.o.connectTimeoutMs / 2);
    const entry = { expires: this.clock.now() + this.proxyTtlMs, route: Promise.resolve<PacRoute[]>([{ kind: 'direct' }]) };
    entry.route = withTimeout(this.options.resolveProxy!(url), resolveTimeoutMs, 'the proxy resolver did not answer in time').then(
      (pac) => usablePacRoutes(parsePacResult(pac)),
      (err: unknown) => {
        // A resolver that fails says nothing about a proxy; connecting directly is what Chromium does too.
        // Asked again after a short while, not after the full TTL, in case the failure was passing.
        entry.expires = Math.min(entry.expires, this.clock.now() + FAILED_RESOLVE_TTL_MS);
        const message = err instanceof Error ? err.message : String(err);
        if (!this.warned.has(`resolve:${message}`)) {
          this.warned.add(`resolve:${message}`);
          this.options.onWarning?.(`could not resolve the system proxy for ${origin} (${message}); connecting directly`);
        }
        return [{ kind: 'direct' }] as PacRoute[];
      },
    );
    this.routes.set(origin, entry);
    return entry.route;
  }

  /** Returns whether the proxy was in use until now (not already passed over). */
  private markProxyBad(proxyUrl: string, err: FetchError): boolean {
    const now = this.clock.now();
    const wasGood = (this.badProxies.get(proxyUrl) ?? 0) <= now;
    this.badProxies.set(proxyUrl, now + BAD_PROXY_MS);
    if (wasGood) this.options.onWarning?.(`the system proxy ${new URL(proxyUrl).host} could not be reached (${err.message}); using the next entry of the proxy configuration for ${BAD_PROXY_MS / 60_000} minutes`);
    return wasGood;
  }

  private proxyTransport(proxy: ProxyConfig): Promise<Transport> {
    const u = new URL(proxy.url);
    const username = proxy.username ?? decodeURIComponent(u.username);
    const password = proxy.password ?? decodeURIComponent(u.password);
    u.username = '';
    u.password = '';
    const key = JSON.stringify([u.href, username, password]);
    let t = this.agents.get(key);
    if (!t) {
      t = this.makeProxyTransport(u, username, password);
      this.agents.set(key, t);
      const agents = this.agents;
      // A failed import must not stick: the next request tries again.
      t.catch(() => agents.get(key) === t && agents.delete(key));
    }
    return t;
  }

  private async makeProxyTransport(u: URL, username: string, password: string): Promise<Transport> {
    const undici = await loadUndici();
    const agent = new undici.ProxyAgent({
      uri: u.href,
      // Plain-http targets go as absolute-URI requests, as browsers do: many proxies allow CONNECT
      // only to port 443. https targets are still tunnelled with CONNECT.
      proxyTunnel: false,
      ...(username || password ? { token: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } : {}),
    });
    return {
      request: undiciRequest(undici),
      dispatcher: agent,
      close: () => closeAgent(agent),
      via: u.host,
    };
  }

  private combine(signal?: AbortSignal): AbortSignal | undefined {
    if (signal && this.signal) return AbortSignal.any([signal, this.signal]);
    return signal ?? this.signal;
  }

  private parseUrl(href: string, reportAs: string, base?: string): URL {
    let u: URL;
    try {
      u = new URL(href, base);
    } catch {
      throw new FetchError('network', `not a valid URL: ${href}`, { url: reportAs });
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new FetchError('network', `only http and https URLs can be fetched, not ${u.href}`, { url: reportAs });
    }
    u.hash = '';
    return u;
  }

  private throwIfCancelled(signal: AbortSignal | undefined, url: string): void {
    if (signal?.aborted) throw this.cancelled(url);
  }

  private cancelled(url: string): FetchError {
    return new FetchError('cancelled', `fetching ${url} was cancelled`, { url });
  }

  private asFetchError(e: unknown, url: string, signal: AbortSignal | undefined): FetchError {
    if (e instanceof FetchError) return e;
    if (signal?.aborted) return this.cancelled(url);
    return new FetchError('network', `fetching ${url} failed: ${describeNetworkError(e)}`, { url, cause: e });
  }
}

export function createFetcher(options?: FetcherOptions): Fetcher {
  return new Fetcher(options);
}

/** A hung resolver (a PAC script that never returns) must not hold every request to the origin. */
function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
