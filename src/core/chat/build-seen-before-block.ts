import type { SeenBeforeMatch } from '../seen-before/seen-before-match.ts';
import type { SectionBlock } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * "Seen before" in the incident message: the best past matches, how long ago, what they share,
 * what fixed them and whether people confirmed the cause — e.g. "INC-812, 3 weeks ago, same new
 * log template in checkout; fixed by rollback-last-deploy; 👍". (A confirmed cause among them also
 * weighs in the ranking, by applySeenBefore, with a reason of its own.)
 */
export function buildSeenBeforeBlock(matches: readonly SeenBeforeMatch[], now: number): SectionBlock | undefined {
  if (matches.length === 0) return undefined;
  const lines = matches.map((m) => {
    const what = [
      `\`${escapeMrkdwn(m.incidentId)}\`, ${ago(now - m.resolvedAt)}`,
      ...m.shared.slice(0, 2).map(describe),
      m.cause ? `cause ${escapeMrkdwn(m.cause)}${m.confirmed ? ' 👍' : ' (unconfirmed)'}` : undefined,
      m.fixedBy ? `fixed by ${escapeMrkdwn(m.fixedBy)}` : undefined,
      `similarity ${m.similarity.toFixed(2)}`,
    ].filter((x): x is string => x !== undefined);
    return `• ${what.join('; ')}`;
  });
  return {
    type: 'section',
    block_id: 'causeway_seen_before',
    text: { type: 'mrkdwn', text: truncateText(`🔁 *Seen before:*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText) },
  };
}

function describe(feature: string): string {
  const i = feature.indexOf(':');
  const family = feature.slice(0, i);
  const value = escapeMrkdwn(truncateText(feature.slice(i + 1), 80));
  switch (family) {
    case 'root':
      return `same leading cause ${value.replace('/', ' (').replace(/$/, ')').replace(/_/g, ' ')}`;
    case 'tpl': {
      const j = value.indexOf(':');
      return `same log template in ${value.slice(0, j)}: "${value.slice(j + 1)}"`;
    }
    case 'edge':
      return `same failing call ${value.replace('-&gt;', ' → ')}`;
    case 'err':
      return `same error ${value}`;
    case 'change':
      return `a ${value.replace(/_/g, ' ')} was involved too`;
    case 'svc':
      return `${value} involved too`;
    case 'alert':
      return `same alert ${value}`;
    default:
      return `same ${family} ${value}`;
  }
}

function ago(ms: number): string {
  const d = Math.floor(ms / 86_400_000);
  if (d >= 14) return `${Math.floor(d / 7)} weeks ago`;
  if (d >= 2) return `${d} days ago`;
  const h = Math.floor(ms / 3_600_000);
  if (h >= 2) return `${h} hours ago`;
  return `${Math.max(1, Math.floor(ms / 60_000))} min ago`;
}
