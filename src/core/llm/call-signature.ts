import { canonicalJson } from '../audit/canonical-json.ts';
import type { JsonValue } from '../model/json-value.ts';

/** A tool call's identity for loop detection: the name and its arguments in canonical JSON. */
export function callSignature(name: string, args: unknown): string {
  let text: string;
  try {
    text = canonicalJson(JSON.parse(JSON.stringify(args ?? null)) as JsonValue);
  } catch {
    text = String(args);
  }
  return `${name} ${text}`;
}
