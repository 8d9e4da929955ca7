/** The affected service: the first of `serviceLabels` that the labels set (non-empty). */
export function serviceOf(
  labels: Readonly<Record<string, string>>,
  serviceLabels: readonly string[],
): string | undefined {
  for (const l of serviceLabels) {
    const v = labels[l];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}
