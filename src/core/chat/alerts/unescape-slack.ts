/**
 * Slack message text as a person reads it: `<url|label>` becomes `label`, `<url>` the URL,
 * `<@U1>`/`<#C1|name>` their names or ids, and `&amp; &lt; &gt;` the characters.
 */
export function unescapeSlack(text: string): string {
  return text
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, _url: string, label: string) => label)
    .replace(/<([^<>]+)>/g, (_m, inner: string) => inner)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
