/**
 * Renders infra/k8s (base, overlays/dev, overlays/prod) with the pinned kustomize
 * (.local/bin/kustomize, built by infra/local/lib.sh's ensure_kustomize) and checks every object
 * against the Kubernetes 1.27 schemas of `kubernetes-models`, then the project's policy:
 * resources and probes, secrets only through secretKeyRef, an environment each service's own
 * config schema accepts, an HPA and a PDB per Deployment and a 3-node NATS in prod.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  CLIENTS,
  CONFIG_LOADERS,
  EMULATORS,
  type Env,
  SECRET_NAME,
  SUBGRAPHS,
  SUBGRAPH_PORTS,
  configProblem,
} from './service-configs.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const K8S = join(ROOT, 'infra/k8s');
const KUSTOMIZE = join(ROOT, '.local/bin/kustomize');

// ---------------------------------------------------------------------------- the objects

interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface KeyRef {
  name: string;
  key: string;
  optional?: boolean;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef; fieldRef?: { fieldPath: string } };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
}
interface PodTemplate {
  metadata?: Metadata;
  spec: { containers: Container[]; initContainers?: Container[] };
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
interface WorkloadSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
  template: PodTemplate;
}
interface HpaSpec {
  scaleTargetRef: { apiVersion: string; kind: string; name: string };
  minReplicas?: number;
}
interface PdbSpec {
  selector: { matchLabels: Record<string, string> };
}
interface ServiceSpec {
  selector?: Record<string, string>;
  ports: { name?: string; port: number }[];
}
interface IngressSpec {
  tls?: { hosts: string[] }[];
  rules: {
    host: string;
    http: {
      paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[];
    };
  }[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);

// ---------------------------------------------------------------------------- schemas

type Model = { validate(): void };
type ModelClass = new (data: object) => Model;

/** The API groups this project renders, from kubernetes-models (Kubernetes 1.27 schemas). */
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'autoscaling/v2': autoscalingV2,
  'policy/v1': policyV1,
  'networking.k8s.io/v1': networkingV1,
};

/**
 * Custom resources: kubernetes-models has no schema for them (their CRDs come with the operator),
 * so they are skipped by the schema check on purpose and their shape is checked below instead.
 */
const CUSTOM_RESOURCES = new Set(['mongodbcommunity.mongodb.com/v1/MongoDBCommunity']);

function modelFor(object: K8sObject): ModelClass | undefined {
  const candidate = MODELS[object.apiVersion]?.[object.kind];
  return typeof candidate === 'function' ? (candidate as ModelClass) : undefined;
}

// ---------------------------------------------------------------------------- rendering

