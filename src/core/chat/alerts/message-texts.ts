import type { SlackMessage } from './slack-message.ts';

/** The texts of a message in reading order: top text, each attachment's parts, then block texts. */
export type MessageTexts = {
  /** Attachment title, else the first line of the text or of the first block. */
  readonly title: string;
  /** Everything else, joined by newlines (raw Slack markup: links and entities not yet unescaped). */
  readonly body: string;
  /** Attachment fields and `*Name:* value` pairs by lower-case name. */
  readonly fields: ReadonlyMap<string, string>;
  /** Every link target in the message. */
  readonly links: readonly string[];
  /** Who posted: the webhook's username, the bot's name, the attachment footer. */
  readonly sender: string;
};

/** Collects the texts of a message (legacy attachments and Block Kit alike). */
export function messageTexts(m: SlackMessage): MessageTexts {
  const parts: string[] = [];
  const fields = new Map<string, string>();
  let title = '';
  const a0 = m.attachments?.[0];
  if (a0?.title) title = a0.title;
  if (m.text) parts.push(m.text);
  for (const a of m.attachments ?? []) {
    for (const t of [a.pretext, a !== a0 ? a.title : undefined, a.text]) if (t) parts.push(t);
    for (const f of a.fields ?? []) {
      if (f.title && f.value !== undefined) {
        fields.set(f.title.trim().toLowerCase(), f.value);
        parts.push(`${f.title}: ${f.value}`);
      }
    }
    if (!a.text && !a.title && a.fallback) parts.push(a.fallback);
  }
  for (const b of m.blocks ?? []) collectBlockText(b, parts);
  if (!title) {
    const first = parts.find((p) => p.trim() !== '') ?? '';
    title = first.split('\n')[0] ?? '';
  }
  const body = parts.join('\n');
  for (const mm of body.matchAll(/^\s*[•\-*]?\s*\*([A-Za-z][\w .-]{0,40}):\*\s*(.+)$/gm)) {
    const k = (mm[1] as string).trim().toLowerCase();
    if (!fields.has(k)) fields.set(k, (mm[2] as string).trim());
  }
  const links: string[] = [];
  for (const t of [body, title, ...(m.attachments ?? []).flatMap((a) => [a.title_link ?? '', a.fallback ?? ''])])
    for (const l of t.matchAll(/<(https?:\/\/[^<>|\s]+)(?:\|[^<>]*)?>|(https?:\/\/[^\s<>|]+)/g))
      links.push((l[1] ?? l[2]) as string);
  const sender = [m.username, m.bot_profile?.name, a0?.footer, a0?.author_name, a0?.footer_icon]
    .filter((s): s is string => typeof s === 'string')
    .join(' ');
  return { title, body, fields, links, sender };
}

function collectBlockText(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectBlockText(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.type === 'rich_text_section' || o.type === 'rich_text_preformatted' || o.type === 'rich_text_quote') {
    const line = (Array.isArray(o.elements) ? o.elements : [])
      .map((e) => {
        const x = e as Record<string, unknown>;
        if (typeof x.text === 'string') return x.text;
        if (x.type === 'link' && typeof x.url === 'string') return x.url;
        return '';
      })
      .join('');
    if (line) out.push(line);
    return;
  }
  if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
    out.push(o.text);
    return;
  }
  for (const k of ['text', 'fields', 'elements']) if (k in o) collectBlockText(o[k], out);
}
