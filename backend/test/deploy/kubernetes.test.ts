/**
 * deploy/k8s: every object valid against the Kubernetes API schema (no cluster needed), the
 * kustomizations complete, and the promises the manifests make kept: non-root, read-only root
 * filesystem, the health probes, a grace period above the process's own shutdown bound, no
 * secret values committed, and HPA, PDB, Service and Ingress pointing at the right pods.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { instructions, parseDockerfile } from './support/dockerfile.js';
import { isKustomize, loadManifests, schemaProblems, type Manifest } from './support/kubernetesManifests.js';
import { envExampleNames, processExitBoundSeconds, readRepoFile, repoPath } from './support/repository.js';

const K8S_DIR = repoPath('deploy', 'k8s');
const manifests = loadManifests(K8S_DIR);
const kustomizations = manifests.filter(isKustomize);
/** Partial objects a kustomization merges into others: not complete objects themselves. */
const patchFiles = new Set(
  kustomizations.flatMap((k) =>
    (k.body.patches ?? []).map((p: { path: string }) => path.join(path.dirname(k.file), p.path)),
  ),
);
const patches = manifests.filter((m) => patchFiles.has(m.file));
const objects = manifests.filter((m) => !isKustomize(m) && !patchFiles.has(m.file));

function only(kind: string, name?: string): Manifest {
  const found = objects.filter((m) => m.kind === kind && (!name || m.body.metadata?.name === name));
  expect(found, `one ${kind} ${name ?? ''}`).toHaveLength(1);
  return found[0]!;
}

const server = only('Deployment', 'white-cross');
const worker = only('Deployment', 'white-cross-worker');
const configMap = only('ConfigMap');
const deployments = [server, worker];
const eachDeployment = deployments.map((d) => [d.body.metadata.name as string, d] as const);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const podSpec = (deployment: Manifest): any => deployment.body.spec.template.spec;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const container = (deployment: Manifest): any => podSpec(deployment).containers[0];
const envValue = (deployment: Manifest, name: string): string | undefined =>
  (container(deployment).env as { name: string; value?: string }[] | undefined)?.find((e) => e.name === name)
    ?.value;

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|API_KEY|LICENSE_KEY|DSN|DATABASE_URL|REDIS_URL/;

describe('deploy/k8s schema', () => {
  it('holds only objects valid against the Kubernetes API schema, without unknown fields', () => {
    expect(objects.length).toBeGreaterThanOrEqual(8);
    expect(objects.flatMap(schemaProblems)).toEqual([]);
  });

  it('lists every manifest in a kustomization, and every listed file exists', () => {
    const listed = new Set<string>();
    for (const k of kustomizations) {
      const dir = path.dirname(k.file);
      const entries: string[] = [
        ...(k.body.resources ?? []),
        ...(k.body.components ?? []),
        ...(k.body.patches ?? []).map((p: { path: string }) => p.path),
      ];
      for (const entry of entries) {
        expect(existsSync(path.join(K8S_DIR, dir, entry)), `${k.file} lists ${entry}`).toBe(true);
        listed.add(path.join(dir, entry));
      }
    }
    const unlisted = objects.filter((m) => !listed.has(m.file)).map((m) => m.file);
    expect(unlisted).toEqual([]);
  });

  it('puts everything in the namespace it creates', () => {
    const root = kustomizations.find((k) => k.file === 'kustomization.yaml')!;
    expect(root.body.namespace).toBe(only('Namespace').body.metadata.name);
  });
});

describe('deploy/k8s secrets', () => {
  it('commits no Secret and no secret value, only references to the Secret', () => {
    expect(objects.filter((m) => m.kind === 'Secret')).toEqual([]);
    const configKeys = Object.keys(configMap.body.data);
    expect(configKeys.filter((key) => SECRET_NAME.test(key))).toEqual([]);
    for (const deployment of deployments) {
      const literal = (container(deployment).env ?? []).filter(
        (e: { name: string; value?: string }) => SECRET_NAME.test(e.name) && e.value !== undefined,
      );
      expect(literal).toEqual([]);
      expect(container(deployment).envFrom).toContainEqual({ secretRef: { name: 'white-cross' } });
      expect(container(deployment).envFrom).toContainEqual({
        configMapRef: { name: configMap.body.metadata.name },
      });
    }
  });

  it('sets only variables the app documents', () => {
    const known = envExampleNames();
    expect(Object.keys(configMap.body.data).filter((key) => !known.has(key))).toEqual([]);
    expect(configMap.body.data.NODE_ENV).toBe('production');
    expect(configMap.body.data.TRUST_PROXY).toBe('true');
    expect(configMap.body.data.SIMULATORS).toBe('off');
  });
});

