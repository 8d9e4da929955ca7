import { COMMIT_MESSAGES } from '../changes/commit-messages.ts';
import type { Failure } from '../model/failure-model.ts';
import type { Effect, Strain } from '../model/world-model.ts';
import type { Rollout } from '../world/rollout.ts';
import { bugFor } from './bug-for.ts';
import { bumpVersion } from './bump-version.ts';
import { chooseRootService } from './choose-root.ts';
import type { FaultContext, FaultPlan } from './fault-plan.ts';
import { pickOp } from './pick-op.ts';
import { planBase } from './plan-base.ts';
import { shape } from './shape.ts';
import { sqlBug } from './sql-bug.ts';

type Manifestation = 'errors' | 'latency' | 'canary' | 'contract' | 'dep-client' | 'bad-rollback';

const CONTRACT_DETAILS = [
  'missing required field "currencyCode"',
  'unknown field "amount_cents"',
  "Validation failed for argument [0]: field 'quantity' must be greater than 0",
  'invalid request: "items[0].sku" is required',
  'Unsupported Media Type: application/json;charset=ISO-8859-1',
];

/** A release of the root service introduces the fault (errors, slowness, a broken contract, a broken client, a bad rollback). */
export function planDeploy(ctx: FaultContext): FaultPlan {
  const rng = ctx.rng;
  let m = rng.weighted<Manifestation>([
    ['errors', 34],
    ['latency', 20],
    ['canary', 12],
    ['contract', 13],
    ['dep-client', 11],
    ['bad-rollback', 10],
  ]);
  // Concurrent rollouts: 2–4 services released within a minute, only the root's release defective.
  const cr = rng.fork('concurrent');
  const concurrent = ctx.concurrentRollouts ?? cr.chance(0.2);
  if (concurrent && m !== 'latency') m = 'errors';
  const hasCallers = (name: string) =>
    ctx.topology.services.some((s) =>
      s.ops.some((o) => o.calls.some((c) => c.target.type === 'service' && c.target.service === name)),
    );
  const hasDeps = (s: { ops: readonly { calls: readonly { target: { type: string } }[] }[] }) =>
    s.ops.some((o) => o.calls.some((c) => c.target.type === 'dep'));
  const svc = chooseRootService(rng, ctx.topology, ctx.load, { entry: 1, mid: 4, leaf: 4, worker: 1 }, (s) =>
    m === 'contract' ? hasCallers(s.name) : m === 'dep-client' || m === 'bad-rollback' ? hasDeps(s) : true,
  );
  if (m === 'contract' && !hasCallers(svc.name)) m = 'errors';
  if ((m === 'dep-client' || m === 'bad-rollback') && !hasDeps(svc)) m = 'errors';
  const pods = ctx.pods.get(svc.name) ?? [];
  const canary = m === 'canary';
  const n = canary ? 1 : Math.max(1, pods.length);
  const dur = rng.int(60_000, 300_000);
  const at = ctx.onset - dur / n;
  const rollback = m === 'bad-rollback';
  const version = bumpVersion(svc.version, rng, rollback);
  const rollouts: Rollout[] = [{ service: svc.name, at, durationMs: dur, version, ...(canary ? { canary: 1 } : {}) }];
  const scope = { shape: shape(at), versions: [version] };
  const effects: Effect[] = [];
  const strains: Strain[] = [];
  const op = pickOp(rng, svc, ctx.load);
  let title = '';
  let note = '';
  let symptom: FaultPlan['symptom'] = 'errors';
  if (m === 'errors' || m === 'canary') {
    const failure = bugFor(rng, svc, op?.key);
    const ops = op && rng.chance(0.7) ? [op.key] : undefined;
    effects.push({
      type: 'svc-error',
      service: svc.name,
      failure,
      status: 500,
      fraction: rng.float(canary ? 0.7 : 0.3, 1),
      ...scope,
      ...(ops ? { ops } : {}),
    });
    title = `${svc.name} ${version}${canary ? ' (canary)' : ''} throws ${failure.exType}`;
    note = `${version} of ${svc.name} throws ${failure.exType} (${failure.detail?.split('\n')[0]})${ops ? ` in ${ops[0]}` : ''}`;
  } else if (m === 'latency') {
    const dep = svc.ops.flatMap((o) => o.calls).find((c) => c.target.type === 'dep');
    if (dep && dep.target.type === 'dep' && rng.chance(0.5)) {
      effects.push({
        type: 'call',
        service: svc.name,
        target: dep.target.dep,
        countMul: rng.float(8, 25),
        failMs: 0,
        waitMs: 0,
        fraction: 1,
        ...scope,
      });
      effects.push({ type: 'svc-latency', service: svc.name, mul: rng.float(1.2, 2), addMs: 0, fraction: 1, ...scope });
      title = `${svc.name} ${version} issues N+1 queries`;
      note = `${version} of ${svc.name} runs one query per item (N+1) against ${dep.target.op.spanName}`;
    } else {
      effects.push({
        type: 'svc-latency',
        service: svc.name,
        mul: rng.float(4, 12),
        addMs: rng.float(150, 900),
        fraction: 1,
        ...scope,
      });
      strains.push({ type: 'cpu', service: svc.name, saturate: 0.9, ...scope });
      title = `${svc.name} ${version} is slow`;
      note = `${version} of ${svc.name} made every request several times slower (inefficient serialization path)`;
    }
    symptom = 'latency';
  } else if (m === 'contract') {
    const called = svc.ops.filter((o) =>
      ctx.topology.services.some((s) =>
        s.ops.some((x) =>
          x.calls.some((c) => c.target.type === 'service' && c.target.service === svc.name && c.target.op === o.key),
        ),
      ),
    );
    const target = called.length > 0 ? rng.pick(called) : op;
    const detail = rng.pick(CONTRACT_DETAILS);
    effects.push({
      type: 'contract',
      service: svc.name,
      status: rng.pick([400, 422]),
      detail,
      fraction: rng.float(0.6, 1),
      ...scope,
      ...(target ? { ops: [target.key] } : {}),
    });
    title = `${svc.name} ${version} changed its API contract`;
    note = `${version} of ${svc.name} rejects requests its callers still send (${detail}); callers fail with 5xx`;
  } else {
    const isSql = (key: string) =>
      ['postgresql', 'mysql', 'mssql'].includes(ctx.topology.deps.find((d) => d.key === key)?.system ?? '');
    const depCalls = svc.ops.flatMap((o) => o.calls).filter((c) => c.target.type === 'dep');
    const sqlCalls = depCalls.filter((c) => c.target.type === 'dep' && isSql(c.target.dep));
    const call = rng.pick(rollback && sqlCalls.length > 0 ? sqlCalls : depCalls);
    const depKey = call.target.type === 'dep' ? call.target.dep : '';
    const dep = ctx.topology.deps.find((d) => d.key === depKey);
    if (rollback && !isSql(depKey)) {
      // no schema to break: the older release simply brings back a bug that had been fixed
      const failure = bugFor(rng, svc, op?.key);
      effects.push({
        type: 'svc-error',
        service: svc.name,
        failure,
        status: 500,
        fraction: rng.float(0.3, 0.9),
        ...scope,
        ...(op ? { ops: [op.key] } : {}),
      });
      title = `rollback of ${svc.name} to ${version} brings back a bug`;
      note = `rolling ${svc.name} back to ${version} reintroduces a bug fixed since: ${failure.exType} (${failure.detail?.split('\n')[0]})`;
    } else {
      const failure: Failure = rollback
        ? sqlBug(
            svc.lang,
            rng.pick(['discount_code', 'tenant_region', 'price_minor', 'archived_at']),
            call.target.type === 'dep' ? (call.target.op.collection ?? 'items') : 'items',
          )
        : rng.pick<Failure>([{ cls: 'auth' }, { cls: 'tls' }, { cls: 'dns' }]);
      effects.push({
        type: 'call',
        service: svc.name,
        target: depKey,
        failure,
        failMs: rng.float(1, 25),
        waitMs: 0,
        countMul: 1,
        fraction: rng.float(0.8, 1),
        ...scope,
      });
      title = rollback
        ? `rollback of ${svc.name} to ${version} breaks queries`
        : `${svc.name} ${version} cannot reach ${dep?.name ?? depKey}`;
      note = rollback
        ? `rolling ${svc.name} back to ${version} runs old code against the migrated schema of ${dep?.name ?? depKey}`
        : `${version} of ${svc.name} ships a broken client configuration for ${dep?.name ?? depKey} (${failure.cls} failures)`;
    }
  }
  const description = rollback
    ? `Rollback to ${version}`
    : m === 'latency' && rng.chance(0.5)
      ? 'perf: eager-load related records'
      : rng
          .pick(COMMIT_MESSAGES)
          .replace('{v}', version)
          .replace('{n}', String(rng.int(1000, 9999)))
          .replace('{org}', ctx.topology.org);
  const change = ctx.changes.deploy({
    service: svc.name,
    at: at - rng.float(5_000, 40_000),
    durationMs: dur + rng.float(5_000, 20_000),
    version,
    previous: svc.version,
    description,
    rollback,
  });
  const changes = [change];
  if (concurrent) {
    const others = cr
      .shuffle(
        ctx.topology.services.filter(
          (s) =>
            s.name !== svc.name &&
            s.role !== 'batch' &&
            s.framework !== 'nginx' &&
            s.framework !== 'envoy' &&
            (ctx.pods.get(s.name)?.length ?? 0) > 0,
        ),
      )
      .slice(0, cr.int(1, 3));
    for (const o of others) {
      const oAt = at + cr.float(-50_000, 50_000);
      const oDur = cr.int(60_000, 300_000);
      const oVersion = bumpVersion(o.version, cr, false);
      rollouts.push({ service: o.name, at: oAt, durationMs: oDur, version: oVersion });
      changes.push(
        ctx.changes.deploy({
          service: o.name,
          at: oAt - cr.float(5_000, 40_000),
          durationMs: oDur + cr.float(5_000, 20_000),
          version: oVersion,
          previous: o.version,
          description: cr
            .pick(COMMIT_MESSAGES)
            .replace('{v}', oVersion)
            .replace('{n}', String(cr.int(1000, 9999)))
            .replace('{org}', ctx.topology.org),
          rollback: false,
        }),
      );
    }
    title = `${title} (released with ${others.map((o) => o.name).join(', ')})`;
    note = `${note}; ${others.map((o) => o.name).join(', ')} were released within the same minute and are healthy`;
  }
  if (rng.chance(0.4)) {
    const r = ctx.onset + rng.float(6 * 60_000, 9 * 60_000);
    rollouts.push({ service: svc.name, at: r, durationMs: rng.int(60_000, 150_000), version: svc.version });
    changes.push(
      ctx.changes.deploy({
        service: svc.name,
        at: r - 3000,
        durationMs: 120_000,
        version: svc.version,
        previous: version,
        description: `Revert to ${svc.version} (incident)`,
        rollback: true,
      }),
    );
  }
  return {
    ...planBase(ctx, 'deploy', concurrent ? `deploy-concurrent-${m}` : `deploy-${m}`, svc.name, false),
    title,
    note,
    effects,
    rollouts,
    strains,
    changes,
    changeId: change.id,
    symptom,
  };
}
