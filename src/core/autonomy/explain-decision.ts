import type { JsonObject, JsonValue } from '../model/json-value.ts';
import { describeGate } from './describe-gate.ts';

const obj = (v: JsonValue | undefined): JsonObject | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
const list = (v: JsonValue | undefined): readonly JsonValue[] => (Array.isArray(v) ? v : []);
const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));
const short = (v: JsonValue | undefined) => {
  const s = str(v);
  return s.startsWith('sha256:') ? `${s.slice(0, 19)}…` : s;
};

/**
 * An `autonomy.decided` record as one readable paragraph: what was decided for which runbook and
 * step, on which hypothesis (its probability and evidence ids), every gate with its value against
 * its threshold (✓ held, ✗ did not), and the shadow record that earned it.
 */
export function explainAutonomyDecision(data: JsonObject): string {
  const h = obj(data.hypothesis);
  const parts: string[] = [];
  parts.push(
    `${data.allowed === true ? 'Allowed to run by itself' : 'Not allowed to run by itself (falls back to supervised)'}: runbook ${str(data.runbook)}, run ${str(data.runId)}.`,
  );
  if (h)
    parts.push(
      `Top hypothesis ${str(h.id)}: ${str(h.service)} ${str(h.kind)}, probability ${str(h.probability)}, evidence ${list(h.evidence).map(str).join(', ') || 'none'}.`,
    );
  for (const s of list(data.steps).map(obj)) {
    if (!s) continue;
    const gates = list(s.gates)
      .map(obj)
      .filter((g): g is JsonObject => g !== undefined)
      .map((g) => `${g.passed === true ? '✓' : '✗'} ${describeGate(g)}`);
    parts.push(`Step ${str(s.step)} (${str(s.id)}): ${gates.join('; ')}.`);
  }
  const earned = obj(data.earnedBy);
  parts.push(
    earned
      ? `Earned over ${str(data.scoredIncidents)} scored shadow incidents; latest agreeing record ${str(earned.id)} (${str(earned.incidentId)}, plan ${short(earned.planHash)}).`
      : `No agreeing shadow record yet (${str(data.scoredIncidents)} scored).`,
  );
  return parts.join(' ');
}
