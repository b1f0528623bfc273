import { activeSpanIds } from '../tracing/trace-spans.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

export type LogSink = (line: string) => void;

/** Lines past which the buffer is written at once rather than at the end of the turn. */
const MAX_BUFFERED_LINES = 256;
const buffered: string[] = [];
let flushing = false;

function flushLines(): void {
  flushing = false;
  if (buffered.length === 0) return;
  const text = `${buffered.join('\n')}\n`;
  buffered.length = 0;
  process.stdout.write(text);
}

/**
 * The lines of one turn of the event loop go to stdout in one write: a write to a pipe is a
 * synchronous system call, and with an access line per request those calls were a few percent
 * of the gateway's CPU. Whatever is still buffered is written as the process exits.
 */
const stdoutSink: LogSink = (line) => {
  buffered.push(line);
  if (buffered.length >= MAX_BUFFERED_LINES) flushLines();
  else if (!flushing) {
    flushing = true;
    setImmediate(flushLines);
  }
};
process.on('exit', flushLines);

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

/** One JSON object per line, so logs from every service can be read by the same tools. */
export function createLogger(options: {
  service: string;
  level?: LogLevel;
  sink?: LogSink;
  bindings?: Fields;
}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const sink = options.sink ?? stdoutSink;
  const base = { service: options.service, ...options.bindings };
  const write = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: Fields) => {
    if (rank[level] < threshold) return;
    const entry: Fields = {
      time: new Date().toISOString(),
      level,
      ...base,
      // A line written inside a span names it, so logs and traces find each other.
      ...activeSpanIds(),
      msg: message,
    };
    if (fields) for (const [key, value] of Object.entries(fields)) entry[key] = serialize(value);
    sink(JSON.stringify(entry));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (bindings) =>
      createLogger({ ...options, bindings: { ...options.bindings, ...bindings } }),
  };
}
