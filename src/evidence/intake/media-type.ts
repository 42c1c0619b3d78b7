/**
 * The media type of an uploaded file (docs/api.md): the part's Content-Type when it is a valid
 * `type/subtype`, else a sniff of the first bytes, else `application/octet-stream`.
 */

/** Bytes of the file's head kept for sniffing. */
export const SNIFF_BYTES = 512;
/** The media type of bytes nothing is known about (docs/api.md default). */
export const DEFAULT_MEDIA_TYPE = 'application/octet-stream';

// RFC 9110 §8.3.1: type "/" subtype, both tokens; RFC 6838 §4.2 caps each at 127 characters.
const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]{1,127}";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Magic numbers: bytes expected at `offset` (`undefined` matches any byte). */
const SIGNATURES: readonly {
  type: string;
  offset: number;
  bytes: readonly (number | undefined)[];
}[] = [
  { type: 'application/pdf', offset: 0, bytes: ascii('%PDF-') },
  { type: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', offset: 0, bytes: ascii('GIF87a') },
  { type: 'image/gif', offset: 0, bytes: ascii('GIF89a') },
  { type: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  {
    type: 'image/webp',
    offset: 0,
    bytes: [...ascii('RIFF'), undefined, undefined, undefined, undefined, ...ascii('WEBP')],
  },
  // ISO base media file: `ftyp` box first; the QuickTime brand is not MP4.
  { type: 'video/quicktime', offset: 4, bytes: ascii('ftypqt  ') },
  { type: 'video/mp4', offset: 4, bytes: ascii('ftyp') },
];

function matches(
  head: Uint8Array,
  offset: number,
  bytes: readonly (number | undefined)[],
): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((b, i) => b === undefined || head[offset + i] === b);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Controls seen in text files: TAB, LF, FF, CR, ESC. NUL or any other C0 control, or DEL, is not.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);
const isTextByte = (b: number): boolean => (b >= 0x20 && b !== 0x7f) || TEXT_CONTROLS.has(b);

/**
 * Plain-text heuristic: the head decodes as UTF-8 (a multi-byte sequence cut by the end of a
 * truncated head is allowed) and holds no NUL and no control characters but TAB, LF, FF, CR, ESC.
 */
function looksLikeText(head: Uint8Array, truncated: boolean): boolean {
  if (head.length === 0) return false;
  let text: string | undefined;
  for (let cut = 0; cut <= (truncated ? 3 : 0) && text === undefined; cut++) {
    try {
      text = utf8.decode(head.subarray(0, head.length - cut));
    } catch {
      // try one byte shorter: the head may end inside a multi-byte character
    }
  }
  return text !== undefined && head.every(isTextByte);
}

/**
 * Sniffs a media type from the first bytes of a file (PDF, PNG, JPEG, GIF, ZIP, WebP, MP4,
 * QuickTime, UTF-8 plain text). `truncated` says whether the file goes on past `head`.
 * Returns `undefined` when nothing matches.
 */
export function sniffMediaType(head: Uint8Array, truncated: boolean): string | undefined {
  const hit = SIGNATURES.find((s) => matches(head, s.offset, s.bytes));
  if (hit !== undefined) return hit.type;
  return looksLikeText(head, truncated) ? 'text/plain' : undefined;
}

/**
 * Chooses the media type of an uploaded file from its part's declared Content-Type (`type/subtype`
 * as busboy parsed it, parameters dropped) and its first bytes.
 *
 * busboy reports `text/plain` for a part that says so, for one without a Content-Type (RFC 7578
 * §4.4 default) and for one with an unparsable Content-Type, so `text/plain` yields to a binary
 * signature, and to `application/octet-stream` when the head holds NUL or other non-text controls.
 */
export function chooseMediaType(
  declared: string | undefined,
  head: Uint8Array,
  truncated: boolean,
): string {
  const type = declared?.toLowerCase();
  if (type !== undefined && MEDIA_TYPE.test(type) && type !== DEFAULT_MEDIA_TYPE) {
    if (type !== 'text/plain') return type;
    // Text in any charset (GBK included) has no NUL or stray controls; binary data almost always does.
    const sniffed = sniffMediaType(head, truncated);
    if (sniffed !== undefined || !head.every(isTextByte)) return sniffed ?? DEFAULT_MEDIA_TYPE;
    return type;
  }
  return sniffMediaType(head, truncated) ?? DEFAULT_MEDIA_TYPE;
}
