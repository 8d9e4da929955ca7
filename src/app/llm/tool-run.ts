import type { JsonValue } from '../../core/model/json-value.ts';

/** What one read-only tool call produced: the value the model sees (before redaction and fencing) and a one-line summary for people. */
export type ToolRun = {
  readonly status: 'ok' | 'no-data' | 'failed' | 'invalid';
  readonly args: Readonly<Record<string, string | number | null>>;
  readonly summary: string;
  readonly value: JsonValue;
};
