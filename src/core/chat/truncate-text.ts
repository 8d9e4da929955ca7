/**
 * Shortens `text` to at most `max` UTF-16 code units, ending in `…`, without cutting a surrogate
 * pair, a Slack entity (`<https://…|label>`, `<@U123>`), an HTML entity (`&amp;`) or leaving a
 * code block (```) open. Text that fits is returned unchanged.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, Math.max(0, max));
  const fence = '```';
  // Room for the ellipsis and, when needed, a closing fence.
  let cut = max - 1;
  let out = safePrefix(text, cut);
  if (countOf(out, fence) % 2 === 1) {
    cut = Math.max(0, max - 1 - fence.length - 1);
    out = safePrefix(text, cut);
    if (countOf(out, fence) % 2 === 1) return `${out}…\n${fence}`;
  }
  return `${out}…`;
}

function safePrefix(text: string, n: number): string {
  let end = n;
  // Never split a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  let s = text.slice(0, end);
  // An unclosed Slack entity `<…` or HTML entity `&…` at the end is dropped whole.
  const lt = s.lastIndexOf('<');
  if (lt >= 0 && s.indexOf('>', lt) < 0) s = s.slice(0, lt);
  const amp = s.lastIndexOf('&');
  if (amp >= 0 && amp >= s.length - 8 && !s.slice(amp).includes(';') && /^&[a-z#0-9]*$/i.test(s.slice(amp)))
    s = s.slice(0, amp);
  return s.replace(/\s+$/, '');
}

function countOf(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}
