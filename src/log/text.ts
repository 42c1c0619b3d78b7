/**
 * Text rules shared by signed notes, checkpoints and tlog-proofs (C2SP signed-note: "valid
 * UTF-8 and no ASCII control characters other than newline").
 * @module
 */

const encoder = new TextEncoder();

/** UTF-8 bytes of a well-formed string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Whether `text` is well-formed UTF-16 (no lone surrogates, so it encodes to valid UTF-8) and
 * has no control character below U+0020 except newline.
 */
export function isNoteSafeText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x0a) return false;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c >= 0xdc00) return false; // lone low surrogate
      const next = text.charCodeAt(i + 1); // NaN past the end
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false; // lone high surrogate
      i++;
    }
  }
  return true;
}

/** Whether `s` is canonical decimal: `0` or digits without a leading zero. */
export function isCanonicalDecimal(s: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(s);
}
