/**
 * merkletreejs as a second, independent oracle: with leaves pre-hashed (0x00 prefix) and a
 * 0x01-prefixing concatenator it builds RFC 6962 trees (odd nodes are promoted, not
 * duplicated), so its roots and audit paths must equal ours for sizes 1–64.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { MerkleTree } from 'merkletreejs';
import {
  compactRangeIds,
  inclusionProofPlan,
  rehashProof,
  rootFromCompactRange,
  verifyInclusion,
} from '../../src/log/index.js';
import { ReferenceTree } from '../reference/tree.js';
import { nodeHasher, toHex, utf8 } from './helpers.js';

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();
const entries = Array.from({ length: 64 }, (_, i) => utf8(`merkletreejs-${i}`));
const ref = new ReferenceTree(entries, nodeHasher);

describe('log/merkletreejs oracle (sizes 1–64)', () => {
  it('roots and audit paths equal ours', () => {
    for (let size = 1; size <= 64; size++) {
      const leaves = Array.from({ length: size }, (_, i) =>
        Buffer.from(nodeHasher.hashLeaf(entries[i] as Uint8Array)),
      );
      const tree = new MerkleTree(leaves, sha256, {
        concatenator: (bs: Buffer[]) => Buffer.concat([Buffer.from([1]), ...bs]),
      });
      const ourRoot = rootFromCompactRange(
        compactRangeIds(size).map((id) => ref.nodeHash(id, size)),
        nodeHasher,
      );
      expect(tree.getRoot().toString('hex'), `root of ${size}`).to.equal(toHex(ourRoot));
      for (let index = 0; index < size; index++) {
        const plan = inclusionProofPlan(index, size);
        const ours = rehashProof(
          plan,
          plan.ids.map((id) => ref.nodeHash(id, size)),
          nodeHasher,
        );
        const theirs = tree
          .getProof(leaves[index] as Buffer, index)
          .map((p) => p.data.toString('hex'));
        expect(ours.map(toHex), `path ${index} of ${size}`).to.deep.equal(theirs);
        verifyInclusion(
          index,
          size,
          new Uint8Array(leaves[index] as Buffer),
          ours,
          tree.getRoot(),
          nodeHasher,
        );
      }
    }
  });
});
