import type { Rng } from '../core/rng.ts';
import type { DepKind, Role } from '../model/topology-model.ts';
import type { FamilyDepSpec, FamilyServiceSpec, FamilySpec } from './family-spec.ts';
import { randomDependency } from './random-dependency.ts';
import { EDGE_NAMES, SERVICE_NOUNS } from './service-nouns.ts';

type Draft = {
  key: string;
  role: Role;
  level: number;
  grpc: boolean;
  ops: Map<string, string[]>;
  consumes?: Record<string, string[]>;
  job?: FamilyServiceSpec['job'];
};

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function opKeys(rng: Rng, noun: string, grpc: boolean): string[] {
  const plural = noun.endsWith('s') ? noun : `${noun}s`;
  const all = grpc
    ? [
        `Get${pascal(noun)}`,
        `List${pascal(plural)}`,
        `Create${pascal(noun)}`,
        `Update${pascal(noun)}`,
        `Check${pascal(noun)}`,
      ]
    : [
        `GET /v1/${plural}/{id}`,
        `GET /v1/${plural}`,
        `POST /v1/${plural}`,
        `PUT /v1/${plural}/{id}`,
        `GET /internal/${noun}`,
      ];
  return rng.shuffle(all).slice(0, rng.int(1, 3));
}

function modifiers(rng: Rng): string {
  const parts: string[] = [];
  if (rng.chance(0.3)) parts.push(`?${rng.pick([0.3, 0.5, 0.7, 0.9])}`);
  if (rng.chance(0.15)) parts.push(`x1-${rng.int(2, 4)}`);
  if (rng.chance(0.25)) parts.push('~');
  return parts.join(' ');
}

/**
 * Generates a random system blueprint: 6–25 services on 2–5 levels (entry first), fan-out,
 * shared and private dependencies, queue workers and sometimes a batch job, named from
 * large pools.
 */
