/**
 * Receiving a deposit upload (docs/life-of-a-deposit.md steps 1–2): multipart `files` parts plus `title` and
 * `description`, parsed by multer into the hashing storage engine. The caller appends the deposit
 * and then calls `settle` (appended) or `rollback` (append failed) on the returned intake. A
 * body slower than the minimum rate is cut off with 408 REQUEST_TOO_SLOW (./body-rate.ts,
 * docs/SECURITY.md "Slow clients").
 */
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Writable } from 'node:stream';
import type { BlobStore } from '../../storage/index.js';
import {
  DEFAULT_MINIMUM_RATE,
  guardBodyRate,
  type BodyRateGuard,
  type MinimumRate,
} from './body-rate.js';
import { classifyUploadError, isFormData, keepRecentBytes } from './classify.js';
import { IntakeError } from './errors.js';
import { fileName } from '../../input/index.js';
import { FILES_FIELD, readIntakeFields, type IntakeFields } from './fields.js';

export { FILES_FIELD };
import { Sm3Worker } from './sm3-client.js';
import { HashingStorage, STORED, type IntakeFile, type StoredFile } from './storage-engine.js';

/** Upload limits (docs/configuration.md: `HUICUN_MAX_FILE_BYTES`, `HUICUN_MAX_FILES`). */
export interface IntakeLimits {
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  /** Largest text field in bytes (busboy `fieldSize`); title and description limits: src/input. */
  readonly maxFieldBytes: number;
}

/** Defaults: 4 GiB per file, 100 files, 16 KiB per field. */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  maxFileBytes: 4 * 1024 ** 3,
  maxFiles: 100,
  maxFieldBytes: 16 * 1024,
};

/** Default `HUICUN_RESERVE_BYTES`. */
export const DEFAULT_RESERVE_BYTES = 256 * 1024 ** 2;

/** Framing a part may add to its content: boundary line and headers (busboy caps them at 16 KiB). */
const PART_FRAMING_BYTES = 17 * 1024;

/**
 * The largest body a valid upload can have: every file and field at its limit, with framing. A
 * declared Content-Length above it is refused before a byte of the body is read.
 */
function largestUploadBytes(limits: IntakeLimits, fieldCount: number): number {
  return (
    limits.maxFiles * (limits.maxFileBytes + PART_FRAMING_BYTES) +
    fieldCount * (limits.maxFieldBytes + PART_FRAMING_BYTES) +
    PART_FRAMING_BYTES
  );
}

/** Options of {@link createUploadHandler}. */
export interface UploadHandlerOptions {
  readonly blobs: BlobStore;
  readonly limits?: Partial<IntakeLimits>;
  readonly reserveBytes?: number;
  /** The shared SM3 worker; when omitted the handler owns one and `close` terminates it. */
  readonly sm3?: Sm3Worker;
  /** Further text fields to accept (e.g. `clientName` for counter deposits), max `maxFieldBytes`. */
  readonly extraFields?: readonly string[];
  /** Free bytes on the data filesystem; defaults to `blobs.freeBytes()` (tests inject). */
  readonly freeBytes?: () => Promise<number>;
  /** Bytes between free-space checks while a file streams (default 8 MiB). */
  readonly spaceCheckBytes?: number;
  /** Slower bodies are cut off with 408 REQUEST_TOO_SLOW (default 16 KiB/s over 30 s). */
  readonly minimumRate?: MinimumRate;
}

/** A received upload: fields and files in part order, blobs committed and held. */
export interface Intake {
  readonly fields: IntakeFields;
  readonly files: readonly IntakeFile[];
}

/** Receives deposit uploads; see {@link createUploadHandler}. */
export interface UploadHandler {
  /**
   * Receives a `multipart/form-data` deposit upload. On any failure (including the client going
   * away) no temp file remains and every blob this request committed is released.
   * @throws IntakeError with an `IntakeErrorCode` (statuses in src/http/errors.ts); InputError
   *   (file names, text fields) and DepositError MISSING_TITLE; other errors are internal (500).
   */
  receive(req: Request): Promise<Intake>;
  /** The deposit was appended (its records now reference the blobs): drops the holds. */
  settle(intake: Intake): void;
  /** Appending failed: drops the holds and deletes blobs no record or other upload needs. */
  rollback(intake: Intake): Promise<void>;
  /** express middleware form of `receive`: sets `res.locals.intake` (read with `intakeOf`). */
  readonly middleware: RequestHandler;
  /** Terminates the SM3 worker if this handler owns it. */
  close(): Promise<void>;
}

/** The intake the middleware stored on `res.locals`. */
export function intakeOf(res: Response): Intake {
  const intake = (res.locals as { intake?: Intake }).intake;
  if (intake === undefined) throw new Error('no upload intake: the upload middleware did not run');
  return intake;
}

