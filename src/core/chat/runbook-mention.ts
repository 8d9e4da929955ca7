/** `slack:U123` → `<@U123>`, a user group `S123` → `<!subteam^S123>`, `system` → Causeway. */
export function runbookMention(who: string): string {
  const id = who.startsWith('slack:') ? who.slice(6) : who;
  if (/^[UW][A-Z0-9]+$/.test(id)) return `<@${id}>`;
  if (/^S[A-Z0-9]+$/.test(id)) return `<!subteam^${id}>`;
  return who === 'system' ? 'Causeway' : who.replace(/[<>&]/g, '');
}
