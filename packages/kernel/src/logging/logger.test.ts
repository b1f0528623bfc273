import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.js';

afterEach(() => vi.restoreAllMocks());

describe('the stdout log sink', () => {
  it('writes the lines of one turn of the event loop in one write, in order', async () => {
    const writes: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = String(chunk);
      if (text.includes('"service":"sink-test"')) writes.push(text);
      else write(chunk);
      return true;
    });
    const logger = createLogger({ service: 'sink-test' });
    logger.info('one');
    logger.warn('two', { n: 2 });
    logger.debug('not at info');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1);
    const lines = (writes[0] ?? '').trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['one', 'two']);
  });

  it('loses nothing buffered when the process exits right after logging', () => {
    const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
    const script = `
      const { createLogger } = await import(${JSON.stringify(logger)});
      const log = createLogger({ service: 'exiting' });
      for (let i = 0; i < 300; i += 1) log.info('line ' + i);
      log.error('last words');
      process.exit(3);
    `;
    let output = '';
    try {
      execFileSync(
        process.execPath,
        ['--import', '@bloom/kernel/register', '--input-type=module', '-e', script],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
    } catch (error) {
      expect((error as { status?: number }).status).toBe(3);
      output = (error as { stdout: string }).stdout;
    }
    const messages = output
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toHaveLength(301);
    expect(messages[0]).toBe('line 0');
    expect(messages.at(-1)).toBe('last words');
  });
});
