/** What an audit finds: each check with a count, and every damage with where it is. */
export interface AuditFinding {
  /** Stable id of the kind of damage, e.g. `tile.mismatch`, `blob.digest`, `record.entry`. */
  readonly id: string;
  readonly where: string;
  readonly message: string;
}

export interface AuditSection {
  readonly name: string;
  /** How many objects this section checked. */
  readonly checked: number;
  readonly findings: readonly AuditFinding[];
  /** Facts that are not damage (e.g. blobs no record references). */
  readonly notes?: readonly string[];
}

export interface AuditReport {
  readonly ok: boolean;
  readonly size: number;
  readonly sections: readonly AuditSection[];
}

/** A readable multi-line summary. */
export function formatAuditReport(r: AuditReport): string {
  const lines = [
    `huicun audit: log size ${r.size} — ${r.ok ? 'OK, no damage found 未发现损坏' : 'DAMAGE FOUND 发现损坏'}`,
  ];
  for (const s of r.sections) {
    lines.push(
      `  ${s.findings.length === 0 ? 'ok  ' : 'FAIL'} ${s.name}: ${s.checked} checked, ${s.findings.length} damaged`,
    );
    for (const f of s.findings.slice(0, 50))
      lines.push(`       ${f.id} at ${f.where}: ${f.message}`);
    if (s.findings.length > 50) lines.push(`       … and ${s.findings.length - 50} more`);
    for (const n of s.notes ?? []) lines.push(`       note: ${n}`);
  }
  return lines.join('\n');
}
