/**
 * The log's public read API (docs/api.md): key, checkpoint, proofs, entries, and the C2SP
 * tlog-tiles read API under /tlog/. Anyone may call these; they reveal only commitments.
 */
import {
  encodeBase64,
  encodeEntryBundle,
  LogError,
  parseTilePath,
  TILE_WIDTH,
  tileSlot,
} from '../log/index.js';
import { SequencerError, tileExists, type Sequencer } from '../sequencer/index.js';
import { TimestampError, type StampStore } from '../timestamp/index.js';
import { HttpError } from './errors.js';
import { optionalIndex, parseIndex } from './params.js';
import type { RouteTable } from './routes.js';

export interface LogRoutesDeps {
  readonly sequencer: Sequencer;
  readonly vkey: string;
  readonly previousVkeys: readonly string[];
  /** The stored time-stamps of checkpoints (absent: none, every size is NOT_STAMPED_YET). */
  readonly timestamps?: TimestampRouteDeps;
}

export interface TimestampRouteDeps {
  readonly store: Pick<StampStore, 'earliestAtLeast'>;
  /** `Retry-After` of NOT_STAMPED_YET, in seconds: the stamping interval. */
  readonly retryAfterS: number;
}

/** `Retry-After` of NOT_STAMPED_YET without a stamper: HUICUN_TSA_INTERVAL_S's default. */
const DEFAULT_STAMP_RETRY_S = 10;

const TEXT = 'text/plain; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=1, must-revalidate';

