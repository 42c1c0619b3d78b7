/**
 * Issuing certificates: the deposit certificate (a new version when the notarial status it
 * states changes) and the notarial certificate of an issued notarisation. Each is rendered
 * once, signed, stored as a blob and anchored in the deposit's custody trail; later downloads
 * serve the stored bytes, byte for byte.
 */
import { writeFile, open as openFile } from 'node:fs/promises';
import { createSha256 } from '../crypto/index.js';
import { actorOf, type Reader } from '../custody/index.js';
import type { Casework } from '../casework/index.js';
import { depositView, type DepositService, type DepositRecord } from '../evidence/index.js';
import {
  APPLICATION_PREFIX,
  type ApplicationRecord,
  parseApplicationRecord,
} from '../notary/index.js';
import { type BlobStore, KeyedLock, type RecordStore } from '../storage/index.js';
import { CertificateError } from './errors.js';
import { certificateNumber, renderDepositCertificate } from './documents/deposit-certificate.js';
import { renderNotarialCertificate } from './documents/notarial-certificate.js';
import { notarialNumber, sequenceInYear } from './documents/notarial-number.js';
import {
  renderVerificationReport,
  type VerificationCheck,
} from './documents/verification-report.js';
import type { NotarySigner } from './signing/signer.js';
import type { TimeStamper } from '../timestamp/index.js';
import {
  certificateDigestKey,
  certificatePrefix,
  certificateWrites,
  parseCertificateRecord,
  type CertificateKind,
  type CertificateRecord,
} from './store.js';
import type { DepositStamp, Issuer, NotarialStatus } from './rendering/wording.js';
import type { Receipt } from '../evidence/index.js';

export interface CertificateServiceDeps {
  readonly casework: Casework;
  readonly deposits: DepositService;
  readonly blobs: BlobStore;
  readonly records: Pick<RecordStore, 'get' | 'scan'>;
  readonly signer: NotarySigner;
  /**
   * Stamps every signature value (PAdES B-T; docs/certificates.md "Signature time-stamps").
   * Absent (HUICUN_TSA_URLS=none): the documents say "no RFC 3161 time-stamp".
   */
  readonly timeStamper?: TimeStamper;
  /** Hears of a failed signature stamp (the document is issued unstamped all the same). */
  readonly onStampFailure?: (err: CertificateError) => void;
  /**
   * The stored stamp of the earliest stamped checkpoint covering entry `index` (StampStore
   * `covering`): certificates print its TSA and genTime beside the deposit time, or "not yet"
   * (docs/certificates.md "The deposit's time-stamp"). Absent: the server stamps no checkpoints.
   */
  readonly coveringStamp?: (
    index: number,
  ) => Promise<
    { readonly token: string; readonly tsa: string; readonly genTime: string } | undefined
  >;
  /** HUICUN_TSA_INTERVAL_S, printed in the "not yet" wording (default 10). */
  readonly stampIntervalS?: number;
  readonly issuer: Issuer;
  readonly publicUrl: string;
  readonly retentionYears: number;
  /** HUICUN_NOTARIAL_NUMBER_PREFIX: `沪徐证经字` in `（2026）沪徐证经字第 123 号`. */
  readonly notarialNumberPrefix: string;
}

/** A stored certificate ready to send. */
export interface IssuedDocument {
  readonly record: CertificateRecord;
  readonly path: string;
  readonly fileName: string;
}

export class CertificateService {
  /** Serialises issuing per deposit or application (two first downloads must not issue two versions). */
  private readonly lock = new KeyedLock();

  /** The notary signer, stamping with the TimeStamper when there is one. */
  private readonly signer: NotarySigner;

  constructor(private readonly deps: CertificateServiceDeps) {
    this.signer = deps.timeStamper
      ? deps.signer.withTimeStamper(deps.timeStamper, deps.onStampFailure)
      : deps.signer;
  }

  /** Whether `sha256` is a certificate we issued (keeps its blob; answers document.issued). */
  async issued(sha256: string): Promise<CertificateRecord | undefined> {
    const raw = await this.deps.records.get(certificateDigestKey(sha256));
    return raw ? parseCertificateRecord(raw) : undefined;
  }

