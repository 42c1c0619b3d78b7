/**
 * Server-side verification (docs/verification.md, docs/api.md): digest lookups in the private digest index and
 * full verification of a receipt, certificate or tlog-proof against the log's own key and its
 * current checkpoint. Anonymous answers are found/not_found, the earliest deposit's number and
 * time and the match count — never a stored digest, name or opening; a signed-in caller who may
 * read the deposit gets the full checks.
 */
import type { AuthUser } from '../accounts/index.js';
import { sha256 } from '../crypto/index.js';
import type { DepositAccess } from '../custody/index.js';
import {
  type DepositRecord,
  digestPrefix,
  indexOfKey,
  depositView,
  type DepositService,
  type DepositView,
} from '../evidence/index.js';
import { encodeBase64, encodeHex } from '../log/index.js';
import type { Sequencer } from '../sequencer/index.js';
import type { RecordStore } from '../storage/index.js';
import {
  askedDepositNumber,
  check,
  documentCheck,
  msg,
  onlineView,
  readReceiptDocument,
  redactExpected,
  verifyReceipt,
  type Check,
  verifyLogProof,
  type ExtractAttachments,
  type TsaChecker,
  type LogClient,
  type LogProof,
  type OnlineView,
  type VerifyReport,
} from '../verify/index.js';

/** How messages name the digests. */
const LABEL = { sha256: 'SHA-256', sm3: 'SM3' } as const;

/** Most digest-index keys counted for one lookup (`matches` is at most this). */
export const MAX_MATCHES = 1000;

/** The answer of POST /api/v1/verify (docs/api.md). */
export interface VerifyAnswer {
  readonly verdict: 'verified' | 'not_verified' | 'found' | 'not_found';
  readonly checks: Check[];
  readonly deposit?: DepositView | { id: string; createdAt: string };
  readonly matches?: number;
  /**
   * A number lookup only: the deposit's public log proof (its entry, the inclusion proof and the
   * first checkpoint covering it) and that checkpoint's origin, size and root hash.
   */
  readonly log?: LogProof & {
    readonly origin: string;
    readonly treeSize: number;
    readonly rootHash: string;
  };
  /** A number lookup only: whether a notarial certificate (公证证明) was issued: yes or no. */
  readonly notarised?: boolean;
  /** Full answers only: the verification the report renders. */
  readonly report?: VerifyReport;
  readonly record?: DepositRecord;
}

/** What the verifier needs from the server. */
export interface VerifierDeps {
  readonly sequencer: Sequencer;
  readonly deposits: DepositService;
  readonly records: Pick<RecordStore, 'scan'>;
  readonly trustedKeys: readonly string[];
  /**
   * The access policy (docs/access.md): whether a user may read a deposit, and the custody event a
   * non-owner's read makes (full checks show the opening). Absent: the owner only.
   */
  readonly access?: Pick<DepositAccess, 'grantFor' | 'noteRead'>;
  /** Whether a document with this SHA-256 is anchored by a `certificate-issued` event. */
  readonly documentIssued?: (sha256: string) => Promise<boolean>;
  /** Reads the attachments of huicun PDFs (`src/pdf/attachments.ts`). */
  readonly extractAttachments?: ExtractAttachments;
  /** Whether a notarial certificate was issued for the deposit at this log index. */
  readonly notarised?: (depositIndex: number) => boolean;
  /**
   * Checks time-stamp signatures and chains against HUICUN_TSA_CA (none: `timestamp.trusted` is
   * `skip`; absent: `timestamp.signature` too).
   */
  readonly tsa?: TsaChecker;
}

/** A digest lookup: hex digests (lowercase) and optionally the deposit number asked about. */
export interface DigestQuery {
  readonly sha256?: string;
  readonly sm3?: string;
  readonly depositId?: string;
}

export class Verifier {
  constructor(private readonly deps: VerifierDeps) {}

