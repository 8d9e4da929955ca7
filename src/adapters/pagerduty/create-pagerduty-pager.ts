import type { PageEvent, Pager } from '../../core/paging/pager.ts';

export type PagerDutySettings = {
  /** The Events API v2 integration key: a secret, never logged or put in a message. */
  readonly routingKey: string;
  /** Default https://events.pagerduty.com/v2/enqueue. */
  readonly url: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  /** The first backoff (doubled per attempt, with jitter, capped at 30 s); default 500 ms. */
  readonly backoffMs?: number;
  /** Waits between attempts (tests pass a quick one); default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
};

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function body(routingKey: string, e: PageEvent): unknown {
  if (e.action === 'resolve') return { routing_key: routingKey, event_action: 'resolve', dedup_key: e.dedupKey };
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: e.dedupKey,
    payload: {
      summary: e.summary.slice(0, 1024),
      source: e.source,
      severity: e.severity,
      ...(e.details ? { custom_details: e.details } : {}),
    },
    ...(e.link ? { links: [{ href: e.link.href, text: e.link.text }] } : {}),
    client: 'Causeway',
  };
}

/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`): `trigger` with a dedup key (repeats update one
 * alert) and `resolve`. Each attempt has its own timeout; 429, 5xx, timeouts and network errors
 * are retried with exponential backoff up to `maxAttempts`; 400 (an invalid event) is not. The
 * routing key goes only into the request body, never into a result or an error message.
 */
export function createPagerDutyPager(s: PagerDutySettings): Pager {
  const sleep = s.sleep ?? sleepFor;
  const base = s.backoffMs ?? 500;
  return {
    async send(event) {
      const text = JSON.stringify(body(s.routingKey, event));
      let last = 'no attempt';
      for (let attempt = 1; attempt <= s.maxAttempts; attempt++) {
        if (attempt > 1) await sleep(Math.min(30_000, base * 2 ** (attempt - 2) * (1 + Math.random() / 2)));
        let res: Response;
        try {
          res = await fetch(s.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: text,
            signal: AbortSignal.timeout(s.timeoutMs),
          });
        } catch (e) {
          const err = e as Error;
          last = err.name === 'TimeoutError' ? `no answer within ${s.timeoutMs} ms` : `unreachable (${err.message})`;
          continue;
        }
        const answer = (await res.json().catch(() => undefined)) as
          | { readonly status?: unknown; readonly message?: unknown; readonly dedup_key?: unknown }
          | undefined;
        const message = typeof answer?.message === 'string' ? answer.message.slice(0, 200) : '';
        if (res.status === 202 || res.status === 200) {
          const key = typeof answer?.dedup_key === 'string' ? answer.dedup_key : event.dedupKey;
          return { ok: true, value: { dedupKey: key, attempts: attempt } };
        }
        if (res.status === 429 || res.status >= 500) {
          last = `HTTP ${res.status}${message ? `: ${message}` : ''}`;
          continue;
        }
        return {
          ok: false,
          error: {
            code: 'PAGER_REJECTED',
            message: `PagerDuty refused the ${event.action} event: HTTP ${res.status}${message ? `: ${message}` : ''}`,
            attempts: attempt,
          },
        };
      }
      return {
        ok: false,
        error: {
          code: 'PAGER_UNAVAILABLE',
          message: `PagerDuty did not take the ${event.action} event after ${s.maxAttempts} attempts (last: ${last})`,
          attempts: s.maxAttempts,
        },
      };
    },
  };
}
