import { z } from 'zod';

const share = (what: string) =>
  z
    .number({ error: `expected a share between 0 and 1 (${what})` })
    .min(0, { error: 'must be between 0 and 1' })
    .max(1, { error: 'must be between 0 and 1' });

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 time, e.g. 2026-12-24T00:00:00Z' });

/**
 * The `autonomy` section of the configuration (docs/autonomy.md): the kill switch, the thresholds a
 * runbook must earn in shadow mode, the limits on autonomous runs, change freezes, the stop window
 * and where people are paged.
 */
export const autonomyConfigSchema = z
  .strictObject({
    enabled: z
      .boolean({ error: 'expected true or false' })
      .default(true)
      .describe('false: the kill switch — no step runs without approval (autonomous runbooks run supervised).'),
    minIncidents: z
      .number({ error: 'expected a number of incidents' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .default(10)
      .describe('Scored shadow incidents a runbook needs (since its last demotion) before it may run by itself.'),
    minAgreement: share('of scored shadow incidents')
      .default(0.9)
      .describe('The share of those in which what it would have run agreed with what people approved and ran.'),
    minProbability: share('calibrated probability')
      .default(0.8)
      .describe('The calibrated probability the top hypothesis needs for an autonomous run.'),
    maxRunsPerServicePerHour: z
      .number({ error: 'expected a number of runs' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(100, { error: 'must be at most 100' })
      .default(1)
      .describe('Autonomous runs on one service in any hour; more fall back to supervised.'),
    countdownSeconds: z
      .number({ error: 'expected a number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(10, { error: 'must be at least 10 seconds' })
      .max(3600, { error: 'must be at most 3600 seconds' })
      .default(60)
      .describe('The stop window: an autonomous step is announced this long before it runs.'),
    freezes: z
      .array(
        z
          .strictObject({
            from: instant,
            to: instant,
            services: z.array(z.string().min(1)).default([]),
            reason: z.string().default('change freeze'),
          })
          .refine((f) => Date.parse(f.to) > Date.parse(f.from), { error: 'to must be after from', path: ['to'] }),
        { error: 'expected a list of {from, to, services, reason}' },
      )
      .default([])
      .describe(
        'Change freezes: no autonomous run from `from` to `to` (ISO 8601), on the listed services (empty: all).',
      ),
    pagerduty: z
      .strictObject({
        routingKey: z
          .string({ error: 'expected the integration (routing) key of a PagerDuty Events API v2 integration' })
          .min(20, { error: 'expected a 32-character integration key' })
          .optional()
          .describe('Events API v2 integration key; without it nobody is paged (the thread says so).'),
        url: z
          .url({ error: 'expected a URL' })
          .default('https://events.pagerduty.com/v2/enqueue')
          .describe('The Events API v2 endpoint.'),
        timeoutSeconds: z
          .number({ error: 'expected a number of seconds' })
          .positive({ error: 'must be > 0' })
          .max(60, { error: 'must be at most 60 seconds' })
          .default(10)
          .describe('Each request to PagerDuty gets this long.'),
        maxAttempts: z
          .number({ error: 'expected a number of attempts' })
          .int({ error: 'must be a whole number' })
          .min(1, { error: 'must be at least 1' })
          .max(10, { error: 'must be at most 10' })
          .default(4)
          .describe('Attempts per event when PagerDuty answers 429 or 5xx (with backoff).'),
      })
      .prefault({})
      .describe('Paging people when autonomy did not resolve an incident (PagerDuty Events API v2).'),
  })
  .prefault({});

export type AutonomyConfig = z.infer<typeof autonomyConfigSchema>;
