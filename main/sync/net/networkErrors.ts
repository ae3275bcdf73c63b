// Errors that mean the proxy itself did not take the connection (a target that fails behind a working
// proxy comes back as a proxy status instead).
const PROXY_UNREACHABLE = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)\b/;

/** The proxy could not be reached at all, so the next proxy of the system's list is worth trying. */
export function isProxyUnreachable(e: unknown): boolean {
  return PROXY_UNREACHABLE.test(errorChainText(e));
}

/**
 * The proxy answered 407. undici raises it as an error, not a response: "Proxy Authentication Required
 * (407)" for a forwarded http request, "Proxy response (407) !== 200 when HTTP Tunneling" for CONNECT.
 */
export function isProxyAuthRefusal(e: unknown): boolean {
  return /\b407\b/.test(errorChainText(e));
}

/**
 * Every code and message along the `cause` chain (fetch wraps undici's error in a TypeError; undici's
 * `request` rejects with it directly), and within an AggregateError (a connect that tried IPv6 and IPv4),
 * so the error can be recognised whichever client made the request. Codes are included because some
 * messages do not name them (UND_ERR_CONNECT_TIMEOUT reads "Connect Timeout Error").
 */
export function errorChainText(e: unknown): string {
  const parts: string[] = [];
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    parts.push(codeAndMessage(cur));
    parts.push(...innerErrors(cur).map(codeAndMessage));
  }
  return parts.join(' | ');
}

/** "CODE (message)" for a log line, from the error undici raised: fetch's cause, or `request`'s own rejection. */
export function describeNetworkError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  if (cause?.message) return cause.message;
  const code = (e as { code?: unknown })?.code;
  // An AggregateError's own message is empty; its parts say what happened.
  const message = messageOf(e) || innerErrors(e).map(messageOf).filter(Boolean).join('; ');
  if (typeof code === 'string' && !message.startsWith(code)) return `${code}${message ? ` (${message})` : ''}`;
  return message;
}

function codeAndMessage(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? `${code}: ${messageOf(e)}` : messageOf(e);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function innerErrors(e: unknown): unknown[] {
  const inner = (e as { errors?: unknown })?.errors;
  return Array.isArray(inner) ? inner.slice(0, 4) : [];
}
