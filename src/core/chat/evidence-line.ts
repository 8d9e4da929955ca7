import type { Evidence } from '../model/evidence.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { mrkdwnLink } from './mrkdwn-link.ts';
import { truncateText } from './truncate-text.ts';

const LINK_LABEL: Readonly<Record<Evidence['source'], string>> = {
  changes: 'deploy',
  traces: 'trace',
  logs: 'logs',
  metrics: 'graph',
  alert: 'alert source',
};

/**
 * One evidence line in mrkdwn: its summary (escaped, at most `max` characters) and where to look:
 * a link to the query, trace or deploy when there is one, else the first trace id.
 */
export function evidenceLine(e: Evidence, max = 280): string {
  const mark = e.stance === 'refutes' ? '✗' : '•';
  const summary = escapeMrkdwn(truncateText(e.summary, max));
  let where = '';
  if (e.link) where = ` ${mrkdwnLink(e.link, `open ${LINK_LABEL[e.source]}`)}`;
  else if (e.traceIds?.[0]) where = ` (trace \`${escapeMrkdwn(e.traceIds[0])}\`)`;
  return `${mark} ${summary}${where}`;
}
