/**
 * The signature field of a certificate (PDF 2.0 §12.8, PAdES): a /Sig dictionary with
 * `ETSI.CAdES.detached`, a /ByteRange placeholder and zero-filled /Contents that
 * `@signpdf/signpdf` fills after the PDF is written, and a visible widget over the office seal
 * on page 1 whose normal appearance (/AP /N, a form XObject stream) draws the office seal. We
 * write the field ourselves instead of using @signpdf/placeholder-pdfkit because PDF/A wants
 * the widget printable (/F 4) with an appearance stream, and that package writes neither and
 * ends the widget before a caller could add them.
 * @module
 */
import { SignPdf } from '@signpdf/signpdf';
import {
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  SIG_FLAGS,
  SUBFILTER_ETSI_CADES_DETACHED,
} from '@signpdf/utils';
import { appearanceStream, type Box, type PdfkitRef as Ref } from '../rendering/appearance.js';
import { isStampFailure, type NotarySigner } from './signer.js';

interface DocInternals {
  ref(data: Record<string, unknown>): Ref;
  initForm(): void;
  _acroform?: unknown;
  _root: { data: { AcroForm?: Ref } };
  page: { height: number; dictionary: Ref; annotations: Ref[] };
}

/** What the signature dictionary says about the signing. */
export interface SignatureFieldOptions {
  /** The visible rectangle on the current page, in pdfkit coordinates (top-left origin). */
  readonly rect: Box;
  /**
   * Draws the widget's appearance (the seal) with pdfkit calls in page coordinates inside
   * `rect`; it goes into the /AP /N stream, not onto the page.
   */
  readonly appearance: (doc: PDFKit.PDFDocument) => void;
  readonly signer: NotarySigner;
  /** /M: the signing time (PAdES puts it here, not in the CMS). */
  readonly signedAt: Date;
  readonly reason: string;
  readonly location: string;
  readonly contactInfo: string;
  readonly appName: string;
}

/**
 * Adds the signature field to the CURRENT page of `doc` (call while on page 1, before
 * `doc.end()`); the document then needs {@link signPdf}.
 */
export function addSignatureField(doc: PDFKit.PDFDocument, o: SignatureFieldOptions): void {
  const d = doc as unknown as DocInternals;
  const r = o.rect;
  const sig = d.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [
      0,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
      DEFAULT_BYTE_RANGE_PLACEHOLDER,
    ],
    Contents: new Uint8Array(o.signer.signatureLength),
    Reason: new String(o.reason),
    M: o.signedAt,
    Name: new String(o.signer.info.commonName),
    Location: new String(o.location),
    ContactInfo: new String(o.contactInfo),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: o.appName } },
  });
  // A stream, never an empty dictionary: Ghostscript ("AcroForm field 'Sig' with no AP") and
  // PDFBox preflight ("The N Appearance must be a Stream") refuse anything else.
  const appearance = appearanceStream(doc, r, o.appearance);
  const pageHeight = d.page.height;
  const widget = d.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: 4, // Print
    Rect: [r.x, pageHeight - r.y - r.height, r.x + r.width, pageHeight - r.y],
    V: sig,
    T: new String('Signature1'),
    P: d.page.dictionary,
    AP: { N: appearance },
  });
  d.page.annotations.push(widget);
  if (!d._acroform) d.initForm();
  const form = d._root.data.AcroForm!;
  form.data = {
    SigFlags: SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY,
    Fields: [widget],
    DR: form.data.DR,
  };
  sig.end();
  widget.end();
}

/** Fills the signature placeholder of a finished PDF (the CMS from `signer`). */
export async function signPdf(pdf: Uint8Array, signer: NotarySigner): Promise<Buffer> {
  return new SignPdf().sign(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), signer);
}

/**
 * Builds a document with `build` and signs it. When the signature's time-stamp fails (the TSA
 * is down, refuses, or its token does not fit), the document is built again by an unstamped
 * signer — so its page says "no RFC 3161 time-stamp" — and signed without one: a TSA never
 * stops a certificate (docs/certificates.md "Signature time-stamps").
 */
export async function signDocument(
  build: (signer: NotarySigner) => Promise<Uint8Array>,
  signer: NotarySigner,
): Promise<Buffer> {
  if (!signer.timeStamper) return signPdf(await build(signer), signer);
  try {
    return await signPdf(await build(signer), signer);
  } catch (err) {
    if (!isStampFailure(err)) throw err;
    signer.onStampFailure?.(err);
  }
  const unstamped = signer.withTimeStamper(undefined);
  return signPdf(await build(unstamped), unstamped);
}
