/**
 * Optional fields that may be sent to a model (config `llm.send.fields`, an allowlist). Always sent:
 * the alert's name, service, status and start; each hypothesis' rank, service, kind, score, change
 * id and score reasons; each evidence item's citation key, source, kind, service, stance and
 * one-line summary. Nothing else is ever sent.
 */
export const SEND_FIELDS = [
  'alert.labels',
  'alert.annotations',
  'evidence.data',
  /** Raw example log lines and span error texts (also in tool results). */
  'evidence.examples',
  'evidence.changeId',
  'evidence.link',
  'evidence.traceIds',
  'change.author',
  'change.description',
  'change.url',
] as const;

export type SendField = (typeof SEND_FIELDS)[number];
