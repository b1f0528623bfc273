// One copy of the process harness, shared with the e2e fault test.
export { repoRoot, startService, stop } from '../../e2e/src/process-system.harness.js';