export function addLogRoutes(routes: RouteTable, deps: LogRoutesDeps): void {
  const { sequencer } = deps;
  const any = ['any'];

  routes.add(
    {
      method: 'get',
      path: '/api/v1/health',
      summary: 'Liveness and tree size ("read-only": a restored log, docs/backup.md)',
      who: any,
      tag: 'log',
    },
    (_req, res) => {
      const restored = sequencer.restoredFrom;
      if (restored) {
        // Alive and serving reads: 200, so a load balancer keeps sending reads here.
        res.json({
          status: 'read-only',
          size: sequencer.size,
          restoredFrom: { size: restored.size, root: encodeBase64(restored.root) },
        });
        return;
      }
      const ok = sequencer.available;
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', size: sequencer.size });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/log/key',
      summary: 'The log verifier key (C2SP vkey)',
      who: any,
      tag: 'log',
    },
    (_req, res) => {
      res.json({ origin: sequencer.origin, vkey: deps.vkey, previous: deps.previousVkeys });
    },
  );

  const checkpoint = (_req: unknown, res: import('express').Response): void => {
    res.type(TEXT).setHeader('Cache-Control', SHORT);
    res.send(sequencer.current().checkpoint);
  };
  routes.add(
    {
      method: 'get',
      path: '/api/v1/log/checkpoint',
      summary: 'Latest signed checkpoint',
      who: any,
      tag: 'log',
      produces: TEXT,
    },
    checkpoint,
  );
  routes.add(
    {
      method: 'get',
      path: '/tlog/checkpoint',
      summary: 'tlog-tiles checkpoint',
      who: any,
      tag: 'tlog',
      produces: TEXT,
    },
    checkpoint,
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/log/proof/inclusion',
      summary: 'RFC 6962 inclusion proof',
      who: any,
      tag: 'log',
      query: { index: 'leaf index', size: 'tree size (default: current)' },
    },
    async (req, res) => {
      const treeSize = sequencer.size;
      const index = parseIndex(req.query.index, 'index');
      const size = optionalIndex(req.query.size, 'size', treeSize);
      if (size > treeSize) throw beyond(size, treeSize);
      if (index >= treeSize)
        throw new HttpError('NOT_FOUND', `no entry ${index}: the tree has ${treeSize}`);
      if (index >= size) {
        throw new LogError('INDEX_OUT_OF_RANGE', `index ${index} is not below size ${size}`);
      }
      const proof = await sequencer.reader.inclusionProof(index, size);
      res.json({ index, size, proof: proof.map(encodeBase64) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/log/proof/consistency',
      summary: 'RFC 6962 consistency proof',
      who: any,
      tag: 'log',
      query: { from: 'older tree size (≥ 1)', to: 'newer tree size (default: current)' },
    },
    async (req, res) => {
      const treeSize = sequencer.size;
      const from = parseIndex(req.query.from, 'from');
      const to = optionalIndex(req.query.to, 'to', treeSize);
      if (to > treeSize) throw beyond(to, treeSize);
      if (from === 0)
        throw new HttpError(
          'INVALID_QUERY',
          'from must be at least 1: every tree extends the empty tree',
        );
      if (from > to)
        throw new HttpError('INVALID_QUERY', `from (${from}) must not exceed to (${to})`);
      const proof = from === to ? [] : await sequencer.reader.consistencyProof(from, to);
      res.json({ from, to, proof: proof.map(encodeBase64) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/log/timestamps',
      summary: 'The RFC 3161 time-stamp of the earliest stamped checkpoint of size ≥ N',
      who: any,
      tag: 'log',
      query: { size: 'tree size N (≥ 1)' },
    },
    async (req, res) => {
      const treeSize = sequencer.size;
      const size = parseIndex(req.query.size, 'size');
      if (size === 0)
        throw new HttpError(
          'INVALID_QUERY',
          'size must be at least 1: no entry is in the empty tree',
        );
      if (size > treeSize) throw beyond(size, treeSize);
      const stamp = await deps.timestamps?.store.earliestAtLeast(size);
      if (!stamp) {
        const retryAfter = deps.timestamps?.retryAfterS ?? DEFAULT_STAMP_RETRY_S;
        throw new TimestampError(
          'NOT_STAMPED_YET',
          `no checkpoint of size ${size} or more has been time-stamped yet`,
          { details: { retryAfter } },
        );
      }
      res.setHeader('Cache-Control', SHORT);
      res.json({
        size: stamp.size,
        checkpoint: stamp.checkpoint,
        token: stamp.token,
        genTime: stamp.genTime,
        tsa: stamp.tsa,
      });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/log/entries/:index',
      summary: 'One log entry and its leaf hash',
      who: any,
      tag: 'log',
    },
    async (req, res) => {
      const index = parseIndex(req.params.index, 'index');
      if (index >= sequencer.size) throw new HttpError('NOT_FOUND', `no entry ${index}`);
      const { tile, position } = tileSlot(index);
      const entries = await sequencer.reader.bundleEntries(tile, sequencer.openBundle());
      const entry = entries[position];
      if (!entry) throw new HttpError('NOT_FOUND', `no entry ${index}`);
      res.json({
        index,
        entry: encodeBase64(entry),
        leafHash: encodeBase64(sequencer.hasher.hashLeaf(entry)),
      });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/tlog/tile/*path',
      summary: 'tlog-tiles hash tile or entry bundle',
      who: any,
      tag: 'tlog',
      produces: 'application/octet-stream',
    },
    async (req, res) => {
      const segments = (req.params as { path?: string[] }).path ?? [];
      const ref = parseTilePath(`tile/${segments.join('/')}`);
      const size = sequencer.size;
      let body: Uint8Array | undefined;
      if (ref.kind === 'hash') {
        body = await sequencer.reader.hashTile(ref.level, ref.index, ref.width, size);
      } else if (tileExists(0, ref.index, ref.width, size)) {
        const entries = await sequencer.reader.bundleEntries(ref.index, sequencer.openBundle());
        body = encodeEntryBundle(entries.slice(0, ref.width));
      }
      if (!body) throw new HttpError('NOT_FOUND', 'no such tile in the current tree');
      res.setHeader('Cache-Control', ref.width === TILE_WIDTH ? IMMUTABLE : SHORT);
      res
        .type('application/octet-stream')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );
}

function beyond(size: number, treeSize: number): SequencerError {
  return new SequencerError('SIZE_BEYOND_TREE', `size ${size} is beyond the tree (${treeSize})`);
}