  /** The current deposit certificate of a deposit `reader` may read (a non-owner's read is a custody event). */
  async depositCertificate(reader: Reader, depositId: string): Promise<IssuedDocument> {
    const { record } = await this.deps.casework.access.read(reader, depositId, {
      kind: 'viewed',
      resource: 'certificate',
      certificate: 'deposit',
    });
    const notarisation = await this.notarialStatus(record.index);
    const status = notarisation ? `issued:${notarisation.reference}` : 'not-notarised';
    return this.lock.run(`deposit:${record.index}`, async () => {
      const latest = await this.latest(record.index, 'deposit');
      if (latest && latest.status === status) return this.document(latest);
      const version = (latest?.version ?? 0) + 1;
      const issuedAt = new Date();
      const { receipt, depositStamp } = await this.receiptAndStamp(record);
      const pdf = await renderDepositCertificate(
        {
          deposit: depositView(record, this.deps.casework.notary.summaryOf(record.index)),
          receipt,
          ...(depositStamp ? { depositStamp } : {}),
          version,
          issuedAt,
          issuer: this.deps.issuer,
          publicUrl: this.deps.publicUrl,
          retentionYears: this.deps.retentionYears,
          notarisation,
        },
        this.signer,
      );
      return this.store(reader, record, pdf, {
        kind: 'deposit',
        number: certificateNumber(record.number, version),
        version,
        issuedAt,
        status,
      });
    });
  }

  /**
   * The notarial certificate of an issued application `reader` may read: its applicant, the
   * notary who claimed it, or a judge bound to an active share of its deposit.
   */
  async notarialCertificate(reader: Reader, applicationId: string): Promise<IssuedDocument> {
    const { application, deposit } = await this.deps.casework.applicationFor(reader, applicationId);
    if (application.state !== 'issued' || !application.certificateNumber || !application.issuedAt) {
      throw new CertificateError('NOT_ISSUED', 'the notarisation has not been issued');
    }
    // a non-owner's read (the notary, a judge with a share) is its own custody event
    await this.deps.casework.access.noteRead(reader, deposit, {
      kind: 'viewed',
      resource: 'certificate',
      certificate: 'notarial',
    });
    const record = deposit.record;
    return this.lock.run(`notarial:${application.id}`, async () => {
      const latest = await this.latest(record.index, 'notarial');
      if (latest) return this.document(latest);
      const { receipt, depositStamp } = await this.receiptAndStamp(record);
      const pdf = await renderNotarialCertificate(
        {
          certificateNumber: await this.printedNumber(application),
          reference: application.certificateNumber!,
          notary: { name: application.claimedBy?.displayName ?? '' },
          decidedAt: application.decision?.at ?? application.issuedAt!,
          issuedAt: new Date(application.issuedAt!),
          applicant: {
            name: record.opening.depositor.name,
            idMasked: record.opening.depositor.idMasked,
            verification: record.opening.depositor.verification,
          },
          purpose: application.purpose,
          examination: application.decision?.examination ?? {},
          deposit: depositView(record, this.deps.casework.notary.summaryOf(record.index)),
          receipt,
          ...(depositStamp ? { depositStamp } : {}),
          issuer: this.deps.issuer,
          publicUrl: this.deps.publicUrl,
        },
        this.signer,
      );
      return this.store(reader, record, pdf, {
        kind: 'notarial',
        number: application.certificateNumber!,
        version: 1,
        issuedAt: new Date(application.issuedAt!),
        status: 'issued',
        applicationId: application.id,
      });
    });
  }

  /**
   * The signed verification report (核验报告) of a verification a reader of `deposit` ran:
   * numbered `R<deposit digits>-<n>`, stored and anchored like every certificate.
   */
  async verificationReport(
    reader: Reader & { readonly court?: string },
    deposit: DepositRecord,
    report: {
      readonly verdict: 'verified' | 'not_verified';
      readonly checks: readonly VerificationCheck[];
      readonly file?: { readonly name?: string; readonly sha256?: string; readonly sm3?: string };
    },
    trustedKeys: readonly string[],
  ): Promise<Uint8Array> {
    return this.lock.run(`deposit:${deposit.index}`, async () => {
      const latest = await this.latest(deposit.index, 'report');
      const version = (latest?.version ?? 0) + 1;
      const number = `R${deposit.number.slice(2)}-${version}`;
      const issuedAt = new Date();
      const pdf = await renderVerificationReport(
        {
          reportNumber: number,
          issuedAt,
          verdict: report.verdict,
          checks: report.checks,
          subject: {
            depositId: deposit.number,
            depositTime: deposit.time,
            ...(report.file?.name ? { fileName: report.file.name } : {}),
            ...(report.file?.sha256 ? { sha256: report.file.sha256 } : {}),
            ...(report.file?.sm3 ? { sm3: report.file.sm3 } : {}),
            material: {
              zh: '提交核验的文件与存证材料',
              en: 'the file and the deposit material submitted for verification',
            },
          },
          requester: {
            name: reader.displayName,
            role: reader.role,
            ...(reader.court ? { court: reader.court } : {}),
          },
          trustedKeys,
          issuer: this.deps.issuer,
          publicUrl: this.deps.publicUrl,
        },
        this.signer,
      );
      await this.store(reader, deposit, pdf, {
        kind: 'report',
        number,
        version,
        issuedAt,
        status: report.verdict,
      });
      return pdf;
    });
  }

