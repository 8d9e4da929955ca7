import { z } from 'zod';

/** The final answer to a follow-up question: the arguments of the `answer` tool. */
export const answerOutputSchema = z
  .object({
    sentences: z
      .array(
        z
          .object({
            text: z.string().describe('one plain sentence, no links'),
            cite: z.array(z.string()).describe('keys of the evidence (E…) or query results (Q…) that support it'),
          })
          .strict(),
      )
      .describe('the answer, sentence by sentence, each with citations'),
    runbook: z
      .string()
      .nullable()
      .describe('the id of a catalog runbook that fits, or null; a person must still propose and approve it'),
  })
  .strict();

export type AnswerOutput = z.infer<typeof answerOutputSchema>;
