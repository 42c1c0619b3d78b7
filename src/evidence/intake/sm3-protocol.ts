/**
 * Messages between the SM3 worker client (main thread) and the worker. Each hash owns a ring: a
 * SharedArrayBuffer the size of its in-flight budget. The client copies each chunk into a free
 * region of the ring and sends the region; the worker hashes it and acknowledges, which frees the
 * region. The request's own buffers never cross threads, and no per-chunk garbage is made.
 */

/** Main thread → worker. */
export type Sm3Request =
  | { readonly op: 'open'; readonly id: number; readonly ring: SharedArrayBuffer }
  | { readonly op: 'update'; readonly id: number; readonly offset: number; readonly length: number }
  | { readonly op: 'final'; readonly id: number }
  | { readonly op: 'abort'; readonly id: number };

/** Worker → main thread: `ack` after each update (in order), `digest` after final. */
export type Sm3Reply =
  | { readonly op: 'ack'; readonly id: number }
  | { readonly op: 'digest'; readonly id: number; readonly hex: string };
