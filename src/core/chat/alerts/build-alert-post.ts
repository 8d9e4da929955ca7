import type { Alert } from '../../model/alert.ts';
import type { ChatMessage } from '../block-kit.ts';
import { escapeMrkdwn } from '../escape-mrkdwn.ts';
import { mrkdwnLink } from '../mrkdwn-link.ts';
import { truncateText } from '../truncate-text.ts';
import { CAUSEWAY_ALERT_MARKER } from './causeway-alert-marker.ts';

/**
 * Causeway's own alert post (what its webhook ingress, or `causeway notify`-style scripts, post to an
 * alert channel): a readable line, and a context line a parser reads back exactly — marker,
 * fingerprint, start time, and every label as `` `name=value` ``.
 */
export function buildAlertPost(alert: Alert): ChatMessage {
  const state = alert.status === 'firing' ? 'FIRING' : 'RESOLVED';
  const summary = alert.annotations.summary ?? alert.annotations.description;
  const line = `[${state}] ${alert.name}${alert.service ? ` on ${alert.service}` : ''}${summary ? ` — ${summary}` : ''}`;
  const labels = Object.keys(alert.labels)
    .sort()
    .map((k) => `\`${escapeMrkdwn(`${k}=${alert.labels[k]}`).replace(/`/g, "'")}\``)
    .join(' ');
  const meta = `${CAUSEWAY_ALERT_MARKER} · fingerprint \`${escapeMrkdwn(alert.fingerprint)}\` · started ${new Date(alert.startsAt).toISOString()}${alert.generatorUrl ? ` · ${mrkdwnLink(alert.generatorUrl, 'source')}` : ''}`;
  return {
    text: truncateText(line, 3000),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncateText(
            `${alert.status === 'firing' ? ':rotating_light:' : ':white_check_mark:'} *${escapeMrkdwn(line)}*`,
            3000,
          ),
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: truncateText(meta, 3000) }] },
      ...(labels
        ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: truncateText(labels, 3000) }] }]
        : []),
    ],
  };
}
