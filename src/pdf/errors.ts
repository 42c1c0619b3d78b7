import { BaseError } from '../errors.js';
import { MAX_PDF_BYTES } from '../verify/index.js';

/**
 * - PDF_UNREADABLE (400): `extractAttachments` was given bytes that are not a PDF as huicun
 *   writes them ("give the receipt JSON instead").
 * - PDF_TOO_LARGE (413): more than {@link MAX_PDF_BYTES}.
 */
export type PdfErrorCode = 'PDF_UNREADABLE' | 'PDF_TOO_LARGE';

/** Errors of the PDF reader (docs/verification.md, docs/errors.md). */
export class PdfError extends BaseError<PdfErrorCode> {}

/** Largest PDF `extractAttachments` reads: the verifier's limit (docs/verification.md, 16 MiB). */
export { MAX_PDF_BYTES };
