import { expect } from 'chai';
import { StorageError } from '../../src/storage/errors.js';
import { SCHEMA_KEY } from '../../src/storage/keys.js';
import { openLevelStore } from '../../src/storage/leveldb.js';
import type { LogBatch } from '../../src/sequencer/index.js';
import { encodeEntryBundle, rfc6962 } from '../../src/log/index.js';
import { rejection, tempDir, utf8 } from '../helpers/log-fixture.js';

function batchWithEntry(text: string): LogBatch {
  return {
    head: { size: 1, root: rfc6962.emptyRoot(), time: '2026-11-26T00:00:00.000Z', checkpoint: 'cp\n' },
    tiles: [],
    fragments: [{ bundleIndex: 0, offset: 0, bytes: encodeEntryBundle([utf8(text)]) }],
    bundles: [],
    records: [],
  };
}

describe('storage/leveldb', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('writes the schema version into an empty store and refuses another version', async () => {
    const store = await openLevelStore(tmp.dir);
    expect(new TextDecoder().decode(await store.get(SCHEMA_KEY))).to.equal('1');
    await store.writeRecords([{ type: 'put', key: SCHEMA_KEY, value: '2' }]);
    await store.close();
    const err = await rejection(openLevelStore(tmp.dir));
    expect(err).to.be.instanceOf(StorageError).with.property('code', 'SCHEMA_MISMATCH');
  });

  it('says clearly when another process holds the store', async () => {
    const store = await openLevelStore(tmp.dir);
    const err = await rejection(openLevelStore(tmp.dir));
    expect(err).to.be.instanceOf(StorageError).with.property('code', 'STORE_LOCKED');
    expect((err as Error).message).to.match(/in use by another process/);
    await store.close();
  });

  it('writes an entry once: an identical rewrite is fine, a different one is refused', async () => {
    const store = await openLevelStore(tmp.dir);
    await store.writeBatch(batchWithEntry('first'));
    await store.writeBatch(batchWithEntry('first'));
    const err = await rejection(store.writeBatch(batchWithEntry('other')));
    expect(err).to.be.instanceOf(StorageError).with.property('code', 'STORE_CORRUPT');
    const fragments = await store.readEntryFragments(0);
    expect(fragments).to.have.length(1);
    expect(fragments[0]!.bytes).to.deep.equal(encodeEntryBundle([utf8('first')]));
    await store.close();
  });
});
