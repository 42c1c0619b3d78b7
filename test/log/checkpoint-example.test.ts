/**
 * test/vectors/external/checkpoint-example: a log of `evidence-0` … `evidence-7` signed with a
 * TEST-ONLY Ed25519 key (seed = 32 × 0x07). Ed25519 is deterministic, so our checkpoints must
 * be byte-for-byte the files. The signer here is @noble/curves (src/log may not use
 * node:crypto); the node:crypto signer is tested by the crypto/sequencer suites.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { expect } from 'chai';
import {
  CompactRange,
  consistencyProofPlan,
  ed25519NoteSigner,
  formatCheckpoint,
  formatTlogProof,
  formatVkey,
  inclusionProofPlan,
  openNote,
  parseCheckpoint,
  parseTlogProof,
  parseVkey,
  rehashProof,
  rfc6962,
  signNote,
  verifyConsistency,
  verifyInclusion,
  verifyTlogProof,
  type NoteSigner,
} from '../../src/log/index.js';
import { ReferenceTree } from '../reference/tree.js';
import { b64, expectLogError, readVector, toB64, utf8 } from './helpers.js';

const NAME = 'example.com/notary-test';
const seed = new Uint8Array(32).fill(0x07);
const publicKey = ed25519.getPublicKey(seed);
const signer: NoteSigner = ed25519NoteSigner(NAME, publicKey, (msg) => ed25519.sign(msg, seed));
const entries = Array.from({ length: 8 }, (_, i) => utf8(`evidence-${i}`));
const ref = new ReferenceTree(entries, rfc6962);

const vkeyText = readVector('checkpoint-example', 'vkey').trimEnd();
const checkpoints = Array.from({ length: 9 }, (_, n) =>
  readVector('checkpoint-example', `checkpoint.${n}`),
);
const proofs = JSON.parse(readVector('checkpoint-example', 'proofs.json')) as {
  vkey: string;
  inclusion: { index: number; size: number; leafHash: string; proof: string[] }[];
  consistency: { size1: number; size2: number; proof: string[] }[];
};
const tlogProofText = readVector('checkpoint-example', 'entry5.tlog-proof');

describe('log/checkpoint-example vectors', () => {
  const verifier = parseVkey(vkeyText);

  it('the vkey is formatVkey(name, public key of seed 0x07…)', () => {
    expect(formatVkey(NAME, publicKey)).to.equal(vkeyText);
    expect(proofs.vkey).to.equal(vkeyText);
    expect(verifier.keyId).to.equal(signer.keyId);
    expect(verifier.keyId.toString(16)).to.equal('605a356d');
  });

  it('signing checkpoints 0–8 reproduces the files byte for byte', async () => {
    const range = new CompactRange(rfc6962);
    for (let n = 0; n <= 8; n++) {
      const text = formatCheckpoint({ origin: NAME, size: n, root: range.root(), extensions: [] });
      expect(await signNote(text, [signer]), `checkpoint.${n}`).to.equal(checkpoints[n]);
      if (n < 8) range.append(rfc6962.hashLeaf(entries[n] as Uint8Array));
    }
  });

  it('each checkpoint opens with the vkey and parses', () => {
    for (let n = 0; n <= 8; n++) {
      const opened = openNote(checkpoints[n] as string, [verifier]);
      expect(opened.verified).to.have.length(1);
      expect(opened.unknown).to.have.length(0);
      const cp = parseCheckpoint(opened.text);
      expect(cp.origin).to.equal(NAME);
      expect(cp.size).to.equal(n);
      expect(toB64(cp.root)).to.equal(toB64(ref.root(n)));
      expect(cp.extensions).to.deep.equal([]);
    }
  });

  it('all inclusion proofs in proofs.json verify and equal ours', () => {
    const root8 = parseCheckpoint(openNote(checkpoints[8] as string, [verifier]).text).root;
    expect(proofs.inclusion).to.have.length(8);
    for (const p of proofs.inclusion) {
      const leafHash = b64(p.leafHash);
      expect(toB64(leafHash)).to.equal(toB64(rfc6962.hashLeaf(entries[p.index] as Uint8Array)));
      verifyInclusion(p.index, p.size, leafHash, p.proof.map(b64), root8, rfc6962);
      const plan = inclusionProofPlan(p.index, p.size);
      const ours = rehashProof(
        plan,
        plan.ids.map((id) => ref.nodeHash(id, p.size)),
        rfc6962,
      );
      expect(ours.map(toB64)).to.deep.equal(p.proof);
    }
  });

  it('all consistency proofs in proofs.json verify and equal ours', () => {
    const roots = checkpoints.map((c) => parseCheckpoint(openNote(c, [verifier]).text).root);
    expect(proofs.consistency).to.have.length(8);
    for (const p of proofs.consistency) {
      verifyConsistency(
        p.size1,
        p.size2,
        p.proof.map(b64),
        roots[p.size1] as Uint8Array,
        roots[p.size2] as Uint8Array,
        rfc6962,
      );
      const plan = consistencyProofPlan(p.size1, p.size2);
      const ours = rehashProof(
        plan,
        plan.ids.map((id) => ref.nodeHash(id, p.size2)),
        rfc6962,
      );
      expect(ours.map(toB64)).to.deep.equal(p.proof);
    }
  });

  describe('entry5.tlog-proof', () => {
    it('parses: no extra, index 5, the proof of index 5, checkpoint.8 verbatim', () => {
      const p = parseTlogProof(tlogProofText);
      expect(p.extra).to.equal(undefined);
      expect(p.index).to.equal(5);
      expect(p.proof.map(toB64)).to.deep.equal(proofs.inclusion[5]?.proof);
      expect(p.checkpoint).to.equal(checkpoints[8]);
    });

    it('formatTlogProof(parseTlogProof(x)) === x', () => {
      expect(formatTlogProof(parseTlogProof(tlogProofText))).to.equal(tlogProofText);
    });

    it('verifies for the leaf hash of evidence-5 under the trusted key and origin', () => {
      const leaf = rfc6962.hashLeaf(utf8('evidence-5'));
      const v = verifyTlogProof(tlogProofText, leaf, [verifier], { origin: NAME });
      expect(v.index).to.equal(5);
      expect(v.checkpoint.size).to.equal(8);
      expect(v.verified.map((s) => s.name)).to.deep.equal([NAME]);
    });

    it('rejects another leaf, another index, another origin, an untrusted key', () => {
      const leaf = rfc6962.hashLeaf(utf8('evidence-5'));
      expectLogError(
        () => verifyTlogProof(tlogProofText, rfc6962.hashLeaf(utf8('evidence-4')), [verifier]),
        'INVALID_PROOF',
      );
      expectLogError(
        () => verifyTlogProof(tlogProofText.replace('index 5', 'index 4'), leaf, [verifier]),
        'INVALID_PROOF',
      );
      expectLogError(
        () => verifyTlogProof(tlogProofText, leaf, [verifier], { origin: 'example.com/other' }),
        'INVALID_CHECKPOINT',
      );
      const other = ed25519.getPublicKey(new Uint8Array(32).fill(0x08));
      expectLogError(
        () =>
          verifyTlogProof(tlogProofText, leaf, [parseVkey(formatVkey('example.com/other', other))]),
        'INVALID_NOTE',
      );
    });

    it('rejects a tampered checkpoint (signature no longer verifies)', () => {
      const leaf = rfc6962.hashLeaf(utf8('evidence-5'));
      const tampered = tlogProofText.replace('\n8\n', '\n9\n');
      expectLogError(() => verifyTlogProof(tampered, leaf, [verifier]), 'INVALID_NOTE');
    });
  });
});
