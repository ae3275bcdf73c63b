const BYTE_UNITS: [string, number][] = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
];

/** "12,3 MB" / "12.3 MB", through Intl so each language writes numbers its own way. */
export function formatBytes(bytes: number, language: string): string {
  for (const [unit, size] of BYTE_UNITS) {
    if (bytes >= size) {
      return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: bytes >= size * 100 ? 0 : 1 }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
}

/** "2 phút" / "45 giây": the largest unit that reads naturally for a remaining time. */
export function formatDuration(seconds: number, language: string): string {
  const s = Math.max(0, Math.round(seconds));
  const [unit, value] = s >= 5400 ? ['hour', Math.round(s / 3600)] : s >= 90 ? ['minute', Math.round(s / 60)] : ['second', s];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}
