import { z } from 'zod';

/**
 * What the model must return for a narrative (sent as a strict `json_schema`, or as the forced
 * function's parameters). Limits are enforced after parsing, not in the schema, so that servers
 * with partial JSON-schema support accept it.
 */
export const narrativeOutputSchema = z
  .object({
    sentences: z
      .array(
        z
          .object({
            part: z.enum(['happening', 'cause', 'next']).describe('which question the sentence answers'),
            text: z.string().describe('one plain sentence, no links'),
            cite: z.array(z.string()).describe('evidence keys (E1, E2 …) that support the sentence'),
          })
          .strict(),
      )
      .describe('what is happening, what most likely caused it, what to do next'),
    alsoSuggests: z
      .array(
        z
          .object({
            text: z.string().describe('a suggestion beyond the ranking, one sentence'),
            cite: z.array(z.string()),
          })
          .strict(),
      )
      .describe('optional: anything the ranking may have missed, with citations; usually empty'),
  })
  .strict();

export type NarrativeOutput = z.infer<typeof narrativeOutputSchema>;
