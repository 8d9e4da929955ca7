import {
  CLIENT_FAULT_WORDS,
  LIFECYCLE_WORDS,
  PROPAGATION_WORDS,
  RESOURCE_WORDS,
  TIMEOUT_WORDS,
} from '../../logs/fault-words.ts';
import type { LogPatternStats } from '../../telemetry/log-pattern-stats.ts';
import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { countExcess } from '../count-excess.ts';
import { coveredMs } from '../covered-ms.ts';
import { discoverHosts } from '../discover-hosts.ts';
import { distinctiveTokens } from '../distinctive-tokens.ts';
import { failingCallee } from '../failing-callee.ts';
import { levelWeight } from '../level-weight.ts';
import { createNameMatcher } from '../name-matcher.ts';
import { saysUnreachable } from '../says-unreachable.ts';
import { slowCallee } from '../slow-callee.ts';

/** A log template that is new or surging in the incident window. */
export type NovelPattern = {
  readonly pattern: LogPatternStats;
  readonly expected: number;
  readonly excess: number;
  readonly isNew: boolean;
  /** Excess × level weight × (a discount when it names another service or says it passes a failure on). */
  readonly weight: number;
  /** What the discount took away (credited to the services named). */
  readonly discounted: number;
  /** Known services it names, or whose own new error text it repeats. */
  readonly mentions: readonly string[];
  /** Of the mentions, those whose new error text it repeats (not named). */
  readonly echoes: readonly string[];
  /** It says something could not be reached (connection refused, DNS ...). */
  readonly connection: boolean;
  /** Not an error, and it says the process started or stopped (what any deploy or restart logs). */
  readonly lifecycle: boolean;
};

export type ServiceLogSignals = {
  readonly novel: readonly NovelPattern[];
  /** Share of the service's novel error volume that names another service or passes a failure on. */
  readonly mentionShare: number;
  /** Share of its novel pattern weight that is lifecycle lines (starting, stopping, draining …). */
  readonly lifecycleShare: number;
  readonly resourceWeight: number;
  readonly connectionWeight: number;
};

const DISCOUNT = 0.3;

type Draft = {
  pattern: LogPatternStats;
  expected: number;
  excess: number;
  isNew: boolean;
  mentions: string[];
  echoes: string[];
  tokens: Set<string>;
  errorish: boolean;
};

/**
 * Per service: the new and surging log templates, the services they name or echo (a caller's
 * error line that repeats a callee's own new error text got it from that callee), lines that
 * say they pass a failure on (circuit breaker open, upstream error), and fault words in them.
 */
