/**
 * `file.sha256` and `file.sm3` (docs/verification.md): the digests the host computed of the caller's file
 * against the files of the opening. A deposit may hold several files; the file whose SHA-256
 * matches is the one the SM3 must match too.
 * @module
 */
import { check, msg, type Check } from './checks.js';

/** Lowercase hex digests of the caller's file (the host hashes it; `src/verify` never does). */
export interface FileDigests {
  readonly sha256?: string;
  readonly sm3?: string;
}

/** A file item of an opening, as far as it could be read. */
export interface OpeningFile {
  readonly position: number;
  readonly name?: string;
  readonly size?: number;
  readonly sha256?: string;
  readonly sm3?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Whether `s` is a digest as huicun writes them: 64 lowercase hex characters. */
export function isHexDigest(s: unknown): s is string {
  return typeof s === 'string' && HEX64.test(s);
}

/** The file items of an opening (hostile input: malformed fields are left out). */
export function openingFiles(
  opening: Readonly<Record<string, unknown>> | undefined,
): OpeningFile[] {
  const files = opening?.files;
  if (!Array.isArray(files)) return [];
  return files.map((f: unknown, position) => {
    const o = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    return {
      position,
      ...(typeof o.name === 'string' ? { name: o.name } : {}),
      ...(typeof o.size === 'number' ? { size: o.size } : {}),
      ...(typeof o.sha256 === 'string' ? { sha256: o.sha256 } : {}),
      ...(typeof o.sm3 === 'string' ? { sm3: o.sm3 } : {}),
    };
  });
}

/** What the expected side of a file check shows: the one digest, or all of them. */
function expectedOf(files: readonly OpeningFile[], alg: 'sha256' | 'sm3'): unknown {
  const all = files.map((f) => f[alg] ?? null);
  return all.length === 1 ? all[0] : all;
}

/**
 * The file checks, and the opening's file the caller's file is (when its SHA-256 matched, or
 * its SM3 when only that was given).
 */
export function fileChecks(
  given: FileDigests | undefined,
  files: readonly OpeningFile[],
): { checks: Check[]; matched?: OpeningFile } {
  const checks: Check[] = [];
  const sha256 = given?.sha256?.toLowerCase();
  const sm3 = given?.sm3?.toLowerCase();
  let matched: OpeningFile | undefined;
  if (sha256 === undefined) {
    checks.push(
      check(
        'file.sha256',
        'skip',
        msg('未提供文件：未比对 SHA-256', 'no file given: SHA-256 not compared'),
      ),
    );
  } else {
    matched = files.find((f) => f.sha256 === sha256);
    checks.push(
      matched
        ? check(
            'file.sha256',
            'pass',
            msg('文件的 SHA-256 与存证记录一致', "the file's SHA-256 matches the deposit"),
            matched.sha256,
            sha256,
          )
        : check(
            'file.sha256',
            'fail',
            msg(
              '文件的 SHA-256 与存证记录不符：文件不是存证时的文件，或已被改动',
              "the file's SHA-256 does not match the deposit: it is not the deposited file, or it was changed",
            ),
            expectedOf(files, 'sha256'),
            sha256,
          ),
    );
  }
  if (sm3 === undefined) {
    checks.push(
      check('file.sm3', 'skip', msg('未提供文件：未比对 SM3', 'no file given: SM3 not compared')),
    );
    return { checks, ...(matched ? { matched } : {}) };
  }
  const candidates = matched ? [matched] : sha256 === undefined ? files : [];
  const withSm3 = candidates.filter((f) => f.sm3 !== undefined);
  if (candidates.length > 0 && withSm3.length === 0) {
    checks.push(
      check(
        'file.sm3',
        'skip',
        msg('存证记录中没有 SM3 摘要', 'the deposit records no SM3 digest for this file'),
      ),
    );
    return { checks, ...(matched ? { matched } : {}) };
  }
  const sm3Match = withSm3.find((f) => f.sm3 === sm3);
  matched ??= sm3Match;
  checks.push(
    sm3Match
      ? check(
          'file.sm3',
          'pass',
          msg('文件的 SM3 与存证记录一致', "the file's SM3 matches the deposit"),
          sm3Match.sm3,
          sm3,
        )
      : check(
          'file.sm3',
          'fail',
          msg('文件的 SM3 与存证记录不符', "the file's SM3 does not match the deposit"),
          expectedOf(matched ? [matched] : files, 'sm3'),
          sm3,
        ),
  );
  return { checks, ...(matched ? { matched } : {}) };
}
