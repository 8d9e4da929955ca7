import type { RankingRevision } from '../revision/ranking-revision.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { utcTime } from './utc-time.ts';

/** The incident message's note that its ranking was revised with late data: how much more, and what changed. */
export function revisionNote(r: RankingRevision): string {
  const seconds = Math.round(r.moreDataMs / 1000);
  const changes: string[] = [];
  if (r.previous.topId !== r.current.topId)
    changes.push(`leading: ${escapeMrkdwn(r.previous.top ?? 'none')} → *${escapeMrkdwn(r.current.top ?? 'none')}*`);
  if (r.previous.confidence !== r.current.confidence)
    changes.push(`confidence: ${r.previous.confidence} → *${r.current.confidence}*`);
  return `:arrows_counterclockwise: *Revised with late data* (re-triage ${r.revision}): ${seconds} s more data, now up to ${utcTime(r.current.dataTo)}; ${changes.join('; ')}.`;
}
