/**
 * Reads the embedded files back out of a PDF huicun wrote (docs/verification.md, docs/certificates.md): trailer → catalog →
 * /Names /EmbeddedFiles name tree → Filespec → /EF → EmbeddedFile stream. huicun stores
 * attachments uncompressed (see `src/certificate/rendering/attach.ts`), so no inflate is needed; a filtered stream is
 * refused. Pure (no node:* imports): the browser verifier uses it as it is.
 * @module
 */
import { MAX_PDF_BYTES, PdfError } from './errors.js';
import {
  isDict,
  isName,
  isRef,
  PdfLexer,
  textOf,
  unreadable,
  type PdfDict,
  type PdfValue,
} from './pdf-objects.js';

/** One embedded file. */
export interface ExtractedAttachment {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const MAX_ATTACHMENTS = 64;
const MAX_OBJECTS = 100_000;
const MAX_TREE_DEPTH = 8;

/** The objects of a PDF, found through its cross-reference tables. */
class PdfFile {
  readonly offsets = new Map<number, number>();
  readonly trailer: PdfDict;
  private readonly cache = new Map<number, PdfValue>();

  constructor(readonly bytes: Uint8Array) {
    const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw unreadable('no startxref at its end');
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    for (let at: number | undefined = Number(m[1]); at !== undefined;) {
      if (seen.has(at) || seen.size > 32 || at >= bytes.length)
        throw unreadable('bad cross-reference chain');
      seen.add(at);
      const section = this.readXref(at);
      trailer ??= section;
      const prev = section.v.get('Prev');
      at = typeof prev === 'number' ? prev : undefined;
    }
    this.trailer = trailer!;
  }

  /** Reads one classic xref section at `at`; entries already known (newer) win. */
  private readXref(at: number): PdfDict {
    const lx = new PdfLexer(this.bytes, at);
    if (lx.word() !== 'xref') throw unreadable('cross-reference streams are not supported');
    while (lx.word(true) !== 'trailer') {
      const first = lx.integer();
      const count = lx.integer();
      if (count > MAX_OBJECTS || this.offsets.size + count > MAX_OBJECTS)
        throw unreadable('too many objects');
      for (let i = 0; i < count; i++) {
        const offset = lx.integer();
        lx.integer(); // generation
        const kind = lx.word();
        if (kind !== 'n' && kind !== 'f') throw unreadable('bad cross-reference entry');
        if (kind === 'n' && !this.offsets.has(first + i)) this.offsets.set(first + i, offset);
      }
    }
    lx.expect('trailer');
    const trailer = lx.value();
    if (!isDict(trailer)) throw unreadable('bad trailer');
    return trailer;
  }

  /** Follows references (a few levels) to a direct value. */
  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (!isRef(v)) return v;
    if (depth > 8) throw unreadable('reference loop');
    return this.resolve(this.object(v.n), depth + 1);
  }

  /** Indirect object `n` (with its stream data, if it is a stream). */
  object(n: number): PdfValue {
    const hit = this.cache.get(n);
    if (hit !== undefined) return hit;
    const offset = this.offsets.get(n);
    if (offset === undefined || offset >= this.bytes.length)
      throw unreadable(`object ${n} is missing`);
    const lx = new PdfLexer(this.bytes, offset);
    if (lx.integer() !== n) throw unreadable(`object ${n} is not at its offset`);
    lx.integer();
    lx.expect('obj');
    const value = lx.value();
    if (isDict(value) && lx.word(true) === 'stream') this.readStream(lx, value);
    this.cache.set(n, value);
    return value;
  }

