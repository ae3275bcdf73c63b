import { fullJitterDelay } from './backoff';
import { realClock, sleepUntil, type Clock } from './clock';
import { FetchError } from './FetchError';
import { HostLimiter } from './HostLimiter';
import { parseRetryAfter } from './retryAfter';
import { BodyReadError, readBody } from './readBody';
import { RobotsCache, type RobotsRules } from './RobotsCache';
import { ROBOTS_AGENT, userAgentFor } from './userAgent';

/** An explicit HTTP(S) proxy. Credentials may be given here or in the URL's userinfo. */
export interface ProxyConfig {
  /** e.g. `http://proxy.example:3128` */
  url: string;
  username?: string;
  password?: string;
}

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
   * Opaque undici Dispatcher passed to `fetch` as `init.dispatcher` (e.g. an undici `Agent`
   * or `ProxyAgent` the caller configured). It must come from an undici compatible with the
   * `fetch` in use. Mutually exclusive with `proxy`.
   */
  dispatcher?: unknown;
  /** Route every request through this proxy (uses undici's own fetch + ProxyAgent). Mutually exclusive with `dispatcher`. */
  proxy?: ProxyConfig;
  /** Replaces global fetch (tests). Ignored when `proxy` is set. */
  fetchImpl?: typeof fetch;
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

type FetchLikeFn = (url: string, init: RequestInit & { dispatcher?: unknown }) => Promise<Response>;

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
  private transport?: Promise<{ fetch: FetchLikeFn; dispatcher?: unknown; close?: () => Promise<void> }>;

  constructor(private readonly options: FetcherOptions = {}) {
    if (options.proxy && options.dispatcher !== undefined) {
      throw new TypeError('Fetcher: pass either `proxy` or `dispatcher`, not both');
    }
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

  /** Releases the proxy connection pool, if one was created. */
  async close(): Promise<void> {
    const t = await this.transport?.catch(() => undefined);
    await t?.close?.();
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
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(url, headers, maxBytes, crawlDelayMs, signal);
      } catch (e) {
        const err = this.asFetchError(e, url, signal);
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

      const { fetch: doFetch, dispatcher } = await this.getTransport();
      const fail = (e: unknown, during: string): FetchError => {
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
        return new FetchError('network', `${during} ${url} failed: ${describeNetworkError(e)}`, { url, cause: e });
      };

      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'GET',
          headers,
          redirect: 'manual',
          signal: ctl.signal,
          ...(dispatcher !== undefined ? { dispatcher } : {}),
        });
      } catch (e) {
        throw fail(e, 'requesting');
      } finally {
        clearTimeout(connectTimer);
      }

      const resHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        resHeaders[name.toLowerCase()] = value;
      });
      const status = res.status;

      if (REDIRECT_STATUSES.has(status) || status === 304) {
        await res.body?.cancel().catch(() => {});
        return { status, headers: resHeaders, body: new Uint8Array(0) };
      }
      if (status < 200 || status >= 300) {
        await res.body?.cancel().catch(() => {});
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

  private getTransport(): Promise<{ fetch: FetchLikeFn; dispatcher?: unknown; close?: () => Promise<void> }> {
    this.transport ??= this.makeTransport();
    return this.transport;
  }

  private async makeTransport(): Promise<{ fetch: FetchLikeFn; dispatcher?: unknown; close?: () => Promise<void> }> {
    const proxy = this.options.proxy;
    if (!proxy) {
      return { fetch: (this.options.fetchImpl ?? globalThis.fetch) as FetchLikeFn, dispatcher: this.options.dispatcher };
    }
    // Loaded only when a proxy is configured; undici's own fetch is paired with its
    // ProxyAgent because the fetch bundled in Node/Electron may be a different undici.
    const undici = await import('undici');
    const u = new URL(proxy.url);
    const username = proxy.username ?? decodeURIComponent(u.username);
    const password = proxy.password ?? decodeURIComponent(u.password);
    u.username = '';
    u.password = '';
    const agent = new undici.ProxyAgent({
      uri: u.href,
      ...(username || password ? { token: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } : {}),
    });
    return {
      fetch: undici.fetch as unknown as FetchLikeFn,
      dispatcher: agent,
      close: () => agent.close(),
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

function describeNetworkError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  if (cause?.message) return cause.message;
  return e instanceof Error ? e.message : String(e);
}
