/**
 * `npm run bench:verify` (docs/BENCHMARKS.md, issue #6 §6): wall time of the compiled CLI,
 * `huicun verify <100 MB file> --receipt R --log-key VKEY` (start-up, SHA-256 and SM3 of the file,
 * every check), beside `openssl dgst -sha256` and `openssl dgst -sm3` of the same file in the
 * same run; and the CLI's wall time on a small file (start-up included). Targets: ≤ 1.3 × the
 * two openssl runs together, ≤ 400 ms for the small file. Medians of BENCH_RUNS (5) runs after
 * a warm-up; BENCH_VERIFY_MB (100) sets the size.
 *
 * The receipt comes from a 1,000-entry log signed with a bench-only key (a 10-hash inclusion
 * proof); a certificate PDF carries the same receipt, so the figures hold for `--certificate`
 * once certificates can be read here (the PDF adds one ≤ 16 MiB read and one SHA-256).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256, sm3 } from '../src/crypto/index.js';
import { formatDepositNumber, makeEntry } from '../src/entry/index.js';
import { makeReceipt } from '../src/evidence/receipt.js';
import {
  ed25519NoteSigner,
  encodeHex,
  formatCheckpoint,
  formatVkey,
  rfc6962,
  signNote,
} from '../src/log/index.js';
import { ReferenceTree } from '../test/reference/tree.js';
import { tempDir } from '../test/helpers/log-fixture.js';
import { printResult, round } from './common.js';

const MB = 1024 * 1024;
const VERIFY_MB = Number(process.env.BENCH_VERIFY_MB ?? '100');
const RUNS = Number(process.env.BENCH_RUNS ?? '5');
const CLI = new URL('../dist/cli/main.js', import.meta.url).pathname;
const ORIGIN = 'bench.huicun.localhost/log';
const SEED = new Uint8Array(32).fill(0x62); // BENCH-ONLY key

function makeFile(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'w');
  const chunk = randomBytes(Math.min(bytes, 8 * MB));
  for (let done = 0, i = 0; done < bytes; i++) {
    chunk[0] = i & 0xff;
    const n = Math.min(chunk.length, bytes - done);
    writeSync(fd, chunk, 0, n);
    done += n;
  }
  fsyncSync(fd);
  closeSync(fd);
  return chunk;
}

/** Digests of the file, read whole once (setup only, not measured). */
function digests(path: string): { sha256: string; sm3: string; size: number } {
  const h = spawnSync('openssl', ['dgst', '-r', '-sha256', path], { encoding: 'utf8' });
  const s = spawnSync('openssl', ['dgst', '-r', '-sm3', path], { encoding: 'utf8' });
  const size = Number(spawnSync('stat', ['-c', '%s', path], { encoding: 'utf8' }).stdout.trim());
  return { sha256: h.stdout.split(' ')[0]!, sm3: s.stdout.split(' ')[0]!, size };
}

/** A receipt for `file` at index 700 of a 1,000-entry log, and the log's vkey. */
async function receiptFor(file: {
  sha256: string;
  sm3: string;
  size: number;
}): Promise<{ receipt: unknown; vkey: string }> {
  const index = 700;
  const opening = {
    depositor: {
      account: 'u_bench',
      idMasked: '3101**********1234',
      name: '张三',
      verification: 'self-declared',
    },
    description: '',
    files: [
      {
        mediaType: 'application/octet-stream',
        name: 'bench.bin',
        sha256: file.sha256,
        size: file.size,
        sm3: file.sm3,
      },
    ],
    method: 'upload',
    salt: encodeHex(sha256(new TextEncoder().encode('bench salt'))),
    title: 'bench',
  };
  const entries = Array.from({ length: 1000 }, (_, i) =>
    i === index
      ? makeEntry('deposit', formatDepositNumber(i), '2026-01-01T00:00:00.000Z', opening).bytes
      : new TextEncoder().encode(`filler ${i}`),
  );
  const tree = new ReferenceTree(entries, rfc6962);
  const pub = ed25519.getPublicKey(SEED);
  const signer = ed25519NoteSigner(ORIGIN, pub, (m) => ed25519.sign(m, SEED));
  const checkpoint = await signNote(
    formatCheckpoint({ origin: ORIGIN, size: 1000, root: tree.root(1000), extensions: [] }),
    [signer],
  );
  const vkey = formatVkey(ORIGIN, pub);
  const receipt = makeReceipt({
    logKey: vkey,
    index,
    entry: entries[index]!,
    opening,
    proof: tree.inclusionProof(index, 1000),
    checkpoint,
  });
  return { receipt, vkey };
}

