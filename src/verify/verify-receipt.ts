/**
 * `verifyReceipt` (docs/verification.md): every check of a receipt with its stable id, and the verdict.
 * Pure and isomorphic: the host hashes files and fetches online views; this takes digests and
 * text and uses @noble for the small inputs (entry, nodes, Ed25519).
 * @module
 */
import type { Entry } from '../entry/index.js';
import {
  encodeBase64,
  parseVkey,
  rfc6962,
  rootFromInclusionProof,
  type Checkpoint,
} from '../log/index.js';
import { check, msg, sortChecks, verdictOf, type Check, type Verdict } from './checks.js';
import { checkpointChecks } from './checkpoint.js';
import { consistencyCheck, type OnlineView } from './consistency.js';
import { entryChecks } from './entry.js';
import { fileChecks, openingFiles, type FileDigests, type OpeningFile } from './files.js';
import { checkpointBody, readReceipt } from './receipt.js';
import { timestampChecks, type StampFacts, type TsaChecker } from './timestamp.js';
import { keyLabel, parseTrustedKeys, type VerifierKey } from './trust.js';

/** What to verify a receipt against. */
export interface VerifyOptions {
  /** Digests of the caller's file (hex); file checks are skipped without them. */
  readonly file?: FileDigests;
  /** The deposit number asked about (`entry.id`). */
  readonly depositId?: string;
  /** Keys trusted from outside the document: vkey text or parsed keys. */
  readonly trustedKeys?: readonly (string | VerifierKey)[];
  /** The log's current view, fetched by an online host (`consistency`). */
  readonly online?: OnlineView;
  /** For a huicun PDF, online: whether its SHA-256 is anchored by a `certificate-issued` event. */
  readonly document?: { readonly sha256: string; readonly issued: boolean };
  /**
   * The host's check of time-stamp signatures and chains, bound to the TSA anchors the caller
   * trusts; without it `timestamp.signature` and `timestamp.trusted` are `skip`.
   */
  readonly tsa?: TsaChecker;
}

/** The result of {@link verifyReceipt}. */
export interface VerifyReport {
  readonly verdict: Verdict;
  /** Every check, in `CHECK_IDS` order. */
  readonly checks: Check[];
  readonly index?: number;
  /** The entry, when it is canonical. */
  readonly entry?: Entry;
  /** The receipt's checkpoint body (origin, size, base64 root). */
  readonly checkpoint?: { origin: string; size: number; root: string };
  /** The opening's file that the caller's file is. */
  readonly file?: OpeningFile;
  /** `<name>+<key id>` of the key that verified the checkpoint, and whether it is trusted. */
  readonly signer?: { key: string; trusted: boolean };
  /** The time the receipt's (first) RFC 3161 time-stamp gives, and its TSA. */
  readonly timestamp?: StampFacts;
}

/**
 * `inclusion` (docs/verification.md): the proof leads from the entry's RFC 6962 leaf hash to the root of the
 * checkpoint body (evaluated even when the checkpoint's signature is broken).
 */
export function inclusionCheck(
  index: number | undefined,
  entry: Uint8Array | undefined,
  proof: readonly Uint8Array[] | undefined,
  body: Checkpoint | undefined,
): Check {
  const fail = (expected: unknown, actual: unknown, why?: string): Check =>
    check(
      'inclusion',
      'fail',
      msg(
        `包含证明不成立：条目不在检查点签署的树中${why ? `（${why}）` : ''}`,
        `the inclusion proof fails: the entry is not in the tree the checkpoint signs${why ? ` (${why})` : ''}`,
      ),
      expected,
      actual,
    );
  if (body === undefined) return fail(null, null, 'checkpoint unreadable');
  const expected = encodeBase64(body.root);
  if (index === undefined || entry === undefined || proof === undefined)
    return fail(expected, null, 'index, entry or proof unreadable');
  if (index >= body.size) return fail(expected, null, `index ${index} ≥ size ${body.size}`);
  let calculated: Uint8Array;
  try {
    calculated = rootFromInclusionProof(index, body.size, rfc6962.hashLeaf(entry), proof, rfc6962);
  } catch {
    return fail(expected, null, `proof of ${proof.length} hashes has the wrong length`);
  }
  const actual = encodeBase64(calculated);
  if (actual !== expected) return fail(expected, actual);
  return check(
    'inclusion',
    'pass',
    msg('条目包含在检查点签署的树中', 'the entry is in the tree the checkpoint signs'),
    expected,
    actual,
  );
}

