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

const stdoutSink: LogSink = (line) => process.stdout.write(line + '\n');

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
