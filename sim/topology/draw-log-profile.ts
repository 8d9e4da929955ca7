import type { Rng } from '../core/rng.ts';
import type { Lang, LogProfile, LogStyleId, Role } from '../model/topology-model.ts';

const STYLES: Readonly<Record<Lang, readonly (readonly [LogStyleId, number])[]>> = {
  java: [
    ['logback-ecs', 3],
    ['log4j2-ecs', 2],
  ],
  go: [
    ['zap-ecs', 3],
    ['slog-json', 2],
  ],
  node: [
    ['pino-ecs', 3],
    ['winston-ecs', 2],
  ],
  python: [
    ['python-ecs', 3],
    ['structlog', 2],
  ],
  dotnet: [['serilog-ecs', 1]],
};

const NESTED_BY_DEFAULT: ReadonlySet<LogStyleId> = new Set(['pino-ecs', 'python-ecs', 'structlog', 'serilog-ecs']);

/** Draws how a service logs: library style, verbosity, correlation, layout and timestamp habits. */
export function drawLogProfile(rng: Rng, lang: Lang, role: Role, traced: boolean, proxy: boolean): LogProfile {
  const style: LogStyleId = proxy ? 'nginx-access' : rng.weighted(STYLES[lang]);
  const verbose = rng.weighted([
    ['quiet', 4],
    ['normal', 4],
    ['chatty', 2],
  ] as const);
  let accessRate = 0;
  if (proxy) accessRate = 1;
  else if (role === 'edge') accessRate = verbose === 'quiet' ? 0 : verbose === 'normal' ? rng.float(0.1, 0.5) : 1;
  else if (role === 'worker') accessRate = verbose === 'quiet' ? 0.05 : rng.float(0.2, 1);
  else accessRate = verbose === 'chatty' ? rng.float(0.3, 1) : verbose === 'normal' ? rng.float(0, 0.15) : 0;
  const corr = traced
    ? rng.weighted([
        [0, 2],
        [rng.float(0.2, 0.7), 3],
        [1, 5],
      ] as const)
    : 0;
  const digits: 0 | 3 | 6 | 9 =
    style === 'slog-json'
      ? 9
      : style === 'python-ecs' || style === 'structlog'
        ? rng.pick([3, 6] as const)
        : style === 'nginx-access'
          ? 3
          : 3;
  return {
    style,
    accessRate,
    errorLogRate: rng.float(0.55, 1),
    debug: verbose === 'chatty' && rng.chance(0.35),
    traceCorrelation: corr,
    nested: rng.chance(0.15) ? !NESTED_BY_DEFAULT.has(style) : NESTED_BY_DEFAULT.has(style),
    tzOffsetMin: rng.chance(0.1) ? rng.pick([60, 120, -300, -240, 330, 540, 0]) : 0,
    timeDigits: digits,
    chattiness:
      verbose === 'quiet' ? rng.float(0.1, 0.5) : verbose === 'normal' ? rng.float(0.5, 1.5) : rng.float(1.5, 4),
    hostIsPod: rng.chance(0.6),
    variant: rng.int(0, 1_000_000),
  };
}
