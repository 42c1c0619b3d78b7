/**
 * The browser's verification host (docs/verification.md), loaded only by the pages that verify: reads a
 * certificate PDF (its embedded receipt), a receipt JSON or a tlog-proof; fetches the log's key,
 * current checkpoint and a consistency proof; asks whether a PDF was issued; then runs the SAME
 * pure verifier as the CLI and the server (`src/verify`), on digests hashed in this browser, with
 * the time-stamp tokens' signatures pre-checked here by WebCrypto (./tsa-check.ts; their trust
 * stays with the CLI and the server). A
 * number lookup's public log proof is checked again here with `verifyLogProof`
 * (docs/verification.md).
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { extractAttachments } from '../../src/pdf/index.js';
import {
  isPdf,
  looksLikeTlogProof,
  onlineView,
  readReceipt,
  receiptFromPdf,
  receiptFromTlogProof,
  verifyLogProof,
  verifyReceipt,
  type LogClient,
  type LogProofReport,
  type OnlineView,
  type TsaChecker,
  type VerifyReport,
} from '../../src/verify/index.js';
import { api, request } from './api.js';
import { browserTrustWording, browserTsaChecker } from './tsa-check.js';
import type { CheckView } from './types.js';

/** A certificate or receipt the person dropped, read. */
export interface ReadDocument {
  readonly kind: 'pdf' | 'receipt' | 'tlog-proof';
  readonly name: string;
  readonly receipt: unknown;
  /** SHA-256 (hex) of a PDF's bytes, for `document.issued`. */
  readonly sha256?: string;
}

/** Largest receipt or certificate read (a huicun PDF is far smaller). */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads a certificate PDF, receipt JSON or tlog-proof.
 * @throws Error (or the verifier's VerifyError) with a message for the person.
 */
export async function readDocument(file: File): Promise<ReadDocument> {
  if (file.size > MAX_DOCUMENT_BYTES) throw new Error('too large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isPdf(bytes)) {
    return {
      kind: 'pdf',
      name: file.name,
      receipt: receiptFromPdf(bytes, extractAttachments),
      sha256: hex(sha256(bytes)),
    };
  }
  const text = new TextDecoder().decode(bytes);
  if (looksLikeTlogProof(text)) {
    return { kind: 'tlog-proof', name: file.name, receipt: receiptFromTlogProof(text) };
  }
  return { kind: 'receipt', name: file.name, receipt: JSON.parse(text) as unknown };
}

interface LogKey {
  readonly origin: string;
  readonly vkey: string;
  readonly previous?: readonly string[];
}

/** What the online part fetched, shown beside the result. */
export interface OnlineFacts {
  readonly vkey: string;
  readonly treeSize: number;
}

/** `document.issued` from the server: true, false, or undefined when it cannot tell. */
async function documentIssued(sha: string): Promise<boolean | undefined> {
  try {
    const answer = await api<{ checks: CheckView[] }>(
      'POST',
      '/api/v1/verify',
      { certificateSha256: sha },
      { anonymous: true },
    );
    const c = answer.checks.find((x) => x.id === 'document.issued');
    return c?.status === 'pass' ? true : c?.status === 'fail' ? false : undefined;
  } catch {
    return undefined;
  }
}

/** This server's log, read anonymously, as the verifier's {@link LogClient}. */
const serverLog: LogClient = {
  checkpoint: async () =>
    (
      await request('GET', '/api/v1/log/checkpoint', undefined, {
        anonymous: true,
        accept: 'text/plain',
      })
    ).text(),
  consistencyProof: async (from, to) =>
    (
      await api<{ proof: string[] }>(
        'GET',
        `/api/v1/log/proof/consistency?from=${from}&to=${to}`,
        undefined,
        { anonymous: true },
      )
    ).proof,
};

/** The log's key (trusted: it is this service's) and the online view of `receipt`. */
async function fetchOnline(
  receipt: unknown,
): Promise<{ trustedKeys: string[]; online: OnlineView; facts: OnlineFacts }> {
  const key = await api<LogKey>('GET', '/api/v1/log/key', undefined, { anonymous: true });
  const { online, current } = await onlineView(receipt, serverLog);
  return {
    trustedKeys: [key.vkey, ...(key.previous ?? [])],
    online,
    facts: { vkey: key.vkey, treeSize: current?.size ?? 0 },
  };
}

/**
 * The time-stamp checker of `receipt`: its tokens' signatures pre-checked with WebCrypto (async),
 * answered synchronously to `verifyReceipt`. Undefined when the receipt has no stamp.
 */
async function tsaCheckerOf(receipt: unknown): Promise<TsaChecker | undefined> {
  const stamps = readReceipt(receipt).parts.timestamps ?? [];
  return stamps.length > 0 ? browserTsaChecker(stamps.map((s) => s.token)) : undefined;
}

/**
 * Verifies `doc` against the file digests, online against this server's log: the log key comes
 * from `/api/v1/log/key`, so `checkpoint.key_trusted` means "signed by this service's key".
 */
export async function verifyDocument(
  doc: ReadDocument,
  file: { sha256: string; sm3: string } | undefined,
  depositId: string | undefined,
): Promise<{ report: VerifyReport; online: OnlineFacts }> {
  const view = await fetchOnline(doc.receipt);
  const issued = doc.sha256 !== undefined ? await documentIssued(doc.sha256) : undefined;
  const tsa = await tsaCheckerOf(doc.receipt);
  const report = verifyReceipt(doc.receipt, {
    ...(file ? { file } : {}),
    ...(depositId ? { depositId } : {}),
    trustedKeys: view.trustedKeys,
    online: view.online,
    ...(issued !== undefined && doc.sha256 ? { document: { sha256: doc.sha256, issued } } : {}),
    ...(tsa ? { tsa } : {}),
  });
  return { report: browserTrustWording(report), online: view.facts };
}

/**
 * The multipart body that asks the server for the signed report (核验报告) of exactly what
 * {@link verifyDocument} checked here: the same document, the same digests (never the file) and
 * the same deposit number, so the report and the page show one verdict.
 */
export function reportRequest(
  doc: File,
  file: { sha256: string; sm3: string } | undefined,
  depositId: string | undefined,
): FormData {
  const form = new FormData();
  if (depositId) form.append('depositId', depositId);
  if (file) {
    form.append('sha256', file.sha256);
    form.append('sm3', file.sm3);
  }
  form.append('certificate', doc, doc.name);
  return form;
}

/**
 * Checks a number lookup's public log proof again in this browser (the same `verifyLogProof` the
 * server ran), against the key and current checkpoint this page fetches itself.
 */
export async function verifyNumberProof(
  log: unknown,
  depositId: string,
): Promise<{ report: LogProofReport; online: OnlineFacts }> {
  const view = await fetchOnline(log);
  const report = verifyLogProof(log, {
    depositId,
    trustedKeys: view.trustedKeys,
    online: view.online,
  });
  return { report, online: view.facts };
}

/** Verifies a receipt the page fetched (the notary's "receipt status"). */
export async function verifyFetchedReceipt(receipt: unknown): Promise<VerifyReport> {
  const { report } = await verifyDocument(
    { kind: 'receipt', name: '', receipt },
    undefined,
    undefined,
  );
  return report;
}
