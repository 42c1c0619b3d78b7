/**
 * Validation of hash-only deposit bodies (docs/life-of-a-deposit.md step 1):
 * `{title, description?, files: [{name, size, sha256, sm3?, mediaType?}]}`. The file never
 * leaves the depositor's machine; the digests and the declared size are what gets deposited.
 * Every field is checked; unknown fields are refused.
 */
import { checkFields, fileName } from '../input/index.js';
import { depositDescription, depositTitle, type DepositFields } from './deposit-fields.js';
import { DEFAULT_MEDIA_TYPE } from './intake/media-type.js';
import { DepositError } from './errors.js';
import type { FileItem } from './opening.js';

export { checkDepositFields, type DepositFields } from './deposit-fields.js';

const HEX64 = /^[0-9a-fA-F]{64}$/;
export const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

function plainObject(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new DepositError('INVALID_FIELD', `${what} must be a JSON object`);
  }
  return v as Record<string, unknown>;
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(o).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new DepositError(
      'UNKNOWN_FIELD',
      `unknown field${unknown.length > 1 ? 's' : ''} in ${where}: ${unknown.slice(0, 5).join(', ')}`,
    );
  }
}

function digest(v: unknown, field: string): string {
  if (typeof v !== 'string' || !HEX64.test(v)) {
    throw new DepositError('INVALID_DIGEST', `${field} must be 64 hexadecimal characters`);
  }
  return v.toLowerCase();
}

function parseFiles(value: unknown, maxFiles: number): FileItem[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DepositError('INVALID_FIELD', 'files must be a non-empty array');
  }
  if (value.length > maxFiles)
    throw new DepositError('INVALID_FIELD', `at most ${maxFiles} files per deposit`);
  return value.map((raw: unknown, i: number): FileItem => {
    const f = plainObject(raw, `files[${i}]`);
    onlyKeys(f, ['name', 'size', 'sha256', 'sm3', 'mediaType'], `files[${i}]`);
    if (typeof f.name !== 'string')
      throw new DepositError('INVALID_FIELD', `files[${i}].name must be a string`);
    const name = fileName(f.name, `files[${i}].name`);
    if (typeof f.size !== 'number' || !Number.isSafeInteger(f.size) || f.size < 1) {
      throw new DepositError('INVALID_FIELD', `files[${i}].size must be a positive integer`);
    }
    const mediaType = f.mediaType === undefined ? DEFAULT_MEDIA_TYPE : f.mediaType;
    if (typeof mediaType !== 'string' || !MEDIA_TYPE.test(mediaType)) {
      throw new DepositError(
        'INVALID_FIELD',
        `files[${i}].mediaType must be a media type like application/pdf`,
      );
    }
    return {
      name,
      size: f.size,
      mediaType,
      sha256: digest(f.sha256, `files[${i}].sha256`),
      ...(f.sm3 !== undefined ? { sm3: digest(f.sm3, `files[${i}].sm3`) } : {}),
    };
  });
}

/**
 * Parses a hash-only deposit body; title, description and files are all checked, and every bad
 * one is named in the error.
 * @throws DepositError INVALID_FIELD, UNKNOWN_FIELD, MISSING_TITLE, INVALID_DIGEST;
 *   InputError INVALID_FIELD, FIELD_TOO_LONG, INVALID_FILE_NAME
 */
export function parseHashOnlyBody(
  body: unknown,
  maxFiles: number,
): DepositFields & { files: FileItem[] } {
  const o = plainObject(body, 'the body');
  onlyKeys(o, ['title', 'description', 'files'], 'the body');
  return checkFields(o, {
    title: depositTitle,
    description: depositDescription,
    files: (v) => parseFiles(v, maxFiles),
  });
}
