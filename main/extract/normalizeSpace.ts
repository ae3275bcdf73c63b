/** Collapses every whitespace run (including no-break spaces) to one space and trims. */
export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
