/**
 * The pure RFC 6962 / C2SP core of the log (docs/architecture.md, docs/log.md): hashing, compact ranges, proof
 * plans, verification, signed notes, checkpoints, tiles and tlog-proofs. No I/O, no node:*.
 * @module
 */
export { LogError, type LogErrorCode } from './errors.js';
export { decodeBase64, decodeHex, encodeBase64, encodeHex } from './base64.js';
export {
  and,
  bitLength,
  isPowerOfTwo,
  lowBits,
  popCount,
  pow2,
  shiftRight,
  trailingZeros,
  xor,
} from './bits.js';
export { assertHash, assertSafeIndex } from './check.js';
export {
  equalBytes,
  HASH_SIZE,
  LEAF_HASH_PREFIX,
  NODE_HASH_PREFIX,
  rfc6962,
  treeHasher,
  type Hash,
  type Sha256,
  type TreeHasher,
} from './hash.js';
export { nodeCoverage, type NodeId } from './node.js';
export {
  compactRangeIds,
  decomposeRange,
  rangeNodes,
  rangeSize,
  rootFromCompactRange,
} from './compact.js';
export { CompactRange, type NodeVisitor } from './compact-range.js';
export {
  consistencyProofPlan,
  inclusionProofPlan,
  proofLength,
  rehashProof,
  type ProofPlan,
} from './proof.js';
export {
  consistencyProofLength,
  inclusionProofLength,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './verify.js';
export {
  ED25519_PUBLIC_KEY_SIZE,
  ED25519_SIGNATURE_SIZE,
  ED25519_SIGNATURE_TYPE,
  ed25519KeyId,
  ed25519NoteSigner,
  formatKeyId,
  formatVkey,
  isValidKeyName,
  parseVkey,
  type NoteSigner,
  type NoteVerifier,
} from './vkey.js';
export {
  isValidNoteText,
  MAX_NOTE_SIGNATURES,
  openNote,
  parseNote,
  signNote,
  type NoteSignature,
  type ParsedNote,
} from './note.js';
export { formatCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint.js';
export {
  decodeEntryBundle,
  encodeEntryBundle,
  entriesTilePath,
  formatTileIndex,
  fullTileCount,
  hashTilePath,
  MAX_ENTRY_SIZE,
  MAX_TILE_LEVEL,
  parseTilePath,
  partialTileWidth,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileLevelCount,
  tileSlot,
  tileWidth,
  type TileRef,
} from './tiles.js';
export {
  formatTlogProof,
  parseTlogProof,
  TLOG_PROOF_HEADER,
  verifyTlogProof,
  type TlogProof,
  type VerifiedTlogProof,
} from './tlog-proof.js';
