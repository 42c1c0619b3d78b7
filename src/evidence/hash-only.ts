/**
 * Validation of hash-only deposit bodies (DESIGN §5, §9):
 * `{title, description?, files: [{name, size, sha256, sm3?, mediaType?}]}`. The file never
 * leaves the depositor's machine; the digests and the declared size are what gets deposited.
 * Every field is checked; unknown fields are refused.
 */
import { normaliseFileName } from './intake/file-name.js';
import { DEFAULT_MEDIA_TYPE } from './intake/media-type.js';
import { DepositError } from './errors.js';
import type { FileItem } from './opening.js';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
const HEX64 = /^[0-9a-fA-F]{64}$/;
export const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

export interface DepositFields {
  readonly title: string;
  readonly description: string;
}

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

/**
 * Checks title and description (shared by uploads and hash-only deposits): the title is
 * trimmed and required (1–200 characters), the description optional (≤ 4000).
 */
export function checkDepositFields(title: unknown, description: unknown): DepositFields {
  if (title === undefined || title === null || (typeof title === 'string' && title.trim() === '')) {
    throw new DepositError('MISSING_TITLE', 'a deposit needs a title');
  }
  if (typeof title !== 'string') throw new DepositError('INVALID_FIELD', 'title must be a string');
  const t = title.trim().normalize('NFC');
  if ([...t].length > TITLE_MAX)
    throw new DepositError('INVALID_FIELD', `title is longer than ${TITLE_MAX} characters`);
  if (description !== undefined && typeof description !== 'string') {
    throw new DepositError('INVALID_FIELD', 'description must be a string');
  }
  const d = (description ?? '').trim().normalize('NFC');
  if ([...d].length > DESCRIPTION_MAX) {
    throw new DepositError(
      'INVALID_FIELD',
      `description is longer than ${DESCRIPTION_MAX} characters`,
    );
  }
  if (hasControl(t) || hasControl(d)) {
    throw new DepositError(
      'INVALID_FIELD',
      'title and description must not contain control characters',
    );
  }
  // A lone surrogate (possible in JSON) cannot be canonicalised into the entry (RFC 8785).
  if (LONE_SURROGATE.test(t) || LONE_SURROGATE.test(d)) {
    throw new DepositError('INVALID_FIELD', 'title and description must be well-formed Unicode');
  }
  return { title: t, description: d };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 controls other than tab, LF and CR, and DEL. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function digest(v: unknown, field: string): string {
  if (typeof v !== 'string' || !HEX64.test(v)) {
    throw new DepositError('INVALID_DIGEST', `${field} must be 64 hexadecimal characters`);
  }
  return v.toLowerCase();
}

/**
 * Parses a hash-only deposit body.
 * @throws DepositError INVALID_FIELD, UNKNOWN_FIELD, MISSING_TITLE, INVALID_DIGEST;
 *   IntakeError INVALID_FILE_NAME
 */
export function parseHashOnlyBody(
  body: unknown,
  maxFiles: number,
): DepositFields & { files: FileItem[] } {
  const o = plainObject(body, 'the body');
  onlyKeys(o, ['title', 'description', 'files'], 'the body');
  const fields = checkDepositFields(o.title, o.description);
  if (!Array.isArray(o.files) || o.files.length === 0) {
    throw new DepositError('INVALID_FIELD', 'files must be a non-empty array');
  }
  if (o.files.length > maxFiles)
    throw new DepositError('INVALID_FIELD', `at most ${maxFiles} files per deposit`);
  const files = o.files.map((raw: unknown, i: number): FileItem => {
    const f = plainObject(raw, `files[${i}]`);
    onlyKeys(f, ['name', 'size', 'sha256', 'sm3', 'mediaType'], `files[${i}]`);
    if (typeof f.name !== 'string')
      throw new DepositError('INVALID_FIELD', `files[${i}].name must be a string`);
    const name = normaliseFileName(f.name);
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
  return { ...fields, files };
}
