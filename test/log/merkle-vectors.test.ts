/**
 * transparency-dev/merkle testdata (test/vectors/external/merkle): every inclusion and consistency
 * file, read at test time. wantErr=false must verify; wantErr=true must throw a LogError.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  rfc6962,
  verifyConsistency,
  verifyInclusion,
  type LogErrorCode,
} from '../../src/log/index.js';
import { b64, expectLogError, listFiles, VECTORS_DIR } from './helpers.js';

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string | null;
  leafHash: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string | null;
  root2: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const MERKLE = join(VECTORS_DIR, 'merkle');
const bytes = (s: string | null): Uint8Array => b64(s ?? '');
const hashes = (p: string[] | null): Uint8Array[] => (p ?? []).map(b64);

/** Codes a rejected vector may produce: each names why our verifier refused it. */
const REJECT_CODES: readonly LogErrorCode[] = [
  'INVALID_PROOF',
  'INVALID_HASH',
  'INDEX_OUT_OF_RANGE',
  'INVALID_ARGUMENT',
];

/**
 * Vectors with wantErr=false that we reject on purpose. transparency-dev/merkle does not
 * length-check roots when size1 == size2 and accepts a 12-byte "root" ("don't care 2"); every
 * hash we take must be 32 bytes (docs/log.md), so we refuse it with INVALID_HASH.
 */
const DELIBERATELY_REJECTED = new Map<string, LogErrorCode>([
  ['consistency/additional/sizes-are-equal-one-and-proof-is-empty.json', 'INVALID_HASH'],
]);

/** Mutations that leave every hash 32 bytes and the sizes plausible: the proof must fail. */
const EXPECT_PROOF =
  /^(truncated-proof|removed-component|inserted-component|preceding-proof|empty-proof|modified-proof|swapped-roots|random-root|preceding-root|trailing-root|treeSize-mul|size2-mul|size1-plus)/;
/** Mutations that make a hash the wrong length (garbage around it, "WrongLeaf", …). */
const EXPECT_HASH = /^(preceding-garbage|trailing-garbage|wrong-leaf|wrong-root)/;

function runInclusion(v: InclusionVector): void {
  verifyInclusion(
    v.leafIdx,
    v.treeSize,
    bytes(v.leafHash),
    hashes(v.proof),
    bytes(v.root),
    rfc6962,
  );
}
function runConsistency(v: ConsistencyVector): void {
  verifyConsistency(v.size1, v.size2, hashes(v.proof), bytes(v.root1), bytes(v.root2), rfc6962);
}

describe('log/merkle vectors (transparency-dev/merkle testdata)', () => {
  const files = listFiles(MERKLE).filter((f) => f.endsWith('.json'));
  const codes = new Map<string, LogErrorCode>();

  it('finds all 196 inclusion and consistency files', () => {
    expect(files.filter((f) => f.startsWith('inclusion/')).length).to.be.greaterThan(90);
    expect(files.filter((f) => f.startsWith('consistency/')).length).to.be.greaterThan(90);
    expect(files.length).to.equal(196);
  });

  for (const file of files) {
    const v = JSON.parse(readFileSync(join(MERKLE, file), 'utf8')) as InclusionVector &
      ConsistencyVector;
    const run = file.startsWith('inclusion/') ? () => runInclusion(v) : () => runConsistency(v);
    const deliberate = DELIBERATELY_REJECTED.get(file);
    if (deliberate !== undefined) {
      it(`${file}: ${v.desc} — wantErr=false, rejected on purpose (${deliberate})`, () => {
        expect(v.wantErr).to.equal(false);
        expectLogError(run, deliberate);
      });
    } else if (v.wantErr) {
      it(`${file}: ${v.desc} — rejected`, () => {
        codes.set(file, expectLogError(run, REJECT_CODES).code);
      });
    } else {
      it(`${file}: ${v.desc} — verifies`, () => {
        expect(run).not.to.throw();
      });
    }
  }

  it('rejects each mutation for the expected reason', () => {
    expect(codes.size).to.be.greaterThan(150);
    for (const [file, code] of codes) {
      const name = file.split('/').pop() as string;
      const v = JSON.parse(readFileSync(join(MERKLE, file), 'utf8')) as Partial<ConsistencyVector>;
      if (EXPECT_PROOF.test(name)) expect(code, file).to.equal('INVALID_PROOF');
      if (EXPECT_HASH.test(name)) expect(code, file).to.equal('INVALID_HASH');
      if (v.size1 !== undefined && (v.size1 === 0 || v.size1 > (v.size2 as number))) {
        expect(code, file).to.equal('INVALID_ARGUMENT');
      }
    }
  });
});
