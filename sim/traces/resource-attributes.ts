import { hashString } from '../core/hash-string.ts';
import type { Service, Topology } from '../model/topology-model.ts';

const SDK: Readonly<
  Record<string, { lang: string; version: string; runtime: [string, string]; distro?: [string, string] }>
> = {
  java: {
    lang: 'java',
    version: '1.45.0',
    runtime: ['OpenJDK Runtime Environment', '21.0.5+11-LTS'],
    distro: ['opentelemetry-java-instrumentation', '2.10.0'],
  },
  go: { lang: 'go', version: '1.33.0', runtime: ['go', 'go1.23.4'] },
  node: { lang: 'nodejs', version: '1.30.0', runtime: ['nodejs', '22.11.0'] },
  python: { lang: 'python', version: '1.29.0', runtime: ['cpython', '3.12.7'] },
  dotnet: { lang: 'dotnet', version: '1.10.0', runtime: ['.NET', '8.0.11'] },
};

/** Resource attributes of one process, as its SDK plus the collector's k8sattributes processor would set them. */
export function resourceAttributes(
  svc: Service,
  topology: Topology,
  pod: { pod: string; node: string; version: string },
  instanceId: string,
): Record<string, string | number> {
  const h = hashString(svc.name);
  const sdk = SDK[svc.lang] ?? SDK.go!;
  const a: Record<string, string | number> = { 'service.name': svc.name, 'service.version': pod.version };
  if (h % 5 === 0) a['service.namespace'] = svc.namespace;
  a['service.instance.id'] = instanceId;
  a[h % 3 === 0 ? 'deployment.environment.name' : 'deployment.environment'] = topology.env;
  if (svc.framework === 'nginx' || svc.framework === 'envoy')
    return { ...a, 'k8s.pod.name': pod.pod, 'k8s.namespace.name': svc.namespace };
  a['telemetry.sdk.language'] = sdk.lang;
  a['telemetry.sdk.name'] = 'opentelemetry';
  a['telemetry.sdk.version'] = sdk.version;
  if (sdk.distro && h % 3 !== 0) {
    a['telemetry.distro.name'] = sdk.distro[0];
    a['telemetry.distro.version'] = sdk.distro[1];
  }
  if (h % 5 < 2) {
    a['process.runtime.name'] = sdk.runtime[0];
    a['process.runtime.version'] = sdk.runtime[1];
  }
  a['host.name'] = h % 2 === 0 ? pod.pod : pod.node;
  if (h % 7 < 2) {
    a['host.arch'] = 'amd64';
    a['os.type'] = 'linux';
  }
  a['k8s.pod.name'] = pod.pod;
  a['k8s.namespace.name'] = svc.namespace;
  if (h % 4 !== 3) a['k8s.node.name'] = pod.node;
  if (h % 3 !== 1) a['k8s.deployment.name'] = svc.name;
  a['k8s.cluster.name'] = topology.cluster;
  if (h % 4 === 0)
    a['container.id'] =
      `${hashString(pod.pod).toString(16).padStart(8, '0')}${hashString(instanceId).toString(16).padStart(8, '0')}`.repeat(
        4,
      );
  return a;
}
