import type { TriageReport } from '../model/triage-report.ts';

const WORDS: Readonly<Record<TriageReport['confidence'], string>> = {
  high: ':large_green_circle: High confidence',
  medium: ':large_yellow_circle: Medium confidence',
  low: ':white_circle: Low confidence',
  none: ':grey_question: No confident cause',
};

/** The confidence word shown before the summary, with its traffic-light emoji. */
export function confidenceWord(confidence: TriageReport['confidence']): string {
  return WORDS[confidence];
}
