/**
 * The multipart body of POST /api/v1/verify (docs/api.md): a `file` part is hashed while it
 * streams (SHA-256 here, SM3 on the shared worker) and never stored; a `certificate` part (PDF,
 * receipt JSON or tlog-proof, at most 16 MiB) is kept in memory; a `depositId` field may name the
 * deposit; `sha256` and `sm3` fields carry the digests of a file hashed by the caller (a browser
 * asking for the report of what it verified itself), never together with a `file`. Anything
 * else is refused. A body slower than the minimum rate is cut off with 408 REQUEST_TOO_SLOW
 * (src/evidence/intake/body-rate.ts).
 */
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Writable } from 'node:stream';
import { createSha256 } from '../crypto/index.js';
import {
  DEFAULT_MINIMUM_RATE,
  guardBodyRate,
  type BodyRateGuard,
  type MinimumRate,
  IntakeError,
  type Sm3Worker,
} from '../evidence/index.js';
import { MAX_PDF_BYTES } from '../verify/index.js';

/** What a verify upload carried. */
export interface VerifyUpload {
  readonly file?: { readonly size: number; readonly sha256: string; readonly sm3: string };
  readonly certificate?: Uint8Array;
  readonly depositId?: string;
  /** The caller's own digests (unchecked text: the route validates them). */
  readonly sha256?: string;
  readonly sm3?: string;
}

/** The text fields a verify upload may carry. */
const FIELDS = ['depositId', 'sha256', 'sm3'] as const;

const RESULT = Symbol('huicun.verifyPart');
type Part = { [RESULT]?: VerifyUpload['file'] | Uint8Array };

class VerifyStorage implements multer.StorageEngine {
  constructor(
    private readonly sm3: Sm3Worker,
    private readonly maxFileBytes: number,
  ) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    cb: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const task = file.fieldname === 'file' ? this.#hash(file) : this.#keep(file);
    task.then(
      (result) => cb(null, { [RESULT]: result } as Partial<Express.Multer.File>),
      (err: unknown) => {
        file.stream.resume();
        cb(err);
      },
    );
  }

  _removeFile(_req: Request, _file: Express.Multer.File, cb: (error: Error | null) => void): void {
    cb(null);
  }

  async #hash(file: Express.Multer.File): Promise<VerifyUpload['file']> {
    const id = this.sm3.open();
    const sha256 = createSha256();
    let size = 0;
    try {
      for await (const chunk of file.stream.iterator({ destroyOnReturn: false })) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > this.maxFileBytes)
          throw new IntakeError(
            'FILE_TOO_LARGE',
            `the file is larger than ${this.maxFileBytes} bytes: hash it yourself and send {sha256}`,
          );
        sha256.update(bytes);
        const wait = this.sm3.update(id, bytes);
        if (wait !== undefined) await wait;
      }
      return { size, sha256: sha256.digest('hex'), sm3: await this.sm3.final(id) };
    } catch (err) {
      this.sm3.abort(id);
      throw err;
    }
  }

  async #keep(file: Express.Multer.File): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of file.stream.iterator({ destroyOnReturn: false })) {
      size += (chunk as Buffer).length;
      if (size > MAX_PDF_BYTES)
        throw new IntakeError(
          'FILE_TOO_LARGE',
          `the certificate is larger than ${MAX_PDF_BYTES} bytes`,
        );
      chunks.push(chunk as Buffer);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }
}

function classify(err: unknown): unknown {
  if (err instanceof IntakeError) return err;
  if (err instanceof multer.MulterError) {
    return err.code === 'LIMIT_UNEXPECTED_FILE' ||
      err.code === 'LIMIT_FIELD_COUNT' ||
      err.code === 'LIMIT_FILE_COUNT' ||
      err.code === 'LIMIT_PART_COUNT'
      ? new IntakeError(
          'UNEXPECTED_FIELD',
          'send at most one "file", one "certificate" and the fields "depositId", "sha256", "sm3"',
          { cause: err },
        )
      : new IntakeError('INVALID_MULTIPART', 'malformed multipart body', { cause: err });
  }
  if (err instanceof Error && err.constructor === Error)
    return new IntakeError('INVALID_MULTIPART', 'malformed multipart body', { cause: err });
  return err;
}

/**
 * Receives a verify upload; `maxFileBytes` caps the `file` part (anonymous callers get less),
 * and a body slower than `minimumRate` is refused with REQUEST_TOO_SLOW.
 */
export async function receiveVerifyUpload(
  req: Request,
  sm3: Sm3Worker,
  maxFileBytes: number,
  minimumRate: MinimumRate = DEFAULT_MINIMUM_RATE,
): Promise<VerifyUpload> {
  let guard: BodyRateGuard | undefined;
  // multer 2.5 takes `streamHandler`; @types/multer 2.3.0 does not declare it yet.
  const options: multer.Options & {
    streamHandler: (req: Request, busboy: NodeJS.WritableStream) => void;
  } = {
    storage: new VerifyStorage(sm3, maxFileBytes),
    defParamCharset: 'utf8',
    limits: { files: 2, fields: FIELDS.length, fieldSize: 80, parts: 5, headerPairs: 16 },
    fileFilter(_req, file, cb) {
      if (file.fieldname === 'file' || file.fieldname === 'certificate') cb(null, true);
      else cb(new IntakeError('UNEXPECTED_FIELD', 'send the parts "file" and/or "certificate"'));
    },
    streamHandler: (r: Request, busboy: NodeJS.WritableStream) => {
      r.pipe(busboy);
      guard = guardBodyRate(r, busboy as Writable, minimumRate);
    },
  };
  const parse = multer(options).fields([
    { name: 'file', maxCount: 1 },
    { name: 'certificate', maxCount: 1 },
  ]);
  const parsed = new Promise<VerifyUpload>((resolve, reject) => {
    void parse(req, undefined as unknown as Response, (err?: unknown) => {
      if (err !== undefined) {
        reject(classify(err));
        return;
      }
      const files = (req.files ?? {}) as Record<string, (Express.Multer.File & Part)[]>;
      const file = files.file?.[0]?.[RESULT] as VerifyUpload['file'];
      const certificate = files.certificate?.[0]?.[RESULT] as Uint8Array | undefined;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(body).filter((k) => !(FIELDS as readonly string[]).includes(k));
      if (unknown.length > 0) {
        reject(new IntakeError('UNEXPECTED_FIELD', `unexpected field ${unknown[0]}`));
        return;
      }
      if (file && (body.sha256 !== undefined || body.sm3 !== undefined)) {
        reject(
          new IntakeError('UNEXPECTED_FIELD', 'send a "file" or its "sha256"/"sm3", not both'),
        );
        return;
      }
      const text = (k: (typeof FIELDS)[number]): Record<string, string> =>
        typeof body[k] === 'string' ? { [k]: body[k] } : {};
      resolve({
        ...(file ? { file } : {}),
        ...(certificate ? { certificate } : {}),
        ...text('depositId'),
        ...text('sha256'),
        ...text('sm3'),
      });
    });
  });
  try {
    // A cut-off body: answer now; multer's callback waits for a body that may never end.
    return await (guard ? Promise.race([parsed, guard.cut]) : parsed);
  } finally {
    guard?.stop();
  }
}
