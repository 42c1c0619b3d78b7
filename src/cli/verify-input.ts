/**
 * Reading what `huicun verify` is given: the receipt (JSON, tlog-proof or a huicun PDF) and the
 * trusted keys. Every failure here is "usage or unreadable input" (exit 2), so it throws
 * a {@link CliError} BAD_INPUT; a receipt that reads but fails a check is reported, not thrown.
 */
import { readFile, stat } from 'node:fs/promises';
import { sha256 } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import {
  isPdf,
  MAX_PDF_BYTES,
  parseTrustedKeys,
  parseTrustedKeysFile,
  readReceiptDocument,
  VerifyError,
  type ExtractAttachments,
  type VerifierKey,
} from '../verify/index.js';
import { CliError } from './errors.js';

/** Largest receipt or tlog-proof read (a receipt is a few KiB; a PDF at most 16 MiB). */
const MAX_INPUT_BYTES = MAX_PDF_BYTES;

async function readSmall(path: string, what: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError('BAD_INPUT', `${what} ${path} is not a file`);
    if (info.size > MAX_INPUT_BYTES)
      throw new CliError('BAD_INPUT', `${what} ${path} is larger than ${MAX_INPUT_BYTES} bytes`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError('BAD_INPUT', `cannot read ${what} ${path}: ${(err as Error).message}`);
  }
}

function unreadable(err: unknown): never {
  if (err instanceof VerifyError) throw new CliError('BAD_INPUT', err.message);
  throw err;
}

/** The source of the receipt, as given on the command line. */
export type ReceiptSource =
  | { kind: 'receipt'; path: string }
  | { kind: 'tlog-proof'; path: string }
  | { kind: 'certificate'; path: string };

/** The PDF attachment reader (pure; loaded only for `--certificate`). */
export async function loadExtractAttachments(): Promise<ExtractAttachments> {
  return (await import('../pdf/index.js')).extractAttachments;
}

/** The receipt (parsed, not yet verified) and, for a PDF, the PDF's SHA-256. */
export async function readReceiptSource(
  source: ReceiptSource,
  extract: () => Promise<ExtractAttachments> = loadExtractAttachments,
): Promise<{ receipt: unknown; documentSha256?: string }> {
  const bytes = new Uint8Array(await readSmall(source.path, source.kind));
  try {
    const reader = source.kind === 'certificate' || isPdf(bytes) ? await extract() : undefined;
    const { receipt, pdf } = readReceiptDocument(bytes, reader);
    return pdf ? { receipt, documentSha256: encodeHex(sha256(bytes)) } : { receipt };
  } catch (err) {
    return unreadable(err);
  }
}

/**
 * The trusted keys: each `--log-key` vkey, and the vkeys of the file named by
 * `HUICUN_TRUSTED_KEYS` (one a line).
 */
export async function readTrustedKeys(
  logKeys: readonly string[],
  trustedKeysFile: string | undefined,
): Promise<VerifierKey[]> {
  try {
    const keys = parseTrustedKeys(logKeys);
    if (trustedKeysFile) {
      const text = (await readSmall(trustedKeysFile, 'HUICUN_TRUSTED_KEYS file')).toString('utf8');
      keys.push(...parseTrustedKeysFile(text));
    }
    return keys;
  } catch (err) {
    return unreadable(err);
  }
}
