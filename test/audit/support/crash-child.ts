// A Causeway-like worker for the crash test: recovers, then journals and "executes" effects,
// appends audit records and accepts webhook deliveries of several alerts in a loop until it is killed. Every line it prints is an acknowledgement:
// it is written (synchronously) only after the store call it reports has resolved.
// argv: storage URL, instance id, path of the "executed effects" log, round number.
import { appendFileSync, writeSync } from 'node:fs';
import { openStorage } from '../../../src/adapters/storage/open-storage.ts';
import { acceptAlerts } from '../../../src/app/ingest/accept-alerts.ts';
import { recoverUnfinished } from '../../../src/app/storage/recover-unfinished.ts';
import { NO_TELEMETRY } from '../../../src/core/ingest/ingest-telemetry.ts';
import { SILENT_LOG } from '../../../src/core/ingest/silent-log.ts';
import { CRASH_DELIVERY, crashDelivery } from './crash-delivery.ts';
import { CRASH_KEY } from './crash-key.ts';

const [url, owner, executedLog, round] = process.argv.slice(2) as [string, string, string, string];
const say = (line: string) => writeSync(1, `${line}\n`);

const opened = await openStorage(url, {
  clock: Date.now,
  instanceId: owner,
  audit: { checkpointKey: CRASH_KEY, inlinePayloadBytes: 512 },
  poolSize: 2,
});
if (!opened.ok) {
  say(`ERROR ${opened.error.code}: ${opened.error.message}`);
  process.exit(1);
}
const s = opened.value;
for (const e of await recoverUnfinished(s, { owner })) say(`U ${e.id}`);
let incidents = 0;
const ingest = {
  incidents: s.incidents,
  audit: s.audit,
  deliveries: s.deliveries,
  grouping: CRASH_DELIVERY.grouping,
  now: Date.now,
  newIncidentId: () => `INC-r${round}-${++incidents}`,
  telemetry: NO_TELEMETRY,
  log: SILENT_LOG,
};
say('READY');
for (let i = 0; ; i++) {
  const id = `r${round}-e${i}`;
  const begun = await s.effects.begin({
    id,
    kind: 'test-effect',
    subject: `effect:${id}`,
    actor: 'system',
    intent: { i },
  });
  if (!begun.started) throw new Error(`${id} was already started`);
  say(`S ${begun.record.seq} ${begun.record.hash} ${id}`);
  // The effect: its only trace outside the database. Never done for an effect not durably started.
  appendFileSync(executedLog, `${id}\n`);
  const finished = await s.effects.finish(id, {
    status: 'succeeded',
    exitCode: 0,
    output: i % 3 === 0 ? `output of ${id}\n`.repeat(60) : 'ok',
  });
  if (!finished) throw new Error(`${id} could not be finished`);
  say(`F ${finished.record.seq} ${finished.record.hash} ${id}`);
  const r = await s.audit.append({ actor: 'system', action: 'message.posted', subject: `message:${id}`, data: { i } });
  say(`A ${r.seq} ${r.hash}`);
  const delivery = `r${round}-d${i}`;
  await acceptAlerts(ingest, { source: 'crash', alerts: crashDelivery(delivery, Date.now()), receivedAt: Date.now() });
  say(`D ${delivery}`);
}
