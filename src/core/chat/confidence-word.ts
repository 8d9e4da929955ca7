import type { TriageReport } from '../model/triage-report.ts';

const MARKS: Readonly<Record<TriageReport['confidence'], string>> = {
  high: ':large_green_circle:',
  medium: ':large_yellow_circle:',
  low: ':white_circle:',
  none: ':grey_question:',
};

/**
 * The traffic-light emoji shown before the summary. The summary itself says how confident it is
 * ("Most likely (high confidence, p ≈ 92%)"), so the words are not repeated.
 */
export function confidenceWord(confidence: TriageReport['confidence']): string {
  return MARKS[confidence];
}
