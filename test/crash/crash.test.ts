/**
 * Crash test (issue "Foundation" §6): a child process appends under concurrent load and is killed
 * with SIGKILL at a random moment. After each kill: every acknowledged append is present with a
 * valid proof, and the new checkpoint is consistent with every checkpoint handed out before.
 * 2 cycles in `npm test`, 20 in `npm run test:slow`.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  openNote,
  parseCheckpoint,
  rfc6962,
  verifyConsistency,
  verifyInclusion,
} from '../../src/log/index.js';
import { openTestLog, tempDir, testKey } from '../helpers/log-fixture.js';
import { size } from '../helpers/size.js';
import { expectBytes } from '../helpers/bytes.js';

interface Ack {
  index: number;
  entry: string;
  checkpoint: string;
}

const CYCLES = size(2, 20);
const script = fileURLToPath(new URL('./appender.ts', import.meta.url));

/** Runs the appender until it has acknowledged `target` appends, then SIGKILLs it. */
function runAndKill(dir: string, tag: string, target: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, tag, '48'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acks: Ack[] = [];
    let buffered = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const msg = JSON.parse(line) as Ack & { ready?: boolean };
        if (msg.ready) continue;
        acks.push(msg);
        if (!killed && acks.length >= target) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`appender exited with ${code ?? signal} before the kill`));
    });
  });
}

describe('crash safety (SIGKILL under concurrent load)', function () {
  this.timeout(30_000 + CYCLES * 20_000);

  it(`loses no acknowledged append over ${CYCLES} kills`, async () => {
    const tmp = tempDir('huicun-crash-');
    try {
      const acked: Ack[] = [];
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const target = 200 + Math.floor(Math.random() * 3000);
        acked.push(...(await runAndKill(tmp.dir, `c${cycle}`, target)));

        const { log, close } = await openTestLog(tmp.dir);
        const head = parseCheckpoint(openNote(log.current().checkpoint, [testKey.verifier]).text);
        expect(head.size).to.be.at.least(acked.length);
        for (const ack of acked) {
          expect(ack.index).to.be.below(head.size);
          const bundle = await log.reader.bundleEntries(
            Math.floor(ack.index / 256),
            log.openBundle(),
          );
          const entry = bundle[ack.index % 256]!;
          expect(Buffer.from(entry).toString('base64')).to.equal(ack.entry);
          const proof = await log.reader.inclusionProof(ack.index, head.size);
          verifyInclusion(ack.index, head.size, rfc6962.hashLeaf(entry), proof, head.root, rfc6962);
        }
        // Consistent with every checkpoint handed out before the kill.
        for (const note of new Set(acked.map((a) => a.checkpoint))) {
          const old = parseCheckpoint(openNote(note, [testKey.verifier]).text);
          if (old.size === head.size) {
            expectBytes(old.root, head.root);
            continue;
          }
          const proof = await log.reader.consistencyProof(old.size, head.size);
          verifyConsistency(old.size, head.size, proof, old.root, head.root, rfc6962);
        }
        await close();
      }
    } finally {
      tmp.remove();
    }
  });
});
