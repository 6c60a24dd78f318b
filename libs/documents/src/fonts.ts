import type { TFontDictionary } from 'pdfmake/interfaces';

/**
 * Font families available to every definition. Names are ours, not the fonts': a definition
 * says `font: FONT_SANS` and never needs to know which TTF sits behind it.
 *
 * GB/T 9704 asks for 小标宋 (titles), 仿宋 (body), 黑体 (level-1 headings) and 楷体 (level-2).
 * Those fonts are proprietary; the OFL Noto families stand in: Serif SC Bold for the title,
 * Serif SC Regular for the body, Sans SC for headings.
 */
export const FONT_SERIF = 'NotoSerifSC';
export const FONT_SANS = 'NotoSansSC';

/**
 * Full TrueType files shipped by @expo-google-fonts (one per weight). The `noto-sans-sc` /
 * `@fontsource/*` packages only hold web-font unicode-range slices, which would lose rare
 * characters in names (鑫 珺 赟 燊 彧), so they are not an option.
 */
const FONT_FILES = {
  serifRegular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sansRegular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export interface FontPaths {
  serifRegular: string;
  serifBold: string;
  sansRegular: string;
  sansBold: string;
}

let resolved: FontPaths | undefined;

/** Absolute paths of the TTF files, resolved once through Node's module resolution. */
export function fontPaths(): FontPaths {
  resolved ??= {
    serifRegular: require.resolve(FONT_FILES.serifRegular),
    serifBold: require.resolve(FONT_FILES.serifBold),
    sansRegular: require.resolve(FONT_FILES.sansRegular),
    sansBold: require.resolve(FONT_FILES.sansBold),
  };
  return resolved;
}

/**
 * The pdfmake font dictionary. There are no italic CJK faces; italics map to the upright
 * face rather than failing, since Chinese typesetting does not use italics anyway.
 */
export function fontDictionary(): TFontDictionary {
  const p = fontPaths();
  return {
    [FONT_SERIF]: {
      normal: p.serifRegular,
      bold: p.serifBold,
      italics: p.serifRegular,
      bolditalics: p.serifBold,
    },
    [FONT_SANS]: {
      normal: p.sansRegular,
      bold: p.sansBold,
      italics: p.sansRegular,
      bolditalics: p.sansBold,
    },
  };
}
