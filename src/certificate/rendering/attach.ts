/**
 * Embedded files (PDF 2.0 §7.11.4, PDF/A-3 associated files): each attachment is an
 * EmbeddedFile stream stored UNCOMPRESSED (no /Filter), referenced from a Filespec in the
 * catalog's /Names /EmbeddedFiles name tree and its /AF array. Uncompressed streams let
 * `src/pdf/attachments.ts` read them back in the browser without an inflate implementation;
 * receipts are a few kilobytes, so the cost is small.
 * @module
 */
import { CertificateError } from '../errors.js';

/** One file to embed. */
export interface Attachment {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly description: string;
  /** PDF/A-3 relationship to the document (default `Supplement`). */
  readonly relationship?: 'Source' | 'Data' | 'Alternative' | 'Supplement' | 'Unspecified';
}

interface Ref {
  data: Record<string, unknown>;
  compress: boolean;
  end(chunk?: Uint8Array): void;
}
interface DocInternals {
  ref(data: Record<string, unknown>): Ref;
  addNamedEmbeddedFile(name: string, ref: Ref): void;
  _root: { data: { AF?: Ref[] } };
}

/**
 * Embeds `files` into `doc` (call before `doc.end()`); `modified` dates them.
 * @throws {CertificateError} `INVALID_INPUT` for an empty file.
 */
export function embedFiles(
  doc: PDFKit.PDFDocument,
  files: readonly Attachment[],
  modified: Date,
): void {
  const d = doc as unknown as DocInternals;
  for (const f of files) {
    // pdfkit writes no stream at all for empty data, which would not be an EmbeddedFile.
    if (f.bytes.length === 0)
      throw new CertificateError('INVALID_INPUT', `attachment ${f.name} is empty`);
    const stream = d.ref({
      Type: 'EmbeddedFile',
      Subtype: f.mediaType.replace(/[^A-Za-z0-9.+-]/g, (c) => `#${c.charCodeAt(0).toString(16)}`),
      Params: { Size: f.bytes.length, ModDate: modified },
    });
    stream.compress = false;
    stream.end(f.bytes);
    const spec = d.ref({
      Type: 'Filespec',
      F: new String(f.name),
      UF: new String(f.name),
      Desc: new String(f.description),
      AFRelationship: f.relationship ?? 'Supplement',
      EF: { F: stream, UF: stream },
    });
    spec.end();
    d.addNamedEmbeddedFile(f.name, spec);
    (d._root.data.AF ??= []).push(spec);
  }
}
