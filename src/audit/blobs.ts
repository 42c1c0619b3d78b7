/**
 * Audits the evidence files: every file of every upload deposit must exist with its size and
 * re-hash to its SHA-256 and SM3. Blobs no record references are listed (not damage).
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createSha256, createSm3 } from '../crypto/index.js';
import { DEPOSIT_PREFIX, parseDepositRecord } from '../evidence/index.js';
import type { AuditFinding, AuditSection } from './report.js';
import type { RecordScan } from './records.js';

/** The SHA-256, SM3 and size of the file at `path`, read as a stream (1 MiB chunks). */
export async function fileDigests(
  path: string,
): Promise<{ sha256: string; sm3: string; size: number }> {
  const sha = createSha256();
  const sm3 = createSm3();
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    sha.update(chunk as Buffer);
    sm3.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: sha.digest('hex'), sm3: sm3.digest('hex'), size };
}

export async function auditBlobs(deps: {
  records: RecordScan;
  blobPath: (sha256: string) => string;
  blobDir: string;
}): Promise<AuditSection> {
  const findings: AuditFinding[] = [];
  const referenced = new Set<string>();
  let checked = 0;
  for await (const [key, value] of deps.records.scan(DEPOSIT_PREFIX)) {
    const r = parseDepositRecord(value);
    if (r.opening.method !== 'upload') continue;
    for (const f of r.opening.files) {
      if (referenced.has(f.sha256)) continue;
      referenced.add(f.sha256);
      checked++;
      const where = `${key} file "${f.name}"`;
      try {
        const d = await fileDigests(deps.blobPath(f.sha256));
        if (d.size !== f.size)
          findings.push({ id: 'blob.size', where, message: `${d.size} bytes, expected ${f.size}` });
        if (d.sha256 !== f.sha256)
          findings.push({
            id: 'blob.sha256',
            where,
            message: 'the stored file no longer has its SHA-256',
          });
        if (f.sm3 !== undefined && d.sm3 !== f.sm3)
          findings.push({
            id: 'blob.sm3',
            where,
            message: 'the stored file no longer has its SM3',
          });
      } catch {
        findings.push({ id: 'blob.missing', where, message: 'the stored file is missing' });
      }
    }
  }
  const orphans: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (depth < 2) await walk(p, depth + 1);
      else if ((await stat(p)).isFile() && !referenced.has(n)) orphans.push(n);
    }
  };
  await walk(deps.blobDir, 0);
  return {
    name: 'evidence files (size, SHA-256, SM3)',
    checked,
    findings,
    ...(orphans.length
      ? {
          notes: [
            `${orphans.length} stored file(s) no deposit references: ${orphans.slice(0, 5).join(', ')}`,
          ],
        }
      : {}),
  };
}
