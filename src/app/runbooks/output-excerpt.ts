/** The last few lines of an output (at most `maxChars`), for a chat message. */
export function outputExcerpt(output: string, maxLines = 12, maxChars = 1500): string {
  const lines = output.replace(/\s+$/, '').split('\n');
  let out = lines.slice(-maxLines).join('\n');
  if (out.length > maxChars) out = `…${out.slice(out.length - maxChars + 1)}`;
  else if (lines.length > maxLines) out = `…\n${out}`;
  return out;
}
