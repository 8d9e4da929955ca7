import type { SendField } from './send-fields.ts';

/** The allowlist when none is configured: what helps explain an incident; no links, trace ids or authors. */
export const DEFAULT_SEND_FIELDS: readonly SendField[] = [
  'alert.labels',
  'alert.annotations',
  'evidence.data',
  'evidence.examples',
  'evidence.changeId',
  'change.description',
];
