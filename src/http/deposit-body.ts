/**
 * Reading a deposit's body, shared by ordinary and counter deposits: a multipart upload through
 * the streaming intake (settled when the deposit is appended, rolled back when it is not) or a
 * JSON hash-only body (docs/life-of-a-deposit.md).
 */
import type { Request } from 'express';
import {
  DepositError,
  parseHashOnlyBody,
  type UploadHandler,
  type FileItem,
  type NewDeposit,
} from '../evidence/index.js';

/** A received deposit body: fields, files, method, and the extra fields asked for. */
export interface ReceivedDeposit {
  readonly title: string;
  readonly description: string;
  readonly files: readonly FileItem[];
  readonly method: NewDeposit['method'];
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * Receives a deposit body — multipart upload through `uploads` or JSON hash-only — and calls
 * `create` with it; an upload is settled when `create` succeeds and rolled back when it fails.
 * `extraFields` are taken out of the body (form fields or JSON keys) into `extra`.
 * @throws DepositError UNSUPPORTED_MEDIA_TYPE; the intake's and hash-only parser's errors.
 */
export async function receiveDeposit<T>(
  req: Request,
  deps: { uploads: UploadHandler; maxFiles: number; extraFields?: readonly string[] },
  create: (body: ReceivedDeposit) => Promise<T>,
): Promise<T> {
  const extraFields = deps.extraFields ?? [];
  if (req.is('multipart/form-data')) {
    const intake = await deps.uploads.receive(req);
    try {
      // Title and description were checked by the intake (src/evidence/deposit-fields.ts).
      const { title, description } = intake.fields;
      const files = intake.files.map(({ name, size, mediaType, sha256, sm3 }) => ({
        name,
        size,
        mediaType,
        sha256,
        sm3,
      }));
      const result = await create({
        title,
        description,
        files,
        method: 'upload',
        extra: intake.fields.extra,
      });
      deps.uploads.settle(intake);
      return result;
    } catch (err) {
      await deps.uploads.rollback(intake);
      throw err;
    }
  }
  if (req.is('application/json')) {
    const raw: unknown = req.body;
    // Null prototypes: a "__proto__" key stays an own key (refused as unknown) instead of
    // becoming the prototype whose fields would be read as if they had been sent.
    const rest = Object.create(null) as Record<string, unknown>;
    const extra = Object.create(null) as Record<string, unknown>;
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) (extraFields.includes(k) ? extra : rest)[k] = v;
    }
    const body = parseHashOnlyBody(
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? rest : raw,
      deps.maxFiles,
    );
    return create({ ...body, method: 'hash-only', extra });
  }
  throw new DepositError(
    'UNSUPPORTED_MEDIA_TYPE',
    'send multipart/form-data (upload) or application/json (hash-only)',
  );
}
