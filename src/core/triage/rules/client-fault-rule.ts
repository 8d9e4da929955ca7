import { CLIENT_FAULT_WORDS } from '../../logs/fault-words.ts';
import { formatNumber } from '../format-number.ts';
import type { RankOptions } from '../rank-options.ts';
import type { RuleFinding } from '../rule-finding.ts';
import type { NovelPattern, ServiceLogSignals } from './log-signals.ts';

/**
 * Logs: a service whose new error lines say *it* was turned away — bad credentials, permission
 * denied, an expired certificate — is the one to fix, not the dependency that refused it.
 * Lines that relay another service's own new errors are about that service and do not count.
 */
export function clientFaultRule(options: RankOptions, signals: ReadonlyMap<string, ServiceLogSignals>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const [service, sig] of [...signals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A line relaying the error of another service that logs new errors itself is about that service.
    const relays = (n: NovelPattern) =>
      n.echoes.length > 0 || n.mentions.some((m) => (signals.get(m)?.novel.length ?? 0) > 0);
    const hits = sig.novel.filter(
      (n) =>
        !relays(n) &&
        CLIENT_FAULT_WORDS.test(`${n.pattern.template} ${n.pattern.example} ${n.pattern.errorType ?? ''}`),
    );
    const lines = hits.reduce((s, n) => s + n.excess, 0);
    const top = hits[0];
    if (
      !top ||
      lines < 3 ||
      (top.pattern.level !== 'error' && top.pattern.level !== 'fatal' && top.pattern.level !== 'warn')
    )
      continue;
    const text = `its own requests are turned away: "${top.pattern.template.slice(0, 100)}" (${formatNumber(lines)} new lines)`;
    out.push({
      rule: 'client-fault',
      service,
      points: options.points.clientFault * (1 - Math.exp(-lines / 10)),
      text,
      facts: { clientFaultLines: lines },
      evidence: [
        {
          id: `logs:client-fault:${service}`,
          source: 'logs',
          kind: 'client-fault',
          service,
          summary: `${service}: ${text}`,
          stance: 'supports',
          data: { lines },
          examples: [top.pattern.example.slice(0, 500)],
        },
      ],
    });
  }
  return out;
}
