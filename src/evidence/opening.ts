/**
 * Deposit openings (docs/formats.md): what the public entry's commitment commits to. Kept by the
 * service, handed to the depositor in the receipt and the certificate. Key order does not
 * matter (RFC 8785 sorts), but optional fields are absent rather than null.
 */

export type DepositMethod = 'upload' | 'hash-only';

/** One file of a deposit. `sm3` is absent (not null) for hash-only files without one. */
export interface FileItem {
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly sha256: string;
  readonly sm3?: string;
}

export interface Depositor {
  /** The account id; absent for a counter deposit's walk-in client. */
  readonly account?: string;
  readonly name: string;
  readonly idMasked: string;
  readonly verification: 'self-declared' | 'in-person';
}

export interface DepositOpening {
  readonly depositor: Depositor;
  readonly agent?: {
    readonly account: string;
    readonly name: string;
    readonly role: 'notary';
    readonly office: string;
  };
  readonly title: string;
  readonly description: string;
  readonly files: readonly FileItem[];
  readonly method: DepositMethod;
  /** 64 hex characters, random per deposit. */
  readonly salt: string;
}

/** A file item with exactly the fields the opening defines (drops anything else). */
export function openingFile(f: FileItem): FileItem {
  return {
    mediaType: f.mediaType,
    name: f.name,
    sha256: f.sha256,
    size: f.size,
    ...(f.sm3 !== undefined ? { sm3: f.sm3 } : {}),
  };
}
