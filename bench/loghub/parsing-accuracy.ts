/** Collapses runs of whitespace and trims; variables are already written `<*>` on both sides. */
export function normaliseTemplate(template: string): string {
  return template.replace(/\s+/g, ' ').trim();
}

/** Parsing accuracy: the fraction of lines whose predicted template equals the true one. */
export function parsingAccuracy(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length !== truth.length) throw new Error('template arrays differ in length');
  if (truth.length === 0) return 1;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    if (normaliseTemplate(predicted[i]!) === normaliseTemplate(truth[i]!)) correct++;
  }
  return correct / truth.length;
}
