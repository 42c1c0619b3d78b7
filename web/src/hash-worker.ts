/**
 * A hashing worker: one algorithm (SHA-256 or SM3, hash-wasm) over the slices the page sends.
 * The page runs two of these side by side, so SHA-256 and SM3 use both cores; each slice is
 * acknowledged so the page keeps only a few in flight (memory stays flat for any file size).
 *
 * Messages in: `{type:'init', alg}`, `{type:'chunk', buf}` (transferred), `{type:'end'}`.
 * Messages out: `{type:'ack', bytes}`, `{type:'digest', hex}`, `{type:'error', message}`.
 * @module
 */
import { createSHA256, createSM3, type IHasher } from 'hash-wasm';

type In =
  | { readonly type: 'init'; readonly alg: 'sha256' | 'sm3' }
  | { readonly type: 'chunk'; readonly buf: ArrayBuffer }
  | { readonly type: 'end' };

let hasher: Promise<IHasher> | undefined;

function post(message: unknown): void {
  (self as unknown as { postMessage(m: unknown): void }).postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<In>) => {
  const m = event.data;
  if (m.type === 'init') {
    hasher = (m.alg === 'sha256' ? createSHA256() : createSM3()).then((x) => {
      x.init();
      return x;
    });
    hasher.catch((err: unknown) => post({ type: 'error', message: String(err) }));
    return;
  }
  if (!hasher) {
    post({ type: 'error', message: 'not initialised' });
    return;
  }
  hasher.then(
    (x) => {
      if (m.type === 'chunk') {
        x.update(new Uint8Array(m.buf));
        post({ type: 'ack', bytes: m.buf.byteLength });
      } else {
        post({ type: 'digest', hex: x.digest('hex') });
      }
    },
    () => undefined,
  );
});
