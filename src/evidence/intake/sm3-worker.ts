/**
 * The SM3 worker thread (docs/life-of-a-deposit.md): one long-lived thread shared by all uploads, one streaming
 * SM3 (GB/T 32905) per upload id, reading chunks from the id's shared ring (`sm3-protocol.ts`).
 * Messages are handled in order, so a `final` is answered after every earlier `update` of its id.
 */
import { parentPort } from 'node:worker_threads';
import type { Hash } from 'node:crypto';
import { createSm3 } from '../../crypto/index.js';
import type { Sm3Reply, Sm3Request } from './sm3-protocol.js';

const port = parentPort;
if (port === null) throw new Error('sm3-worker runs only as a worker thread');

const hashes = new Map<number, { hash: Hash; ring: Uint8Array }>();

port.on('message', (message: Sm3Request) => {
  let reply: Sm3Reply | undefined;
  switch (message.op) {
    case 'open':
      hashes.set(message.id, { hash: createSm3(), ring: new Uint8Array(message.ring) });
      break;
    case 'update': {
      const job = hashes.get(message.id);
      job?.hash.update(job.ring.subarray(message.offset, message.offset + message.length));
      reply = { op: 'ack', id: message.id };
      break;
    }
    case 'final': {
      const job = hashes.get(message.id);
      hashes.delete(message.id);
      if (job !== undefined) reply = { op: 'digest', id: message.id, hex: job.hash.digest('hex') };
      break;
    }
    case 'abort':
      hashes.delete(message.id);
      break;
  }
  if (reply !== undefined) port.postMessage(reply);
});
