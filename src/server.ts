/**
 * Wires the service together: keys, store, sequencer, accounts, evidence, HTTP. `startServer` is
 * what `huicun serve` and the in-process tests run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  openAccounts,
  SYSTEM_ACTOR,
  type DemoCredential,
  type OpenedAccounts,
} from './accounts/index.js';
import { openCourts, syncJudgeCourts, type CourtService } from './courts/index.js';
import { extractAttachments } from './pdf/index.js';
import { loadNotarySigner, CertificateService, certificateDigestKey } from './certificate/index.js';
import type { Config } from './config/index.js';
import { sha256 } from './crypto/index.js';
import { accountIdentity, Casework } from './casework/index.js';
import {
  createUploadHandler,
  Sm3Worker,
  type UploadHandler,
  DepositService,
} from './evidence/index.js';
import { createApp, type App } from './http/app.js';
import { answerClientError } from './http/client-errors.js';
import { COUNTER_DEPOSIT_FIELDS, loggedEntryOf, systemExaminer } from './notary/index.js';
import {
  assertOriginOpen,
  loadOrCreateLogKey,
  loadPreviousLogKeys,
  type LogKey,
} from './keys/index.js';
import {
  newLocalSecret,
  removeServerFile,
  writeServerFile,
  serverOps,
  createLogger,
  createMetrics,
} from './ops/index.js';
import { treeHasher } from './log/index.js';
import { Sequencer } from './sequencer/index.js';
import {
  BlobStore,
  openLevelStore,
  type LevelStore,
  ensurePrivateDir,
  usePrivateUmask,
} from './storage/index.js';
import type { Logger } from 'pino';
import {
  CheckpointStamper,
  loadTsaAnchors,
  StampStore,
  tsaTokenChecker,
  type Scheduler,
  type TimeStamper,
} from './timestamp/index.js';
import { VERSION } from './version.js';

export interface RunningServer {
  readonly url: string;
  readonly config: Config;
  readonly store: LevelStore;
  readonly log: Sequencer;
  readonly logKey: LogKey;
  readonly accounts: OpenedAccounts;
  /** The court list judges are bound to and shares name (docs/courts.md). */
  readonly courts: CourtService;
  readonly blobs: BlobStore;
  readonly deposits: DepositService;
  /** The stored time-stamps of checkpoints (docs/log.md, "Time-stamps"). */
  readonly timestamps: StampStore;
  /** The checkpoint stamper, when the server was given a TimeStamper. */
  readonly stamper: CheckpointStamper | undefined;
  /** Custody, notarisation, counter deposits, court shares and the access policy. */
  readonly casework: Casework;
  /** Demo accounts created on this start (empty store, not production). */
  readonly demo: readonly DemoCredential[];
  readonly app: App;
  readonly http: Server;
  /** Stops taking connections, finishes the open batch, closes the store. */
  close(): Promise<void>;
}

/** The node:crypto RFC 6962 hasher used by the server (faster than the pure one). */
export const serverHasher = treeHasher(sha256);

export interface ServerHooks {
  /** Receives unexpected errors (default: stderr). */
  readonly report?: (err: unknown) => void;
  /** false skips the demo accounts on an empty store (tests that count log entries). */
  readonly seeds?: boolean;
  /** Clock (ms) of share and claim-code expiry and custody read windows (tests move it). */
  readonly now?: () => number;
  /** The logger (default: pino to stdout at `config.logLevel`); tests capture lines with it. */
  readonly logger?: Logger;
  /**
   * Who stamps checkpoints (RFC 3161 client or development TSA). Absent: nothing is stamped and
   * `/api/v1/log/timestamps` answers NOT_STAMPED_YET.
   */
  readonly timeStamper?: TimeStamper;
  /** The shortest time between two checkpoint stamps, ms (HUICUN_TSA_INTERVAL_S; 10 s). */
  readonly timestampIntervalMs?: number;
  /** The stamper's clock and timers (tests). */
  readonly timestampScheduler?: Scheduler;
}

/** HUICUN_TSA_INTERVAL_S's default, in ms. */
const DEFAULT_TIMESTAMP_INTERVAL_MS = 10_000;