  /**
   * The receipt as issued, and the stamp the certificate prints: the one the receipt carries
   * (so the page and the embedded receipt agree), `pending` when it carries none yet.
   */
  private async receiptAndStamp(
    record: DepositRecord,
  ): Promise<{ receipt: Receipt; depositStamp?: DepositStamp }> {
    const receipt = await this.deps.deposits.receipt(record, 'issued');
    const lookup = this.deps.coveringStamp;
    if (!lookup) return { receipt };
    const carried = receipt.timestamps?.[0];
    if (!carried)
      return {
        receipt,
        depositStamp: { state: 'pending', intervalS: this.deps.stampIntervalS ?? 10 },
      };
    const stamp = await lookup(record.index);
    // Stamps are only added, so the covering one does not change; a mismatch prints nothing.
    if (stamp?.token !== carried.token) return { receipt };
    return { receipt, depositStamp: { state: 'stamped', tsa: stamp.tsa, genTime: stamp.genTime } };
  }

  private async notarialStatus(depositIndex: number): Promise<NotarialStatus | null> {
    const app: ApplicationRecord | undefined = [
      ...this.deps.casework.notary.ofDeposit(depositIndex),
    ]
      .reverse()
      .find((a) => a.state === 'issued' && a.certificateNumber);
    if (!app?.certificateNumber) return null;
    return {
      state: 'issued',
      certificateNumber: await this.printedNumber(app),
      reference: app.certificateNumber,
      ...(app.claimedBy ? { notary: app.claimedBy.displayName } : {}),
      ...(app.issuedAt ? { issuedAt: app.issuedAt } : {}),
    };
  }

  /**
   * `（2026）沪徐证经字第 123 号` of an issued application: its rank among the year's issues,
   * from the stored applications (durable: each was written with its issue's log entry).
   */
  private async printedNumber(app: ApplicationRecord): Promise<string> {
    const all: ApplicationRecord[] = [];
    for await (const [, v] of this.deps.records.scan(APPLICATION_PREFIX))
      all.push(parseApplicationRecord(v));
    const { year, sequence } = sequenceInYear(all, app);
    return notarialNumber({ prefix: this.deps.notarialNumberPrefix, year, sequence });
  }

  private async latest(
    depositIndex: number,
    kind: CertificateKind,
  ): Promise<CertificateRecord | undefined> {
    for await (const [, v] of this.deps.records.scan(certificatePrefix(depositIndex, kind), {
      reverse: true,
      limit: 1,
    })) {
      return parseCertificateRecord(v);
    }
    return undefined;
  }

  private document(r: CertificateRecord): IssuedDocument {
    return { record: r, path: this.deps.blobs.path(r.sha256), fileName: `${r.number}.pdf` };
  }

  /** Stores the PDF as a blob and anchors it with a `certificate-issued` event (one batch with its records). */
  private async store(
    reader: Reader,
    deposit: DepositRecord,
    pdf: Uint8Array,
    meta: {
      kind: CertificateKind;
      number: string;
      version: number;
      issuedAt: Date;
      status: string;
      applicationId?: string;
    },
  ): Promise<IssuedDocument> {
    const { blobs } = this.deps;
    const sha256 = createSha256().update(pdf).digest('hex');
    const temp = blobs.tempPath();
    await writeFile(temp, pdf, { flag: 'wx', mode: 0o600 }); // as every blob (src/storage/modes.ts)
    const fh = await openFile(temp, 'r+');
    await fh.sync();
    await fh.close();
    const hold = await blobs.commit(temp, sha256);
    try {
      let record: CertificateRecord | undefined;
      await this.deps.casework.custody.record({
        deposit,
        event: 'certificate-issued',
        actor: actorOf(reader),
        detail: { kind: meta.kind, number: meta.number, version: meta.version, sha256 },
        prepare: ({ index }) => {
          record = {
            v: 1,
            kind: meta.kind,
            number: meta.number,
            version: meta.version,
            sha256,
            size: pdf.length,
            depositIndex: deposit.index,
            custodyIndex: index,
            issuedAt: meta.issuedAt.toISOString(),
            status: meta.status,
            ...(meta.applicationId ? { applicationId: meta.applicationId } : {}),
          };
          return { writes: certificateWrites(record) };
        },
      });
      hold.drop();
      return this.document(record!);
    } catch (err) {
      hold.drop();
      await blobs.release(sha256);
      throw err;
    }
  }
}
