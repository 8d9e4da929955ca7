import type { Rng } from '../core/rng.ts';
import type { Dependency, Lang, Service, Topology } from '../model/topology-model.ts';
import { buildDependency } from './build-dependency.ts';
import { buildOperations } from './build-operations.ts';
import { computeDepths } from './compute-depths.ts';
import { drawLogProfile } from './draw-log-profile.ts';
import { drawRuntime } from './draw-runtime.ts';
import { drawVersion, type VersionStyle } from './draw-version.ts';
import type { FamilySpec } from './family-spec.ts';
import { parseCall } from './parse-call.ts';
import { selectFamilyParts } from './select-family-parts.ts';
import { createServiceNamer } from './service-namer.ts';

const LANGS: readonly Lang[] = ['java', 'go', 'node', 'python', 'dotnet'];

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function telemetry(rng: Rng, edge: boolean): { traced: boolean; logged: boolean } {
  if (edge) return { traced: rng.chance(0.92), logged: true };
  const mode = rng.weighted([
    ['both', 70],
    ['logs', 15],
    ['traces', 15],
  ] as const);
  return { traced: mode !== 'logs', logged: mode !== 'traces' };
}

/** Draws one concrete topology from a family blueprint: which parts, names, languages, telemetry, dependencies. */
export function buildTopology(spec: FamilySpec, rng: Rng): Topology {
  const org = rng.pick(spec.orgs);
  const namespace = rng.pick(spec.namespaces);
  const env = rng.pick(['prod', 'production', 'prd', 'live', 'prod-eu', 'prod-us']);
  const cluster = `${rng.pick(['prod', 'k8s-prod', 'gke-prod', 'eks-prod', 'aks-prod', 'main'])}-${rng.pick(['eu-west-1', 'us-east-1', 'europe-west4', 'eastus2', 'ap-southeast-1', '01', 'blue'])}`;
  const keys = selectFamilyParts(spec, rng);
  const namer = createServiceNamer(rng, org);
  const names = new Map<string, string>();
  for (const k of keys) {
    const s = spec.services[k];
    if (s) names.set(k, namer(rng.pick(s.names), s.role, s.fixed === true));
  }
  const opKeys = new Map<string, Set<string>>();
  for (const k of keys) opKeys.set(k, new Set(Object.keys(spec.services[k]?.ops ?? {})));
  const usedDeps = new Set<string>();
  for (const k of keys) {
    const s = spec.services[k];
    const all = [...Object.values(s?.ops ?? {}), ...Object.values(s?.consumes ?? {}), ...(s?.job?.calls ?? [])].flat();
    for (const c of all)
      if (!c.startsWith('=')) {
        const p = parseCall(c);
        if (p.type !== 'service') usedDeps.add(p.target);
      }
  }
  const deps = new Map<string, Dependency>();
  const taken = new Set(names.values());
  for (const [k, d] of Object.entries(spec.deps)) {
    if (!usedDeps.has(k)) continue;
    let dep = buildDependency(k, d, namespace, rng);
    if (taken.has(dep.name)) dep = { ...dep, peerService: undefined, name: dep.address };
    const base = dep.name;
    for (let i = 2; taken.has(dep.name); i++) dep = { ...dep, peerService: `${base}-${i}`, name: `${base}-${i}` };
    taken.add(dep.name);
    deps.set(k, dep);
  }
  const rpcStyle = rng.pick(['flat', 'versioned', 'demo'] as const);
  const demoPkg = rng.pick(['oteldemo', 'hipstershop', org]);
  const versionStyle = rng.weighted<VersionStyle>([
    ['semver', 6],
    ['date', 1],
    ['sha', 2],
    ['build', 1],
  ]);
  const services: Service[] = [];
  for (const k of keys) {
    const s = spec.services[k];
    const name = names.get(k);
    if (!s || !name) continue;
    const lang = s.proxy ? 'go' : rng.pick(s.langs ?? LANGS);
    const rt = drawRuntime(rng, lang, s.role, org, name);
    const tel = telemetry(rng, s.role === 'edge');
    const rpcService =
      rpcStyle === 'flat'
        ? `${org}.${pascal(k)}Service`
        : rpcStyle === 'versioned'
          ? `${org}.${k.replace(/-/g, '')}.v1.${pascal(k)}Service`
          : `${demoPkg}.${pascal(k)}Service`;
    const ops = buildOperations(
      { rng, names, opKeys, deps, rpcService, legacyDb: rt.legacyDbAttrs, lang, role: s.role, serviceName: name },
      s,
    );
    services.push({
      key: k,
      name,
      role: s.role,
      lang,
      framework: s.proxy ? (name.includes('envoy') ? 'envoy' : 'nginx') : rt.framework,
      protocol: s.protocol ?? 'http',
      port: rt.port,
      ops,
      traced: tel.traced,
      logged: tel.logged,
      replicas: rt.replicas,
      version: drawVersion(rng, versionStyle).current,
      namespace,
      depth: 1,
      clockSkewMs: rt.clockSkewMs,
      codeBase: rt.codeBase,
      log: drawLogProfile(rng, lang, s.role, tel.traced, s.proxy === true),
      setsStatus: rt.setsStatus,
      setsPeerService: rt.setsPeerService,
      circuitBreaker: rt.circuitBreaker,
      headroom: rt.headroom,
      overloadMode: rt.overloadMode,
      legacyDbAttrs: rt.legacyDbAttrs,
      consumes: Object.keys(s.consumes ?? {}),
      jobEveryMin: s.job ? s.job.everyMin * rng.pick([0.5, 1, 1, 1.5]) : undefined,
    });
  }
  const edgeServices = services.filter((s) => s.role === 'edge');
  const shareTotal = edgeServices.reduce((a, s) => a + (spec.services[s.key]?.share ?? 1), 0);
  const entries = edgeServices.map((s) => ({
    service: s.name,
    share: (spec.services[s.key]?.share ?? 1) / shareTotal,
  }));
  const { depth, longest } = computeDepths(
    services,
    entries.map((e) => e.service),
  );
  return {
    family: spec.family,
    title: rng.pick(spec.titles),
    org,
    env,
    cluster,
    services: services.map((s) => ({ ...s, depth: depth.get(s.name) ?? 1 })),
    deps: [...deps.values()],
    entries,
    maxDepth: longest,
  };
}
