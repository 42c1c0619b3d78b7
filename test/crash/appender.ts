/**
 * Child process of the crash test: appends from many concurrent writers and prints one JSON line
 * per append that resolved (so every printed line is an acknowledged, durable append). The parent
 * kills it with SIGKILL at a random moment.
 * usage: node --import tsx test/crash/appender.ts <dir> <tag> <writers>
 */
import { encodeBase64 } from '../../src/log/index.js';
import { openTestLog, utf8 } from '../helpers/log-fixture.js';

const [dir, tag, writersArg] = process.argv.slice(2);
if (!dir || !tag) throw new Error('usage: appender.ts <dir> <tag> <writers>');
const writers = Number(writersArg ?? '32');

const { log } = await openTestLog(dir);
process.stdout.write(`${JSON.stringify({ ready: true, size: log.size })}\n`);

async function writer(w: number): Promise<void> {
  for (let n = 0; ; n++) {
    const entry = utf8(`${tag}/${w}/${n}`);
    const r = await log.append(entry);
    process.stdout.write(
      `${JSON.stringify({ index: r.index, entry: encodeBase64(entry), checkpoint: r.checkpoint })}\n`,
    );
  }
}
await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
