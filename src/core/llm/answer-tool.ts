import { answerOutputSchema } from './answer-output-schema.ts';
import type { ToolSpec } from './llm-client.ts';

/** The tool that ends a follow-up: its arguments are the answer, checked against the schema and grounded. */
export const ANSWER_TOOL: ToolSpec = {
  name: 'answer',
  description:
    'Give the final answer: sentences, each citing evidence keys (E…) or query results (Q…), and optionally a catalog runbook id. Call it exactly once.',
  parameters: answerOutputSchema,
};
