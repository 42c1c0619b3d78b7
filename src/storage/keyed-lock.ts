/**
 * Per-key serialisation of asynchronous work: a state check and the write that changes the
 * state run as one step, while work on other keys proceeds concurrently.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Runs `work` after every earlier `run` with the same key has settled (FIFO), whether that run
   * resolved or rejected; the result is `work`'s own. The map entry goes once the key is idle.
   */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

}
