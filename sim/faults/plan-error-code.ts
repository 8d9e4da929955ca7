import type { Effect } from '../model/world-model.ts';
import { bugFor } from './bug-for.ts';
import { chooseRootService } from './choose-root.ts';
import type { FaultContext, FaultPlan, RootAlert } from './fault-plan.ts';
import { pickOp } from './pick-op.ts';
import { planBase } from './plan-base.ts';
import { shape } from './shape.ts';

type Manifestation = 'bad-data' | 'poison-message' | 'time-bomb' | 'tenant-data';

const DATA = [
  'a product imported with a null price',
  'orders in a newly enabled currency (CHF)',
  'customer names with emoji',
  'a partner feed sending quantities as "12.5"',
  'an empty shipping address list',
  'a catalog entry with a duplicate SKU',
];

/** The root returns errors on a bug path hit by some data, with no change to blame. */
export function planErrorCode(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  const hasWorker = ctx.topology.services.some(
    (s) => s.role === 'worker' && (ctx.load.service.get(s.name) ?? 0) > 0.05,
  );
  let m = rng.weighted<Manifestation>([
    ['bad-data', 45],
    ['poison-message', hasWorker ? 20 : 0],
    ['time-bomb', 15],
    ['tenant-data', 20],
  ]);
  const svc =
    m === 'poison-message'
      ? chooseRootService(rng, ctx.topology, ctx.load, { entry: 0, mid: 0, leaf: 0, worker: 1 })
      : chooseRootService(rng, ctx.topology, ctx.load, { entry: 1, mid: 4, leaf: 5, worker: 0 });
  if (m === 'poison-message' && svc.role !== 'worker') m = 'bad-data';
  const op = pickOp(rng, svc, ctx.load, m === 'poison-message' ? (o) => o.protocol === 'consumer' : undefined);
  const failure = bugFor(rng, svc, op?.key);
  const from = ctx.onset;
  const effects: Effect[] = [];
  let note = '';
  let rootAlert: RootAlert | undefined;
  const ops = op ? [op.key] : undefined;
  if (m === 'bad-data' || m === 'tenant-data') {
    const data = rng.pick(DATA);
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure,
      status: 500,
      fraction: rng.float(m === 'tenant-data' ? 0.08 : 0.15, 0.6),
      shape: shape(from, rng.float(0, 60_000)),
      ...(ops ? { ops } : {}),
    });
    note =
      m === 'bad-data'
        ? `${data} reaches ${svc.name}${op ? ` ${op.key}` : ''}, which throws ${failure.exType}`
        : `requests of one large tenant hit a code path in ${svc.name} that throws ${failure.exType}`;
  } else if (m === 'time-bomb') {
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure,
      status: 500,
      fraction: rng.float(0.6, 1),
      shape: shape(from),
      ...(ops ? { ops } : {}),
    });
    note = `a date-dependent bug in ${svc.name} (${rng.pick(['end-of-month billing cut-over', 'token issued with a 32-bit expiry', 'DST transition in a scheduling calculation', 'cache key including the date'])}) makes ${op?.key ?? 'requests'} throw ${failure.exType}`;
  } else {
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure,
      status: 500,
      fraction: rng.float(0.5, 1),
      shape: shape(from, rng.float(0, 20_000)),
      ...(ops ? { ops } : {}),
    });
    note = `a malformed message on ${op?.topic ?? 'its topic'} makes ${svc.name} throw ${failure.exType}; it is redelivered again and again`;
    if (rng.chance(0.5))
      rootAlert = {
        alertname: rng.pick(['KafkaConsumerGroupLagHigh', 'ConsumerLagGrowing']),
        severity: 'warning',
        summary: `Consumer group ${svc.name}-group is lagging`,
        description: `Consumer group ${svc.name}-group lag on ${op?.topic ?? 'events'} is above 10000 messages`,
        expr: `sum by (consumergroup, topic) (kafka_consumergroup_lag{consumergroup="${svc.name}-group"}) > 10000`,
        labels: { consumergroup: `${svc.name}-group`, topic: op?.topic ?? 'events' },
      };
  }
  return {
    ...planBase(ctx, 'error_code', `error-${m}`, svc.name, false),
    title: `${svc.name} fails with ${failure.exType}`,
    note,
    effects,
    symptom: 'errors',
    ...(rootAlert ? { rootAlert } : {}),
  };
}
