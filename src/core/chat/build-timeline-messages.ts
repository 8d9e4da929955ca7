import { durationLines } from '../postmortem/duration-lines.ts';
import type { IncidentTimeline } from '../postmortem/incident-timeline.ts';
import type { Block, ChatMessage } from './block-kit.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { mrkdwnLink } from './mrkdwn-link.ts';
import { SLACK_LIMITS } from './slack-limits.ts';
import { truncateText } from './truncate-text.ts';

/**
 * The "Timeline" button's answer, posted in the incident's thread: the derived durations, then
 * one line per entry (UTC time, text, the audit record `#seq` it comes from), packed into
 * sections (≤ 3000 characters) and messages (≤ 50 blocks), with a link to the incident page when
 * there is one.
 */
export function buildTimelineMessages(t: IncidentTimeline, pageUrl?: string): ChatMessage[] {
  const head = durationLines(t.durations)
    .map(([label, value]) => `${escapeMrkdwn(label)}: *${escapeMrkdwn(value)}*`)
    .join('\n');
  const lines = t.entries.map((e) => {
    const refs = [
      ...(e.ref.audit !== undefined ? [`#${e.ref.audit}`] : []),
      ...(e.ref.evidence ? [`evidence ${escapeMrkdwn(e.ref.evidence)}`] : []),
    ];
    return `\`${new Date(e.at).toISOString().slice(11, 19)}\` ${escapeMrkdwn(truncateText(e.text, 500))}${refs.length ? ` _(${refs.join(', ')})_` : ''}`;
  });
  const sections: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      sections.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(current);
  const first: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(`🕒 Timeline of ${t.incidentId}`, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: head } },
    ...(pageUrl
      ? [
          {
            type: 'context' as const,
            elements: [
              { type: 'mrkdwn' as const, text: `${mrkdwnLink(pageUrl, 'Open the incident page')} (the link expires)` },
            ],
          },
        ]
      : []),
  ];
  const messages: ChatMessage[] = [];
  let blocks: Block[] = first;
  for (const text of sections) {
    if (blocks.length >= SLACK_LIMITS.messageBlocks) {
      messages.push({ text: `Timeline of ${t.incidentId}${messages.length > 0 ? ' (continued)' : ''}`, blocks });
      blocks = [];
    }
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  messages.push({ text: `Timeline of ${t.incidentId}${messages.length > 0 ? ' (continued)' : ''}`, blocks });
  return messages;
}