export async function startServer(config: Config, hooks: ServerHooks = {}): Promise<RunningServer> {
  // Files on disk (docs/SECURITY.md): everything created from here on is private, LevelDB's
  // files included, and a data folder an earlier version made 0755 is narrowed to 0700.
  usePrivateUmask();
  const logger = hooks.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const report = hooks.report ?? ((err: unknown) => logger.error({ err }, 'unexpected error'));
  const { key: logKey } = loadOrCreateLogKey(config.certsDir, config.origin);
  // Retired log keys (rotation): published under `previous`, trusted for stored checkpoints.
  const previous = loadPreviousLogKeys(config.certsDir, config.origin).filter(
    (p) => p.vkey !== logKey.vkey,
  );
  assertOriginOpen(previous, config.origin); // a log continued elsewhere (--new-log) is closed
  const localSecret = newLocalSecret();
  await ensurePrivateDir(config.dataDir);
  const store = await openLevelStore(join(config.dataDir, 'db'));
  const cleanup: (() => Promise<void>)[] = [() => store.close()];
  const undo = async (): Promise<void> => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined);
  };
  try {
    const log = await Sequencer.open(store, {
      origin: config.origin,
      signer: logKey.signer,
      verifier: logKey.verifier,
      previousVerifiers: previous.map((p) => p.verifier),
      hasher: serverHasher,
      batchMax: config.batchMax,
      queueMax: config.queueMax,
      onError: report,
      onBatch: ({ count, ms }) => {
        metrics.batchSize.observe(count);
        metrics.appendSeconds.observe(ms / 1000);
      },
    });
    cleanup.push(() => log.close());
    // The court list first: the demo judge is bound to a demo court (docs/courts.md).
    const { courts } = await openCourts({
      store,
      log,
      production: config.production,
      actor: SYSTEM_ACTOR,
      ...(hooks.seeds === false ? { seeds: false } : {}),
    });
    const accounts = await openAccounts({
      store,
      log,
      certsDir: config.certsDir,
      issuer: config.publicUrl,
      production: config.production,
      rateLimits: config.rateLimits,
      adminPassword: config.adminPassword,
      courts,
      ...(hooks.seeds === false ? { seeds: false } : {}),
    });
    // Judges made before the list are bound to the listed court of the same name, if any. A log
    // that cannot append (a restored, read-only store) still starts: those judges keep matching
    // by name and are bound at a later start (docs/courts.md).
    await syncJudgeCourts(accounts.service, courts, SYSTEM_ACTOR).catch(report);
    const timestamps = new StampStore(store);
    const timestampIntervalMs = hooks.timestampIntervalMs ?? DEFAULT_TIMESTAMP_INTERVAL_MS;
    let stamper: CheckpointStamper | undefined;
    if (hooks.timeStamper) {
      stamper = await CheckpointStamper.start({
        source: log,
        stamper: hooks.timeStamper,
        store: timestamps,
        intervalMs: timestampIntervalMs,
        logger,
        ...(hooks.timestampScheduler ? { scheduler: hooks.timestampScheduler } : {}),
        onStamp: (stamp, offsetS) => {
          metrics.timestamps.inc();
          metrics.timestampOffset.set(offsetS);
          metrics.timestampLatest.genTimeMs = Date.parse(stamp.genTime);
        },
        onFailure: (code) => metrics.timestampFailures.inc({ code }),
      });
      const started = stamper;
      cleanup.push(() => started.close()); // before the store closes (cleanup runs in reverse)
      if (started.latest) metrics.timestampLatest.genTimeMs = Date.parse(started.latest.genTime);
    }
    const deposits = new DepositService({
      sequencer: log,
      records: store,
      vkey: logKey.vkey,
      timestamps,
      onCreated: (r) => {
        metrics.deposits.inc({ method: r.opening.method });
        if (r.opening.method === 'upload') {
          metrics.uploadBytes.inc(r.opening.files.reduce((n, f) => n + f.size, 0));
        }
      },
    });
    const blobs = await BlobStore.open({
      dataDir: config.dataDir,
      // Evidence files of deposits, and issued certificates (documents stored once).
      isReferenced: async (sha) =>
        (await deposits.referencesSha256(sha)) ||
        (await store.get(certificateDigestKey(sha))) !== undefined,
    });
    await blobs.sweepUnreferenced(); // files of uploads a crash interrupted before their append
    const sm3 = new Sm3Worker();
    cleanup.push(() => sm3.close());
    const uploads: UploadHandler = createUploadHandler({
      blobs,
      sm3,
      limits: { maxFileBytes: config.maxFileBytes, maxFiles: config.maxFiles },
      reserveBytes: config.reserveBytes,
      minimumRate: config.minUploadRate,
    });
    const counterUploads = createUploadHandler({
      blobs,
      sm3,
      limits: { maxFileBytes: config.maxFileBytes, maxFiles: config.maxFiles },
      reserveBytes: config.reserveBytes,
      minimumRate: config.minUploadRate,
      extraFields: COUNTER_DEPOSIT_FIELDS,
    });
    const casework = await Casework.open({
      sequencer: log,
      store,
      vkey: logKey.vkey,
      deposits,
      identity: accountIdentity(accounts.service),
      courts,
      examine: systemExaminer({
        latestReceipt: (record) => deposits.receipt(record, 'latest'),
        loggedEntry: loggedEntryOf(log),
        blobPath: (sha) => blobs.path(sha),
        trustedKeys: [logKey.vkey, ...previous.map((p) => p.vkey)],
        ...(hooks.now ? { now: hooks.now } : {}),
      }),
      ...(hooks.now ? { now: hooks.now } : {}),
    });
    const { signer: notarySigner } = loadNotarySigner(config.certsDir, config.notaryP12, {
      production: config.production,
      organization: config.office.en,
    });
    const certificates = new CertificateService({
      casework,
      deposits,
      blobs,
      records: store,
      signer: notarySigner,
      // PAdES B-T: each PDF signature is stamped; a failed stamp issues the document unstamped
      // (docs/certificates.md "Signature time-stamps").
      ...(hooks.timeStamper ? { timeStamper: hooks.timeStamper } : {}),
      // The checkpoint stamp covering a deposit, printed beside its deposit time.
      ...(stamper
        ? {
            coveringStamp: (index: number) => timestamps.covering(index),
            stampIntervalS: Math.ceil(timestampIntervalMs / 1000),
          }
        : {}),
      onStampFailure: (err) =>
        logger.warn({ err }, 'a PDF signature was issued without an RFC 3161 time-stamp'),
      issuer: {
        office: config.office,
        operator: { zh: '汇存电子数据存证平台', en: 'huicun electronic evidence deposit service' },
      },
      publicUrl: config.publicUrl,
      retentionYears: config.retentionYears,
      notarialNumberPrefix: config.notarialNumberPrefix,
    });
    const app = createApp({
      sequencer: log,
      vkey: logKey.vkey,
      previousVkeys: previous.map((p) => p.vkey),
      timestamps: { store: timestamps, retryAfterS: Math.ceil(timestampIntervalMs / 1000) },
      ops: {
        localSecret,
        report,
        ...serverOps({
          store,
          hasher: serverHasher,
          dataDir: config.dataDir,
          certsDir: config.certsDir,
          origin: config.origin,
          logKey,
          previous,
          blobDir: blobs.blobDir,
          blobPath: (sha) => blobs.path(sha),
        }),
      },
      version: VERSION,
      trustProxy: config.trustProxy,
      report,
      accounts: accounts.service,
      courts,
      deposits,
      uploads,
      blobs,
      maxFiles: config.maxFiles,
      casework,
      counterUploads,
      certificates,
      metrics,
      logger,
      rateLimits: config.rateLimits,
      verify: {
        records: store,
        sm3,
        rateLimits: config.rateLimits,
        anonMaxBytes: config.anonVerifyMaxBytes,
        maxFileBytes: config.maxFileBytes,
        minimumRate: config.minUploadRate,
        access: casework.access,
        extractAttachments,
        // The TSA anchors the server trusts (HUICUN_TSA_CA); the development CA never.
        tsa: tsaTokenChecker(config.tsa.caPath ? loadTsaAnchors(config.tsa.caPath) : []),
        documentIssued: async (sha) => (await certificates.issued(sha)) !== undefined,
        notarised: (index) => casework.notary.ofDeposit(index).some((a) => a.state === 'issued'),
        renderReport: ({ user, record, report }) =>
          certificates.verificationReport(
            user,
            record,
            {
              verdict: report.verdict === 'verified' ? 'verified' : 'not_verified',
              checks: report.checks,
              ...(report.file ? { file: report.file } : {}),
            },
            [logKey.vkey, ...previous.map((p) => p.vkey)],
          ),
      },
    });
    // Slow clients: headers must arrive within HUICUN_HEADERS_TIMEOUT_MS (30 s) and a socket idle
    // for HUICUN_IDLE_TIMEOUT_MS (2 min) is closed; the whole request has no deadline, since a
    // 4 GiB upload on a slow line legitimately takes long, but an upload body slower than
    // HUICUN_MIN_UPLOAD_BYTES_PER_S is cut off (src/evidence/intake/body-rate.ts). Node checks the headers deadline every
    // `connectionsCheckingInterval` (default 30 s), so check often enough to honour it.
    const http = createServer(
      {
        connectionsCheckingInterval: Math.max(50, Math.min(5_000, config.headersTimeoutMs / 4)),
      },
      app.express,
    );
    http.on('clientError', answerClientError); // parser errors get JSON bodies too
    http.headersTimeout = config.headersTimeoutMs;
    http.requestTimeout = 0;
    http.setTimeout(config.idleTimeoutMs);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => resolve());
    });
    const { port } = http.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    let closing: Promise<void> | undefined;
    // How `huicun backup` and `huicun audit` find this server (docs/cli.md); removed on close.
    await writeServerFile(config.dataDir, {
      pid: process.pid,
      url: `http://${host}:${port}`,
      startedAt: new Date().toISOString(),
      secret: localSecret,
    });
    cleanup.push(() => removeServerFile(config.dataDir, localSecret));
    return {
      url: `http://${host}:${port}`,
      config,
      store,
      log,
      logKey,
      accounts,
      courts,
      blobs,
      deposits,
      timestamps,
      stamper,
      casework,
      demo: accounts.demo,
      app,
      http,
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            http.close(() => resolve());
            http.closeIdleConnections();
          });
          await undo();
        })();
        return closing;
      },
    };
  } catch (err) {
    await undo();
    throw err;
  }
}