describe('deploy/k8s pods', () => {
  const imageUser = Number(
    instructions(parseDockerfile(readRepoFile('Dockerfile')).at(-1)!, 'USER')
      .at(-1)!
      .split(':')[0],
  );

  it.each(eachDeployment)('%s runs non-root on a read-only root filesystem', (_, d) => {
    const pod = podSpec(d);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBe(imageUser);
    expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
    expect(pod.automountServiceAccountToken).toBe(false);
    const security = container(d).securityContext;
    expect(security.readOnlyRootFilesystem).toBe(true);
    expect(security.allowPrivilegeEscalation).toBe(false);
    expect(security.capabilities.drop).toEqual(['ALL']);
    // tsx's cache and any other temporary file go to a writable emptyDir.
    const tmp = container(d).volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
    const volume = pod.volumes.find((v: { name: string }) => v.name === tmp?.name);
    expect(volume?.emptyDir).toBeDefined();
    for (const kind of ['requests', 'limits']) {
      expect(container(d).resources[kind]).toMatchObject({
        cpu: expect.anything(),
        memory: expect.anything(),
      });
    }
  });

  it.each(eachDeployment)('%s probes liveness, readiness and start-up', (_, d) => {
    const c = container(d);
    const httpPort = c.ports.find((p: { name: string }) => p.name === 'http');
    expect(httpPort.containerPort).toBe(3001);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(c.startupProbe.httpGet.path).toMatch(/^\/health\/(live|ready)$/);
    // Migrations on an empty database run before the listener opens: give them minutes.
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBeGreaterThanOrEqual(120);
  });

  it.each(eachDeployment)(
    '%s gives the process longer than its preStop pause plus its own shutdown bound',
    (_, d) => {
      const preStop = container(d).lifecycle?.preStop;
      const pause = Number(
        preStop?.sleep?.seconds ?? (preStop?.exec?.command?.[0] === 'sleep' ? preStop.exec.command[1] : 0),
      );
      const bound = processExitBoundSeconds((name) => envValue(d, name) ?? configMap.body.data[name]);
      expect(podSpec(d).terminationGracePeriodSeconds).toBeGreaterThan(pause + bound);
    },
  );

  it('pauses before SIGTERM on the server pods, so the endpoints drop them first', () => {
    expect(container(server).lifecycle.preStop).toBeDefined();
  });

  it('runs 3 server replicas with the workers in-process, and a worker-only Deployment to split them', () => {
    expect(server.body.spec.replicas).toBe(3);
    expect(envValue(server, 'APP_ROLE')).toBe('all');
    expect(envValue(worker, 'APP_ROLE')).toBe('worker');
    // The component that adds the workers turns the server pods into API-only ones.
    const component = kustomizations.find((k) => k.kind === 'Component')!;
    expect(component.body.resources.map((r: string) => path.join(path.dirname(component.file), r))).toContain(
      worker.file,
    );
    const patch = patches.find(
      (m) => m.file === path.join(path.dirname(component.file), component.body.patches[0].path),
    );
    expect(patch?.body.metadata.name).toBe(server.body.metadata.name);
    expect(patch?.body.spec.template.spec.containers).toEqual([
      { name: container(server).name, env: [{ name: 'APP_ROLE', value: 'api' }] },
    ]);
  });
});

describe('deploy/k8s routing and scaling', () => {
  const serverLabels = server.body.spec.template.metadata.labels;
  const workerLabels = worker.body.spec.template.metadata.labels;

  it('each Deployment selects its own pods only', () => {
    expect(selects(server.body.spec.selector.matchLabels, serverLabels)).toBe(true);
    expect(selects(server.body.spec.selector.matchLabels, workerLabels)).toBe(false);
    expect(selects(worker.body.spec.selector.matchLabels, serverLabels)).toBe(false);
  });

  it('routes the Service to the server pods, not the workers', () => {
    const service = only('Service');
    expect(selects(service.body.spec.selector, serverLabels)).toBe(true);
    expect(selects(service.body.spec.selector, workerLabels)).toBe(false);
    expect(service.body.spec.ports[0].targetPort).toBe('http');
  });

  it('sends the Ingress to the Service, with WebSocket timeouts and affinity for polling', () => {
    const ingress = only('Ingress', 'white-cross');
    const service = only('Service');
    const backend = ingress.body.spec.rules[0].http.paths[0].backend.service;
    expect(backend.name).toBe(service.body.metadata.name);
    expect(service.body.spec.ports.map((p: { name: string }) => p.name)).toContain(backend.port.name);
    const annotations = ingress.body.metadata.annotations;
    for (const key of ['proxy-read-timeout', 'proxy-send-timeout']) {
      expect(Number(annotations[`nginx.ingress.kubernetes.io/${key}`])).toBeGreaterThanOrEqual(60);
    }
    // Long-polling requests of one Socket.io session must reach one replica; only a client
    // restricted to the websocket transport could do without affinity.
    const client = readRepoFile('frontend', 'src', 'services', 'websocket', 'WebSocketService.ts');
    if (!/transports:\s*\[\s*'websocket'\s*\]/.test(client)) {
      expect(annotations['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
    }
  });

  it('refuses /metrics at the edge: only in-cluster scrapers may read it', () => {
    const host = only('Ingress', 'white-cross').body.spec.rules[0].host;
    const guard = objects.find(
      (m) =>
        m.kind === 'Ingress' &&
        m.body.spec.rules.some(
          (rule: { host: string; http: { paths: { path: string; pathType: string }[] } }) =>
            rule.host === host &&
            rule.http.paths.some((p) => p.path === '/metrics' && p.pathType === 'Exact'),
        ),
    );
    const denied = guard?.body.metadata.annotations['nginx.ingress.kubernetes.io/denylist-source-range'];
    expect(denied?.split(',')).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('scales the server Deployment on CPU and keeps a disruption budget over its pods', () => {
    const hpa = only('HorizontalPodAutoscaler');
    expect(hpa.body.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: server.body.metadata.name,
    });
    expect(hpa.body.spec.minReplicas).toBe(server.body.spec.replicas);
    expect(hpa.body.spec.metrics[0].resource.name).toBe('cpu');
    const pdb = only('PodDisruptionBudget');
    expect(pdb.body.spec.selector.matchLabels).toEqual(server.body.spec.selector.matchLabels);
    expect(pdb.body.spec.maxUnavailable ?? server.body.spec.replicas - pdb.body.spec.minAvailable).toBe(1);
  });
});
