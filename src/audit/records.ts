/**
 * Audits the records against the log: every deposit, custody and admin record must rebuild the
 * exact entry stored at its index (so no opening, time or number was changed), custody records
 * must carry their deposit's tag, and every typed entry in the log must have its record.
 */
import { ADMIN_PREFIX, adminEntry, type AdminRecord } from '../accounts/index.js';
import { CUSTODY_PREFIX, custodyTag } from '../custody/index.js';
import { makeEntry, parseEntry } from '../entry/index.js';
import { DEPOSIT_PREFIX, parseDepositRecord, type DepositRecord } from '../evidence/index.js';
import { equalBytes, tileSlot } from '../log/index.js';
import type { TreeReader } from '../sequencer/index.js';
import type { RecordStore } from '../storage/index.js';
import type { AuditFinding, AuditSection } from './report.js';

export type RecordScan = Pick<RecordStore, 'scan'>;

const TYPES = { deposit: 1, custody: 2, admin: 3 } as const;

export async function auditRecords(deps: {
  records: RecordScan;
  reader: TreeReader;
  size: number;
  openBundle: () => { bundleIndex: number; entries: readonly Uint8Array[] };
}): Promise<AuditSection> {
  const findings: AuditFinding[] = [];
  const typeAt = new Uint8Array(deps.size);
  const covered = new Uint8Array(deps.size);
  const entryAt = async (index: number): Promise<Uint8Array | undefined> => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= deps.size) return undefined;
    const { tile, position } = tileSlot(index);
    const bundle = await deps.reader.bundleEntries(tile, deps.openBundle());
    return bundle[position];
  };
  let checked = 0;
  const check = async (
    where: string,
    index: number,
    type: keyof typeof TYPES,
    rebuilt: () => Uint8Array,
  ): Promise<void> => {
    checked++;
    const stored = await entryAt(index);
    if (!stored) {
      findings.push({ id: 'record.index', where, message: `index ${index} is not in the log` });
      return;
    }
    covered[index] = TYPES[type];
    let bytes: Uint8Array;
    try {
      bytes = rebuilt();
    } catch (err) {
      findings.push({ id: 'record.unreadable', where, message: (err as Error).message });
      return;
    }
    if (!equalBytes(bytes, stored)) {
      findings.push({
        id: 'record.entry',
        where,
        message: `the record does not rebuild the entry at index ${index} (opening, time or id changed)`,
      });
    }
  };

  const salts = new Map<number, string>();
  for await (const [key, value] of deps.records.scan(DEPOSIT_PREFIX)) {
    let r: DepositRecord;
    try {
      r = parseDepositRecord(value);
    } catch {
      findings.push({ id: 'record.unreadable', where: key, message: 'not JSON' });
      continue;
    }
    salts.set(r.index, r.opening?.salt);
    await check(
      key,
      r.index,
      'deposit',
      () => makeEntry('deposit', r.number, r.time, r.opening).bytes,
    );
  }
  for await (const [key, value] of deps.records.scan(CUSTODY_PREFIX)) {
    let r: { index: number; tag: string; opening: { depositIndex: number; time: string } };
    try {
      r = JSON.parse(new TextDecoder().decode(value)) as typeof r;
    } catch {
      findings.push({ id: 'record.unreadable', where: key, message: 'not JSON' });
      continue;
    }
    const salt = salts.get(r.opening.depositIndex);
    if (salt === undefined || custodyTag(salt) !== r.tag) {
      findings.push({
        id: 'custody.tag',
        where: key,
        message: 'the tag is not the one of its deposit',
      });
    }
    await check(
      key,
      r.index,
      'custody',
      () => makeEntry('custody', r.tag, r.opening.time, r.opening).bytes,
    );
  }
  for await (const [key, value] of deps.records.scan(ADMIN_PREFIX)) {
    let r: AdminRecord;
    try {
      r = JSON.parse(new TextDecoder().decode(value)) as AdminRecord;
    } catch {
      findings.push({ id: 'record.unreadable', where: key, message: 'not JSON' });
      continue;
    }
    await check(key, r.index, 'admin', () => adminEntry(key.slice(ADMIN_PREFIX.length), r.opening));
  }

  // Every typed entry has its record.
  for (let index = 0; index < deps.size; index++) {
    const entry = await entryAt(index);
    const parsed = entry ? parseEntry(entry) : undefined;
    if (parsed) typeAt[index] = TYPES[parsed.type];
    if (typeAt[index] && covered[index] !== typeAt[index]) {
      findings.push({
        id: 'record.missing',
        where: `log index ${index}`,
        message: `a ${parsed?.type} entry without its record`,
      });
    }
  }
  return { name: 'records (deposits, custody, admin) against their entries', checked, findings };
}
