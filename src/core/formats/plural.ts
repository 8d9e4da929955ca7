/** A count with its noun for people to read: `1 record`, `0 records`, `2 hypotheses` (pass the plural when it is not noun + s). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
