/**
 * Entry checks (docs/formats.md, docs/verification.md): `entry.canonical` (the bytes are the RFC 8785 canonical JSON of
 * an entry, its id and time well-formed for its type), `entry.id` (the number asked about) and
 * `opening.commitment` (the entry commits to the opening: hex SHA-256 of JCS(opening)).
 * @module
 */
import {
  canonicalize,
  openingCommitment,
  parseDepositNumber,
  parseEntry,
  type Entry,
} from '../entry/index.js';
import { check, msg, type Check } from './checks.js';

/** RFC 3339 UTC with milliseconds, as the sequencer writes entry times (docs/log.md). */
const ENTRY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Ids by entry type (docs/formats.md): a deposit number, a custody tag, an admin action id. */
const ENTRY_ID: Readonly<Record<Entry['type'], (id: string) => boolean>> = {
  deposit: (id) => parseDepositNumber(id)?.number === id,
  custody: (id) => /^[0-9a-f]{32}$/.test(id),
  admin: (id) => /^adm_[0-9a-f]{32}$/.test(id),
};

/** The entry if `bytes` are the canonical JSON of a well-formed entry (id and time included). */
function wellFormedEntry(bytes: Uint8Array | undefined): Entry | undefined {
  const entry = bytes === undefined ? undefined : parseEntry(bytes);
  if (entry === undefined || !ENTRY_TIME.test(entry.time) || Number.isNaN(Date.parse(entry.time)))
    return undefined;
  return ENTRY_ID[entry.type](entry.id) ? entry : undefined;
}

/** The entry's text and loosely read fields, even when it is not canonical. */
function looseEntry(bytes: Uint8Array | undefined): {
  text?: string;
  value?: Record<string, unknown>;
} {
  if (bytes === undefined) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { text, value: value as Record<string, unknown> }
      : { text };
  } catch {
    return { text };
  }
}

/** The three entry checks, and the entry when it is a well-formed canonical entry. */
export function entryChecks(
  bytes: Uint8Array | undefined,
  opening: Readonly<Record<string, unknown>> | undefined,
  depositId: string | undefined,
): { checks: Check[]; entry?: Entry } {
  const entry = wellFormedEntry(bytes);
  const loose = looseEntry(bytes);
  const checks: Check[] = [];

  let canonical: string | null = null;
  try {
    if (loose.value !== undefined) canonical = canonicalize(loose.value);
  } catch {
    canonical = null;
  }
  checks.push(
    entry
      ? check(
          'entry.canonical',
          'pass',
          msg(
            '日志条目是格式正确的规范 JSON（RFC 8785）',
            'the log entry is well-formed canonical JSON (RFC 8785)',
          ),
          canonical,
          loose.text,
        )
      : check(
          'entry.canonical',
          'fail',
          msg(
            '日志条目不是格式正确的规范 JSON（RFC 8785）：条目已被改动',
            'the log entry is not a well-formed canonical entry (RFC 8785): it was changed',
          ),
          canonical,
          loose.text ?? null,
        ),
  );

  if (depositId === undefined) {
    checks.push(
      check('entry.id', 'skip', msg('未指定存证编号', 'no deposit number was asked about')),
    );
  } else {
    const asked = parseDepositNumber(depositId)?.number ?? depositId;
    const id = entry?.id ?? (typeof loose.value?.id === 'string' ? loose.value.id : null);
    const ok = id === asked;
    checks.push(
      check(
        'entry.id',
        ok ? 'pass' : 'fail',
        ok
          ? msg('条目编号与所查存证编号一致', 'the entry is the deposit number asked about')
          : msg('条目编号与所查存证编号不符', 'the entry is not the deposit number asked about'),
        asked,
        id,
      ),
    );
  }

  const committed =
    entry?.commitment ??
    (typeof loose.value?.commitment === 'string' ? loose.value.commitment : null);
  let computed: string | null = null;
  try {
    if (opening !== undefined) computed = openingCommitment(opening);
  } catch {
    computed = null;
  }
  const ok = computed !== null && committed === computed;
  checks.push(
    ok
      ? check(
          'opening.commitment',
          'pass',
          msg(
            '存证内容（开示）与日志条目的承诺一致',
            'the opening matches the commitment in the log entry',
          ),
          committed,
          computed,
        )
      : check(
          'opening.commitment',
          'fail',
          msg(
            '存证内容（开示）与日志条目的承诺不符：存证内容或条目已被改动',
            'the opening does not match the commitment in the log entry: the opening or the entry was changed',
          ),
          committed,
          computed,
        ),
  );
  return { checks, ...(entry ? { entry } : {}) };
}
