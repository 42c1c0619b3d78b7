/**
 * The CJK font of every certificate: Noto Sans SC (OFL-1.1) from @expo-google-fonts/noto-sans-sc,
 * loaded by path (the package's `main` is an Expo module that Node cannot import) and parsed
 * ONCE: pdfkit accepts a parsed fontkit font in place of font bytes, and re-parsing the 10.6 MB
 * files for every document cost about 1.5 s per certificate. pdfkit still makes a subset per
 * document (CID TrueType with ToUnicode), embedding only the glyphs it uses.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** Paths of the two weights certificates use. */
export const FONT_FILES = {
  regular: require.resolve(`${PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`),
  bold: require.resolve(`${PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`),
} as const;

/** A parsed font as pdfkit's `font()`/`registerFont()` accept it (fontkit's `Font`). */
export type ParsedFont = { layout(text: string): unknown };

/**
 * Parses a font file with pdfkit's own fontkit (so the object is the kind pdfkit expects) by
 * letting a throw-away document load it.
 */
function parse(path: string): ParsedFont {
  const probe = new PDFDocument({
    autoFirstPage: false,
    font: readFileSync(path) as unknown as string,
  });
  const font = (probe as unknown as { _font?: { font?: ParsedFont } })._font?.font;
  if (typeof font?.layout !== 'function') throw new Error(`cannot load the font ${path}`);
  return font;
}

let cache: { regular: ParsedFont; bold: ParsedFont } | undefined;

/** The two weights, parsed on first use and kept for the process's life (about 50 MB). */
export function certificateFonts(): { regular: ParsedFont; bold: ParsedFont } {
  cache ??= { regular: parse(FONT_FILES.regular), bold: parse(FONT_FILES.bold) };
  return cache;
}
