import type { ExecutionResult } from 'graphql';

/**
 * The stream of one client subscription: an async generator that graphql-ws drains, fed by the
 * live hub. Bounded: a client that cannot keep up loses its oldest undelivered results rather
 * than growing the gateway's memory (the inbox keeps every notice).
 */
export class LiveQueue implements AsyncGenerator<ExecutionResult, undefined> {
  private readonly buffer: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult, undefined>) => void) | undefined;
  private done = false;
  dropped = 0;

  constructor(
    private readonly onClose: () => void,
    private readonly limit = 64,
  ) {}

  push(result: ExecutionResult): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: result, done: false });
      return;
    }
    if (this.buffer.length >= this.limit) {
      this.buffer.shift();
      this.dropped += 1;
    }
    this.buffer.push(result);
  }

  next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    const value = this.buffer.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
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
    this.buffer.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
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
