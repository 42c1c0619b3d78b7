/** Turns what multer and busboy reject a request with into stable intake codes. */
import type { Request } from 'express';
import multer from 'multer';
import { BaseError } from '../../errors.js';
import { IntakeError, type IntakeErrorCode } from './errors.js';
import { FILES_FIELD } from './fields.js';

const MULTER_CODES: Readonly<Record<string, [IntakeErrorCode, string]>> = {
  LIMIT_FILE_COUNT: ['TOO_MANY_FILES', 'too many files'],
  LIMIT_FILE_SIZE: ['FILE_TOO_LARGE', 'a file is too large'],
  LIMIT_FIELD_VALUE: ['FIELD_TOO_LONG', 'a form field is too long'],
  LIMIT_FIELD_COUNT: ['UNEXPECTED_FIELD', 'too many form fields'],
  LIMIT_FIELD_KEY: ['UNEXPECTED_FIELD', 'a form field name is too long'],
  LIMIT_UNEXPECTED_FILE: ['UNEXPECTED_FIELD', `files must be sent as "${FILES_FIELD}"`],
  LIMIT_FIELD_NESTING: ['UNEXPECTED_FIELD', 'unexpected form field'],
  LIMIT_FIELD_ARRAY_INDEX: ['UNEXPECTED_FIELD', 'unexpected form field'],
  INVALID_FIELD_NAME: ['UNEXPECTED_FIELD', 'unexpected form field'],
};

/** Whether `req` says it carries `multipart/form-data` with parameters (the boundary). */
export function isFormData(req: Request): boolean {
  const type = req.headers['content-type'];
  return type !== undefined && /^multipart\/form-data\s*;/i.test(type);
}

const recent = new WeakMap<Request, Buffer[]>();

/** Remembers the last two body chunks of `req` (for {@link classifyUploadError}). */
export function keepRecentBytes(req: Request): void {
  const chunks: Buffer[] = [];
  recent.set(req, chunks);
  req.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    if (chunks.length > 2) chunks.shift();
  });
}

/**
 * Whether a raw Content-Disposition line in `bytes` carries a control byte. Browsers send such
 * bytes of a file name raw (WHATWG escapes only CR, LF and `"`), and busboy then refuses the part
 * header as a whole, so this tells a bad file name apart from a malformed body.
 */
function dispositionHasControlByte(bytes: Buffer): boolean {
  for (const line of bytes.toString('latin1').split('\r\n')) {
    if (!/^content-disposition:/i.test(line) || !/filename/i.test(line)) continue;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
    }
  }
  return false;
}

/**
 * Maps an error from multer, busboy or the request to an IntakeError; coded errors (an
 * IntakeError, or an InputError from a file name check) and others pass through.
 */
export function classifyUploadError(err: unknown, req: Request): unknown {
  if (err instanceof BaseError) return err;
  if (err instanceof multer.MulterError) {
    const [code, message] = MULTER_CODES[err.code] ?? [
      'INVALID_MULTIPART',
      'malformed multipart body',
    ];
    return new IntakeError(code, message, { cause: err });
  }
  const message = err instanceof Error ? err.message : '';
  if (
    (req.destroyed && !req.complete) ||
    message === 'Request aborted' ||
    message === 'Request closed'
  ) {
    return new IntakeError('UPLOAD_ABORTED', 'the client went away during the upload', {
      cause: err,
    });
  }
  // busboy's parser errors are plain Errors without a code; fs errors have one.
  if (err instanceof Error && err.constructor === Error && !('code' in err)) {
    if (
      message === 'Malformed part header' &&
      dispositionHasControlByte(Buffer.concat(recent.get(req) ?? []))
    ) {
      return new IntakeError(
        'INVALID_FILE_NAME',
        'the file name must not contain control characters',
        { cause: err },
      );
    }
    return new IntakeError('INVALID_MULTIPART', 'malformed multipart body', { cause: err });
  }
  return err;
}
