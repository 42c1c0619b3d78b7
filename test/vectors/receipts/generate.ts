/**
 * Golden receipts (issue #6): a small log of 7 entries signed with a TEST-ONLY key, and for each
 * deposit its receipt as issued, its tlog-proof, and the evidence files. Deterministic (fixed
 * times and salts, Ed25519 signatures are deterministic), so `test/verify/golden.test.ts` can
 * rebuild everything and compare it byte for byte with what is committed.
 *
 *   node --import tsx test/vectors/receipts/generate.ts     (or npm run vectors:receipts)
 *
 * Layout: `log.vkey` (the key to trust), `other.vkey` (a second TEST-ONLY key, same origin),
 * `checkpoint.<size>` (signed notes), `consistency.json` (proofs between them),
 * `files/<name>` (evidence), `<number>.receipt.json`, `<number>.tlog-proof`, `manifest.json`.
 * Certificates (`<number>.certificate.pdf`) join when src/certificate can render them.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256, sm3 } from '../../../src/crypto/index.js';
import { formatDepositNumber, makeEntry } from '../../../src/entry/index.js';
import { makeReceipt, receiptToTlogProof } from '../../../src/evidence/receipt.js';
import {
  decodeBase64,
  decodeHex,
  ed25519NoteSigner,
  encodeBase64,
  encodeHex,
  formatCheckpoint,
  formatVkey,
  rfc6962,
  signNote,
  type NoteSigner,
} from '../../../src/log/index.js';
import { ReferenceTree } from '../../reference/tree.js';

/** The golden log's origin (and key name). */
export const GOLDEN_ORIGIN = 'golden.huicun.localhost/log';
/** TEST-ONLY Ed25519 seeds: 32 × 0x47 ('G') for the log, 32 × 0x48 for "another key". */
const SEED = new Uint8Array(32).fill(0x47);
const OTHER_SEED = new Uint8Array(32).fill(0x48);
/** Tree sizes at which the log signed a checkpoint. */
export const CHECKPOINT_SIZES = [3, 5, 7] as const;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (b: Uint8Array): string => encodeHex(b);
const salt = (i: number): string => hex(nobleSha256(utf8(`huicun golden salt ${i}`)));
const time = (i: number): string => `2026-01-15T02:3${i}:00.${String(100 + i)}Z`;

/** The evidence files, by name on disk: deterministic bytes. */
function evidenceFiles(): Record<string, Uint8Array> {
  const contract = utf8(
    '房屋租赁合同\n甲方：张三　乙方：李四\n第一条　租期自 2026 年 1 月 1 日起一年。\nLease agreement (golden test file).\n',
  );
  const bin = new Uint8Array(4096);
  for (let i = 0; i < bin.length; i += 32) bin.set(nobleSha256(utf8(`block ${i}`)), i);
  return { 'contract.txt': contract, 'photo.bin': bin };
}

function fileItem(name: string, bytes: Uint8Array, mediaType: string, withSm3 = true): object {
  return {
    mediaType,
    name,
    sha256: hex(sha256(bytes)),
    size: bytes.length,
    ...(withSm3 ? { sm3: hex(sm3(bytes)) } : {}),
  };
}

const depositor = (account: string | undefined, name: string, verification: string): object => ({
  ...(account ? { account } : {}),
  idMasked: '3101**********1234',
  name,
  verification,
});

/** A note signer with the golden log key (or, with `other`, the second TEST-ONLY key). */
export function goldenNoteSigner(other = false): NoteSigner {
  const seed = other ? OTHER_SEED : SEED;
  return ed25519NoteSigner(GOLDEN_ORIGIN, ed25519.getPublicKey(seed), (m) => ed25519.sign(m, seed));
}

