import { z } from 'zod';
import type { ToolSpec } from './llm-client.ts';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(1440)
  .nullish()
  .describe('window length in minutes, ending at the incident time (default: the incident window)');

/**
 * The read-only tools a follow-up question may use: the same connector queries the triage makes,
 * over the incident's sources and time range. There is deliberately no tool that writes,
 * executes, proposes or approves anything.
 */
export const FOLLOW_UP_TOOLS: readonly ToolSpec[] = [
  {
    name: 'service_overview',
    description:
      'Per-service requests, errors, error logs and latency in a recent window compared with the window before it (traces and logs).',
    parameters: z.object({ service: z.string().max(200).nullish().describe('one service, or null for all'), minutes }),
  },
  {
    name: 'log_patterns',
    description:
      'Log templates of one service with counts in a recent window and the window before it, most increased first.',
    parameters: z.object({
      service: z.string().max(200).describe('the service whose logs to read'),
      minutes,
      level: z.enum(['error', 'warn', 'any']).nullish().describe('minimum level (default error)'),
    }),
  },
  {
    name: 'recent_changes',
    description: 'Deploys and configuration changes in a recent window, newest first.',
    parameters: z.object({ service: z.string().max(200).nullish().describe('one service, or null for all'), minutes }),
  },
];