export function logSignals(f: TriageFeatures): Map<string, ServiceLogSignals> {
  const bMs = coveredMs(f.windows, 'baseline', 'logs');
  const iMs = coveredMs(f.windows, 'incident', 'logs');
  // Known names: services and dependencies seen in telemetry or changes, and hosts that new
  // error lines talk to (a dependency that emits nothing can only be named by its callers).
  const known = new Set<string>([...f.services.keys(), ...f.changes.map((c) => c.service)]);
  const rolledOut = new Set(
    f.changes
      .filter((c) => c.startedAt <= f.windows.incident.to && (c.finishedAt ?? c.startedAt) >= f.windows.baseline.from)
      .map((c) => c.service),
  );
  for (const p of f.patterns) {
    if (levelWeight(p.level) < 0.6 || (p.baseline > 0 && p.incident < 3 * p.baseline)) continue;
    for (const host of discoverHosts(p.example)) {
      const label = host.split('.')[0] as string;
      if (!known.has(label)) known.add(host);
    }
  }
  const matcher = createNameMatcher(known);
  const drafts: Draft[] = [];
  for (const p of f.patterns) {
    const e = countExcess(p.baseline, bMs, p.incident, iMs);
    const isNew = p.baseline === 0 && p.incident >= 3;
    const surging = e.ratio >= 4 && e.z >= 3 && p.incident >= 5;
    if (!isNew && !surging) continue;
    drafts.push({
      pattern: p,
      expected: e.expected,
      excess: e.excess,
      isNew,
      mentions: matcher.mentions(p.example, p.service),
      echoes: [],
      tokens: distinctiveTokens(p.template),
      errorish: levelWeight(p.level) >= 0.6,
    });
  }
  addEchoes(drafts);
  // A line that says a connection failed without naming the target ("connect ECONNREFUSED
  // 10.0.4.7:6379") is about the callee whose calls from this service fail, when traces show one;
  // a line that says a call timed out ("Query read timeout"), about the callee that became slow.
  for (const d of drafts) {
    if (!d.errorish || d.mentions.length > 0) continue;
    const text = `${d.pattern.template} ${d.pattern.example}`;
    const callee = saysUnreachable(text)
      ? failingCallee(f, d.pattern.service)
      : TIMEOUT_WORDS.test(text)
        ? slowCallee(f, d.pattern.service)
        : undefined;
    if (callee) d.mentions.push(callee);
  }
  // Services that log new errors of their own: a line naming one of them relays its failure.
  const complaining = new Set(drafts.filter((d) => d.errorish).map((d) => d.pattern.service));

  // First pass: which lines are about another service (name it, repeat it, or say they pass a
  // failure on), and how much of each service's new error volume that is (its relay share).
  const flags = drafts.map((d) => {
    const p = d.pattern;
    const text = `${p.template} ${p.example} ${p.errorType ?? ''}`;
    const passesOn = d.errorish && PROPAGATION_WORDS.test(text);
    // A line saying the service itself was turned away (credentials, permissions) is its own
    // problem even when it names the dependency that refused it.
    const relays = d.echoes.length > 0 || d.mentions.some((m) => complaining.has(m));
    const turnedAway = d.errorish && !relays && CLIENT_FAULT_WORDS.test(text);
    return {
      elsewhere: !turnedAway && (d.mentions.length > 0 || passesOn),
      connection: d.errorish && saysUnreachable(text),
    };
  });
  const relayed = new Map<string, { about: number; all: number }>();
  drafts.forEach((d, i) => {
    if (!d.errorish) return;
    const r = relayed.get(d.pattern.service) ?? { about: 0, all: 0 };
    r.all += d.excess;
    if (flags[i]?.elsewhere) r.about += d.excess;
    relayed.set(d.pattern.service, r);
  });

  const byService = new Map<string, NovelPattern[]>();
  drafts.forEach((d, i) => {
    const p = d.pattern;
    const { elsewhere, connection } = flags[i] as { elsewhere: boolean; connection: boolean };
    const full = d.excess * levelWeight(p.level);
    // The other error lines of a service that mostly relays failures (by its own words, or by
    // its failing traces starting elsewhere) are mostly relays too.
    const r = relayed.get(p.service);
    const relayShare = r && r.all > 0 ? r.about / r.all : 0;
    const own = d.errorish ? Math.min(ownShare(f, p.service), 1 - relayShare) : 1;
    // Start-up and shutdown lines of a service that was rolled out in the window are the rollout's.
    const lifecycle = !d.errorish && LIFECYCLE_WORDS.test(p.template);
    const explained = lifecycle && rolledOut.has(p.service);
    const weight = full * (elsewhere ? DISCOUNT : own) * (explained ? DISCOUNT / 3 : 1);
    const list = byService.get(p.service) ?? [];
    list.push({
      pattern: p,
      expected: d.expected,
      excess: d.excess,
      isNew: d.isNew,
      weight,
      discounted: elsewhere && d.mentions.length > 0 ? full - weight : 0,
      mentions: d.mentions,
      echoes: d.echoes,
      connection,
      lifecycle,
    });
    byService.set(p.service, list);
  });
  const out = new Map<string, ServiceLogSignals>();
  for (const [service, novel] of byService) {
    novel.sort((a, b) => b.weight - a.weight || a.pattern.templateId - b.pattern.templateId);
    let errVol = 0;
    let elsewhere = 0;
    let resource = 0;
    let connection = 0;
    for (const n of novel) {
      const lw = levelWeight(n.pattern.level);
      if (lw < 0.6) continue;
      const text = `${n.pattern.template} ${n.pattern.errorType ?? ''}`;
      errVol += n.excess;
      if (n.weight < n.excess * lw) elsewhere += n.excess;
      if (RESOURCE_WORDS.test(text)) resource += n.excess * lw;
      if (n.connection) connection += n.excess * lw;
    }
    const total = novel.reduce((t, n) => t + n.weight, 0);
    const lifecycle = novel.reduce((t, n) => t + (n.lifecycle ? n.weight : 0), 0);
    out.set(service, {
      novel,
      mentionShare: errVol > 0 ? elsewhere / errVol : 0,
      lifecycleShare: total > 0 ? lifecycle / total : 0,
      resourceWeight: resource,
      connectionWeight: connection,
    });
  }
  return out;
}

/** The share of a service's trace-joined incident error logs whose failure started in the service itself (1 when unknown). */
function ownShare(f: TriageFeatures, service: string): number {
  const s = f.services.get(service);
  if (!s || s.incident.attributedErrorLogs < 5) return 1;
  return 1 - s.incident.propagatedErrorLogs / s.incident.attributedErrorLogs;
}

/**
 * A new error line of A that contains the distinctive words of a new error line of B echoes B
 * (when each contains the other, the one that says it passes a failure on is the echo).
 */
function addEchoes(drafts: readonly Draft[]): void {
  const errors = drafts.filter((d) => d.errorish && d.tokens.size >= 3);
  for (const a of errors) {
    for (const b of errors) {
      if (a.pattern.service === b.pattern.service || a.mentions.includes(b.pattern.service)) continue;
      if (!covers(a.tokens, b.tokens)) continue;
      // Mutual: the same error text in both. The one that says it passes a failure on is the echo.
      if (
        covers(b.tokens, a.tokens) &&
        !(PROPAGATION_WORDS.test(a.pattern.template) && !PROPAGATION_WORDS.test(b.pattern.template))
      ) {
        continue;
      }
      a.mentions.push(b.pattern.service);
      a.echoes.push(b.pattern.service);
    }
  }
}

/** Whether at least 80% of `inner`'s tokens are in `outer`. */
function covers(outer: ReadonlySet<string>, inner: ReadonlySet<string>): boolean {
  let hit = 0;
  for (const t of inner) if (outer.has(t)) hit++;
  return hit >= 0.8 * inner.size;
}
