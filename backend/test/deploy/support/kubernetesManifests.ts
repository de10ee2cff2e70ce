/**
 * Reads every YAML file under deploy/k8s and checks each Kubernetes object against the API
 * schema kubernetes-models was generated from. Those validators ignore unknown fields, so a
 * misspelt field (`readinesProbe`) would pass silently: the validator runs over a proxy that
 * records which fields it looked at, and any field it never read is reported as unknown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

export interface Manifest {
  /** Relative to the deploy/k8s folder. */
  file: string;
  apiVersion: string;
  kind: string;
  // The tests walk the parsed YAML freely; the schema check above is what types it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

interface Validatable {
  prototype: { validate(): void };
}

const MODELS: Record<string, Validatable> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

export const isKustomize = (m: Manifest) => m.apiVersion.startsWith('kustomize.config.k8s.io/');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

export function loadManifests(dir: string): Manifest[] {
  return yamlFiles(dir).flatMap((full) => {
    const file = path.relative(dir, full);
    return parseAllDocuments(readFileSync(full, 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
      const body = document.toJS() as Record<string, unknown> | null;
      if (!body || typeof body.apiVersion !== 'string' || typeof body.kind !== 'string') {
        throw new Error(`${file}: a document without apiVersion and kind`);
      }
      return { file, apiVersion: body.apiVersion, kind: body.kind, body };
    });
  });
}

interface Tracked {
  path: string;
  fields: string[];
  read: Set<string>;
  /** The validator listed the keys itself: a map (labels, data, limits), any key allowed. */
  enumerated: boolean;
}

function track(value: unknown, at: string, seen: Tracked[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => track(item, `${at}[${i}]`, seen));
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, track(item, `${at}.${key}`, seen)]),
  );
  const entry: Tracked = { path: at, fields: Object.keys(copy), read: new Set(), enumerated: false };
  seen.push(entry);
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === 'string') entry.read.add(key);
      return Reflect.get(target, key, receiver);
    },
    ownKeys(target) {
      entry.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

/** Schema errors and unknown fields of one object; empty when it is valid. */
export function schemaProblems(manifest: Manifest): string[] {
  const model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!model) return [`${manifest.file}: no schema for ${manifest.apiVersion} ${manifest.kind}`];
  const seen: Tracked[] = [];
  try {
    model.prototype.validate.call(track(manifest.body, '', seen));
  } catch (error) {
    return [`${manifest.file}: ${(error as Error).message}`];
  }
  return seen
    .filter((entry) => !entry.enumerated)
    .flatMap((entry) =>
      entry.fields.filter((field) => !entry.read.has(field)).map((f) => `${entry.path}.${f}`),
    )
    .map((field) => `${manifest.file}: unknown field ${field}`);
}
