/**
 * Scores the offline search parser against eval/search-eval.json and prints the exact-match
 * accuracy per field and overall:
 *
 *   node --conditions=source --import @bloom/kernel/register subgraphs/products/eval/evaluate.ts
 *
 * `--misses` also lists every field the parser got wrong.
 */
import { readFileSync } from 'node:fs';
import { parseQueryOffline } from '../src/search/offline-query.parser.js';
import {
  EVALUATED_FIELDS,
  type EvaluationItem,
  evaluateParser,
} from '../src/search/search.evaluation.js';

const set = JSON.parse(readFileSync(new URL('./search-eval.json', import.meta.url), 'utf8')) as {
  queries: EvaluationItem[];
};
const report = evaluateParser(set.queries, parseQueryOffline);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

console.log(
  `offline parser on ${report.total} queries ` +
    `(${report.byLanguage.ko.total} Korean, ${report.byLanguage.en.total} English)\n`,
);
for (const field of EVALUATED_FIELDS) {
  console.log(`  ${field.padEnd(10)} ${percent(report.fieldAccuracy[field])}`);
}
const share = ({ exact, total }: { exact: number; total: number }) =>
  `${percent(exact / Math.max(1, total))}  (${exact}/${total})`;
console.log(
  `\n  overall    ${share({ exact: Math.round(report.overall * report.total), total: report.total })}  every field right`,
);
console.log(`  Korean     ${share(report.byLanguage.ko)}`);
console.log(`  English    ${share(report.byLanguage.en)}`);
console.log(`  dev        ${share(report.bySplit.dev)}  queries the rules were tuned on`);
console.log(`  holdout    ${share(report.bySplit.holdout)}  written afterwards, never tuned on`);

if (process.argv.includes('--misses')) {
  console.log('\nmisses:');
  for (const miss of report.misses) {
    console.log(
      `  ${miss.query}\n    ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`,
    );
  }
} else if (report.misses.length > 0) {
  console.log(`\n${report.misses.length} field misses; run with --misses to list them.`);
}