  /** Whether `user` may read `record`; a non-owner's read is recorded before it is answered. */
  async #mayRead(user: AuthUser | undefined, record: DepositRecord): Promise<boolean> {
    if (user === undefined) return false;
    const { access } = this.deps;
    if (access === undefined) return record.owner === user.id;
    const grant = access.grantFor(user, record);
    if (grant === undefined) return false;
    await access.noteRead(user, { record, grant }, { kind: 'viewed', resource: 'details' });
    return true;
  }

  /** The log as the verifier reads it: the sequencer's head and its consistency proofs. */
  readonly #log: LogClient = {
    checkpoint: () => Promise.resolve(this.deps.sequencer.current().checkpoint),
    consistencyProof: async (from, to) =>
      (await this.deps.sequencer.reader.consistencyProof(from, to)).map(encodeBase64),
  };

  /** The log's current checkpoint and the consistency proof from the receipt's checkpoint. */
  async #online(receipt: unknown): Promise<OnlineView> {
    return (await onlineView(receipt, this.#log)).online;
  }

  async #matches(q: DigestQuery): Promise<number[]> {
    const alg = q.sha256 !== undefined ? 'sha256' : 'sm3';
    const hex = (q.sha256 ?? q.sm3)!;
    if (q.depositId !== undefined) {
      const record = await this.deps.deposits.find(q.depositId);
      const hit = record?.opening.files.some((f) => f[alg] === hex);
      return record && hit ? [record.index] : [];
    }
    const out: number[] = [];
    for await (const [key] of this.deps.records.scan(digestPrefix(alg, hex), {
      limit: MAX_MATCHES,
    }))
      out.push(indexOfKey(key));
    return out;
  }

  /** Looks a file's digest up (anonymous: found/not_found; a reader of the deposit: full). */
  async lookup(q: DigestQuery, user: AuthUser | undefined): Promise<VerifyAnswer> {
    if (q.depositId !== undefined) askedDepositNumber(q.depositId);
    const matches = await this.#matches(q);
    if (user !== undefined) {
      for (const record of await this.deps.deposits.findByIndices(matches)) {
        if (await this.#mayRead(user, record)) {
          const receipt = await this.deps.deposits.receipt(record, 'issued');
          const report = verifyReceipt(receipt, {
            file: q,
            ...(q.depositId !== undefined ? { depositId: q.depositId } : {}),
            trustedKeys: this.deps.trustedKeys,
            online: await this.#online(receipt),
            ...(this.deps.tsa ? { tsa: this.deps.tsa } : {}),
          });
          return full(report, record, matches.length);
        }
      }
    }
    const [earliest] = await this.deps.deposits.findByIndices(matches.slice(0, 1));
    const found = earliest !== undefined;
    const checks: Check[] = [];
    for (const alg of ['sha256', 'sm3'] as const) {
      const hex = q[alg];
      if (hex === undefined) continue;
      const hit = earliest?.opening.files.some((f) => f[alg] === hex) ?? false;
      checks.push(
        hit
          ? check(
              `file.${alg}`,
              'pass',
              msg(`存在该 ${LABEL[alg]} 摘要的存证`, `a deposit with this ${LABEL[alg]} exists`),
              null,
              hex,
            )
          : check(
              `file.${alg}`,
              'fail',
              msg(
                `没有该 ${LABEL[alg]} 摘要的存证`,
                `no deposit with this ${LABEL[alg]} was found`,
              ),
              null,
              hex,
            ),
      );
    }
    return {
      verdict: found ? 'found' : 'not_found',
      checks,
      ...(earliest ? { deposit: { id: earliest.number, createdAt: earliest.time } } : {}),
      matches: found ? matches.length : 0,
    };
  }

  /**
   * Verifies a receipt JSON, tlog-proof or huicun PDF (and the caller's file digests, if any).
   * @throws {VerifyError} `INVALID_RECEIPT`, `INVALID_TLOG_PROOF`, `NOT_A_HUICUN_PDF`.
   */
  async document(
    bytes: Uint8Array,
    file: DigestQuery,
    user: AuthUser | undefined,
  ): Promise<VerifyAnswer> {
    const { receipt, pdf } = readReceiptDocument(bytes, this.deps.extractAttachments);
    const documentSha256 = pdf ? encodeHex(sha256(bytes)) : undefined;
    const issued =
      documentSha256 !== undefined && this.deps.documentIssued
        ? await this.deps.documentIssued(documentSha256)
        : undefined;
    const report = verifyReceipt(receipt, {
      ...(file.sha256 !== undefined || file.sm3 !== undefined ? { file } : {}),
      ...(file.depositId !== undefined ? { depositId: file.depositId } : {}),
      trustedKeys: this.deps.trustedKeys,
      online: await this.#online(receipt),
      ...(this.deps.tsa ? { tsa: this.deps.tsa } : {}),
      ...(issued !== undefined ? { document: { sha256: documentSha256!, issued } } : {}),
    });
    const record =
      report.entry?.type === 'deposit' ? await this.deps.deposits.find(report.entry.id) : undefined;
    if (record && (await this.#mayRead(user, record))) return full(report, record, 1);
    const found = report.verdict === 'verified';
    return {
      verdict: found ? 'found' : 'not_found',
      checks: redactExpected(report.checks),
      ...(found && report.entry
        ? { deposit: { id: report.entry.id, createdAt: report.entry.time } }
        : {}),
      matches: found ? 1 : 0,
    };
  }

  /**
   * A deposit number alone (docs/verification.md): the same public answer for everyone — found or
   * not, the deposit time, its public log proof with the checks of it, and whether a notarial
   * certificate was issued. Nothing of the opening: no name, title, file name or digest.
   * @throws {VerifyError} `INVALID_DEPOSIT_ID`, `WRONG_CHECK_CHARACTER`.
   */
  async number(depositId: string): Promise<VerifyAnswer> {
    const { number } = askedDepositNumber(depositId);
    const record = await this.deps.deposits.find(number);
    if (record === undefined) return { verdict: 'not_found', checks: [], matches: 0 };
    const receipt = await this.deps.deposits.receipt(record, 'issued');
    const proof: LogProof = {
      index: receipt.index,
      entry: receipt.entry,
      proof: receipt.proof,
      checkpoint: receipt.checkpoint,
    };
    const report = verifyLogProof(proof, {
      depositId: number,
      trustedKeys: this.deps.trustedKeys,
      online: await this.#online(receipt),
    });
    const cp = report.checkpoint;
    return {
      verdict: 'found',
      checks: redactExpected(report.checks),
      deposit: { id: record.number, createdAt: record.time },
      matches: 1,
      log: {
        ...proof,
        origin: cp?.origin ?? '',
        treeSize: cp?.size ?? 0,
        rootHash: cp?.root ?? '',
      },
      ...(this.deps.notarised ? { notarised: this.deps.notarised(record.index) } : {}),
    };
  }

  /** Whether a certificate with this SHA-256 was issued (`document.issued` alone). */
  async issued(documentSha256: string): Promise<VerifyAnswer> {
    const issued = this.deps.documentIssued
      ? await this.deps.documentIssued(documentSha256)
      : undefined;
    const c =
      issued === undefined
        ? check(
            'document.issued',
            'skip',
            msg('本服务器尚不能核验证书文件', 'this server cannot check certificate documents yet'),
            null,
            documentSha256,
          )
        : documentCheck({ sha256: documentSha256, issued });
    return {
      verdict: issued ? 'found' : 'not_found',
      checks: [{ ...c, expected: null }],
      matches: issued ? 1 : 0,
    };
  }
}

function full(report: VerifyReport, record: DepositRecord, matches: number): VerifyAnswer {
  return {
    verdict: report.verdict,
    checks: report.checks,
    deposit: depositView(record),
    matches,
    report,
    record,
  };
}
