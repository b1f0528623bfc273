import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version a service reports in /ready: its package.json version, with the build's commit
 * as semver build metadata when known (`0.1.0+3f2c1ab`). `moduleUrl` is any module of the
 * service (its `import.meta.url`); the nearest package.json above it is the service's, from
 * src/ and dist/ alike.
 */
export function serviceVersion(moduleUrl: string, commit?: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    let text: string | undefined;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch {
      // No package.json here: look one level up.
    }
    if (text !== undefined) {
      const { version } = JSON.parse(text) as { version?: unknown };
      if (typeof version !== 'string') throw new Error(`${dir}/package.json has no version`);
      return commit ? `${version}+${commit.slice(0, 12)}` : version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${moduleUrl}`);
    dir = parent;
  }
}
