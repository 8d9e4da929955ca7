/** A bar of `width` cells for `score` out of `max` (at least one filled cell for a positive score): `▰▰▰▱▱▱`. */
export function scoreBar(score: number, max: number, width = 10): string {
  const ratio = max > 0 ? Math.min(1, Math.max(0, score / max)) : 0;
  const filled = score > 0 ? Math.max(1, Math.round(ratio * width)) : 0;
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}
