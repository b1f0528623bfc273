/** One sample line of Prometheus' text exposition format. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PrometheusText {
  /** `# TYPE` of each metric family. */
  types: Map<string, string>;
  samples: PrometheusSample[];
}

export class PrometheusTextError extends Error {}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** As Prometheus reads them (Go's ParseFloat: NaN and Inf in any case; prom-client writes Nan). */
function parseValue(text: string, line: number): number {
  const special = text.toLowerCase();
  if (special === '+inf' || special === 'inf') return Infinity;
  if (special === '-inf') return -Infinity;
  if (special === 'nan') return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) {
    throw new PrometheusTextError(`line ${line}: not a value: ${text}`);
  }
  return value;
}

/** `{a="x",b="y"}` from `at` (just past the name); returns the labels and where they end. */
function parseLabels(text: string, at: number, line: number) {
  const labels: Record<string, string> = {};
  let i = at + 1;
  for (;;) {
    if (text[i] === '}') return { labels, end: i + 1 };
    const name = LABEL_NAME.exec(text.slice(i))?.[0];
    if (!name || text[i + name.length] !== '=' || text[i + name.length + 1] !== '"') {
      throw new PrometheusTextError(`line ${line}: bad label at column ${i + 1}`);
    }
    i += name.length + 2;
    let value = '';
    for (;;) {
      const char = text[i];
      if (char === undefined) throw new PrometheusTextError(`line ${line}: unterminated label`);
      i += 1;
      if (char === '"') break;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escaped = text[i];
      i += 1;
      if (escaped === 'n') value += '\n';
      else if (escaped === '\\' || escaped === '"') value += escaped;
      else throw new PrometheusTextError(`line ${line}: bad escape \\${escaped ?? ''}`);
    }
    labels[name] = value;
    if (text[i] === ',') i += 1;
    else if (text[i] !== '}') throw new PrometheusTextError(`line ${line}: expected , or }`);
  }
}

/**
 * Parses Prometheus' text format (version 0.0.4) strictly: a line that is neither a comment
 * nor a well-formed sample throws, so a test that parses a scrape checks its format too.
 */
export function parsePrometheusText(text: string): PrometheusText {
  const types = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const [, keyword, name, type] = raw.split(/\s+/);
      if (keyword === 'TYPE') {
        if (!name || !type || !TYPES.has(type)) {
          throw new PrometheusTextError(`line ${line}: bad TYPE line`);
        }
        types.set(name, type);
      }
      return;
    }
    const name = NAME.exec(raw)?.[0];
    if (!name) throw new PrometheusTextError(`line ${line}: no metric name`);
    let rest = name.length;
    let labels: Record<string, string> = {};
    if (raw[rest] === '{') ({ labels, end: rest } = parseLabels(raw, rest, line));
    const fields = raw.slice(rest).trim().split(/\s+/);
    if (fields.length < 1 || fields.length > 2 || raw[rest] !== ' ') {
      throw new PrometheusTextError(`line ${line}: expected a value (and a timestamp)`);
    }
    samples.push({ name, labels, value: parseValue(fields[0] ?? '', line) });
  });
  return { types, samples };
}

/** The sum of the samples of `name` whose labels include `labels` (0 when none match). */
export function sumSamples(
  parsed: PrometheusText,
  name: string,
  labels: Record<string, string> = {},
): number {
  let sum = 0;
  for (const sample of parsed.samples) {
    if (sample.name !== name) continue;
    if (Object.entries(labels).every(([key, value]) => sample.labels[key] === value)) {
      sum += sample.value;
    }
  }
  return sum;
}
