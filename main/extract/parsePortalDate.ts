/** How much of a timestamp the page actually stated. */
export type DatePrecision = 'day' | 'minute' | 'second';

export interface ParsedDate {
  /** ISO 8601 in UTC. For day precision: local midnight of that day. */
  iso: string;
  precision: DatePrecision;
}

/** The portal prints local time, Vietnam (UTC+7, no daylight saving). */
export const PORTAL_UTC_OFFSET_MINUTES = 7 * 60;

const NUMERIC_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const WORDED_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i;
const CLOCK = /(?<![\d/.])(\d{1,2})\s*(?::|h)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?![\d/])/;
const EXPLICIT_OFFSET = /\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i;
// A clock further than this from the date is more likely something else (a view count, a headline).
const CLOCK_WINDOW = 24;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toIso(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000).toISOString();
}

/**
 * Reads a date as the portal shows it: "06/01/2014", "Thứ Hai, 06/01/2014 18:31",
 * "18:31 06/01/2014", "ngày 6 tháng 1 năm 2014"; surrounding text (weekday, view count) is ignored.
 * Local time is UTC+7 unless the text says "GMT+x". Without a clock the result is local midnight
 * with precision "day": the page does not say more, and inventing a time would look like data.
 */
export function parsePortalDate(text: string, offsetMinutes = PORTAL_UTC_OFFSET_MINUTES): ParsedDate | null {
  const m = NUMERIC_DATE.exec(text) ?? WORDED_DATE.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const explicit = EXPLICIT_OFFSET.exec(text);
  if (explicit) {
    offsetMinutes = (explicit[1] === '-' ? -1 : 1) * (Number(explicit[2]) * 60 + Number(explicit[3] ?? 0));
  }
  const before = text.slice(Math.max(0, m.index - CLOCK_WINDOW), m.index);
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + CLOCK_WINDOW);
  const clock = CLOCK.exec(after) ?? CLOCK.exec(before);
  if (clock) {
    const iso = toIso(y, mo, d, Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), offsetMinutes);
    if (iso) return { iso, precision: clock[3] ? 'second' : 'minute' };
  }
  const iso = toIso(y, mo, d, 0, 0, 0, offsetMinutes);
  return iso ? { iso, precision: 'day' } : null;
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads a machine-readable date (JSON-LD datePublished, article:published_time). Values without
 * a zone are the portal's local time, as a CMS writes them.
 */
export function parseMachineDate(value: string, offsetMinutes = PORTAL_UTC_OFFSET_MINUTES): ParsedDate | null {
  const m = ISO_LIKE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[4] === undefined) {
    const iso = toIso(y, mo, d, 0, 0, 0, offsetMinutes);
    return iso ? { iso, precision: 'day' } : null;
  }
  const zone = m[7];
  if (zone) {
    offsetMinutes = zone.toUpperCase() === 'Z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  }
  // Keep milliseconds: dropping them would make an exact JSON-LD timestamp compare unequal.
  const ms = /\.(\d+)/.exec(value)?.[1];
  const iso = toIso(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offsetMinutes);
  if (!iso) return null;
  const withMs = ms ? new Date(Date.parse(iso) + Math.round(Number(`0.${ms}`) * 1000)).toISOString() : iso;
  return { iso: withMs, precision: m[6] !== undefined ? 'second' : 'minute' };
}
