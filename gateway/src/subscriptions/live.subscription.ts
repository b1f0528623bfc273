import type { ExecutionResult } from 'graphql';

/** Where one client subscription's results go: the client's socket, as `next` messages. */
export interface LiveSink {
  /**
   * Sends a result already serialised as JSON; false when the client is too far behind (its
   * socket holds more unsent data than a client that keeps up would) and it was dropped.
   */
  send(resultJson: string): boolean;
}

/**
 * One client subscription. Its results are written straight to the client's socket by the
 * live hub, in the loop that matched them: a restock to 10,000 watchers is 10,000 socket
 * writes of one serialised payload, with no promise, iterator step or serialisation per
 * subscriber. To graphql-ws it is the subscription's stream, one that yields nothing and ends
 * when the client completes it or goes away (graphql-ws then calls `return`), which is when
 * the hub forgets it.
 */
export class LiveSubscription implements AsyncGenerator<ExecutionResult, undefined> {
  private ended: ((result: IteratorResult<ExecutionResult, undefined>) => void) | undefined;
  private done = false;

  constructor(
    private readonly sink: LiveSink,
    private readonly onClose: () => void,
  ) {}

  /** Sends a serialised result; false when it was dropped (the client is too far behind). */
  push(resultJson: string): boolean {
    return this.done || this.sink.send(resultJson);
  }

  next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.ended = resolve;
    });
  }

  return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.close();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.ended?.({ value: undefined, done: true });
    this.ended = undefined;
    this.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  [Symbol.asyncDispose](): Promise<void> {
    this.close();
    return Promise.resolve();
  }
}
