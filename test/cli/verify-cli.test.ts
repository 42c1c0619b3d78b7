/**
 * `huicun verify` as users run it: the compiled CLI in a subprocess, on the golden receipts
 * (test/vectors/receipts) and on a live server (--online). Exit codes 0/1/2, both languages.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS } from '../../src/verify/index.js';
import { tempDir } from '../helpers/log-fixture.js';
import {
  deposit,
  golden,
  goldenText,
  LOG_VKEY,
  manifest,
  OTHER_VKEY,
  receiptOf,
} from '../verify/golden.js';
import { ensureBuilt, ROOT, runCli } from './cli.js';

describe('cli: huicun verify (compiled, subprocess)', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof tempDir>;
  before(async () => {
    await ensureBuilt();
    tmp = tempDir('huicun-cli-verify-');
  });
  after(() => tmp.remove());
  const d0 = deposit(0);

  for (const d of manifest.deposits) {
    it(`${d.number}: exit 0 with --receipt and with --tlog-proof, every check in Chinese and English`, async () => {
      for (const source of [
        ['--receipt', golden(d.receipt)],
        ['--tlog-proof', golden(d.tlogProof)],
      ]) {
        const r = await runCli(['verify', golden(d.file), ...source, '--log-key', LOG_VKEY]);
        expect(r.code, r.stdout + r.stderr).to.equal(0);
        expect(r.stdout).to.contain('核验通过 VERIFIED').and.contain(d.number);
        for (const id of CHECK_IDS)
          expect(r.stdout).to.match(
            new RegExp(
              `(通过 pass|失败 FAIL|跳过 skip)  ${id.replace('.', '\\.')} +\\S*[\\u4e00-\\u9fff]`,
            ),
          );
      }
    });
  }

  it('exit 1 without a trusted key, saying where to get it', async () => {
    const r = await runCli(['verify', golden(d0.file), '--receipt', golden(d0.receipt)]);
    expect(r.code).to.equal(1);
    expect(r.stdout)
      .to.contain('未通过核验 NOT VERIFIED')
      .and.contain('/api/v1/log/key')
      .and.contain('不可信');
  });

  it('takes trusted keys from HUICUN_TRUSTED_KEYS (one a line, # comments)', async () => {
    const keys = join(tmp.dir, 'trusted.keys');
    writeFileSync(keys, `# huicun golden log\n${OTHER_VKEY}\n\n${LOG_VKEY}\n`);
    const r = await runCli(['verify', golden(d0.file), '--receipt', golden(d0.receipt)], {
      env: { HUICUN_TRUSTED_KEYS: keys },
    });
    expect(r.code, r.stdout).to.equal(0);
    const other = join(tmp.dir, 'other.keys');
    writeFileSync(other, `${OTHER_VKEY}\n`);
    const r2 = await runCli(['verify', golden(d0.file), '--receipt', golden(d0.receipt)], {
      env: { HUICUN_TRUSTED_KEYS: other },
    });
    expect(r2.code).to.equal(1);
  });

  it('--json prints the report: verdict, every check, the input digests', async () => {
    const r = await runCli([
      'verify',
      golden(d0.file),
      '--receipt',
      golden(d0.receipt),
      '--log-key',
      LOG_VKEY,
      '--json',
    ]);
    expect(r.code).to.equal(0);
    const report = JSON.parse(r.stdout) as {
      verdict: string;
      checks: { id: string }[];
      input: { sha256: string };
    };
    expect(report.verdict).to.equal('verified');
    expect(report.checks.map((c) => c.id)).to.deep.equal([...CHECK_IDS]);
    expect(report.input.sha256).to.match(/^[0-9a-f]{64}$/);
  });

  it('exit 1 for a tampered receipt, a tampered tlog-proof or another file', async () => {
    const receipt = receiptOf(d0);
    receipt.opening.title += '（改）';
    const tampered = join(tmp.dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(receipt));
    const proof = join(tmp.dir, 'tampered.tlog-proof');
    writeFileSync(proof, goldenText(d0.tlogProof).replace(/^index \d+$/m, 'index 1'));
    for (const args of [
      ['verify', golden(d0.file), '--receipt', tampered],
      ['verify', golden(d0.file), '--tlog-proof', proof],
      ['verify', golden(deposit(1).file), '--receipt', golden(d0.receipt)],
    ]) {
      const r = await runCli([...args, '--log-key', LOG_VKEY]);
      expect(r.code, args.join(' ')).to.equal(1);
      expect(r.stdout).to.contain('✘ 失败 FAIL');
    }
  });

  it('exit 2 for usage errors and unreadable input', async () => {
    const notJson = join(tmp.dir, 'not.json');
    writeFileSync(notJson, 'hello');
    const notPdf = join(tmp.dir, 'not.pdf');
    writeFileSync(notPdf, 'hello');
    const cases: string[][] = [
      ['verify'],
      ['verify', golden(d0.file)],
      [
        'verify',
        golden(d0.file),
        '--receipt',
        golden(d0.receipt),
        '--tlog-proof',
        golden(d0.tlogProof),
      ],
      ['verify', golden(d0.file), '--receipt', golden(d0.receipt), '--bogus'],
      ['verify', golden(d0.file), '--receipt', join(tmp.dir, 'missing.json')],
      ['verify', join(tmp.dir, 'missing.bin'), '--receipt', golden(d0.receipt)],
      ['verify', tmp.dir, '--receipt', golden(d0.receipt)],
      ['verify', golden(d0.file), '--receipt', notJson],
      ['verify', golden(d0.file), '--tlog-proof', notJson],
      ['verify', golden(d0.file), '--certificate', notPdf],
      ['verify', golden(d0.file), '--receipt', golden(d0.receipt), '--log-key', 'not-a-key'],
      ['verify', golden(d0.file), '--receipt', golden(d0.receipt), '--online', 'ftp://example'],
      [
        'verify',
        golden(d0.file),
        '--receipt',
        golden(d0.receipt),
        '--online',
        'http://127.0.0.1:9',
      ],
    ];
    for (const args of cases) {
      const r = await runCli(args);
      expect(r.code, `${args.slice(1).join(' ')}\n${r.stdout}${r.stderr}`).to.equal(2);
      expect(r.stderr).to.contain('huicun verify:');
    }
  });

  it('loads no server module: not express, level, pdfkit, multer, jsonwebtoken', async () => {
    const log = join(tmp.dir, 'loads.txt');
    // The recorder sees packages entered by import (control: express is seen when imported).
    writeFileSync(log, '');
    const control = await runCli([], {
      nodeArgs: ['--import', `${ROOT}test/cli/fixtures/record-loads.mjs`, '--import', 'express'],
      env: { HUICUN_LOAD_LOG: log },
    });
    expect(control.code).to.equal(2);
    expect(readFileSync(log, 'utf8')).to.match(/\/node_modules\/express\//);
    writeFileSync(log, '');
    const r = await runCli(
      ['verify', golden(d0.file), '--receipt', golden(d0.receipt), '--log-key', LOG_VKEY],
      {
        nodeArgs: ['--import', `${ROOT}test/cli/fixtures/record-loads.mjs`],
        env: { HUICUN_LOAD_LOG: log },
      },
    );
    expect(r.code, r.stderr).to.equal(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(
      loaded.some((u) => u.endsWith('/dist/cli/verify.js')),
      'the hook saw the command',
    ).to.equal(true);
    const heavy =
      /\/node_modules\/(express|level|classic-level|abstract-level|pdfkit|multer|jsonwebtoken|@signpdf|node-forge|qrcode|busboy)\//;
    const server = /\/dist\/(http|storage|sequencer|accounts|certificate|custody|notary)\//;
    expect(loaded.filter((u) => heavy.test(u) || server.test(u))).to.deep.equal([]);
  });
});
