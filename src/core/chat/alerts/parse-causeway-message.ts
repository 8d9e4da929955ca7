import type { AlertNotice } from './alert-notice.ts';
import { buildAlert } from './build-alert.ts';
import { CAUSEWAY_ALERT_MARKER } from './causeway-alert-marker.ts';
import { messageTexts } from './message-texts.ts';
import { noticeState } from './notice-state.ts';
import type { ParseContext } from './parse-context.ts';
import type { SlackMessage } from './slack-message.ts';
import { unescapeSlack } from './unescape-slack.ts';

/** Reads back an alert post made by `buildAlertPost` (Causeway's own format). */
export function parseCausewayMessage(m: SlackMessage, ctx: ParseContext): AlertNotice | undefined {
  const t = messageTexts(m);
  const body = t.body;
  const at = body.indexOf(CAUSEWAY_ALERT_MARKER);
  if (at < 0) return undefined;
  const meta = body.slice(at).split('\n')[0] ?? '';
  const fingerprint = /fingerprint `([^`]+)`/.exec(meta)?.[1];
  const started = /started (\S+)/.exec(meta)?.[1];
  const startsAt = started ? Date.parse(started) : Number.NaN;
  const line = unescapeSlack(m.text ?? t.title);
  const head = /^\[(FIRING|RESOLVED)\]\s*(.*?)(?: on (\S+))?(?: — (.*))?$/.exec(line.trim());
  if (!fingerprint || !head) return undefined;
  const labels: Record<string, string> = {};
  for (const lm of body.matchAll(/`([A-Za-z_][A-Za-z0-9_.-]*)=([^`]*)`/g))
    labels[lm[1] as string] = unescapeSlack(lm[2] as string);
  const alert = buildAlert(
    {
      labels,
      annotations: head[4] ? { summary: head[4] } : {},
      status: head[1] === 'RESOLVED' ? 'resolved' : 'firing',
      source: 'slack:causeway',
      name: head[2] as string,
      ...(head[3] ? { service: head[3] } : {}),
      fingerprint: unescapeSlack(fingerprint),
      generatorUrl: /<(https?:[^|>]+)\|source>/.exec(meta)?.[1]?.replace(/&amp;/g, '&'),
      ...(Number.isFinite(startsAt) ? { startsAt } : {}),
    },
    ctx,
  );
  return { integration: 'causeway', state: noticeState([alert]), title: line, alerts: [alert] };
}
