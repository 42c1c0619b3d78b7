/** Runs the Debian PDF tools the certificate tests check with (poppler-utils, zbar-tools, libnss3-tools). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `cmd` and returns its output; throws with stderr when `check` and it fails. */
export function run(
  cmd: string,
  args: readonly string[],
  check = true,
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  const out = { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  if (check && out.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return out;
}

/** pdftotext of pages `first`…`last` (all by default), layout kept. */
export function pdfText(path: string, first?: number, last?: number): string {
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-']).stdout;
}

/** Number of pages (pdfinfo). */
export function pageCount(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]).stdout)?.[1]);
}

/** `pdfsig` output, optionally with an NSS database. */
export function pdfsig(path: string, nssdir?: string): string {
  return run('pdfsig', [...(nssdir ? ['-nssdir', `sql:${nssdir}`] : []), path], false).stdout;
}

/** An NSS database in `dir` trusting `caPem` for signing. */
export function nssTrusting(dir: string, caPem: string): string {
  mkdirSync(dir, { recursive: true });
  run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  run('certutil', [
    '-A',
    '-d',
    `sql:${dir}`,
    '-n',
    'huicun-test-notary-ca',
    '-t',
    'CT,C,C',
    '-i',
    caPem,
  ]);
  return dir;
}

/** Decodes the QR codes on page `page` (rendered at 200 dpi) with zbarimg. */
export function qrCodes(path: string, dir: string, page = 1): string[] {
  const prefix = join(dir, `qr-${page}`);
  run('pdftoppm', [
    '-r',
    '200',
    '-f',
    String(page),
    '-l',
    String(page),
    '-png',
    '-singlefile',
    path,
    prefix,
  ]);
  return run('zbarimg', ['-q', '--raw', `${prefix}.png`])
    .stdout.split('\n')
    .filter(Boolean);
}

/** Writes `bytes` to `dir/name` and returns the path. */
export function save(dir: string, name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}
