/**
 * C2SP signed-note (signed-note/v1.0.0): text ending in a newline, a blank line, then one or
 * more lines `— <key name> <base64(key ID ‖ signature)>`. Parsing is strict; opening follows the
 * spec's rules: ignore unknown keys, reject the note if a known key's signature fails or if no
 * known key signed it.
 * @module
 */
import { decodeBase64, encodeBase64 } from './base64.js';
import { LogError } from './errors.js';
import { isNoteSafeText, utf8 } from './text.js';
import { formatKeyId, isValidKeyName, type NoteSigner, type NoteVerifier } from './vkey.js';

export {
  ed25519KeyId,
  ed25519NoteSigner,
  formatVkey,
  isValidKeyName,
  parseVkey,
  type NoteSigner,
  type NoteVerifier,
} from './vkey.js';

/** Most signatures a note may carry (x/mod note.Open's limit; the spec requires ≥ 16). */
export const MAX_NOTE_SIGNATURES = 100;
/** Prefix of a signature line: em dash U+2014 and a space. */
const SIG_PREFIX = '\u2014 ';

/** One signature line: `signature` is the raw signature, without the 4-byte key ID. */
export interface NoteSignature {
  name: string;
  keyId: number;
  signature: Uint8Array;
}

/** A parsed (not yet verified) note: `text` includes its final newline. */
export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

function malformed(message: string, cause?: unknown): LogError {
  return new LogError(
    'INVALID_NOTE',
    `malformed note: ${message}`,
    cause === undefined ? {} : { cause },
  );
}

function parseSignatureLine(line: string, n: number): NoteSignature {
  if (!line.startsWith(SIG_PREFIX)) throw malformed(`signature line ${n} does not start with "— "`);
  const rest = line.slice(SIG_PREFIX.length);
  const sp = rest.indexOf(' ');
  if (sp < 0) throw malformed(`signature line ${n} has no signature`);
  const name = rest.slice(0, sp);
  if (!isValidKeyName(name)) throw malformed(`signature line ${n} has an invalid key name`);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(rest.slice(sp + 1));
  } catch (cause) {
    throw malformed(`signature line ${n} is not canonical base64`, cause);
  }
  if (bytes.length < 5) throw malformed(`signature line ${n} is too short`);
  const keyId =
    (((bytes[0] as number) << 24) |
      ((bytes[1] as number) << 16) |
      ((bytes[2] as number) << 8) |
      (bytes[3] as number)) >>>
    0;
  return { name, keyId, signature: bytes.slice(4) };
}

/**
 * Parses a signed note without verifying it. The text is split from the signatures at the LAST
 * blank line.
 * @throws {LogError} `INVALID_NOTE` if the note has a lone surrogate (not valid UTF-8) or a
 *   control character other than `\n`, no blank line, no signature, more than
 *   {@link MAX_NOTE_SIGNATURES} signatures, does not end in `\n`, or has a malformed signature
 *   line (prefix, key name, base64, fewer than 5 bytes).
 */
export function parseNote(note: string): ParsedNote {
  if (typeof note !== 'string') throw malformed('not a string');
  if (!isNoteSafeText(note)) throw malformed('invalid UTF-8 or control characters');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const sigs = note.slice(split + 2);
  if (sigs.length === 0) throw malformed('no signatures');
  if (!sigs.endsWith('\n')) throw malformed('does not end with a newline');
  const lines = sigs.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES)
    throw malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  return { text, signatures: lines.map((line, i) => parseSignatureLine(line, i + 1)) };
}

/** Whether `text` can be the text of a note: note-safe, ending in `\n`. */
export function isValidNoteText(text: string): boolean {
  return typeof text === 'string' && text.endsWith('\n') && isNoteSafeText(text);
}