export function randomFamily(rng: Rng): FamilySpec {
  const domains = Object.keys(SERVICE_NOUNS);
  const picked = rng.shuffle(domains).slice(0, rng.int(1, 3));
  const pool = rng.shuffle([...new Set(picked.flatMap((d) => SERVICE_NOUNS[d] ?? []))]);
  const n = rng.int(6, 25);
  const levels = rng.int(2, 5);
  const nEdges = n >= 10 && rng.chance(0.35) ? 2 : 1;
  const nWorkers = n >= 8 ? rng.int(0, 2) : 0;
  const nBatch = n >= 7 && rng.chance(0.5) ? 1 : 0;
  const grpcShare = rng.pick([0, 0.2, 0.5, 0.8]);
  const drafts: Draft[] = [];
  const edgeNames = rng.shuffle(EDGE_NAMES);
  for (let i = 0; i < nEdges; i++)
    drafts.push({ key: edgeNames[i] ?? `edge-${i}`, role: 'edge', level: 0, grpc: false, ops: new Map() });
  const inner = Math.max(levels - 1, n - nEdges - nWorkers - nBatch);
  let nounIdx = 0;
  const noun = (): string => pool[nounIdx++] ?? `svc-${nounIdx}`;
  for (let i = 0; i < inner; i++) {
    const level = i < levels - 1 ? i + 1 : rng.int(1, levels - 1);
    const key = noun();
    const grpc = rng.chance(grpcShare);
    const ops = new Map(opKeys(rng, key, grpc).map((k) => [k, [] as string[]]));
    drafts.push({ key, role: 'api', level, grpc, ops });
  }
  for (const e of drafts.filter((d) => d.role === 'edge')) {
    const plural = [
      'items',
      'home',
      'search',
      'account',
      'orders',
      'dashboard',
      'status',
      'profile',
      'checkout',
      'list',
    ];
    for (const r of rng.shuffle(plural).slice(0, rng.int(3, 6))) {
      const method = rng.chance(0.75) ? 'GET' : 'POST';
      e.ops.set(`${method} /api/${r}${rng.chance(0.3) ? '/{id}' : ''}`, [
        `=w${rng.int(3, 40)}${method === 'POST' ? ' write' : ''}`,
      ]);
    }
  }
  const byLevel = (l: number) => drafts.filter((d) => d.level === l && d.role !== 'worker');
  const callTo = (child: Draft): string => `${child.key} ${rng.pick([...child.ops.keys()])} ${modifiers(rng)}`.trim();
  for (const child of drafts.filter((d) => d.level >= 1)) {
    const parents = rng.shuffle(byLevel(child.level - 1)).slice(0, rng.int(1, 2));
    if (child.level >= 2 && rng.chance(0.3))
      parents.push(rng.pick(drafts.filter((d) => d.level < child.level - 1 || d.level === 0)));
    for (const p of new Set(parents)) {
      const pOps = rng
        .shuffle([...p.ops.keys()])
        .slice(0, p.role === 'edge' ? rng.int(1, Math.max(1, p.ops.size - 1)) : rng.int(1, p.ops.size));
      for (const k of pOps) p.ops.get(k)?.push(callTo(child));
    }
  }
  // dependencies
  const deps: Record<string, FamilyDepSpec> = {};
  const depOps = new Map<string, string[]>();
  const kinds: readonly (readonly [DepKind, number])[] = [
    ['sql', 35],
    ['cache', 25],
    ['nosql', 6],
    ['search', 6],
    ['external', 15],
    ['storage', 5],
  ];
  const newDep = (kind: DepKind, owner: string): string => {
    const { spec, ops } = randomDependency(rng, kind, owner);
    const key = `${owner}-${kind}-${Object.keys(deps).length}`;
    deps[key] = spec;
    depOps.set(key, ops);
    return key;
  };
  for (const d of drafts.filter((x) => x.role === 'api')) {
    const isLeaf = ![...d.ops.values()].some((calls) => calls.some((c) => !c.startsWith('=')));
    const count = isLeaf ? rng.int(1, 2) : rng.int(0, 1);
    for (let i = 0; i < count; i++) {
      const shared = Object.keys(deps).filter((k) => deps[k]?.kind === 'sql' || deps[k]?.kind === 'cache');
      const kind = rng.weighted(kinds);
      const key =
        shared.length > 0 && rng.chance(0.3)
          ? rng.pick(shared)
          : newDep(isLeaf || kind !== 'external' ? kind : 'sql', d.key);
      const ops = depOps.get(key) ?? ['GET'];
      for (const k of d.ops.keys())
        if (rng.chance(0.8) || i === 0)
          d.ops.get(k)?.push(`@${key} ${rng.pick(ops)} ${rng.chance(0.2) ? `x1-${rng.int(2, 5)}` : ''}`.trim());
    }
  }
  // queue workers
  if (nWorkers > 0) {
    const q = newDep('queue', 'events');
    const producers = rng.shuffle(drafts.filter((d) => d.role === 'api')).slice(0, rng.int(1, 2));
    const topics = producers.map((p) => `${p.key}-events`);
    producers.forEach((p, i) => {
      const k = rng.pick([...p.ops.keys()]);
      p.ops.get(k)?.push(`>${q} ${topics[i]}${rng.chance(0.5) ? ' ~' : ''}`);
    });
    for (let i = 0; i < nWorkers; i++) {
      const key = `${noun()}`;
      const target = newDep(rng.weighted(kinds), key);
      const calls = [`@${target} ${rng.pick(depOps.get(target) ?? ['GET'])}`];
      drafts.push({
        key,
        role: 'worker',
        level: levels,
        grpc: false,
        ops: new Map(),
        consumes: Object.fromEntries(topics.map((t) => [t, calls])),
      });
    }
  }
  if (nBatch > 0) {
    const sql = Object.keys(deps).find((k) => deps[k]?.kind === 'sql') ?? newDep('sql', 'reporting');
    const key = `${noun()}-${rng.pick(['job', 'cron', 'batch', 'export'])}`;
    const table = (depOps.get(sql) ?? ['SELECT items'])[0] ?? 'SELECT items';
    drafts.push({
      key,
      role: 'batch',
      level: levels,
      grpc: false,
      ops: new Map(),
      job: { name: `${pascal(key)}`, everyMin: rng.pick([5, 10, 15]), calls: [`@${sql} ${table} x15-40`] },
    });
  }
  const firstTier = drafts.filter((d) => d.level === 1);
  for (const e of drafts.filter((d) => d.role === 'edge'))
    for (const calls of e.ops.values())
      if (!calls.some((c) => !c.startsWith('=')) && firstTier.length > 0) calls.push(callTo(rng.pick(firstTier)));
  const services: Record<string, FamilyServiceSpec> = {};
  for (const d of drafts) {
    const ops: Record<string, string[]> = {};
    for (const [k, calls] of d.ops) ops[k] = calls.length > 0 ? calls : ['=ms2'];
    services[d.key] = {
      names: [d.key],
      fixed: d.role === 'edge',
      role: d.role,
      protocol: d.grpc ? 'grpc' : 'http',
      ...(d.role === 'edge' ? { share: rng.float(0.3, 1) } : {}),
      ...(d.ops.size > 0 ? { ops } : {}),
      ...(d.consumes ? { consumes: d.consumes } : {}),
      ...(d.job ? { job: d.job } : {}),
    };
  }
  return {
    family: 'random',
    titles: [`${picked.join(' + ')} system`],
    orgs: [
      'acme',
      'initech',
      'globex',
      'umbrella',
      'hooli',
      'vandelay',
      'wonka',
      'stark',
      'tyrell',
      'cyberdyne',
      'soylent',
      'massive-dynamic',
    ],
    namespaces: ['prod', 'default', 'apps', 'backend', 'services', picked[0] ?? 'core'],
    services,
    deps,
  };
}
