import type { JsonValue } from '../model/json-value.ts';
import { GATE_NAMES, type GateName } from './gate.ts';

/** What each gate measured, in words (every gate has them: a decision names each by its GateName). */
const GATE_WORDS: Readonly<Record<GateName, string>> = {
  enabled: 'autonomy enabled',
  paused: 'pause',
  level: 'autonomy level',
  risk: 'risk',
  match: 'match',
  probability: 'calibrated probability',
  'earned-incidents': 'scored shadow incidents',
  'earned-agreement': 'shadow agreement %',
  hash: 'step hash vs shadow record',
  scope: 'target service',
  rate: 'autonomous runs on the service in the last hour',
  freeze: 'change freeze',
};

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
const isGateName = (s: string): s is GateName => (GATE_NAMES as readonly string[]).includes(s);

/** A value as shown next to a gate: a hash cut to its first 12 hex digits. */
const shortValue = (v: JsonValue | undefined): string => {
  const s = str(v);
  return s.startsWith('sha256:') ? `${s.slice(0, 19)}…` : s;
};

/**
 * One gate in words with what it found against what it needs ("scored shadow incidents 3 (needs
 * 10)"): the one wording of the audit's explanation and of the thread's "Not run by itself". A gate
 * this version does not know (a record from another version) is named as it is.
 */
export function describeGate(g: {
  readonly name?: JsonValue;
  readonly value?: JsonValue;
  readonly threshold?: JsonValue;
}): string {
  const words = typeof g.name === 'string' && isGateName(g.name) ? GATE_WORDS[g.name] : str(g.name);
  return `${words} ${shortValue(g.value)} (${g.name === 'rate' ? 'limit' : 'needs'} ${shortValue(g.threshold)})`;
}
