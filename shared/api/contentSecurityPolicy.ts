/**
 * The renderer's Content Security Policy, used by both hosts. No inline scripts, no eval, no remote
 * anything: article HTML is sanitized, and even if something slipped through it could not load code
 * or phone home. `extraConnect` lets the browser-mode host allow its own WebSocket origin.
 */
export function contentSecurityPolicy(extraConnect: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...extraConnect].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
