/**
 * Makes one sentence of model output safe to show in chat: drops links (markdown, Slack and bare
 * URLs keep only their label), mentions and broadcasts (`<!channel>`, `<@U…>`, `@here`), control
 * characters and code fences, collapses whitespace and clips the length. Links in Causeway's
 * messages come only from evidence, never from the model.
 */
export function sanitizeModelText(text: string, maxChars = 400): string {
  let s = text;
  s = s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/<(?:https?|ftp|mailto|file|slack|javascript|data):[^|>]*\|([^>]*)>/gi, '$1');
  s = s.replace(/<[!@#][^>]*>/g, '');
  s = s.replace(/<(?:https?|ftp|mailto|file|slack|javascript|data):[^>]*>/gi, '');
  s = s.replace(/\b(?:https?|ftp|file|javascript|data):\/?\/?[^\s)>\]]+/gi, '');
  s = s.replace(/\bwww\.[^\s)>\]]+/gi, '');
  s = s.replace(/(^|\s)@(channel|here|everyone)\b/gi, '$1$2');
  s = s.replace(/```|[`]/g, '');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  s = s.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  s = s
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
  if (s.length > maxChars) s = `${s.slice(0, maxChars - 1).trimEnd()}…`;
  return s;
}
