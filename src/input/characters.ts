/**
 * The code points that make text lie (docs/SECURITY.md, "Text that lies"): they reorder what is
 * shown (bidirectional controls: `gpj.exe` shown as `exe.jpg`), hide text (zero-width and other
 * invisible characters), break a line where the reader expects one line, or pass for a path
 * separator in a file name. Pure: no I/O.
 */

/** Why a code point is refused. */
export type ForbiddenKind =
  | 'control'
  | 'line-break'
  | 'bidi'
  | 'separator'
  | 'invisible'
  | 'path-separator'
  | 'look-alike-slash';

/** A code point a field refuses, with why. */
export interface ForbiddenCharacter {
  readonly codePoint: number;
  readonly kind: ForbiddenKind;
}

interface Range {
  readonly from: number;
  readonly to: number;
  readonly kind: ForbiddenKind;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Refused in every text field and file name (line feed and carriage return: see below). */
const TEXT_RANGES: readonly Range[] = [
  // C0 controls (tab included: certificates have no tab stops) and DEL + C1 (NEL included).
  { from: 0x0000, to: 0x001f, kind: 'control' },
  { from: 0x007f, to: 0x009f, kind: 'control' },
  // Bidirectional controls: Arabic letter mark, LRM/RLM, embeddings/overrides, isolates.
  { from: 0x061c, to: 0x061c, kind: 'bidi' },
  { from: 0x200e, to: 0x200f, kind: 'bidi' },
  { from: 0x202a, to: 0x202e, kind: 'bidi' },
  { from: 0x2066, to: 0x2069, kind: 'bidi' },
  // Line and paragraph separators (they break a line like LF does).
  { from: 0x2028, to: 0x2029, kind: 'separator' },
  // Characters that show nothing: zero-width space, word joiner, BOM / zero-width no-break space,
  // Mongolian vowel separator, invisible math operators, deprecated format controls, Hangul
  // fillers (the classic "blank name"), and tag characters (which can smuggle invisible ASCII).
  // ZWNJ/ZWJ (U+200C/U+200D) and variation selectors stay allowed: emoji and scripts need them.
  { from: 0x180e, to: 0x180e, kind: 'invisible' },
  { from: 0x200b, to: 0x200b, kind: 'invisible' },
  { from: 0x2060, to: 0x2064, kind: 'invisible' },
  { from: 0x206a, to: 0x206f, kind: 'invisible' },
  { from: 0x3164, to: 0x3164, kind: 'invisible' },
  { from: 0xfeff, to: 0xfeff, kind: 'invisible' },
  { from: 0xffa0, to: 0xffa0, kind: 'invisible' },
  { from: 0xe0001, to: 0xe0001, kind: 'invisible' },
  { from: 0xe0020, to: 0xe007f, kind: 'invisible' },
];

/** Also refused in file names: separators and what passes for one on screen. */
const FILE_NAME_RANGES: readonly Range[] = [
  { from: 0x002f, to: 0x002f, kind: 'path-separator' },
  { from: 0x005c, to: 0x005c, kind: 'path-separator' },
  // fraction slash, division slash, set minus, box-drawing diagonals, reverse solidus operator,
  // big solidus / reverse solidus, small reverse solidus, fullwidth solidus / reverse solidus.
  { from: 0x2044, to: 0x2044, kind: 'look-alike-slash' },
  { from: 0x2215, to: 0x2216, kind: 'look-alike-slash' },
  { from: 0x2571, to: 0x2572, kind: 'look-alike-slash' },
  { from: 0x29f5, to: 0x29f5, kind: 'look-alike-slash' },
  { from: 0x29f8, to: 0x29f9, kind: 'look-alike-slash' },
  { from: 0xfe68, to: 0xfe68, kind: 'look-alike-slash' },
  { from: 0xff0f, to: 0xff0f, kind: 'look-alike-slash' },
  { from: 0xff3c, to: 0xff3c, kind: 'look-alike-slash' },
];

const DESCRIPTION: Readonly<Record<ForbiddenKind, string>> = {
  control: 'a control character',
  'line-break': 'a line break',
  bidi: 'a bidirectional control character',
  separator: 'a line or paragraph separator',
  invisible: 'an invisible character',
  'path-separator': 'a path separator',
  'look-alike-slash': 'a look-alike slash',
};

/** Which characters a field refuses. */
export interface CharacterRules {
  /** Multi-line fields take line feeds (U+000A). Default false. */
  readonly lineFeed?: boolean;
  /** File names also refuse separators and look-alike slashes. Default false. */
  readonly fileName?: boolean;
}

function kindOf(cp: number, ranges: readonly Range[]): ForbiddenKind | undefined {
  for (const r of ranges) if (cp >= r.from && cp <= r.to) return r.kind;
  return undefined;
}

/**
 * The first code point of `text` that `rules` refuse, or `undefined`.
 * @example firstForbidden('a\u202Eb') // { codePoint: 0x202e, kind: 'bidi' }
 */
export function firstForbidden(
  text: string,
  rules: CharacterRules = {},
): ForbiddenCharacter | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Printable ASCII but the separators: the common case, decided at once.
    if (cp >= 0x20 && cp < 0x7f && cp !== 0x2f && cp !== 0x5c) continue;
    if (cp === LINE_FEED || cp === CARRIAGE_RETURN) {
      if (cp === LINE_FEED && rules.lineFeed === true) continue;
      return { codePoint: cp, kind: 'line-break' };
    }
    const kind =
      kindOf(cp, TEXT_RANGES) ??
      (rules.fileName === true ? kindOf(cp, FILE_NAME_RANGES) : undefined);
    if (kind !== undefined) return { codePoint: cp, kind };
  }
  return undefined;
}

/** `U+202E`: how messages name a code point (never the text around it). */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "a bidirectional control character U+202E", for an error message. */
export function describeForbidden(c: ForbiddenCharacter): string {
  return `${DESCRIPTION[c.kind]} ${codePointLabel(c.codePoint)}`;
}