/** Builds every golden file: path (relative to this folder) → bytes. */
export async function buildGoldenReceipts(): Promise<Map<string, Uint8Array>> {
  const files = evidenceFiles();
  const contract = files['contract.txt']!;
  const photo = files['photo.bin']!;
  const openings: { type: 'deposit' | 'custody'; id: string; opening: object; file?: string }[] =
    [];
  const deposit = (opening: object, file?: string): void => {
    const i = openings.length;
    openings.push({
      type: 'deposit',
      id: formatDepositNumber(i),
      opening: { ...opening, salt: salt(i) },
      ...(file ? { file } : {}),
    });
  };
  const base = { description: '金标准测试存证 golden test deposit', method: 'upload' };
  deposit(
    {
      ...base,
      depositor: depositor('u_00000000000000a1', '张三', 'self-declared'),
      files: [fileItem('合同.txt', contract, 'text/plain')],
      title: '房屋租赁合同',
    },
    'contract.txt',
  );
  deposit(
    {
      ...base,
      method: 'hash-only',
      depositor: depositor('u_00000000000000a1', '张三', 'self-declared'),
      files: [fileItem('照片.bin', photo, 'application/octet-stream', false)],
      title: '仅摘要存证 hash-only',
    },
    'photo.bin',
  );
  deposit(
    {
      ...base,
      depositor: depositor('u_00000000000000b2', '李四', 'self-declared'),
      files: [
        fileItem('合同.txt', contract, 'text/plain'),
        fileItem('照片.bin', photo, 'application/octet-stream'),
      ],
      title: '两个文件 two files',
    },
    'photo.bin',
  );
  // A custody entry (docs/formats.md): its id is the tag of deposit 0's salt.
  const label = utf8('huicun/custody-tag/v1\n');
  const tag = hex(nobleSha256(new Uint8Array([...label, ...decodeHex(salt(0))])).subarray(0, 16));
  openings.push({
    type: 'custody',
    id: tag,
    opening: {
      actor: { account: 'u_00000000000000c3', displayName: '王公证员', role: 'notary' },
      deposit: formatDepositNumber(0),
      depositIndex: 0,
      event: 'viewed',
      eventId: 'e_golden_1',
      salt: salt(3),
      time: time(3),
    },
  });
  deposit(
    {
      ...base,
      agent: {
        account: 'u_00000000000000c3',
        name: '王公证员',
        office: '上海市徐汇公证处',
        role: 'notary',
      },
      depositor: depositor(undefined, '赵六', 'in-person'),
      files: [fileItem('合同.txt', contract, 'text/plain')],
      title: '窗口办理 counter deposit',
    },
    'contract.txt',
  );
  deposit(
    {
      ...base,
      depositor: depositor('u_00000000000000a1', '张三', 'self-declared'),
      files: [fileItem('照片.bin', photo, 'image/png')],
      title: '第六条 filler',
    },
    'photo.bin',
  );
  deposit(
    {
      ...base,
      depositor: depositor('u_00000000000000a1', '张三', 'self-declared'),
      files: [fileItem('合同.txt', contract, 'text/plain')],
      title: '第七条 filler',
    },
    'contract.txt',
  );

  const entries = openings.map((o, i) => makeEntry(o.type, o.id, time(i), o.opening).bytes);
  const tree = new ReferenceTree(entries, rfc6962);
  const signer = goldenNoteSigner();
  const vkey = formatVkey(GOLDEN_ORIGIN, ed25519.getPublicKey(SEED));
  const out = new Map<string, Uint8Array>();
  const text = (path: string, s: string): void => void out.set(path, utf8(s));
  text('log.vkey', `${vkey}\n`);
  text('other.vkey', `${formatVkey(GOLDEN_ORIGIN, ed25519.getPublicKey(OTHER_SEED))}\n`);
  for (const [name, bytes] of Object.entries(files)) out.set(`files/${name}`, bytes);
  const notes = new Map<number, string>();
  for (const size of CHECKPOINT_SIZES) {
    const note = await signNote(
      formatCheckpoint({ origin: GOLDEN_ORIGIN, size, root: tree.root(size), extensions: [] }),
      [signer],
    );
    notes.set(size, note);
    text(`checkpoint.${size}`, note);
  }
  const consistency = CHECKPOINT_SIZES.flatMap((from) =>
    CHECKPOINT_SIZES.filter((to) => to > from).map((to) => ({
      from,
      to,
      proof: tree.consistencyProof(from, to).map(encodeBase64),
    })),
  );
  text('consistency.json', `${JSON.stringify(consistency, null, 2)}\n`);
  const manifest: object[] = [];
  openings.forEach((o, index) => {
    if (o.type !== 'deposit') return;
    const size = CHECKPOINT_SIZES.find((s) => s > index)!;
    const receipt = makeReceipt({
      logKey: vkey,
      index,
      entry: entries[index]!,
      opening: o.opening,
      proof: tree.inclusionProof(index, size),
      checkpoint: notes.get(size)!,
    });
    text(`${o.id}.receipt.json`, `${JSON.stringify(receipt, null, 2)}\n`);
    text(`${o.id}.tlog-proof`, receiptToTlogProof(receipt, decodeBase64));
    manifest.push({
      number: o.id,
      index,
      size,
      file: `files/${o.file}`,
      receipt: `${o.id}.receipt.json`,
      tlogProof: `${o.id}.tlog-proof`,
    });
  });
  text(
    'manifest.json',
    `${JSON.stringify({ origin: GOLDEN_ORIGIN, vkey, deposits: manifest }, null, 2)}\n`,
  );
  return out;
}

/** This folder. */
export const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, bytes] of await buildGoldenReceipts()) {
    mkdirSync(dirname(join(GOLDEN_DIR, path)), { recursive: true });
    writeFileSync(join(GOLDEN_DIR, path), bytes);
  }
  console.log(`wrote golden receipts to ${GOLDEN_DIR}`);
}
