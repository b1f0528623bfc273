// Runs TypeScript sources directly (dev scripts, local run, seeds) with SWC so that
// decorator metadata is emitted the way tsc emits it; tsx/esbuild cannot do that.
import { register } from 'node:module';

register('./loader-hooks.mjs', import.meta.url);
