export { extractArticle, type ExtractInput } from './extractArticle';
export { ExtractError, isExtractError, type ExtractErrorCode, type ExtractErrorDetails } from './ExtractError';
export { decodeBody, detectCharset, charsetFromContentType, sniffMetaCharset, type DecodedBody, type DetectedCharset, type CharsetSource } from './decodeBody';
export { sanitizeHtml, ARTICLE_TAGS, type SanitizeOptions } from './sanitizeHtml';
export { canonicalizeUrl, tryCanonicalizeUrl } from './canonicalizeUrl';
export { parsePortalDate, parseMachineDate, PORTAL_UTC_OFFSET_MINUTES, type ParsedDate, type DatePrecision } from './parsePortalDate';
export { contentHash } from './contentHash';