  private readStream(lx: PdfLexer, dict: PdfDict): void {
    lx.word();
    const b = this.bytes;
    if (b[lx.pos] === 0x0d) lx.pos++;
    if (b[lx.pos] === 0x0a) lx.pos++;
    const length = this.resolve(dict.v.get('Length'));
    if (
      typeof length !== 'number' ||
      !Number.isSafeInteger(length) ||
      length < 0 ||
      lx.pos + length > b.length
    )
      throw unreadable('bad stream length');
    dict.stream = b.subarray(lx.pos, lx.pos + length);
    lx.pos += length;
    if (lx.word() !== 'endstream') throw unreadable('stream length does not reach endstream');
  }

  dict(v: PdfValue | undefined, what: string): PdfDict {
    const d = this.resolve(v);
    if (!isDict(d)) throw unreadable(`${what} is missing`);
    return d;
  }
}

/** The (name, filespec) pairs of a name tree, leaves in order. */
function nameTree(pdf: PdfFile, node: PdfDict, out: [string, PdfValue][], depth: number): void {
  if (depth > MAX_TREE_DEPTH) throw unreadable('name tree too deep');
  const names = pdf.resolve(node.v.get('Names'));
  if (Array.isArray(names)) {
    for (let i = 0; i + 1 < names.length; i += 2) {
      const key = names[i];
      if (!(key instanceof Uint8Array)) throw unreadable('a name tree key is not a string');
      out.push([textOf(key), names[i + 1]!]);
      if (out.length > MAX_ATTACHMENTS)
        throw unreadable(`more than ${MAX_ATTACHMENTS} attachments`);
    }
  }
  const kids = pdf.resolve(node.v.get('Kids'));
  if (Array.isArray(kids))
    for (const k of kids) nameTree(pdf, pdf.dict(k, 'a name tree node'), out, depth + 1);
}

/**
 * The embedded files of `pdf` (a PDF huicun wrote), in name-tree order; none → `[]`.
 * @throws {PdfError} `PDF_TOO_LARGE` above {@link MAX_PDF_BYTES}; `PDF_UNREADABLE` for
 *   anything else than a classic-xref PDF with uncompressed attachments (hostile input included).
 */
export function extractAttachments(pdf: Uint8Array): ExtractedAttachment[] {
  if (!(pdf instanceof Uint8Array)) throw unreadable('not bytes');
  if (pdf.length > MAX_PDF_BYTES)
    throw new PdfError('PDF_TOO_LARGE', `a PDF to read is at most ${MAX_PDF_BYTES} bytes`);
  if (textOf(pdf.subarray(0, 5)) !== '%PDF-') throw unreadable('no %PDF- header');
  try {
    const file = new PdfFile(pdf);
    const catalog = file.dict(file.trailer.v.get('Root'), 'the catalog');
    const names = file.resolve(catalog.v.get('Names'));
    if (!isDict(names) || names.v.get('EmbeddedFiles') === undefined) return [];
    const pairs: [string, PdfValue][] = [];
    nameTree(file, file.dict(names.v.get('EmbeddedFiles'), 'the EmbeddedFiles tree'), pairs, 0);
    return pairs.map(([key, specRef]) => {
      const spec = file.dict(specRef, `the file specification of ${key}`);
      const ef = file.dict(spec.v.get('EF'), `the /EF of ${key}`);
      const stream = file.dict(ef.v.get('UF') ?? ef.v.get('F'), `the embedded file ${key}`);
      const filter = file.resolve(stream.v.get('Filter'));
      if (filter !== undefined && !(Array.isArray(filter) && filter.length === 0))
        throw unreadable(
          `the attachment ${key} is compressed (${isName(filter) ? filter.v : 'filters'})`,
        );
      if (!stream.stream) throw unreadable(`the attachment ${key} has no data`);
      const label = file.resolve(spec.v.get('UF') ?? spec.v.get('F'));
      return {
        name: label instanceof Uint8Array ? textOf(label) : key,
        bytes: stream.stream.slice(),
      };
    });
  } catch (err) {
    if (err instanceof PdfError) throw err;
    throw new PdfError('PDF_UNREADABLE', 'not a PDF huicun wrote', { cause: err });
  }
}