/** Builds kustomize if needed (idempotent, locked); the reason when it cannot be had. */
function ensureKustomize(): string | undefined {
  const result = spawnSync('bash', ['-c', '. infra/local/lib.sh && ensure_kustomize'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  if (result.status === 0 && existsSync(KUSTOMIZE)) return undefined;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n').slice(-3);
  return output.join(' | ') || result.error?.message || `exit ${result.status}`;
}

const unavailable = ensureKustomize();
if (unavailable) {
  console.warn(`infra/k8s manifests: SKIPPED, kustomize could not be built: ${unavailable}`);
}

const LAYERS = { base: 'base', dev: 'overlays/dev', prod: 'overlays/prod' } as const;
type Layer = keyof typeof LAYERS;

const renderings = new Map<Layer, K8sObject[]>();

function render(layer: Layer): K8sObject[] {
  let objects = renderings.get(layer);
  if (!objects) {
    const yaml = execFileSync(KUSTOMIZE, ['build', join(K8S, LAYERS[layer])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    objects = parseAllDocuments(yaml).map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
      return doc.toJS() as K8sObject;
    });
    renderings.set(layer, objects);
  }
  return objects;
}

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

const workloadSpec = (object: K8sObject) => object.spec as unknown as WorkloadSpec;
const containersOf = (object: K8sObject) => {
  const { spec } = workloadSpec(object).template;
  return [...(spec.initContainers ?? []), ...spec.containers];
};
const appName = (object: K8sObject) => object.metadata.labels?.['app.kubernetes.io/name'];

/** A generated object's name without kustomize's content hash (bloom-config-7f9c… → bloom-config). */
const baseName = (name: string) => name.replace(/-[a-z0-9]{10}$/, '');

// ---------------------------------------------------------------------------- environments

/** Stand-ins for Secrets a secret manager or the MongoDB operator provides (prod). */
const SECRET_PLACEHOLDERS: Record<string, string> = {
  'connectionString.standard':
    'mongodb://bloom:secret@mongodb-0.mongodb-svc:27017,mongodb-1.mongodb-svc:27017/admin?replicaSet=mongodb',
  ADMIN_EMAIL: 'ops@example.com',
};
const SECRET_PLACEHOLDER = 'a-secret-manager-value-of-more-than-32-characters';

/**
 * The environment a container gets: its ConfigMaps (envFrom, configMapKeyRef) and literal values
 * from the rendering, Secrets from the rendering when it has them (dev) or stand-ins when they
 * come from outside (prod); an optional reference to a Secret that is not rendered counts as
 * absent, so a service must also start without it.
 */
function environmentOf(container: Container, objects: K8sObject[]): Env {
  const env: Env = {};
  const configMap = (name: string) => find(objects, 'ConfigMap', name).data ?? {};
  const secret = (ref: KeyRef): string | undefined => {
    const rendered = objects.find((o) => o.kind === 'Secret' && o.metadata.name === ref.name);
    if (rendered) {
      const encoded = rendered.data?.[ref.key];
      const value =
        rendered.stringData?.[ref.key] ??
        (encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8'));
      if (value === undefined && !ref.optional) throw new Error(`${ref.name} has no ${ref.key}`);
      return value;
    }
    return ref.optional ? undefined : (SECRET_PLACEHOLDERS[ref.key] ?? SECRET_PLACEHOLDER);
  };
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, configMap(from.configMapRef.name));
  }
  for (const variable of container.env ?? []) {
    const { value, valueFrom } = variable;
    if (value !== undefined) env[variable.name] = value;
    else if (valueFrom?.secretKeyRef) env[variable.name] = secret(valueFrom.secretKeyRef);
    else if (valueFrom?.configMapKeyRef) {
      const ref = valueFrom.configMapKeyRef;
      const found = configMap(ref.name)[ref.key];
      if (found === undefined && !ref.optional) throw new Error(`${ref.name} has no ${ref.key}`);
      env[variable.name] = found;
    } else if (valueFrom?.fieldRef) env[variable.name] = `from-${valueFrom.fieldRef.fieldPath}`;
  }
  return env;
}

// ---------------------------------------------------------------------------- tests

describe.skipIf(unavailable !== undefined)('infra/k8s rendered with kustomize', () => {
  describe.each(Object.keys(LAYERS) as Layer[])('%s', (layer) => {
    it('validates every object against the Kubernetes 1.27 schemas (custom resources excepted)', () => {
      const objects = render(layer);
      expect(objects.length).toBeGreaterThan(10);
      const problems: string[] = [];
      for (const object of objects) {
        const id = `${object.kind} ${object.metadata.name}`;
        if (CUSTOM_RESOURCES.has(`${object.apiVersion}/${object.kind}`)) continue;
        const Model = modelFor(object);
        if (!Model) {
          problems.push(`${id}: unknown kind ${object.apiVersion}/${object.kind}`);
          continue;
        }
        try {
          new Model(object).validate();
        } catch (error) {
          problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('labels every object part-of blooming-blooms and every workload with its name', () => {
      const problems: string[] = [];
      for (const object of render(layer)) {
        const id = `${object.kind} ${object.metadata.name}`;
        if (object.metadata.labels?.['app.kubernetes.io/part-of'] !== 'blooming-blooms') {
          problems.push(`${id}: no app.kubernetes.io/part-of=blooming-blooms`);
        }
        if (object.metadata.namespace === undefined && object.kind !== 'Namespace') {
          problems.push(`${id}: no namespace`);
        }
        if (!WORKLOAD_KINDS.has(object.kind)) continue;
        const { template, selector } = workloadSpec(object);
        const name = appName(object);
        if (!name) problems.push(`${id}: no app.kubernetes.io/name`);
        const labels = template.metadata?.labels ?? {};
        if (labels['app.kubernetes.io/name'] !== name) problems.push(`${id}: template name label`);
        if (labels['app.kubernetes.io/part-of'] !== 'blooming-blooms') {
          problems.push(`${id}: template part-of label`);
        }
        if (object.kind !== 'Job' && selector?.matchLabels?.['app.kubernetes.io/name'] !== name) {
          problems.push(`${id}: selector is not its name`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every container requests and limits, and every Deployment its probes', () => {
      const problems: string[] = [];
      const objects = render(layer);
      for (const object of objects.filter((o) => WORKLOAD_KINDS.has(o.kind))) {
        for (const container of containersOf(object)) {
          const id = `${object.kind} ${object.metadata.name}/${container.name}`;
          const { requests = {}, limits = {} } = container.resources ?? {};
          if (!requests.cpu || !requests.memory) problems.push(`${id}: cpu and memory requests`);
          if (!limits.memory) problems.push(`${id}: a memory limit`);
        }
      }
      for (const deployment of ofKind(objects, 'Deployment')) {
        const name = deployment.metadata.name;
        // Subgraphs and clients: ready on /ready. The gateway's /ready fails while any subgraph
        // is down, so it is ready while it is up; the emulators serve /health only.
        const readyOnHealth = name === 'gateway' || (EMULATORS as readonly string[]).includes(name);
        const expected = { liveness: '/health', readiness: readyOnHealth ? '/health' : '/ready' };
        for (const container of workloadSpec(deployment).template.spec.containers) {
          const liveness = container.livenessProbe?.httpGet?.path;
          const readiness = container.readinessProbe?.httpGet?.path;
          if (liveness !== expected.liveness) problems.push(`${name}: liveness ${liveness}`);
          if (readiness !== expected.readiness) problems.push(`${name}: readiness ${readiness}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('lets Prometheus scrape /metrics of the gateway and every subgraph, on its port', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const deployment of ofKind(render(layer), 'Deployment')) {
        const component =
          workloadSpec(deployment).template.metadata?.labels?.['app.kubernetes.io/component'];
        const name = deployment.metadata.name;
        if (component !== 'subgraph' && name !== 'gateway') continue;
        checked += 1;
        const annotations = workloadSpec(deployment).template.metadata?.annotations ?? {};
        const port =
          workloadSpec(deployment).template.spec.containers[0]?.ports?.[0]?.containerPort;
        if (annotations['prometheus.io/scrape'] !== 'true') problems.push(`${name}: not scraped`);
        if (annotations['prometheus.io/path'] !== '/metrics') problems.push(`${name}: path`);
        if (annotations['prometheus.io/port'] !== String(port)) problems.push(`${name}: port`);
      }
      expect(checked).toBe(SUBGRAPHS.length + 1);
      expect(problems).toEqual([]);
    });

    it('takes secrets only from secretKeyRef, never as literal values', () => {
      const problems: string[] = [];
      const objects = render(layer);
      for (const object of objects.filter((o) => WORKLOAD_KINDS.has(o.kind))) {
        for (const container of containersOf(object)) {
          const id = `${object.kind} ${object.metadata.name}/${container.name}`;
          for (const from of container.envFrom ?? []) {
            if (from.secretRef) problems.push(`${id}: envFrom secretRef ${from.secretRef.name}`);
          }
          for (const variable of container.env ?? []) {
            if (SECRET_NAME.test(variable.name) && !variable.valueFrom?.secretKeyRef) {
              problems.push(`${id}: ${variable.name} is not a secretKeyRef`);
            }
          }
        }
      }
      for (const configMap of ofKind(objects, 'ConfigMap')) {
        for (const key of Object.keys(configMap.data ?? {})) {
          if (SECRET_NAME.test(key)) problems.push(`ConfigMap ${configMap.metadata.name}: ${key}`);
        }
      }
      // Only the dev overlay renders Secrets (local-only values); elsewhere they come from outside.
      if (layer !== 'dev') {
        for (const secret of ofKind(objects, 'Secret')) {
          problems.push(`Secret ${secret.metadata.name} is rendered`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('routes the API paths of every client host to the gateway, to Services that exist', () => {
      const objects = render(layer);
      const problems: string[] = [];
      for (const ingress of ofKind(objects, 'Ingress')) {
        for (const rule of (ingress.spec as unknown as IngressSpec).rules) {
          for (const { path, backend } of rule.http.paths) {
            const service = objects.find(
              (o) => o.kind === 'Service' && o.metadata.name === backend.service.name,
            );
            const ports = (service?.spec as ServiceSpec | undefined)?.ports ?? [];
            if (!ports.some((port) => port.name === backend.service.port.name)) {
              problems.push(`${rule.host}${path}: no Service port ${backend.service.name}:http`);
            }
          }
        }
      }
      const bloom = find(objects, 'Ingress', 'bloom').spec as unknown as IngressSpec;
      for (const client of CLIENTS) {
        const rule = bloom.rules.find((r) =>
          r.http.paths.some((p) => p.path === '/' && p.backend.service.name === client),
        );
        if (!rule) {
          problems.push(`no host serves ${client}`);
          continue;
        }
        for (const path of ['/graphql', '/images', '/uploads']) {
          const to = rule.http.paths.find((p) => p.path === path)?.backend.service.name;
          if (to !== 'gateway') problems.push(`${rule.host}${path} goes to ${to}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives every Service a workload to select and the gateway every subgraph', () => {
      const objects = render(layer);
      const templates = objects
        .filter((o) => WORKLOAD_KINDS.has(o.kind))
        .map((o) => workloadSpec(o).template.metadata?.labels ?? {});
      const problems: string[] = [];
      for (const service of ofKind(objects, 'Service')) {
        const selector = Object.entries((service.spec as ServiceSpec | undefined)?.selector ?? {});
        if (!templates.some((labels) => selector.every(([k, v]) => labels[k] === v))) {
          problems.push(`Service ${service.metadata.name} selects no pod`);
        }
      }
      const gateway = find(objects, 'Deployment', 'gateway');
      const env = workloadSpec(gateway).template.spec.containers[0]?.env ?? [];
      for (const subgraph of SUBGRAPHS) {
        const url = env.find((v) => v.name === `SUBGRAPH_${subgraph.toUpperCase()}_URL`)?.value;
        const expected = `http://${subgraph}:${SUBGRAPH_PORTS[subgraph]}/graphql`;
        if (url !== expected) problems.push(`gateway: ${subgraph} at ${url}, not ${expected}`);
        const service = find(objects, 'Service', subgraph).spec as unknown as ServiceSpec;
        if (service.ports[0]?.port !== SUBGRAPH_PORTS[subgraph]) problems.push(`${subgraph} port`);
      }
      expect(problems).toEqual([]);
    });
  });

  describe.each(['dev', 'prod'] as const)('%s', (layer) => {
    it('gives every service an environment its own config schema accepts, on its port', () => {
      const objects = render(layer);
      const problems: string[] = [];
      const checked: string[] = [];
      for (const deployment of ofKind(objects, 'Deployment')) {
        const name = deployment.metadata.name;
        const loader = CONFIG_LOADERS[name];
        if (!loader) continue;
        for (const container of workloadSpec(deployment).template.spec.containers) {
          const env = environmentOf(container, objects);
          const problem = configProblem(loader, env);
          if (problem) problems.push(problem);
          const port = container.ports?.[0]?.containerPort;
          if (env.PORT !== String(port)) problems.push(`${name}: PORT ${env.PORT}, port ${port}`);
          checked.push(name);
        }
      }
      expect(problems).toEqual([]);
      const expected = ['gateway', ...SUBGRAPHS, ...(layer === 'dev' ? EMULATORS : [])];
      expect(checked.sort()).toEqual([...expected].sort());
    });
  });

  describe('prod', () => {
    it('has an HPA (min 2) and a PodDisruptionBudget for every Deployment, which has no replicas', () => {
      const objects = render('prod');
      const problems: string[] = [];
      const hpas = ofKind(objects, 'HorizontalPodAutoscaler').map(
        (o) => o.spec as unknown as HpaSpec,
      );
      const pdbs = ofKind(objects, 'PodDisruptionBudget').map((o) => o.spec as unknown as PdbSpec);
      const deployments = ofKind(objects, 'Deployment');
      expect(deployments.map((d) => d.metadata.name).sort()).toEqual(
        ['gateway', ...SUBGRAPHS, ...CLIENTS].sort(),
      );
      for (const deployment of deployments) {
        const name = deployment.metadata.name;
        const { replicas, template } = workloadSpec(deployment);
        const hpa = hpas.find(
          (h) => h.scaleTargetRef.kind === 'Deployment' && h.scaleTargetRef.name === name,
        );
        if (!hpa) problems.push(`${name}: no HPA`);
        else if ((hpa.minReplicas ?? 1) < 2) problems.push(`${name}: HPA minReplicas < 2`);
        // With an HPA the Deployment must not carry a count an apply would reset it to.
        if (replicas !== undefined) problems.push(`${name}: replicas ${replicas}`);
        const labels = template.metadata?.labels ?? {};
        const covered = pdbs.some((p) =>
          Object.entries(p.selector.matchLabels).every(([k, v]) => labels[k] === v),
        );
        if (!covered) problems.push(`${name}: no PodDisruptionBudget`);
      }
      expect(problems).toEqual([]);
    });

    it('runs NATS as a 3-node JetStream cluster and applies the streams with 3 replicas', () => {
      const objects = render('prod');
      const nats = find(objects, 'StatefulSet', 'nats');
      expect(workloadSpec(nats).replicas).toBe(3);
      const configMapName = (
        nats.spec as unknown as {
          template: { spec: { volumes: { name: string; configMap?: { name: string } }[] } };
        }
      ).template.spec.volumes.find((v) => v.name === 'config')?.configMap?.name;
      expect(baseName(configMapName ?? '')).toBe('nats-config');
      const conf = find(objects, 'ConfigMap', configMapName ?? '').data?.['nats.conf'] ?? '';
      expect(conf).toMatch(/jetstream\s*\{/);
      const routes = [...conf.matchAll(/nats:\/\/nats-(\d)\.nats-headless:6222/g)].map((m) => m[1]);
      expect(routes).toEqual(['0', '1', '2']);
      const streams = find(objects, 'Job', 'nats-streams');
      const args = workloadSpec(streams).template.spec.containers[0]?.args ?? [];
      expect(args.join(' ')).toContain('--replicas 3');
      // streams.json keeps R1 for local runs and compose; the Job's --replicas overrides it.
      const declared = JSON.parse(readFileSync(join(ROOT, 'infra/nats/streams.json'), 'utf8')) as {
        name: string;
      }[];
      expect(declared.length).toBe(SUBGRAPHS.length);
      const pdb = find(objects, 'PodDisruptionBudget', 'nats').spec as { maxUnavailable?: number };
      expect(pdb.maxUnavailable).toBe(1);
    });

    it('runs MongoDB as a 3-member replica set (operator resource) and no demo data', () => {
      const objects = render('prod');
      const mongodb = find(objects, 'MongoDBCommunity', 'mongodb').spec as {
        type: string;
        members: number;
      };
      expect(mongodb).toMatchObject({ type: 'ReplicaSet', members: 3 });
      expect(objects.some((o) => o.kind === 'Job' && o.metadata.name === 'bloom-seed')).toBe(false);
    });

    it('runs in production mode with an OTLP endpoint, TLS and every Secret it reads documented', () => {
      const objects = render('prod');
      const config = objects.find(
        (o) => o.kind === 'ConfigMap' && baseName(o.metadata.name) === 'bloom-config',
      );
      expect(config?.data).toMatchObject({
        NODE_ENV: 'production',
        OTEL_EXPORTER_OTLP_ENDPOINT: expect.stringMatching(/^https?:\/\//) as unknown,
      });
      const bloom = find(objects, 'Ingress', 'bloom').spec as unknown as IngressSpec;
      expect(bloom.tls?.flatMap((t) => t.hosts).sort()).toEqual(
        bloom.rules.map((r) => r.host).sort(),
      );
      // Every Secret key a container reads is in secrets.example.yaml (or made by the operator).
      const documented = new Set(['mongodb-admin-bloom/connectionString.standard']);
      for (const doc of parseAllDocuments(
        readFileSync(join(K8S, 'secrets.example.yaml'), 'utf8'),
      )) {
        const secret = doc.toJS() as K8sObject;
        for (const key of Object.keys(secret.stringData ?? {}))
          documented.add(`${secret.metadata.name}/${key}`);
      }
      const undocumented = objects
        .filter((o) => WORKLOAD_KINDS.has(o.kind))
        .flatMap(containersOf)
        .flatMap((c) => c.env ?? [])
        .map((v) => v.valueFrom?.secretKeyRef)
        .filter((ref): ref is KeyRef => ref !== undefined)
        .map((ref) => `${ref.name}/${ref.key}`)
        .filter((ref) => !documented.has(ref));
      expect(undocumented).toEqual([]);
    });
  });

  describe('dev', () => {
    it('runs one replica of everything in development mode, with the emulators and the seed', () => {
      const objects = render('dev');
      expect(ofKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
      expect(ofKind(objects, 'PodDisruptionBudget')).toEqual([]);
      const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
      expect(
        workloads.filter((o) => workloadSpec(o).replicas !== 1).map((o) => o.metadata.name),
      ).toEqual([]);
      expect(
        ofKind(objects, 'Deployment')
          .map((d) => d.metadata.name)
          .sort(),
      ).toEqual(['gateway', ...SUBGRAPHS, ...CLIENTS, ...EMULATORS].sort());
      const config = objects.find(
        (o) => o.kind === 'ConfigMap' && baseName(o.metadata.name) === 'bloom-config',
      );
      expect(config?.data?.NODE_ENV).toBe('development');
      const endpoints = objects.find(
        (o) => o.kind === 'ConfigMap' && baseName(o.metadata.name) === 'bloom-endpoints',
      );
      expect(endpoints?.data).toMatchObject({
        PAYMENTS_URL: 'http://payments:4011',
        SMS_API_URL: 'http://sms:4012',
      });
      const seed = find(objects, 'Job', 'bloom-seed');
      const env = environmentOf(
        workloadSpec(seed).template.spec.containers[0] as Container,
        objects,
      );
      expect(env).toMatchObject({
        SEED_GATEWAY_URL: 'http://gateway:4000/graphql',
        ADMIN_EMAIL: 'admin@bloom.local',
      });
    });
  });
});
