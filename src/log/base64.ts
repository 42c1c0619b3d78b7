/**
 * Strict, canonical encodings for Uint8Array without Buffer (src/log is pure): standard base64
 * (RFC 4648 §4, padded) and lowercase hex (RFC 4648 §8). Decoders reject whitespace, missing or
 * extra padding, the URL-safe alphabet and non-zero trailing bits, so every byte string has
 * exactly one accepted text form.
 * @module
 */
import { LogError } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';

/** Char code → 6-bit value, or -1. */
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const v = c < 128 ? (DECODE[c] ?? -1) : -1;
  if (v < 0) throw new LogError('INVALID_ARGUMENT', `invalid base64 character at offset ${i}`);
  return v;
}

/** Standard padded base64 of `bytes` (RFC 4648 §4). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET[v >>> 18]! +
      ALPHABET[(v >>> 12) & 63]! +
      ALPHABET[(v >>> 6) & 63]! +
      ALPHABET[v & 63]!;
  }
  if (n - i === 1) {
    const v = (bytes[i] as number) << 16;
    out += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]! + '==';
  } else if (n - i === 2) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]! + ALPHABET[(v >>> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Decodes canonical standard base64 (RFC 4648 §4 with padding; the empty string is zero bytes).
 * @throws {LogError} `INVALID_ARGUMENT` for any other text: wrong length, characters outside the
 *   alphabet (including whitespace and `-_`), misplaced padding, non-zero trailing bits.
 */
export function decodeBase64(text: string): Uint8Array {
  const len = text.length;
  if (len % 4 !== 0) throw new LogError('INVALID_ARGUMENT', 'base64 length is not a multiple of 4');
  if (len === 0) return new Uint8Array(0);
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((len / 4) * 3 - pad);
  const full = pad === 0 ? len : len - 4;
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const v =
      (sextet(text, i) << 18) |
      (sextet(text, i + 1) << 12) |
      (sextet(text, i + 2) << 6) |
      sextet(text, i + 3);
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if (pad === 2) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    if ((b & 15) !== 0)
      throw new LogError('INVALID_ARGUMENT', 'non-canonical base64 (trailing bits)');
    out[o] = (a << 2) | (b >>> 4);
  } else if (pad === 1) {
    const a = sextet(text, full);
    const b = sextet(text, full + 1);
    const c = sextet(text, full + 2);
    if ((c & 3) !== 0)
      throw new LogError('INVALID_ARGUMENT', 'non-canonical base64 (trailing bits)');
    out[o++] = (a << 2) | (b >>> 4);
    out[o] = ((b & 15) << 4) | (c >>> 2);
  }
  return out;
}

/** Lowercase hex of `bytes`. */
export function encodeHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b >>> 4]! + HEX[b & 15]!;
  return out;
}

/**
 * Decodes lowercase hex (canonical form only).
 * @throws {LogError} `INVALID_ARGUMENT` on odd length or a character outside `0-9a-f`.
 */
export function decodeHex(text: string): Uint8Array {
  if (text.length % 2 !== 0) throw new LogError('INVALID_ARGUMENT', 'hex length is odd');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    const h = HEX.indexOf(text[2 * i] as string);
    const l = HEX.indexOf(text[2 * i + 1] as string);
    if (h < 0 || l < 0)
      throw new LogError('INVALID_ARGUMENT', `invalid hex character near offset ${2 * i}`);
    out[i] = (h << 4) | l;
  }
  return out;
}
