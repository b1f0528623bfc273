/**
 * docker-compose.yml: `docker compose config --quiet` when the docker CLI has its compose plugin
 * (it needs no engine), and always a structural check of the parsed file: images or builds,
 * health checks, the dependency order, every service `npm start` runs (infra/local/run.sh's
 * SERVICE_TABLE) and an environment each service's own config schema accepts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_LOADERS, type Env, configProblem } from './service-configs.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');

interface Build {
  context: string;
  target?: string;
  args?: Record<string, string>;
}
interface ComposeService {
  image?: string;
  build?: string | Build;
  restart?: string;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: string[] | Record<string, string | number | boolean | null>;
  ports?: (string | { target: number; published?: string | number })[];
  expose?: (string | number)[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const composeAvailable =
  spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
if (!composeAvailable) {
  console.warn(
    'docker-compose.yml: no `docker compose` here (CLI or plugin missing), structural check only',
  );
}

/** Compose's interpolation with the variables unset: ${X:-default} → default, $$ → $. */
function interpolate(text: string): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g,
    (match, _name, fallback) =>
      match === '$$' ? '$' : typeof fallback === 'string' ? fallback : '',
  );
}

function load(): ComposeFile {
  // Compose files use merge keys (<<: *anchor), which YAML 1.2 leaves out unless asked.
  return parse(interpolate(readFileSync(COMPOSE_FILE, 'utf8')), { merge: true }) as ComposeFile;
}

const dependencies = (service: ComposeService): [string, string][] => {
  const { depends_on: deps } = service;
  if (!deps) return [];
  if (Array.isArray(deps)) return deps.map((name) => [name, 'service_started']);
  return Object.entries(deps).map(([name, dep]) => [name, dep.condition ?? 'service_started']);
};

const environment = (service: ComposeService): Env => {
  const { environment: env } = service;
  if (!env) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => [entry.split('=')[0] ?? entry, entry.split('=').slice(1).join('=')]),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === null ? undefined : String(v)]),
  );
};

const CONDITIONS = new Set([
  'service_started',
  'service_healthy',
  'service_completed_successfully',
]);

const oneShot = (service: ComposeService) => service.restart === 'no';
const buildOf = (service: ComposeService): Build | undefined =>
  typeof service.build === 'string' ? { context: service.build } : service.build;

/** infra/local/run.sh's SERVICE_TABLE rows: name, workspace, port. */
function serviceTable(): { name: string; workspace: string; port: number }[] {
  const script = readFileSync(join(ROOT, 'infra/local/run.sh'), 'utf8');
  const table = /SERVICE_TABLE='\n([\s\S]*?)\n'/.exec(script)?.[1];
  if (!table) throw new Error('no SERVICE_TABLE in infra/local/run.sh');
  return table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 3)
    .map(([name = '', workspace = '', port = '']) => ({ name, workspace, port: Number(port) }));
}

describe('docker-compose.yml', () => {
  it.skipIf(!composeAvailable)('is accepted by `docker compose config --quiet`', () => {
    const result = spawnSync('docker', ['compose', '-f', COMPOSE_FILE, 'config', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('gives every service an image or a build of an existing workspace', () => {
    const { services } = load();
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      const build = buildOf(service);
      if (!service.image && !build) problems.push(`${name}: neither image nor build`);
      if (!build) continue;
      const workspace = build.args?.WORKSPACE;
      if (!workspace) {
        problems.push(`${name}: build without WORKSPACE`);
        continue;
      }
      // A service runs <workspace>/dist/main.js; a client (target client) is a Vite app.
      const entry = build.target === 'client' ? 'vite.config.ts' : 'src/main.ts';
      if (!existsSync(join(ROOT, workspace, entry)))
        problems.push(`${name}: no ${workspace}/${entry}`);
    }
    expect(problems).toEqual([]);
  });

  it('health-checks every long-running service and orders the start by dependencies', () => {
    const { services } = load();
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      const hasHealthcheck = (s: ComposeService) => !!s.healthcheck?.test && !s.healthcheck.disable;
      if (!oneShot(service) && !hasHealthcheck(service)) problems.push(`${name}: no healthcheck`);
      for (const [target, condition] of dependencies(service)) {
        const dependency = services[target];
        if (!dependency) {
          problems.push(`${name}: depends on unknown ${target}`);
        } else if (!CONDITIONS.has(condition)) {
          problems.push(`${name}: unknown condition ${condition} for ${target}`);
        } else if (condition === 'service_healthy' && !hasHealthcheck(dependency)) {
          problems.push(`${name}: waits for ${target} to be healthy, which it never reports`);
        } else if (condition === 'service_completed_successfully' && !oneShot(dependency)) {
          problems.push(`${name}: waits for ${target} to complete, which restarts`);
        } else if (condition === 'service_started' && !oneShot(dependency)) {
          problems.push(`${name}: waits only for ${target} to start, not to be healthy`);
        }
      }
    }
    // No cycle: every service can be started once what it depends on has.
    const started = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const [name, service] of Object.entries(services)) {
        if (started.has(name)) continue;
        if (dependencies(service).every(([target]) => started.has(target))) {
          started.add(name);
          progress = true;
        }
      }
    }
    const stuck = Object.keys(services).filter((name) => !started.has(name));
    expect(problems).toEqual([]);
    expect(stuck).toEqual([]);
  });

  it('runs what `npm start` runs: every service of run.sh, MongoDB, NATS, streams and the seed', () => {
    const { services } = load();
    const problems: string[] = [];
    for (const { name, workspace, port } of serviceTable()) {
      const client = existsSync(join(ROOT, workspace, 'vite.config.ts'));
      // A row without a workspace yet is skipped by run.sh too.
      if (!client && !existsSync(join(ROOT, workspace, 'src/main.ts'))) continue;
      const service = services[name];
      if (!service) {
        problems.push(`${name} (${workspace}) is not in docker-compose.yml`);
        continue;
      }
      if (buildOf(service)?.args?.WORKSPACE !== workspace)
        problems.push(`${name}: not ${workspace}`);
      if (client) {
        // Published on the port npm start serves it on.
        const published = (service.ports ?? []).map(String).some((p) => p.startsWith(`${port}:`));
        if (!published) problems.push(`${name}: not published on ${port}`);
      } else if (environment(service).PORT !== String(port)) {
        problems.push(`${name}: PORT is not ${port}`);
      }
    }
    for (const name of ['mongo', 'nats', 'nats-streams', 'seed']) {
      if (!services[name]) problems.push(`no ${name}`);
    }
    expect(problems).toEqual([]);
    expect(services.seed && oneShot(services.seed)).toBe(true);
    expect(dependencies(services.seed ?? {})).toContainEqual(['gateway', 'service_healthy']);
  });

  it('gives every service an environment its own config schema accepts', () => {
    const { services } = load();
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      const loader = CONFIG_LOADERS[name];
      if (!loader) continue;
      const problem = configProblem(loader, environment(service));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(services).filter((name) => CONFIG_LOADERS[name]).length).toBe(
      Object.keys(CONFIG_LOADERS).length,
    );
  });
});
