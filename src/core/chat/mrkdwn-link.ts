import { escapeMrkdwn } from './escape-mrkdwn.ts';

/** A mrkdwn link `<url|label>` for http(s) URLs (the label escaped); anything else is just the label. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url) || url.length > 3000) return safeLabel;
  return `<${url.replace(/&/g, '&amp;')}|${safeLabel}>`;
}
