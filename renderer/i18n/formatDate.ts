// Building an Intl formatter costs far more than using one; list rows format dates on every scroll frame.
const formatters = new Map<string, { format(...args: never[]): string }>();
function cached<F extends { format(...args: never[]): string }>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** A number with the language's grouping ("12.345" / "12,345"). */
export function formatNumber(n: number, language: string): string {
  return cached(`num:${language}`, () => new Intl.NumberFormat(language)).format(n);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** "2 tháng trước" / "2 months ago", through Intl so both languages read naturally. */
export function formatRelative(iso: string, language: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (!Number.isFinite(seconds)) return '';
  const rtf = cached(`rel:${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'minute');
}

/** Dates are shown in the portal's own time zone, so "ngày 5" means the same day the portal printed. */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return cached(`dt:${language}`, () =>
    new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    }),
  ).format(d);
}

/** The day alone, for dates the portal printed without a time. */
export function formatDay(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return cached(`day:${language}`, () => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Ho_Chi_Minh' })).format(d);
}
