/**
 * Escapes text for Slack's mrkdwn: `&`, `<` and `>` become entities, so text from logs, alerts or
 * people can neither form links nor mention anyone (`<!channel>`, `<@U…>`).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