/** `document.issued`: skip without an online answer, else whether the document was issued. */
export function documentCheck(doc: VerifyOptions['document']): Check {
  if (doc === undefined) {
    return check(
      'document.issued',
      'skip',
      msg('未联网核验证书文件本身', 'the certificate document itself was not checked online'),
    );
  }
  return doc.issued
    ? check(
        'document.issued',
        'pass',
        msg(
          '该证书文件由本平台签发并已记入日志',
          'this certificate document was issued and logged',
        ),
        true,
        doc.sha256,
      )
    : check(
        'document.issued',
        'fail',
        msg(
          '本平台没有签发过该证书文件（文件的 SHA-256 未记入日志）：证书可能被改动',
          'this certificate document was not issued here (its SHA-256 is not in the log): it may have been changed',
        ),
        true,
        doc.sha256,
      );
}

/**
 * A receipt checked in everything but the caller's file: hosts that hash a large file in
 * parallel (the CLI, the browser) verify the receipt meanwhile, then complete it with the digests.
 */
export interface PreparedVerification {
  /** Every check but `file.sha256` and `file.sm3`. */
  readonly checks: readonly Check[];
  readonly files: readonly OpeningFile[];
  readonly facts: Omit<VerifyReport, 'verdict' | 'checks' | 'file'>;
}

/**
 * Every check of a receipt (parsed JSON, hostile) that does not need the caller's file.
 * @throws {VerifyError} `INVALID_TRUSTED_KEY` if a trusted key given as text is not a vkey.
 */
export function prepareVerification(
  receipt: unknown,
  options: Omit<VerifyOptions, 'file'> = {},
): PreparedVerification {
  const trusted = parseTrustedKeys(
    (options.trustedKeys ?? []).filter((k): k is string => typeof k === 'string'),
  ).concat((options.trustedKeys ?? []).filter((k): k is VerifierKey => typeof k !== 'string'));
  const { parts, problems: readProblems } = readReceipt(receipt);
  const problems = [...readProblems];
  let documentKey: VerifierKey | undefined;
  if (parts.logKey !== undefined) {
    try {
      documentKey = parseVkey(parts.logKey);
    } catch {
      problems.push('logKey');
    }
  }
  const checks: Check[] = [
    problems.length === 0
      ? check('receipt.shape', 'pass', msg('收据格式正确', 'the receipt is well-formed'), null, [])
      : check(
          'receipt.shape',
          'fail',
          msg(
            `收据格式错误：${problems.join(', ')}`,
            `the receipt is malformed: ${problems.join(', ')}`,
          ),
          null,
          problems,
        ),
  ];
  const entry = entryChecks(parts.entry, parts.opening, options.depositId);
  checks.push(...entry.checks);
  const body = parts.checkpoint === undefined ? undefined : checkpointBody(parts.checkpoint);
  const cp = checkpointChecks(parts.checkpoint, body, trusted, documentKey);
  checks.push(...cp.checks);
  checks.push(inclusionCheck(parts.index, parts.entry, parts.proof, body));
  checks.push(consistencyCheck(options.online, body && { raw: parts.checkpoint!, body }, trusted));
  const stamps = timestampChecks(parts.timestamps, {
    index: parts.index,
    checkpoint: body && { raw: parts.checkpoint!, body },
    logKey: cp.signer?.key,
    consistency: parts.timestampConsistency ?? options.online?.timestampConsistency,
    tsa: options.tsa,
  });
  checks.push(...stamps.checks);
  checks.push(documentCheck(options.document));
  return {
    checks,
    files: openingFiles(parts.opening),
    facts: {
      ...(parts.index !== undefined ? { index: parts.index } : {}),
      ...(entry.entry ? { entry: entry.entry } : {}),
      ...(body
        ? { checkpoint: { origin: body.origin, size: body.size, root: encodeBase64(body.root) } }
        : {}),
      ...(cp.signer
        ? { signer: { key: keyLabel(cp.signer.key), trusted: cp.signer.trusted } }
        : {}),
      ...(stamps.stamp ? { timestamp: stamps.stamp } : {}),
    },
  };
}

/** Adds the file checks of the caller's digests (none: skipped) and decides the verdict. */
export function completeVerification(
  prepared: PreparedVerification,
  file?: FileDigests,
): VerifyReport {
  const files = fileChecks(file, prepared.files);
  const checks = sortChecks([...prepared.checks, ...files.checks]);
  return {
    verdict: verdictOf(checks),
    checks,
    ...prepared.facts,
    ...(files.matched ? { file: files.matched } : {}),
  };
}

/**
 * Verifies a receipt (parsed JSON, hostile) and returns every check and the verdict.
 * @throws {VerifyError} `INVALID_TRUSTED_KEY` if a trusted key given as text is not a vkey.
 * @example
 * const report = verifyReceipt(JSON.parse(text), { file: { sha256 }, trustedKeys: [vkey] });
 * if (report.verdict === 'verified') …
 */
export function verifyReceipt(receipt: unknown, options: VerifyOptions = {}): VerifyReport {
  return completeVerification(prepareVerification(receipt, options), options.file);
}
