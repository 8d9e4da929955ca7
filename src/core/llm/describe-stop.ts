import type { StopReason } from './stop-reason.ts';

/** The sentence shown to people when a budget stopped the model ("stopped because …"). */
export function describeStop(reason: StopReason, limits: Readonly<Record<string, number>> = {}): string {
  const n = (k: string) => (limits[k] !== undefined ? ` (${limits[k]})` : '');
  switch (reason) {
    case 'tool-calls':
      return `Stopped: the tool-call budget${n('maxToolCalls')} was used up.`;
    case 'model-calls':
      return `Stopped: the model-call budget${n('maxModelCalls')} was used up.`;
    case 'tokens':
      return `Stopped: the token budget for this question${n('maxTokens')} was used up.`;
    case 'time':
      return `Stopped: the time limit${n('seconds')} was reached.`;
    case 'loop':
      return 'Stopped: the model kept asking for the same query (loop detected).';
    case 'incident-tokens':
      return `Stopped: this incident's token budget${n('maxTokensPerIncident')} is spent.`;
    case 'incident-cost':
      return `Stopped: this incident's cost budget${n('maxCostPerIncidentUsd')} is spent.`;
  }
}
