/**
 * The sequencer's side of restore and rotation: a store marked `meta/restoredFrom` refuses
 * appends (LOG_READ_ONLY) — for every opener, the CLI's too; the stored checkpoint may carry a
 * previous key's signature; a `--new-log` opening continues under a new origin and its first
 * batch removes the mark. And the store's snapshot view used by the running audit.
 */
import { expect } from 'chai';
import { ed25519FromSeed } from '../../src/crypto/index.js';
import { logKeyFor } from '../../src/keys/log-key.js';
import { encodeBase64, openNote, parseCheckpoint } from '../../src/log/index.js';
import { Sequencer, SequencerError, type SequencerOptions } from '../../src/sequencer/index.js';
import { RESTORED_FROM_KEY } from '../../src/storage/keys.js';
import { openLevelStore, type LevelStore } from '../../src/storage/leveldb.js';
import {
  openTestLog,
  rejection,
  sequencerOptions,
  tempDir,
  TEST_ORIGIN,
  testKey,
  utf8,
} from '../helpers/log-fixture.js';

const otherKey = logKeyFor(TEST_ORIGIN, ed25519FromSeed(new Uint8Array(32).fill(0x43)));
const NEW = 'test.huicun.localhost/log-2';
const newKey = logKeyFor(NEW, ed25519FromSeed(new Uint8Array(32).fill(0x44)));

async function mark(store: LevelStore, size: number, root: Uint8Array): Promise<void> {
  await store.writeRecords([
    {
      type: 'put',
      key: RESTORED_FROM_KEY,
      value: JSON.stringify({ size, root: encodeBase64(root) }),
    },
  ]);
}

/** Why opening the log with `overrides` fails (the store is closed again). */
async function openError(dir: string, overrides: Partial<SequencerOptions>): Promise<unknown> {
  const store = await openLevelStore(dir);
  try {
    return await rejection(Sequencer.open(store, sequencerOptions(overrides)));
  } finally {
    await store.close();
  }
}

describe('sequencer: restored stores and previous keys', () => {
  let tmp: ReturnType<typeof tempDir>;
  let head: { size: number; root: Uint8Array };
  beforeEach(async () => {
    tmp = tempDir();
    const t = await openTestLog(tmp.dir);
    for (let i = 0; i < 5; i++) await t.log.append(utf8(`entry ${i}`));
    head = t.log.current();
    await t.close();
  });
  afterEach(() => tmp.remove());

  it('a marked store refuses appends with LOG_READ_ONLY, for any opener', async () => {
    const t = await openTestLog(tmp.dir);
    await mark(t.store, head.size, head.root);
    await t.close();
    const again = await openTestLog(tmp.dir);
    try {
      expect(again.log.readOnly).to.equal(true);
      expect(again.log.available).to.equal(false);
      expect(again.log.restoredFrom?.size).to.equal(5);
      const err = await rejection(again.log.append(utf8('no')));
      expect(err).to.be.instanceOf(SequencerError).with.property('code', 'LOG_READ_ONLY');
      expect(again.log.size).to.equal(5);
    } finally {
      await again.close();
    }
  });

  it('refuses to open a store whose mark differs from its head', async () => {
    const t = await openTestLog(tmp.dir);
    await mark(t.store, 4, head.root);
    await t.close();
    const err = await openError(tmp.dir, {});
    expect(err).to.be.instanceOf(SequencerError).with.property('code', 'LOG_CORRUPT');
  });

  it('accepts a stored checkpoint of a previous key and signs on with the current one', async () => {
    const refused = await openError(tmp.dir, {
      signer: otherKey.signer,
      verifier: otherKey.verifier,
    });
    expect(refused).to.be.instanceOf(SequencerError).with.property('code', 'LOG_CORRUPT');
    const t = await openTestLog(tmp.dir, {
      signer: otherKey.signer,
      verifier: otherKey.verifier,
      previousVerifiers: [testKey.verifier],
    });
    try {
      const r = await t.log.append(utf8('after rotation'));
      parseCheckpoint(openNote(r.checkpoint, [otherKey.verifier]).text);
      expect(() => openNote(r.checkpoint, [testKey.verifier])).to.throw();
    } finally {
      await t.close();
    }
  });

  it('continues a marked store under a new origin; its first batch removes the mark', async () => {
    const opts = {
      origin: NEW,
      signer: newKey.signer,
      verifier: newKey.verifier,
      previousVerifiers: [testKey.verifier],
      previousOrigin: TEST_ORIGIN,
    };
    // Without the mark, a head of another origin is refused even with previousOrigin.
    expect(await openError(tmp.dir, opts)).to.have.property('code', 'LOG_CORRUPT');
    const t0 = await openTestLog(tmp.dir);
    await mark(t0.store, head.size, head.root);
    await t0.close();
    const t = await openTestLog(tmp.dir, opts);
    try {
      expect(t.log.readOnly).to.equal(false);
      const r = await t.log.append(utf8('first of the new origin'));
      expect(r.index).to.equal(5);
      expect(parseCheckpoint(openNote(r.checkpoint, [newKey.verifier]).text).origin).to.equal(NEW);
      expect(await t.store.readRestoredFrom()).to.equal(undefined);
    } finally {
      await t.close();
    }
    // From now on it is simply the log of NEW (no previousOrigin needed).
    const n = await openTestLog(tmp.dir, { ...opts, previousOrigin: undefined });
    await n.close();
  });

  it('a snapshot view reads one point in time and cannot write', async () => {
    const t = await openTestLog(tmp.dir);
    try {
      await t.store.withSnapshot(async (view) => {
        await t.log.append(utf8('after the snapshot'));
        expect((await view.readHead())!.size).to.equal(5);
        expect((await t.store.readHead())!.size).to.equal(6);
        expect(await rejection(view.writeRecords([]))).to.be.instanceOf(TypeError);
      });
    } finally {
      await t.close();
    }
  });
});
