/**
 * The pure PDF reader of the attachments huicun embeds in its certificates: no I/O, browser-safe,
 * so the web verifier and `huicun verify` read a certificate without pdfkit.
 * @module
 */
export { extractAttachments, type ExtractedAttachment } from './attachments.js';
export { MAX_PDF_BYTES, PdfError, type PdfErrorCode } from './errors.js';
