/**
 * Trusted log keys (docs/verification.md `checkpoint.key_trusted`): vkeys the caller trusts from outside the
 * document — `--log-key`, the `HUICUN_TRUSTED_KEYS` file (one vkey a line), configuration, or
 * `/api/v1/log/key` fetched by `--online`.
 * @module
 */
import { formatKeyId, parseVkey, type NoteVerifier } from '../log/index.js';
import { VerifyError } from './errors.js';

/** A parsed vkey: a note verifier that also knows its text. */
export type VerifierKey = NoteVerifier & { readonly vkey: string };

/** `<name>+<hex key id>`: how reports name a key. */
export function keyLabel(key: { readonly name: string; readonly keyId: number }): string {
  return `${key.name}+${formatKeyId(key.keyId)}`;
}

/**
 * Parses vkeys.
 * @throws {VerifyError} `INVALID_TRUSTED_KEY` naming the first vkey that does not parse.
 */
export function parseTrustedKeys(vkeys: readonly string[]): VerifierKey[] {
  const out: VerifierKey[] = [];
  const seen = new Set<string>();
  for (const raw of vkeys) {
    const vkey = raw.trim();
    if (seen.has(vkey)) continue;
    seen.add(vkey);
    try {
      out.push(parseVkey(vkey));
    } catch (cause) {
      throw new VerifyError(
        'INVALID_TRUSTED_KEY',
        `not a log key (vkey): ${JSON.stringify(vkey.slice(0, 120))}`,
        { cause },
      );
    }
  }
  return out;
}

/**
 * The vkeys of a trusted-keys file: one a line; blank lines and lines starting with `#` are
 * ignored.
 * @throws {VerifyError} `INVALID_TRUSTED_KEY` for a line that is not a vkey.
 */
export function parseTrustedKeysFile(text: string): VerifierKey[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return parseTrustedKeys(lines);
}

/** Where to get the log key, in both languages (printed when no trusted key verified). */
export const WHERE_TO_GET_THE_KEY = {
  zh: '请从日志运营方的公开渠道获取日志公钥（服务器的 /api/v1/log/key，或证书上印的公钥），再用 --log-key 或 HUICUN_TRUSTED_KEYS 指定，或使用 --online <网址>',
  en: 'get the log key from the operator through a channel you trust (/api/v1/log/key on its server, or the key printed on the certificate) and pass it with --log-key or HUICUN_TRUSTED_KEYS, or use --online <url>',
} as const;
