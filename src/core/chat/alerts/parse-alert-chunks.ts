import type { AlertChunk } from './alert-chunk.ts';
import { unescapeSlack } from './unescape-slack.ts';

const NAME = '([A-Za-z_][A-Za-z0-9_.-]*)';
const DASH_PAIR = new RegExp(`^\\s*-\\s+${NAME}\\s*=\\s*(.*)$`);
const STAR_PAIR = new RegExp(`^\\s*[•*-]?\\s*\\*${NAME}:\\*\\s*\`?([^\`]*?)\`?\\s*$`);

/**
 * Reads the alert list of a notification text in the shapes Alertmanager and Grafana templates
 * print: Grafana's and Alertmanager's `__text_alert_list` (`Labels:` / ` - name = value` /
 * `Annotations:` / `Source: url`, sections `**Firing**` / `**Resolved**`), and the common Slack
 * template (`*Alert:* summary - \`severity\``, `*Description:* …`, `*Details:*` with
 * `• *name:* \`value\``). Returns the alerts that list at least one label.
 */
export function parseAlertChunks(rawText: string): AlertChunk[] {
  const out: AlertChunk[] = [];
  let status: AlertChunk['status'];
  let labels: Record<string, string> = {};
  let annotations: Record<string, string> = {};
  let source: string | undefined;
  let mode: 'labels' | 'annotations' | 'details' | undefined;
  const flush = () => {
    if (Object.keys(labels).length > 0) out.push({ status, labels, annotations, source });
    labels = {};
    annotations = {};
    source = undefined;
    mode = undefined;
  };
  for (const raw of rawText.split('\n')) {
    const line = unescapeSlack(raw).replace(/\s+$/, '');
    const bare = line.replace(/[*_]/g, '').trim();
    if (/^(alerts? )?firing:?$/i.test(bare) || /^\[?\d*\]? ?firing$/i.test(bare)) {
      flush();
      status = 'firing';
      continue;
    }
    if (/^(alerts? )?resolved:?$/i.test(bare) || /^\[?\d*\]? ?resolved$/i.test(bare)) {
      flush();
      status = 'resolved';
      continue;
    }
    if (/^value:/i.test(bare)) {
      // Grafana: each alert starts with its value.
      flush();
      continue;
    }
    if (/^labels:$/i.test(bare)) {
      if (Object.keys(labels).length > 0 && mode !== undefined) flush();
      mode = 'labels';
      continue;
    }
    if (/^annotations:$/i.test(bare)) {
      mode = 'annotations';
      continue;
    }
    if (/^details:$/i.test(bare)) {
      mode = 'details';
      continue;
    }
    const src = /^\s*(?:[•*-]\s*)?\*?(Source|Graph|Generator)\*?:\*?\s*(\S+)/i.exec(line);
    if (src && /^https?:/i.test(src[2] as string)) {
      source = src[2];
      continue;
    }
    const alertLine = /^\s*\*Alert:\*\s*(.*?)(?:\s+-\s+`([^`]+)`)?\s*$/.exec(line);
    if (alertLine) {
      if (Object.keys(labels).length > 0) flush();
      if (alertLine[1]) annotations.summary = alertLine[1];
      if (alertLine[2]) labels.severity = alertLine[2];
      mode = undefined;
      continue;
    }
    const desc = /^\s*\*Description:\*\s*(.*)$/.exec(line);
    if (desc) {
      annotations.description = desc[1] as string;
      continue;
    }
    const pair = DASH_PAIR.exec(line) ?? (mode === 'details' ? STAR_PAIR.exec(line) : null);
    if (pair && mode) {
      const [, k, v] = pair as unknown as [string, string, string];
      if (mode === 'annotations') annotations[k] = v.trim();
      else labels[k] = v.trim();
    }
  }
  flush();
  return out;
}