/** Creates the deposit upload handler. */
export function createUploadHandler(options: UploadHandlerOptions): UploadHandler {
  const limits: IntakeLimits = { ...DEFAULT_INTAKE_LIMITS, ...options.limits };
  const extraFields = options.extraFields ?? [];
  const ownSm3 = options.sm3 === undefined;
  const sm3 = options.sm3 ?? new Sm3Worker();
  const storage = new HashingStorage({
    blobs: options.blobs,
    sm3,
    maxFileBytes: limits.maxFileBytes,
    reserveBytes: options.reserveBytes ?? DEFAULT_RESERVE_BYTES,
    ...(options.freeBytes === undefined ? {} : { freeBytes: options.freeBytes }),
    ...(options.spaceCheckBytes === undefined ? {} : { spaceCheckBytes: options.spaceCheckBytes }),
  });
  const fieldCount = 2 + extraFields.length;
  const minimumRate = options.minimumRate ?? DEFAULT_MINIMUM_RATE;
  const guards = new WeakMap<Request, BodyRateGuard>();
  // multer 2.5 takes `streamHandler`; @types/multer 2.3.0 does not declare it yet.
  const multerOptions: multer.Options & {
    streamHandler: (req: Request, busboy: NodeJS.WritableStream) => void;
  } = {
    storage,
    defParamCharset: 'utf8',
    // Keep `a/b` as sent so it is refused, not silently cut to `b`.
    preservePath: true,
    limits: {
      files: limits.maxFiles,
      fields: fieldCount,
      fieldSize: limits.maxFieldBytes,
      fieldNameSize: 100,
      parts: limits.maxFiles + fieldCount,
      headerPairs: 16,
    },
    // As multer's default (pipe), keeping the last chunks to explain a malformed part header,
    // and watching the body's rate.
    streamHandler: (req: Request, busboy: NodeJS.WritableStream) => {
      keepRecentBytes(req);
      req.pipe(busboy);
      guards.set(req, guardBodyRate(req, busboy as Writable, minimumRate));
    },
    fileFilter(_req, file, cb) {
      if (file.fieldname !== FILES_FIELD) {
        cb(new IntakeError('UNEXPECTED_FIELD', `files must be sent as "${FILES_FIELD}"`));
        return;
      }
      try {
        fileName(file.originalname);
      } catch (err) {
        cb(err as Error);
        return;
      }
      cb(null, true);
    },
  };
  const parse = multer(multerOptions).any();
  const largest = largestUploadBytes(limits, fieldCount);
  const holds = new WeakMap<Intake, StoredFile[]>();

  async function receive(req: Request): Promise<Intake> {
    if (!isFormData(req))
      throw new IntakeError('INVALID_MULTIPART', 'expected multipart/form-data');
    const declared = req.headers['content-length'];
    if (declared !== undefined && /^\d{1,20}$/.test(declared) && Number(declared) > largest) {
      // Answer at once and close the connection instead of reading what could never be kept.
      req.res?.setHeader('Connection', 'close');
      throw new IntakeError(
        'FILE_TOO_LARGE',
        `the upload is larger than ${limits.maxFiles} files of ${limits.maxFileBytes} bytes can be`,
      );
    }
    const uploads = storage.begin(req);
    try {
      try {
        // multer never touches the response object.
        const parsed = new Promise<void>((resolve, reject) => {
          void parse(req, undefined as unknown as Response, (err?: unknown) =>
            err === undefined ? resolve() : reject(err),
          );
        });
        // A cut-off body: answer now; multer's callback waits for a body that may never end.
        const cut = guards.get(req)?.cut;
        await (cut ? Promise.race([parsed, cut]) : parsed);
      } catch (err) {
        throw classifyUploadError(err, req);
      } finally {
        guards.get(req)?.stop();
        await storage.settled(req);
      }
      const fields = readIntakeFields(req.body, extraFields);
      const parts = (Array.isArray(req.files) ? req.files : []) as Partial<
        Record<typeof STORED, StoredFile>
      >[];
      const stored = parts.map((p) => p[STORED]).filter((s): s is StoredFile => s !== undefined);
      if (stored.length === 0)
        throw new IntakeError('NO_FILES', `no files: send them as "${FILES_FIELD}" parts`);
      const files = stored.map(({ name, size, mediaType, sha256, sm3: sm3Hex }) => ({
        name,
        size,
        mediaType,
        sha256,
        sm3: sm3Hex,
      }));
      const intake: Intake = { fields, files };
      holds.set(intake, stored);
      for (const s of stored) uploads.stored.delete(s);
      await storage.discardAll(req); // nothing should be left; never leak a hold
      return intake;
    } catch (err) {
      await storage.discardAll(req);
      throw err;
    } finally {
      storage.end(req);
    }
  }

  function settle(intake: Intake): void {
    for (const f of holds.get(intake) ?? []) f.hold.drop();
    holds.delete(intake);
  }

  async function rollback(intake: Intake): Promise<void> {
    const stored = holds.get(intake) ?? [];
    settle(intake);
    await Promise.all(
      [...new Set(stored.map((f) => f.sha256))].map((d) => options.blobs.release(d)),
    );
  }

  const middleware: RequestHandler = (req, res, next) => {
    receive(req).then((intake) => {
      res.locals.intake = intake;
      next();
    }, next);
  };

  return {
    receive,
    settle,
    rollback,
    middleware,
    close: async () => {
      if (ownSm3) await sm3.close();
    },
  };
}
