/**
 * The court list as a unit (docs/courts.md): the name key, resolution, search and order, the
 * failure of an append (nothing changes in memory unless the batch is on disk), the shipped demo
 * seeds, and the store's own checks.
 */
import { expect } from 'chai';
import { readSeeds } from '../../src/accounts/index.js';
import {
  COURT_PREFIX,
  CourtError,
  CourtService,
  courtNameKey,
  readCourtSeeds,
  seedCourts,
  type CourtServiceDeps,
} from '../../src/courts/index.js';
import type { AppendResult, BuildEntry, RecordWrite } from '../../src/sequencer/index.js';

const ACTOR = { account: 'system', role: 'system' };

/** An in-memory record store and log: each append applies its writes, unless told to fail. */
function memory(): {
  records: Map<string, Uint8Array>;
  deps: CourtServiceDeps;
  failNext: (writeAnyway: boolean) => void;
  appended: () => number;
} {
  const records = new Map<string, Uint8Array>();
  let index = 0;
  let fail: { writeAnyway: boolean } | undefined;
  const apply = (writes: readonly RecordWrite[]): void => {
    for (const w of writes)
      if (w.type === 'put')
        records.set(
          w.key,
          typeof w.value === 'string' ? new TextEncoder().encode(w.value) : w.value,
        );
  };
  const deps: CourtServiceDeps = {
    records: {
      async *scan(prefix: string): AsyncIterable<[string, Uint8Array]> {
        for (const [k, v] of [...records].sort(([a], [b]) => a.localeCompare(b)))
          if (k.startsWith(prefix)) yield [k, v];
      },
      get: async (key: string) => records.get(key),
    },
    log: {
      append: async (build: BuildEntry): Promise<AppendResult> => {
        const built = build({
          index,
          time: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
        });
        const f = fail;
        fail = undefined;
        if (f) {
          if (f.writeAnyway) apply(built.writes ?? []);
          throw new Error('LOG_IN_DOUBT (test)');
        }
        apply(built.writes ?? []);
        return { index: index++ } as unknown as AppendResult;
      },
    },
  };
  return {
    records,
    deps,
    failNext: (writeAnyway) => (fail = { writeAnyway }),
    appended: () => index,
  };
}

describe('court list: the service', () => {
  it('compares names after NFKC, trimming, collapsed spaces and case', () => {
    expect(courtNameKey(' 上海市浦东新区人民法院（自贸区法庭）\u3000')).to.equal(
      courtNameKey('上海市浦东新区人民法院(自贸区法庭)'),
    );
    expect(courtNameKey('Beijing  Internet\tCourt')).to.equal(
      courtNameKey('beijing internet court'),
    );
    expect(courtNameKey('ＡＢＣ１')).to.equal('abc1');
    expect(courtNameKey('徐汇区法院')).not.to.equal(courtNameKey('上海市徐汇区人民法院'));
  });

  it('resolves by id or name, refuses unknown and disabled courts, searches and sorts', async () => {
    const m = memory();
    const courts = await CourtService.open(m.deps);
    const a = await courts.create(ACTOR, { name: '上海市徐汇区人民法院', region: '上海市徐汇区' });
    const b = await courts.create(ACTOR, {
      name: '北京互联网法院',
      nameEn: 'Beijing Internet Court',
    });
    const c = await courts.create(ACTOR, { name: '上海金融法院' });
    expect(courts.resolve({ courtId: a.id })).to.equal(a);
    expect(courts.resolve({ name: ' 北京互联网法院 ' })).to.equal(b);
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).to.be.instanceOf(CourtError);
        return (e as CourtError).code;
      }
      return 'none';
    };
    expect(code(() => courts.resolve({ name: '徐汇区法院' }))).to.equal('COURT_UNKNOWN');
    expect(code(() => courts.resolve({ courtId: 'ct_ffffffffffffffff' }))).to.equal(
      'COURT_UNKNOWN',
    );
    expect(code(() => courts.resolve({ courtId: '../../rec/user/x' }))).to.equal('COURT_UNKNOWN');
    await courts.update(ACTOR, c.id, { disabled: true });
    expect(code(() => courts.resolve({ courtId: c.id }))).to.equal('COURT_DISABLED');
    expect(courts.list().map((x) => x.name)).to.deep.equal([
      '北京互联网法院',
      '上海市徐汇区人民法院',
    ]);
    expect(courts.list({ includeDisabled: true })).to.have.length(3);
    expect(courts.list({ q: 'internet' }).map((x) => x.id)).to.deep.equal([b.id]);
    expect(courts.list({ q: '徐汇区' }).map((x) => x.id)).to.deep.equal([a.id]);
    // A rename frees the old name and takes the new one.
    await courts.update(ACTOR, a.id, { name: '上海市徐汇区人民法院（新）' });
    expect(courts.byName('上海市徐汇区人民法院')).to.equal(undefined);
    expect(courts.byName('上海市徐汇区人民法院(新)')?.id).to.equal(a.id);
    expect((await courts.create(ACTOR, { name: '上海市徐汇区人民法院' })).id).not.to.equal(a.id);
    // Everything comes back from the records.
    const again = await CourtService.open(m.deps);
    expect(again.list({ includeDisabled: true }).map((x) => x.name)).to.deep.equal(
      courts.list({ includeDisabled: true }).map((x) => x.name),
    );
  });

  it('changes nothing when the append fails, unless the batch is on disk', async () => {
    const m = memory();
    const courts = await CourtService.open(m.deps);
    m.failNext(false);
    let err: unknown;
    await courts.create(ACTOR, { name: '上海海事法院' }).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(Error);
    expect(courts.size).to.equal(0);
    expect((await courts.create(ACTOR, { name: '上海海事法院' })).name).to.equal('上海海事法院');
    // In doubt, but written: the court is known (its name taken), as after a restart.
    m.failNext(true);
    await courts.create(ACTOR, { name: '上海铁路运输法院' }).catch(() => undefined);
    expect(courts.byName('上海铁路运输法院')).not.to.equal(undefined);
  });

  it('refuses a malformed record at start', async () => {
    const m = memory();
    m.records.set(`${COURT_PREFIX}ct_0000000000000001`, new TextEncoder().encode('{"v":1}'));
    let err: unknown;
    await CourtService.open(m.deps).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(CourtError).with.property('code', 'COURT_STORE_CORRUPT');
  });

  it('ships demo courts that include the demo judge’s court, listed only on an empty list outside production', async () => {
    const seeds = readCourtSeeds();
    const names = seeds.map((s) => s.name);
    expect(names).to.include.members([
      '上海市徐汇区人民法院',
      '上海市第一中级人民法院',
      '上海知识产权法院',
      '上海市高级人民法院',
    ]);
    const judge = readSeeds().find((a) => a.role === 'judge')!;
    expect(names).to.include(judge.court);
    expect(new Set(names.map(courtNameKey)).size).to.equal(names.length);
    const m = memory();
    const courts = await CourtService.open(m.deps);
    expect(await seedCourts(courts, { production: true, actor: ACTOR })).to.deep.equal([]);
    expect(
      await seedCourts(courts, { production: false, seeds: false, actor: ACTOR }),
    ).to.deep.equal([]);
    expect(await seedCourts(courts, { production: false, actor: ACTOR })).to.deep.equal(names);
    expect(await seedCourts(courts, { production: false, actor: ACTOR })).to.deep.equal([]);
    expect(m.appended()).to.equal(names.length);
  });
});
