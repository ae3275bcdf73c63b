/**
 * Feed/sitemap dates to ISO 8601 UTC. Accepts RFC 822 (RSS), RFC 3339 (Atom,
 * JSON Feed, W3C datetime in sitemaps) and the "GMT+7" zone some Vietnamese
 * portals write. Undefined when unparseable, rather than a wrong date.
 */
export function toIsoDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let t = Date.parse(v);
  if (Number.isNaN(t)) {
    const fixed = v.replace(/\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i, (_, sign: string, h: string, m?: string) =>
      `${sign}${h.padStart(2, '0')}${m ?? '00'}`,
    );
    t = Date.parse(fixed);
  }
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
