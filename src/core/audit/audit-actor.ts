/**
 * Who did it: a Slack user (`slack:U123ABC`), Causeway itself (`system`), the LLM (`llm`), a
 * webhook source (`webhook:alertmanager`), or the OS user at a terminal (`cli:alice`, see cliActor).
 */
export type AuditActor = `slack:${string}` | 'system' | 'llm' | `webhook:${string}` | `cli:${string}`;

const ACTOR = /^(?:system|llm|slack:[A-Z0-9]{2,32}|webhook:[a-z0-9][a-z0-9._-]{0,63}|cli:[A-Za-z0-9._-]{1,64})$/;

/** Whether a string is a well-formed actor. */
export function isAuditActor(s: string): s is AuditActor {
  return ACTOR.test(s);
}
