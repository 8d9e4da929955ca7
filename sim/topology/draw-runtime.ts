import type { Rng } from '../core/rng.ts';
import type { Lang, Role } from '../model/topology-model.ts';

export type Runtime = {
  readonly framework: string;
  readonly codeBase: string;
  readonly port: number;
  readonly replicas: number;
  readonly clockSkewMs: number;
  readonly setsStatus: boolean;
  readonly setsPeerService: boolean;
  readonly circuitBreaker: boolean;
  readonly headroom: number;
  readonly overloadMode: 'shed' | 'queue' | 'reject';
  readonly legacyDbAttrs: boolean;
};

const FRAMEWORKS: Readonly<Record<Lang, readonly string[]>> = {
  java: ['spring-boot', 'spring-boot', 'quarkus', 'micronaut'],
  go: ['net/http', 'gin', 'echo', 'chi'],
  node: ['express', 'fastify', 'nestjs'],
  python: ['flask', 'fastapi', 'django'],
  dotnet: ['aspnetcore'],
};

const PORTS: Readonly<Record<Lang, readonly number[]>> = {
  java: [8080, 8080, 8081, 9090],
  go: [8080, 8000, 50051, 9000],
  node: [3000, 8080, 4000],
  python: [8000, 5000, 8080],
  dotnet: [8080, 5000, 80],
};

function pascal(name: string): string {
  return name
    .split(/[-_.]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function codeBase(lang: Lang, org: string, name: string): string {
  const flat = name.replace(/[-_.]/g, '');
  switch (lang) {
    case 'java':
      return `com.${org}.${flat}`;
    case 'go':
      return `github.com/${org}/${name}`;
    case 'node':
      return '/app/src';
    case 'python':
      return name.replace(/[-.]/g, '_');
    case 'dotnet':
      return `${pascal(org)}.${pascal(name)}`;
  }
}

/** Draws the runtime traits of one service: framework, pods, clock skew, instrumentation habits, capacity. */
export function drawRuntime(rng: Rng, lang: Lang, role: Role, org: string, name: string): Runtime {
  const skewBand = rng.weighted([
    ['tight', 6],
    ['loose', 3],
    ['bad', 1],
  ] as const);
  const skewAbs =
    skewBand === 'tight' ? rng.float(0, 60) : skewBand === 'loose' ? rng.float(60, 600) : rng.float(1000, 2000);
  const replicas =
    role === 'edge' ? rng.int(3, 8) : role === 'api' ? rng.int(2, 6) : role === 'worker' ? rng.int(1, 4) : 1;
  return {
    framework: rng.pick(FRAMEWORKS[lang]),
    codeBase: codeBase(lang, org, name),
    port: rng.pick(PORTS[lang]),
    replicas,
    clockSkewMs: Math.round(skewAbs * (rng.chance(0.5) ? -1 : 1)),
    setsStatus: rng.chance(0.9),
    setsPeerService: rng.chance(0.35),
    circuitBreaker: rng.chance(lang === 'java' ? 0.45 : lang === 'go' ? 0.3 : 0.15),
    headroom: rng.float(2, 4.5),
    overloadMode:
      role === 'edge'
        ? rng.pick(['shed', 'queue'] as const)
        : lang === 'java'
          ? rng.pick(['reject', 'queue'] as const)
          : lang === 'python'
            ? rng.pick(['reject', 'queue'] as const)
            : 'queue',
    legacyDbAttrs: rng.chance(0.3),
  };
}
