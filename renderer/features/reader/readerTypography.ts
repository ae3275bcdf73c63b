import type { CSSProperties } from 'react';
import type { ReaderFont, ReaderWidth } from '../../data/settings';

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 30;
export const LINE_HEIGHTS = [1.5, 1.7, 1.9, 2.1] as const;
export const WIDTHS: ReaderWidth[] = ['narrow', 'medium', 'wide'];
export const FONTS: ReaderFont[] = ['serif', 'sans'];

const WIDTH_EM: Record<ReaderWidth, string> = { narrow: '34em', medium: '42em', wide: '56em' };
const FONT_FAMILY: Record<ReaderFont, string> = { serif: 'var(--font-reading)', sans: 'var(--font-ui)' };

export interface Typography {
  fontSize: number;
  lineHeight: number;
  width: ReaderWidth;
  font: ReaderFont;
}

export const clampFontSize = (n: number) => Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(n)));

/** The reader's CSS variables; both bundled fonts (Noto Serif, Noto Sans) carry every Vietnamese glyph. */
export function typographyStyle(t: Typography): CSSProperties {
  return {
    '--reader-size': `${clampFontSize(t.fontSize)}px`,
    '--reader-line': String(t.lineHeight),
    '--reader-width': WIDTH_EM[t.width] ?? WIDTH_EM.medium,
    '--reader-font': FONT_FAMILY[t.font] ?? FONT_FAMILY.serif,
  } as CSSProperties;
}
