export { Fetcher, createFetcher } from './Fetcher';
export type { FetcherOptions, FetchOptions, FetchResult, ProxyConfig, RetryEvent } from './Fetcher';
export { FetchError, isFetchError } from './FetchError';
export type { FetchErrorCode } from './FetchError';
export type { Clock } from './clock';
export { realClock } from './clock';
export type { RobotsRules } from './RobotsCache';
export { userAgentFor, ROBOTS_AGENT } from './userAgent';
