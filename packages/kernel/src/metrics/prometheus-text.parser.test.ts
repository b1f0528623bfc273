import { describe, expect, it } from 'vitest';
import { PrometheusTextError, parsePrometheusText, sumSamples } from './prometheus-text.parser.js';

describe('parsePrometheusText', () => {
  it('reads types, labels with escapes, special values and timestamps', () => {
    const parsed = parsePrometheusText(
      [
        '# HELP x_total Things.',
        '# TYPE x_total counter',
        'x_total{a="1",b="q\\"uote\\\\ \\nline"} 3',
        'x_total{a="2"} 4 1700000000000',
        '# TYPE y gauge',
        'y NaN',
        'z_bucket{le="+Inf"} 7',
        '',
      ].join('\n'),
    );
    expect(parsed.types.get('x_total')).toBe('counter');
    expect(parsed.samples[0]).toEqual({
      name: 'x_total',
      labels: { a: '1', b: 'q"uote\\ \nline' },
      value: 3,
    });
    expect(sumSamples(parsed, 'x_total')).toBe(7);
    expect(sumSamples(parsed, 'x_total', { a: '2' })).toBe(4);
    expect(sumSamples(parsed, 'z_bucket', { le: '+Inf' })).toBe(7);
    expect(Number.isNaN(parsed.samples[2]?.value)).toBe(true);
  });

  it('refuses malformed lines', () => {
    for (const bad of ['x{a="1"', 'x{a=1} 2', 'x 1 2 3', '1x 2', 'x{a="1"}2', 'x abc']) {
      expect(() => parsePrometheusText(bad), bad).toThrow(PrometheusTextError);
    }
    expect(() => parsePrometheusText('# TYPE x nonsense')).toThrow(PrometheusTextError);
  });
});
