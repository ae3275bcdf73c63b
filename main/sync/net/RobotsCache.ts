import robotsParser from 'robots-parser';
import { FetchError } from './FetchError';
import type { Clock } from './clock';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent, in ms, when the site sets one. */
  crawlDelayMs?: number;
  /** Absolute sitemap URLs listed with `Sitemap:` (relative ones resolved against robots.txt). */
  sitemaps: string[];
}

/** Loads robots.txt bytes; throws FetchError (4xx as code 'http-status'). */
export type RobotsLoader = (robotsUrl: string, signal?: AbortSignal) => Promise<Uint8Array>;

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, sitemaps: [] };

interface Entry {
  rules: Promise<RobotsRules>;
  fetchedAt: number;
}

/**
 * robots.txt per origin, fetched once (concurrent callers share the request)
 * and kept for `ttlMs`. Follows RFC 9309: a 4xx means no restrictions; a
 * server or network failure is not cached and is surfaced, because assuming
 * "allowed" while the site is down would be impolite and assuming "disallowed"
 * forever would break sync after a blip.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly agent: string,
    private readonly clock: Clock,
    private readonly ttlMs = 24 * 3600 * 1000,
  ) {}

  rulesFor(url: string, signal?: AbortSignal): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const hit = this.entries.get(origin);
    if (hit && this.clock.now() - hit.fetchedAt < this.ttlMs) return hit.rules;
    const rules = this.fetchRules(origin, signal);
    const entry: Entry = { rules, fetchedAt: this.clock.now() };
    this.entries.set(origin, entry);
    rules.catch(() => {
      if (this.entries.get(origin) === entry) this.entries.delete(origin);
    });
    return rules;
  }

  /** Forget everything, e.g. when the user changes proxy settings. */
  clear(): void {
    this.entries.clear();
  }

  private async fetchRules(origin: string, signal?: AbortSignal): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await this.load(robotsUrl, signal));
    } catch (e) {
      if (e instanceof FetchError && e.code === 'http-status' && e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 429) {
        return ALLOW_ALL;
      }
      if (e instanceof FetchError && e.code !== 'cancelled') {
        throw new FetchError(e.code, `could not read ${robotsUrl}: ${e.message}`, {
          url: robotsUrl, status: e.status, retryAfterMs: e.retryAfterMs, cause: e,
        });
      }
      throw e;
    }
    const robot = robotsParser(robotsUrl, text);
    const delay = robot.getCrawlDelay(this.agent);
    const sitemaps: string[] = [];
    for (const s of robot.getSitemaps()) {
      try {
        sitemaps.push(new URL(s, robotsUrl).href);
      } catch {
        // An unparseable Sitemap line is the site's typo; skip it.
      }
    }
    return {
      // robots-parser answers undefined for other origins; those have their own robots.txt.
      isAllowed: (u) => robot.isAllowed(u, this.agent) !== false,
      crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : undefined,
      sitemaps,
    };
  }
}
