/**
 * Checkpoint checks (docs/verification.md): `checkpoint.signature` (a signature line verifies with the key
 * it names, trusted or taken from the document), `checkpoint.key_trusted` (that key is one the
 * caller trusts) and `checkpoint.origin` (the origin line is the verifying key's name).
 * @module
 */
import { parseNote, type Checkpoint } from '../log/index.js';
import { check, msg, type Check } from './checks.js';
import { keyLabel, WHERE_TO_GET_THE_KEY, type VerifierKey } from './trust.js';

/**
 * The key a signature line names (a trusted one when any line names one), and whether the caller
 * trusts it. Whether its signature verified is `checkpoint.signature`'s business.
 */
export interface Signer {
  readonly key: VerifierKey;
  readonly trusted: boolean;
}

function findKey(
  keys: readonly VerifierKey[],
  name: string,
  keyId: number,
): VerifierKey | undefined {
  return keys.find((k) => k.name === name && k.keyId === keyId);
}

/**
 * Checks a signed checkpoint note against the trusted keys and (untrusted) the document's key.
 * `checkpoint.signature` passes when every line by a key we have verifies and there is one;
 * `checkpoint.key_trusted` when a line names a trusted key. Returns the checks and the signer.
 */
export function checkpointChecks(
  note: string | undefined,
  body: Checkpoint | undefined,
  trusted: readonly VerifierKey[],
  documentKey: VerifierKey | undefined,
): { checks: Check[]; signer?: Signer } {
  let parsed: ReturnType<typeof parseNote> | undefined;
  try {
    if (note !== undefined) parsed = parseNote(note);
  } catch {
    parsed = undefined;
  }
  // Each signature line by a key we have (trusted first), verified or not.
  const lines: { signer: Signer; ok: boolean }[] = [];
  const unknown: string[] = [];
  const message = parsed && new TextEncoder().encode(parsed.text);
  for (const sig of parsed?.signatures ?? []) {
    const t = findKey(trusted, sig.name, sig.keyId);
    const key = t ?? (documentKey && findKey([documentKey], sig.name, sig.keyId));
    if (key === undefined) {
      unknown.push(keyLabel(sig));
      continue;
    }
    let ok: boolean;
    try {
      ok = key.verify(message!, sig.signature) === true;
    } catch {
      ok = false;
    }
    lines.push({ signer: { key, trusted: t !== undefined }, ok });
  }
  const named = lines.find((l) => l.signer.trusted) ?? lines[0];
  const signer = named?.signer;
  const bad = lines.filter((l) => !l.ok).map((l) => keyLabel(l.signer.key));
  const checks: Check[] = [];
  const expectedKeys = [...trusted, ...(documentKey ? [documentKey] : [])].map(keyLabel);

  if (parsed === undefined) {
    checks.push(
      check(
        'checkpoint.signature',
        'fail',
        msg('检查点不是格式正确的签名文本', 'the checkpoint is not a well-formed signed note'),
        expectedKeys,
        null,
      ),
    );
  } else if (bad.length > 0) {
    checks.push(
      check(
        'checkpoint.signature',
        'fail',
        msg(
          '检查点签名无效：检查点或签名已被改动',
          'the checkpoint signature does not verify: the checkpoint or its signature was changed',
        ),
        bad,
        'invalid',
      ),
    );
  } else if (signer === undefined) {
    checks.push(
      check(
        'checkpoint.signature',
        parsed.signatures.length > 0 ? 'skip' : 'fail',
        msg(
          '没有可用于核验签名的公钥（见 checkpoint.key_trusted）',
          'no key to check the signature with (see checkpoint.key_trusted)',
        ),
        expectedKeys,
        unknown,
      ),
    );
  } else {
    checks.push(
      check(
        'checkpoint.signature',
        'pass',
        msg('检查点签名有效', 'the checkpoint signature verifies'),
        keyLabel(signer.key),
        'valid',
      ),
    );
  }

  const trustedLabels = trusted.map(keyLabel);
  if (signer?.trusted) {
    checks.push(
      check(
        'checkpoint.key_trusted',
        'pass',
        msg(
          '检查点的签名公钥是您信任的日志公钥',
          "the checkpoint's signing key is a log key you trust",
        ),
        trustedLabels,
        keyLabel(signer.key),
      ),
    );
  } else {
    const zh =
      trusted.length === 0
        ? '未指定受信任的日志公钥；仅取自文件本身的公钥不可信，核验不能通过。'
        : '检查点不是由您信任的日志公钥签名的。';
    const en =
      trusted.length === 0
        ? 'no trusted log key was given; a key taken only from the document is not trusted, so the receipt is not verified.'
        : 'the checkpoint is not signed by a log key you trust.';
    checks.push(
      check(
        'checkpoint.key_trusted',
        'fail',
        msg(`${zh}${WHERE_TO_GET_THE_KEY.zh}`, `${en} ${WHERE_TO_GET_THE_KEY.en}`),
        trustedLabels,
        signer ? keyLabel(signer.key) : unknown,
      ),
    );
  }

  if (signer === undefined || body === undefined) {
    checks.push(
      check(
        'checkpoint.origin',
        'skip',
        msg('没有可比对的签名公钥', 'no signing key to compare the origin with'),
        null,
        body?.origin ?? null,
      ),
    );
  } else {
    const ok = body.origin === signer.key.name;
    checks.push(
      check(
        'checkpoint.origin',
        ok ? 'pass' : 'fail',
        ok
          ? msg('检查点来源与日志公钥名称一致', "the checkpoint's origin is the log key's name")
          : msg(
              '检查点来源与日志公钥名称不符',
              "the checkpoint's origin is not the log key's name",
            ),
        signer.key.name,
        body.origin,
      ),
    );
  }
  return { checks, ...(signer ? { signer } : {}) };
}
