/**
 * The log facts a certificate prints, taken from the deposit's receipt (docs/verification.md) and checked
 * on the way: the entry parses and names the deposit, the opening matches the commitment, the
 * checkpoint's signature verifies with the receipt's key, and the inclusion proof leads to its
 * root. A certificate never prints a receipt that does not verify.
 * @module
 */
import { sha256 } from '../../crypto/index.js';
import { openingCommitment, parseEntry, type Entry } from '../../entry/index.js';
import {
  type Receipt,
  receiptToTlogProof,
  openingFile,
  type DepositOpening,
  type DepositView,
} from '../../evidence/index.js';
import {
  decodeBase64,
  encodeHex,
  formatKeyId,
  openNote,
  parseCheckpoint,
  parseVkey,
  treeHasher,
  verifyInclusion,
} from '../../log/index.js';
import type { Attachment } from '../rendering/attach.js';
import { CertificateError } from '../errors.js';

/** What the certificate shows about the log. */
export interface ReceiptFacts {
  readonly index: number;
  readonly entry: Entry;
  /** The entry bytes as text (JCS JSON). */
  readonly entryText: string;
  readonly leafHashHex: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly rootBase64: string;
  readonly rootHex: string;
  /** The signed note's signature lines (`— <name> <base64>`). */
  readonly signatureLines: readonly string[];
  /** The whole signed checkpoint note. */
  readonly checkpoint: string;
  readonly vkey: string;
  readonly keyId: string;
  readonly proof: readonly string[];
  /** The receipt as JSON bytes (the attachment). */
  readonly receiptJson: Uint8Array;
  /** The receipt as c2sp.org/tlog-proof@v1 text (the other attachment). */
  readonly tlogProof: string;
}

const hasher = treeHasher(sha256);

function invalid(message: string, cause?: unknown): CertificateError {
  return new CertificateError(
    'INVALID_INPUT',
    `receipt: ${message}`,
    cause === undefined ? {} : { cause },
  );
}

/**
 * Checks that what a certificate prints from the deposit view is what the receipt's opening
 * attests (title, description, method, depositor, files) and that its time is the entry's.
 * @throws {CertificateError} `INVALID_INPUT` on any difference.
 */
export function assertViewMatchesReceipt(
  view: DepositView,
  facts: ReceiptFacts,
  opening: unknown,
): void {
  const o = opening as Partial<DepositOpening>;
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const printed = {
    title: view.title,
    description: view.description,
    method: view.method,
    depositor: [view.depositor.name, view.depositor.idMasked, view.depositor.verification],
    files: view.files.map(openingFile),
  };
  const attested = {
    title: o.title,
    description: o.description,
    method: o.method,
    depositor: [o.depositor?.name, o.depositor?.idMasked, o.depositor?.verification],
    files: Array.isArray(o.files) ? o.files.map(openingFile) : o.files,
  };
  const differs = Object.keys(printed).filter(
    (k) => !same(printed[k as keyof typeof printed], attested[k as keyof typeof attested]),
  );
  if (view.createdAt !== facts.entry.time) differs.push('createdAt');
  if (differs.length)
    throw invalid(`the deposit view differs from the receipt's opening in ${differs.join(', ')}`);
}

/**
 * Checks `receipt` and extracts the facts a certificate prints.
 * @throws {CertificateError} `INVALID_INPUT` when the receipt does not verify under its own key
 *   or is not about deposit `number`.
 */
export function receiptFacts(receipt: Receipt, number: string): ReceiptFacts {
  const entryBytes = decodeBase64(receipt.entry);
  const entry = parseEntry(entryBytes);
  if (!entry || entry.type !== 'deposit' || entry.id !== number)
    throw invalid(`the entry is not deposit ${number}`);
  if (openingCommitment(receipt.opening) !== entry.commitment)
    throw invalid('the opening does not match the entry commitment');
  let text: string;
  const verifier = parseVkey(receipt.logKey);
  try {
    text = openNote(receipt.checkpoint, [verifier]).text;
  } catch (cause) {
    throw invalid('the checkpoint is not signed by the receipt key', cause);
  }
  const cp = parseCheckpoint(text);
  const leaf = hasher.hashLeaf(entryBytes);
  const proof = receipt.proof.map(decodeBase64);
  try {
    verifyInclusion(receipt.index, cp.size, leaf, proof, cp.root, hasher);
  } catch (cause) {
    throw invalid('the inclusion proof does not lead to the checkpoint root', cause);
  }
  const sigStart = receipt.checkpoint.lastIndexOf('\n\n');
  return {
    index: receipt.index,
    entry,
    entryText: new TextDecoder().decode(entryBytes),
    leafHashHex: encodeHex(leaf),
    origin: cp.origin,
    treeSize: cp.size,
    rootBase64: text.split('\n')[2]!,
    rootHex: encodeHex(cp.root),
    signatureLines: receipt.checkpoint
      .slice(sigStart + 2)
      .split('\n')
      .filter(Boolean),
    checkpoint: receipt.checkpoint,
    vkey: receipt.logKey,
    keyId: formatKeyId(verifier.keyId),
    proof: receipt.proof,
    receiptJson: new TextEncoder().encode(`${JSON.stringify(receipt, null, 2)}\n`),
    tlogProof: receiptToTlogProof(receipt, decodeBase64),
  };
}

/** The two attachments that make a certificate self-contained: receipt JSON and tlog-proof. */
export function receiptAttachments(facts: ReceiptFacts, depositId: string): Attachment[] {
  return [
    {
      name: `${depositId}.receipt.json`,
      bytes: facts.receiptJson,
      mediaType: 'application/json',
      description: '存证回执 Deposit receipt (huicun.receipt/v1)',
      relationship: 'Data',
    },
    {
      name: `${depositId}.tlog-proof`,
      bytes: new TextEncoder().encode(facts.tlogProof),
      mediaType: 'text/plain',
      description: 'c2sp.org/tlog-proof@v1',
      relationship: 'Data',
    },
  ];
}
