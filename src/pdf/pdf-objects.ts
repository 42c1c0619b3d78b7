/**
 * A small, defensive reader of PDF objects (PDF 2.0 §7.2–§7.5): tokens, direct objects, indirect
 * objects found through classic cross-reference tables (with /Prev chains), and stream data.
 * It reads what huicun writes (pdfkit output, signed in place); cross-reference streams and
 * object streams are refused. Pure: no node:* imports, so it runs in browsers too. Every
 * offset, length and depth is checked: the input may be hostile.
 * @module
 */
import { PdfError } from './errors.js';

export type PdfValue =
  number | boolean | null | Uint8Array | PdfName | PdfRef | PdfDict | PdfValue[];
/** `/Name` (after #xx unescaping). */
export interface PdfName {
  readonly t: 'name';
  readonly v: string;
}
/** `n g R` */
export interface PdfRef {
  readonly t: 'ref';
  readonly n: number;
  readonly g: number;
}
/** `<< … >>`; `stream` holds the raw (still encoded) data of a stream object. */
export interface PdfDict {
  readonly t: 'dict';
  readonly v: Map<string, PdfValue>;
  stream?: Uint8Array;
}

const MAX_DEPTH = 32;
/** Literal-string escapes (PDF 2.0 §7.3.4.2): \n \r \t \b \f \( \) \\. */
const ESCAPES: Readonly<Record<number, number>> = {
  0x6e: 10,
  0x72: 13,
  0x74: 9,
  0x62: 8,
  0x66: 12,
  0x28: 0x28,
  0x29: 0x29,
  0x5c: 0x5c,
};
const MAX_STRING = 1 << 20;

export function unreadable(message: string): PdfError {
  return new PdfError('PDF_UNREADABLE', `not a PDF huicun wrote: ${message}`);
}

const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number): boolean => '()<>[]{}/%'.includes(String.fromCharCode(c));
const isRegular = (c: number | undefined): c is number =>
  c !== undefined && !isSpace(c) && !isDelimiter(c);

/** A cursor over the file's bytes. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isSpace(c)) this.pos++;
      else if (c === 0x25)
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  /** The next regular token (a number or keyword), without consuming it when `peek`. */
  word(peek = false): string {
    this.skipSpace();
    let end = this.pos;
    while (isRegular(this.bytes[end])) end++;
    const w = String.fromCharCode(...this.bytes.subarray(this.pos, Math.min(end, this.pos + 64)));
    if (!peek) this.pos = end;
    return w;
  }

  expect(word: string): void {
    const w = this.word();
    if (w !== word) throw unreadable(`expected "${word}" at byte ${this.pos}`);
  }

  /** A non-negative integer. */
  integer(): number {
    const w = this.word();
    if (!/^\d{1,15}$/.test(w)) throw unreadable(`expected an integer at byte ${this.pos}`);
    return Number(w);
  }

  /** One direct object (references `n g R` included). */
  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw unreadable('objects nested too deeply');
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw unreadable('unexpected end of file');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return this.dict(depth);
    if (c === 0x3c) return this.hexString();
    if (c === 0x5b) {
      this.pos++;
      const out: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === 0x5d) break;
        out.push(this.value(depth + 1));
      }
      this.pos++;
      return out;
    }
    const w = this.word();
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w))
      throw unreadable(`unexpected "${w}" at byte ${this.pos}`);
    const save = this.pos;
    if (/^\d+$/.test(w)) {
      const g = this.word(true);
      if (/^\d+$/.test(g)) {
        this.word();
        if (this.word() === 'R') return { t: 'ref', n: Number(w), g: Number(g) };
      }
      this.pos = save;
    }
    return Number(w);
  }

  private name(): PdfName {
    this.pos++;
    let end = this.pos;
    while (isRegular(this.bytes[end])) end++;
    const raw = String.fromCharCode(...this.bytes.subarray(this.pos, end));
    this.pos = end;
    return {
      t: 'name',
      v: raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    };
  }

  private dict(depth: number): PdfDict {
    this.pos += 2;
    const v = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) break;
      const key = this.value(depth + 1);
      if (typeof key !== 'object' || key === null || !('t' in key) || key.t !== 'name')
        throw unreadable('a dictionary key is not a name');
      v.set(key.v, this.value(depth + 1));
    }
    this.pos += 2;
    return { t: 'dict', v };
  }

  private hexString(): Uint8Array {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0 || end - this.pos > 2 * MAX_STRING) throw unreadable('bad hex string');
    const hex = String.fromCharCode(...this.bytes.subarray(this.pos + 1, end)).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw unreadable('bad hex string');
    this.pos = end + 1;
    const padded = hex.length % 2 ? `${hex}0` : hex;
    return Uint8Array.from(padded.match(/../g) ?? [], (h) => parseInt(h, 16));
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    const out: number[] = [];
    let nest = 0;
    for (this.pos++; ; this.pos++) {
      const c = b[this.pos];
      if (c === undefined || out.length > MAX_STRING) throw unreadable('unterminated string');
      if (c === 0x29 && nest === 0) break;
      if (c === 0x28) nest++;
      if (c === 0x29) nest--;
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      const e = b[++this.pos];
      if (e !== undefined && e in ESCAPES) out.push(ESCAPES[e]!);
      else if (e !== undefined && e >= 0x30 && e <= 0x37) {
        let oct = e - 0x30;
        for (
          let k = 0;
          k < 2 && (b[this.pos + 1] ?? 0) >= 0x30 && (b[this.pos + 1] ?? 0) <= 0x37;
          k++
        )
          oct = oct * 8 + (b[++this.pos]! - 0x30);
        out.push(oct & 0xff);
      } else if (e === 0x0d && b[this.pos + 1] === 0x0a)
        this.pos++; // line continuation
      else if (e !== 0x0a && e !== 0x0d && e !== undefined) out.push(e);
    }
    this.pos++;
    return Uint8Array.from(out);
  }
}

/** Text of a PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, else PDFDocEncoding (as Latin-1). */
export function textOf(s: Uint8Array): string {
  if (s[0] === 0xfe && s[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < s.length; i += 2) out += String.fromCharCode((s[i]! << 8) | s[i + 1]!);
    return out;
  }
  if (s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf)
    return new TextDecoder().decode(s.subarray(3));
  let out = '';
  for (const c of s) out += String.fromCharCode(c);
  return out;
}

/** Type guards. */
export const isDict = (v: PdfValue | undefined): v is PdfDict =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Uint8Array) &&
  v.t === 'dict';
export const isRef = (v: PdfValue | undefined): v is PdfRef =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Uint8Array) &&
  v.t === 'ref';
export const isName = (v: PdfValue | undefined): v is PdfName =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Uint8Array) &&
  v.t === 'name';