/**
 * Signs `text` with each signer, in order (C2SP signed-note).
 * @throws {LogError} `INVALID_NOTE` if `text` does not end in `\n`, has a lone surrogate or a
 *   control character other than `\n`; `INVALID_ARGUMENT` for no signers, more than
 *   {@link MAX_NOTE_SIGNATURES}, an invalid key name or key ID, or an empty signature; any error
 *   a signer throws is passed through.
 */
export async function signNote(text: string, signers: readonly NoteSigner[]): Promise<string> {
  if (!isValidNoteText(text))
    throw new LogError(
      'INVALID_NOTE',
      'note text must end in \\n and contain no control characters but \\n',
    );
  if (signers.length === 0)
    throw new LogError('INVALID_ARGUMENT', 'at least one signer is required');
  if (signers.length > MAX_NOTE_SIGNATURES)
    throw new LogError('INVALID_ARGUMENT', `more than ${MAX_NOTE_SIGNATURES} signers`);
  const message = utf8(text);
  let lines = '';
  for (const signer of signers) {
    if (!isValidKeyName(signer.name))
      throw new LogError('INVALID_ARGUMENT', `invalid key name ${JSON.stringify(signer.name)}`);
    if (!Number.isInteger(signer.keyId) || signer.keyId < 0 || signer.keyId > 0xffffffff) {
      throw new LogError('INVALID_ARGUMENT', 'key id must be a uint32');
    }
    const sig = await signer.sign(message);
    if (!(sig instanceof Uint8Array) || sig.length === 0)
      throw new LogError('INVALID_ARGUMENT', `signer ${signer.name} returned no signature`);
    const bytes = new Uint8Array(4 + sig.length);
    new DataView(bytes.buffer).setUint32(0, signer.keyId, false);
    bytes.set(sig, 4);
    lines += `${SIG_PREFIX}${signer.name} ${encodeBase64(bytes)}\n`;
  }
  return `${text}\n${lines}`;
}

function keyOf(name: string, keyId: number): string {
  return `${name} ${formatKeyId(keyId)}`; // names contain no spaces, so this is unambiguous
}

/**
 * Parses and verifies a note against trusted keys (C2SP signed-note §Signatures): signatures
 * by unknown keys (name and key ID not both matching) are returned in `unknown`, every
 * signature by a known key must verify. Repeated identical lines are reported once.
 * @throws {LogError} `INVALID_NOTE` as {@link parseNote}, if a known key's signature does not
 *   verify, or if no known key signed (message "no trusted signature"); `INVALID_KEY` if two
 *   verifiers share name and key ID (ambiguous, as x/mod note).
 */
export function openNote(
  note: string,
  verifiers: readonly NoteVerifier[],
): { text: string; verified: NoteSignature[]; unknown: NoteSignature[] } {
  const known = new Map<string, NoteVerifier>();
  for (const v of verifiers) {
    const k = keyOf(v.name, v.keyId);
    if (known.has(k))
      throw new LogError('INVALID_KEY', `ambiguous key ${v.name}+${formatKeyId(v.keyId)}`);
    known.set(k, v);
  }
  const parsed = parseNote(note);
  const message = utf8(parsed.text);
  const verified: NoteSignature[] = [];
  const unknown: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of parsed.signatures) {
    const k = keyOf(sig.name, sig.keyId);
    const line = `${k} ${encodeBase64(sig.signature)}`;
    const verifier = known.get(k);
    if (verifier === undefined) {
      if (!seen.has(line)) unknown.push(sig);
    } else {
      let ok: boolean;
      try {
        ok = verifier.verify(message, sig.signature) === true;
      } catch {
        ok = false; // a verifier that throws is a failed verification
      }
      if (!ok)
        throw new LogError(
          'INVALID_NOTE',
          `invalid signature by known key ${sig.name}+${formatKeyId(sig.keyId)}`,
        );
      if (!seen.has(line)) verified.push(sig);
    }
    seen.add(line);
  }
  if (verified.length === 0)
    throw new LogError(
      'INVALID_NOTE',
      'no trusted signature: the note is not signed by any known key',
    );
  return { text: parsed.text, verified, unknown };
}
