import type { TriageFeatures } from '../../telemetry/triage-features.ts';
import { failingCallee } from '../failing-callee.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import type { ServiceLogSignals } from './log-signals.ts';

/**
 * Logs: new error lines that say a named service or dependency cannot be reached ("getaddrinfo
 * ENOTFOUND app-db…", "connection refused (redis-cache:6379)") point at that target, more
 * strongly when several services say it. A line that names no target ("dial tcp 10.0.4.7:6379:
 * connection refused") points at the callee whose calls from that service fail most, when the
 * traces show one. A line that repeats another service's error text says nothing of its own.
 */
export function unreachableRule(
  f: TriageFeatures,
  options: RankOptions,
  signals: ReadonlyMap<string, ServiceLogSignals>,
): RuleFinding[] {
  const byTarget = new Map<string, { from: Set<string>; lines: number; example: string }>();
  for (const [service, sig] of signals) {
    for (const n of sig.novel) {
      if (!n.connection || n.echoes.length > 0) continue;
      // In a relayed message ("error from A: connection to B refused") the last name is the one that refused.
      const callee = failingCallee(f, service);
      const targets = n.mentions.length > 0 ? n.mentions.slice(-1) : callee ? [callee] : [];
      for (const t of targets) {
        const cur = byTarget.get(t) ?? { from: new Set<string>(), lines: 0, example: n.pattern.example };
        cur.from.add(service);
        cur.lines += n.pattern.incident;
        byTarget.set(t, cur);
      }
    }
  }
  const out: RuleFinding[] = [];
  for (const [target, { from, lines, example }] of [...byTarget].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (lines < 3) continue;
    const names = [...from].sort();
    const text = `${names.length} service${names.length > 1 ? 's' : ''} (${names.slice(0, 4).join(', ')}) log that they cannot reach it (${lines} new lines)`;
    out.push({
      rule: 'unreachable',
      service: target,
      points: options.points.unreachable * Math.min(1, names.length / 2),
      text,
      facts: { unreachableFrom: names.length },
      evidence: [
        {
          id: `logs:unreachable:${target}`,
          source: 'logs',
          kind: 'unreachable',
          service: target,
          summary: `${target}: ${text}`,
          stance: 'supports',
          data: { services: names.join(','), lines },
          examples: [example.length > 500 ? `${example.slice(0, 499)}…` : example],
        },
      ],
    });
  }
  return out;
}
