import type { ParamValues } from './param-value.ts';

/** `{{ params.NAME }}`, the only reference a runbook template may contain. */
const REFERENCE = /\{\{\s*params\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The parameter names a template refers to, and anything else between `{{` and `}}` (an error:
 * templates can read parameters only, with no expressions, filters or other variables).
 */
export function templateReferences(text: string): {
  readonly names: readonly string[];
  readonly invalid: readonly string[];
} {
  const names = [...text.matchAll(REFERENCE)].map((m) => m[1] as string);
  const rest = text.replace(REFERENCE, '');
  const invalid = [...rest.matchAll(/\{\{[\s\S]*?(?:\}\}|$)/g)].map((m) => m[0]);
  if (invalid.length === 0 && rest.includes('}}')) return { names, invalid: ['}}'] };
  return { names, invalid };
}

/** Whether a text contains a template (or the start of one). */
export function isTemplated(text: string): boolean {
  return text.includes('{{');
}

/**
 * Fills `{{ params.NAME }}` references with the values, each passed through `encode` (e.g.
 * `encodeURIComponent` inside a URL). A value only ever becomes text inside the result: nothing
 * in it is interpreted again (no shell, no nested templates).
 */
export function fillTemplate(text: string, params: ParamValues, encode: (value: string) => string = (v) => v): string {
  return text.replace(REFERENCE, (_, name: string) => encode(String(params[name] ?? '')));
}
