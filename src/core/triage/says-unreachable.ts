import { CONNECTION_WORDS, RESOURCE_WORDS } from '../logs/fault-words.ts';

/**
 * Whether a line says a peer could not be reached. A line that says a resource ran out is not:
 * "Timeout acquiring a connection. The pool is probably full" or "QueuePool limit … connection
 * timed out" is the caller's own pool, not an unreachable peer.
 */
export function saysUnreachable(text: string): boolean {
  return CONNECTION_WORDS.test(text) && !RESOURCE_WORDS.test(text);
}
