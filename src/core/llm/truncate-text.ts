/** Clips a text to `max` characters, saying how much was cut so a model does not mistake it for the whole. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = `… [truncated: ${text.length - max} more characters not shown]`;
  return text.slice(0, Math.max(0, max - note.length)) + note;
}
