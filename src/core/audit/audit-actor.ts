/**
 * Who did it: a Slack user (`slack:U123ABC`), Causeway itself (`system`), the LLM (`llm`), or a
 * webhook source (`webhook:alertmanager`).
 */
export type AuditActor = `slack:${string}` | 'system' | 'llm' | `webhook:${string}`;

const ACTOR = /^(?:system|llm|slack:[A-Z0-9]{2,32}|webhook:[a-z0-9][a-z0-9._-]{0,63})$/;

/** Whether a string is a well-formed actor. */
export function isAuditActor(s: string): s is AuditActor {
  return ACTOR.test(s);
}