/** Wall seconds of one run of a command that must exit 0. */
function wall(cmd: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const t = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

/**
 * Median wall seconds of each command over `runs` rounds after a warm-up round. The commands
 * take turns within a round, so a busy machine slows them alike.
 */
function medians(commands: readonly (readonly string[])[], runs = RUNS): number[] {
  const times = commands.map(() => [] as number[]);
  for (let round = 0; round <= runs; round++)
    commands.forEach((cmd, i) => {
      const t = wall(cmd);
      if (round > 0) times[i]!.push(t); // round 0 warms the page cache
    });
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

const tmp = tempDir('huicun-bench-verify-');
try {
  const big = join(tmp.dir, 'big.bin');
  makeFile(big, VERIFY_MB * MB);
  const small = join(tmp.dir, 'small.txt');
  const smallBytes = randomBytes(1024);
  writeFileSync(small, smallBytes);
  const bigReceipt = await receiptFor(digests(big));
  const smallReceipt = await receiptFor({
    sha256: encodeHex(sha256(smallBytes)),
    sm3: encodeHex(sm3(smallBytes)),
    size: 1024,
  });
  writeFileSync(join(tmp.dir, 'big.json'), JSON.stringify(bigReceipt.receipt));
  writeFileSync(join(tmp.dir, 'small.json'), JSON.stringify(smallReceipt.receipt));

  const bigArgs = ['--receipt', join(tmp.dir, 'big.json'), '--log-key', bigReceipt.vkey];
  const [cliBig, sslSha, sslSm3] = medians([
    [process.execPath, CLI, 'verify', big, ...bigArgs],
    ['openssl', 'dgst', '-sha256', big],
    ['openssl', 'dgst', '-sm3', big],
  ]) as [number, number, number];
  const smallArgs = ['--receipt', join(tmp.dir, 'small.json'), '--log-key', smallReceipt.vkey];
  const [cliSmall] = medians(
    [[process.execPath, CLI, 'verify', small, ...smallArgs]],
    Math.max(RUNS, 10),
  ) as [number];
  const both = sslSha + sslSm3;
  const ratio = cliBig / both;
  printResult(
    'verify',
    [
      [
        `huicun verify, ${VERIFY_MB} MB file (s)`,
        round(cliBig, 3),
        'SHA-256 + SM3 (worker) + checks, start-up included',
      ],
      [`openssl dgst -sha256, same file (s)`, round(sslSha, 3)],
      [`openssl dgst -sm3, same file (s)`, round(sslSm3, 3)],
      ['openssl sha256 + sm3 together (s)', round(both, 3)],
      [
        'ratio cli / openssl both',
        round(ratio, 2),
        `target ≤ 1.3 ${ratio <= 1.3 ? 'met' : 'MISSED'}`,
      ],
      [
        'huicun verify, 1 KiB file (ms)',
        round(cliSmall * 1000, 1),
        `target ≤ 400 ${cliSmall <= 0.4 ? 'met' : 'MISSED'}`,
      ],
    ],
    {
      cli_verify_100mb_s: round(cliBig, 3),
      openssl_sha256_100mb_s: round(sslSha, 3),
      openssl_sha256_sm3_100mb_s: round(both, 3),
      cli_verify_ratio: round(ratio, 3),
      cli_verify_small_ms: round(cliSmall * 1000, 1),
    },
  );
} finally {
  tmp.remove();
}
