// Importing through this index loads jsdom (listing pages, discovery); import parser
// modules directly where only XML/JSON feeds are needed.
export { FeedError, isFeedError } from './FeedError';
export type { FeedErrorCode } from './FeedError';
export type { DocValidators, FeedDocument, FeedDocumentKind, FeedFormat, FeedItem, FetchLike } from './feedTypes';
export { charsetFromContentType, decodeHtml, decodeXml } from './decodeBody';
export { parseFeedDocument } from './parseFeedDocument';
export { parseRss } from './parseRss';
export { parseAtom } from './parseAtom';
export { parseJsonFeed } from './parseJsonFeed';
export { parseSitemap } from './parseSitemap';
export { sniffDocument } from './sniffDocument';
export type { SniffedKind } from './sniffDocument';
export { fetchFeed } from './fetchFeed';
export type { FetchedFeed } from './fetchFeed';
export { walkSitemaps } from './walkSitemaps';
export type { SitemapDoc, WalkSitemapsOptions } from './walkSitemaps';
export { parseListingPage, looksLikeArticleUrl } from './parseListingPage';
export type { ListingLink, ListingOptions, ListingPage } from './parseListingPage';
export { walkListing } from './walkListing';
export type { WalkedListingPage, WalkListingOptions } from './walkListing';
export { discoverSource, findSitemaps } from './discoverSource';
export type { DiscoverOptions, DiscoveredFeed, DiscoveredFeedKind, DiscoveredFormat, DiscoveredKind, DiscoveredListing, DiscoveryResult } from './discoverSource';
export { exportOpml, parseOpml } from './opml';
export type { OpmlDocument, OpmlEntry, OpmlExportEntry } from './opml';
export { resolveLink } from './resolveLink';
