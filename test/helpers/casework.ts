/**
 * Helpers for the custody, notarisation and sharing tests: a server with a movable clock,
 * accounts of every role, deposits, and an independent check of custody receipts (RFC 8785
 * re-implemented, the tag and commitment recomputed with node:crypto, the checkpoint and the
 * inclusion verified with the log core).
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { checkNewAccount, type Role } from '../../src/accounts/index.js';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyInclusion,
} from '../../src/log/index.js';
import type { RunningServer } from '../../src/server.js';
import { call, registerDepositor, testIdNumber, type Body } from './api.js';
import { startTestServer, type TestServer } from './server-fixture.js';

/** A clock the server reads for expiry and read windows; tests move it forward. */
export class TestClock {
  offsetMs = 0;
  readonly now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** A signed-in account. */
export interface Persona {
  readonly token: string;
  readonly id: string;
  readonly displayName: string;
  readonly idNumber?: string;
}

/** A test server (rate limits off: many registrations from one address) and its clock. */
export async function startCaseworkServer(
  options: { seeds?: boolean; env?: Record<string, string> } = {},
): Promise<{ server: TestServer; clock: TestClock; vkey: string }> {
  const clock = new TestClock();
  const server = await startTestServer(
    { HUICUN_RATE_LIMITS: 'off', HUICUN_MAX_FILE_BYTES: String(1024 * 1024), ...options.env },
    { seeds: options.seeds ?? false, now: clock.now },
  );
  const vkey = (await call(server.url, 'GET', '/api/v1/log/key')).body.vkey as string;
  return { server, clock, vkey };
}

/** The listed court named `name` (after NFKC), listed now by the operator if it is not yet. */
export async function listedCourt(
  server: Pick<RunningServer, 'courts'>,
  name: string,
): Promise<{ id: string; name: string }> {
  return (
    server.courts.byName(name) ??
    (await server.courts.create({ account: 'system', role: 'system' }, { name: name.trim() }))
  );
}

let seq = 0;
/**
 * A notary, judge or admin account made by the operator, with a token. A judge's `court` is
 * listed first if it is not yet (docs/courts.md: judges are bound to a listed court).
 */
export async function makeAccount(
  server: Pick<RunningServer, 'accounts' | 'courts'>,
  role: Exclude<Role, 'depositor'>,
  fields: { court?: string; office?: string; displayName?: string } = {},
): Promise<Persona> {
  if (role === 'judge' && fields.court !== undefined) await listedCourt(server, fields.court);
  seq++;
  const displayName = fields.displayName ?? `${role} ${seq}`;
  const user = await server.accounts.service.createAccount(
    { account: 'system', role: 'system' },
    checkNewAccount({
      username: `${role}-${process.pid}-${seq}`,
      password: 'a long test passphrase',
      role,
      displayName,
      ...(fields.court !== undefined ? { court: fields.court } : {}),
      ...(fields.office !== undefined ? { office: fields.office } : {}),
    }),
  );
  return { token: server.accounts.service.tokens.issue(user.id).token, id: user.id, displayName };
}

/** A self-registered depositor (through the API). */
export async function makeDepositor(server: TestServer, realName = '张三'): Promise<Persona> {
  const r = await registerDepositor(server.url, realName);
  return {
    token: r.token,
    id: r.user.id,
    displayName: r.user.displayName,
    idNumber: r.idNumber,
  };
}

/** A hash-only deposit body. */
export function hashOnly(title: string, sha = 'ab'.repeat(32)): Body {
  return { title, files: [{ name: `${title}.bin`, size: 42, sha256: sha }] };
}

/** A multipart upload body. */
export function uploadForm(
  files: { name: string; bytes: Uint8Array }[],
  fields: Record<string, string> = { title: '上传证据' },
): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append('files', new Blob([f.bytes]), f.name);
  return fd;
}

/** Deposits and returns `{deposit, receipt}` (expects 201). */
export async function deposit(
  server: TestServer,
  token: string,
  body: Body | FormData,
): Promise<Body> {
  const r = await call(server.url, 'POST', '/api/v1/deposits', {
    token,
    ...(body instanceof FormData ? { body } : { json: body }),
  });
  expect(r.status, r.text).to.equal(201);
  return r.body;
}

/** An independent RFC 8785 canonicalisation (strings, integers, booleans, arrays, objects). */
export function jcs(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${jcs((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sha256hex = (b: Uint8Array | string): string =>
  createHash('sha256').update(b).digest('hex');

/** The custody tag recomputed from docs/formats.md with node:crypto. */
export function expectedTag(depositSalt: string): string {
  return createHash('sha256')
    .update(
      Buffer.concat([
        Buffer.from('huicun/custody-tag/v1\n', 'utf8'),
        Buffer.from(depositSalt, 'hex'),
      ]),
    )
    .digest()
    .subarray(0, 16)
    .toString('hex');
}

/**
 * Checks any receipt as an outsider would, with code independent of the server: the entry bytes
 * are canonical `{commitment, id, time, type, v:1}`, commitment = SHA-256(JCS(opening)), the
 * checkpoint is signed by `vkey`, and the inclusion proof holds. Returns the parsed entry.
 */
export function checkReceipt(receipt: Body, vkey: string): Body {
  expect(receipt.format).to.equal('huicun.receipt/v1');
  expect(receipt.logKey).to.equal(vkey);
  const entryBytes = decodeBase64(receipt.entry);
  const text = new TextDecoder().decode(entryBytes);
  const entry = JSON.parse(text);
  expect(text).to.equal(jcs(entry));
  expect(Object.keys(entry).sort()).to.deep.equal(['commitment', 'id', 'time', 'type', 'v']);
  expect(entry.v).to.equal(1);
  expect(entry.commitment).to.equal(sha256hex(jcs(receipt.opening)));
  const cp = parseCheckpoint(openNote(receipt.checkpoint, [parseVkey(vkey)]).text);
  expect(receipt.index).to.be.below(cp.size);
  verifyInclusion(
    receipt.index,
    cp.size,
    rfc6962.hashLeaf(entryBytes),
    receipt.proof.map(decodeBase64),
    cp.root,
    rfc6962,
  );
  return entry;
}

/** A custody receipt: {@link checkReceipt}, with the tag of the deposit's salt. Returns the opening. */
export function checkCustodyReceipt(receipt: Body, vkey: string, depositSalt: string): Body {
  const entry = checkReceipt(receipt, vkey);
  expect(entry).to.include({ type: 'custody', id: expectedTag(depositSalt) });
  expect(entry.time).to.equal(receipt.opening.time);
  return receipt.opening;
}

/** The custody trail of a deposit as `token` sees it (expects 200). */
export async function trail(server: TestServer, token: string, id: string): Promise<Body[]> {
  const r = await call(server.url, 'GET', `/api/v1/deposits/${id}/custody`, { token });
  expect(r.status, r.text).to.equal(200);
  return r.body.items;
}

export { testIdNumber };
