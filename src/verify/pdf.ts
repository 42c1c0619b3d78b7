/**
 * Receipts inside huicun's own PDFs (docs/verification.md, docs/certificates.md): certificates and reports embed the receipt
 * JSON and the tlog-proof as file attachments. PDFs are read only as huicun writes them, at most
 * {@link MAX_PDF_BYTES}; any other PDF gets "give the receipt JSON instead". The attachment
 * reader itself (`extractAttachments`, pure) belongs to `src/certificate`; hosts pass it in.
 * @module
 */
import { VerifyError } from './errors.js';
import { looksLikeTlogProof, receiptFromTlogProof } from './tlog-proof.js';

/** Largest PDF a verifier reads (docs/verification.md). */
export const MAX_PDF_BYTES = 16 * 1024 * 1024;

/** One embedded file of a PDF. */
export interface Attachment {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Reads the embedded files of a PDF huicun wrote (`src/pdf/attachments.ts`). */
export type ExtractAttachments = (pdf: Uint8Array) => readonly Attachment[];

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether `bytes` start with the PDF header `%PDF-`. */
export function isPdf(bytes: Uint8Array): boolean {
  return PDF_MAGIC.every((b, i) => bytes[i] === b);
}

function notOurs(why: string, cause?: unknown): VerifyError {
  return new VerifyError(
    'NOT_A_HUICUN_PDF',
    `${why}: only certificates and reports huicun wrote carry a receipt — give the receipt JSON (--receipt) instead`,
    cause === undefined ? {} : { cause },
  );
}

/**
 * The receipt embedded in a huicun PDF: the `*receipt*.json` attachment, else the
 * `*.tlog-proof` one.
 * @throws {VerifyError} `NOT_A_HUICUN_PDF` for a file that is not a PDF, is larger than
 *   {@link MAX_PDF_BYTES}, cannot be read by `extract`, or carries no readable receipt;
 *   `INVALID_TLOG_PROOF` as `receiptFromTlogProof`.
 */
export function receiptFromPdf(pdf: Uint8Array, extract: ExtractAttachments): unknown {
  if (!isPdf(pdf)) throw notOurs('not a PDF');
  if (pdf.length > MAX_PDF_BYTES) throw notOurs(`larger than ${MAX_PDF_BYTES} bytes`);
  let attachments: readonly Attachment[];
  try {
    attachments = extract(pdf);
  } catch (cause) {
    throw notOurs('its embedded files cannot be read', cause);
  }
  const text = (a: Attachment): string => new TextDecoder().decode(a.bytes);
  const json = attachments.find((a) => /receipt.*\.json$/i.test(a.name));
  if (json !== undefined) {
    try {
      return JSON.parse(text(json)) as unknown;
    } catch (cause) {
      throw notOurs(`the attachment ${json.name} is not JSON`, cause);
    }
  }
  const proof = attachments.find((a) => /\.tlog-proof$/i.test(a.name));
  if (proof !== undefined && looksLikeTlogProof(text(proof)))
    return receiptFromTlogProof(text(proof));
  throw notOurs('it has no embedded receipt');
}

/**
 * The receipt in a document a caller hands in — a huicun PDF, a tlog-proof or receipt JSON,
 * told apart by their first bytes — and whether it was a PDF (whose own SHA-256 then matters for
 * `document.issued`).
 * @throws {VerifyError} `NOT_A_HUICUN_PDF` for a PDF when no `extract` is given or as
 *   {@link receiptFromPdf}; `INVALID_TLOG_PROOF`; `INVALID_RECEIPT` for anything that is not JSON.
 */
export function readReceiptDocument(
  bytes: Uint8Array,
  extract: ExtractAttachments | undefined,
): { receipt: unknown; pdf: boolean } {
  if (isPdf(bytes)) {
    if (extract === undefined) throw notOurs('PDFs cannot be read here');
    return { receipt: receiptFromPdf(bytes, extract), pdf: true };
  }
  const text = new TextDecoder().decode(bytes);
  if (looksLikeTlogProof(text)) return { receipt: receiptFromTlogProof(text), pdf: false };
  try {
    return { receipt: JSON.parse(text) as unknown, pdf: false };
  } catch (cause) {
    throw new VerifyError(
      'INVALID_RECEIPT',
      'not a receipt: give the receipt JSON, the tlog-proof or the certificate PDF',
      { cause },
    );
  }
}
