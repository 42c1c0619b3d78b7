/**
 * Request bodies of the court list (docs/courts.md), checked field by field (unknown fields
 * refused), and the court reference that shares and judges carry: a listed court's `courtId`,
 * or for compatibility its `court` name.
 */
import { checkName, requireBoolean } from '../accounts/index.js';
import { invalidField, readBody, requireString, singleLine, type Body } from '../input/index.js';

/** Longest English name (English court names run longer than Chinese ones). */
export const COURT_NAME_EN_MAX = 128;
/** Longest search text. */
export const COURT_QUERY_MAX = 64;

/** A listed court named by id, or by name (resolved after NFKC; docs/courts.md). */
export type CourtRef = { readonly courtId: string } | { readonly name: string };

/** A new court. */
export interface NewCourt {
  readonly name: string;
  readonly nameEn?: string;
  readonly region?: string;
}

/** A change to a court: at least one field. */
export interface CourtChange {
  readonly name?: string;
  readonly nameEn?: string;
  readonly region?: string;
  readonly disabled?: boolean;
}

function optional<T>(b: Body, field: string, check: (raw: string) => T): T | undefined {
  return b[field] === undefined ? undefined : check(requireString(b, field));
}

const nameEn = (raw: string): string => singleLine('nameEn', raw, { max: COURT_NAME_EN_MAX });
const region = (raw: string): string => checkName('region', raw);

/**
 * `POST /api/v1/admin/courts` `{name, nameEn?, region?}`.
 * @throws AccountError INVALID_BODY, UNKNOWN_FIELD, INVALID_FIELD naming the field.
 */
export function parseCourtCreate(body: unknown): NewCourt {
  const b = readBody(body, ['name', 'nameEn', 'region']);
  const name = checkName('name', requireString(b, 'name'));
  const en = optional(b, 'nameEn', nameEn);
  const r = optional(b, 'region', region);
  return {
    name,
    ...(en !== undefined ? { nameEn: en } : {}),
    ...(r !== undefined ? { region: r } : {}),
  };
}

/**
 * `PATCH /api/v1/admin/courts/:id` `{name?, nameEn?, region?, disabled?}` (at least one).
 * @throws AccountError INVALID_BODY, UNKNOWN_FIELD, INVALID_FIELD naming the field.
 */
export function parseCourtChange(body: unknown): CourtChange {
  const b = readBody(body, ['name', 'nameEn', 'region', 'disabled']);
  const name = optional(b, 'name', (raw) => checkName('name', raw));
  const en = optional(b, 'nameEn', nameEn);
  const r = optional(b, 'region', region);
  const disabled = b.disabled === undefined ? undefined : requireBoolean(b, 'disabled');
  if (name === undefined && en === undefined && r === undefined && disabled === undefined)
    throw invalidField('name', 'is required (or give nameEn, region or disabled)');
  return {
    ...(name !== undefined ? { name } : {}),
    ...(en !== undefined ? { nameEn: en } : {}),
    ...(r !== undefined ? { region: r } : {}),
    ...(disabled !== undefined ? { disabled } : {}),
  };
}

/**
 * The court a body names: `courtId`, or `court` (a listed name) — exactly one of the two.
 * @throws AccountError INVALID_FIELD naming `court` when both or neither are given, or a value
 *   is not a short string.
 */
export function parseCourtRef(b: Body): CourtRef {
  const hasId = b.courtId !== undefined;
  const hasName = b.court !== undefined;
  if (hasId && hasName) throw invalidField('court', 'must not be given with courtId (give one)');
  if (hasId) {
    const id = requireString(b, 'courtId');
    if (id.length > 64) throw invalidField('courtId', 'is too long');
    return { courtId: id };
  }
  if (!hasName) throw invalidField('court', 'is required (or give courtId)');
  return { name: checkName('court', requireString(b, 'court')) };
}
