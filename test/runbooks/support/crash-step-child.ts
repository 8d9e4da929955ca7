// A Causeway process for the runbook crash test: it runs step 0 of a run (a script that sleeps) and
// is killed by the test while the step runs. argv: storage URL, instance id, run id, script path.
import { writeSync } from 'node:fs';
import { openStorage } from '../../../src/adapters/storage/open-storage.ts';
import { executeApprovedStep } from '../../../src/app/runbooks/execute-approved-step.ts';
import { catalogOf, crashRunbook, runbookDeps, testSettings, testValidationContext } from './runbook-harness.ts';

const [url, owner, runId, script] = process.argv.slice(2) as [string, string, string, string];
const opened = await openStorage(url, { clock: Date.now, instanceId: owner, poolSize: 2 });
if (!opened.ok) {
  writeSync(1, `ERROR ${opened.error.message}\n`);
  process.exit(1);
}
const settings = testSettings({ commandAllow: [script] });
const deps = runbookDeps(opened.value, {
  catalog: catalogOf([crashRunbook(script)], testValidationContext(settings)),
  path: '/usr/bin:/bin',
  settings,
  clock: { now: Date.now },
});
writeSync(1, 'READY\n');
await executeApprovedStep(deps, { runId, step: 0, actor: 'system' });
writeSync(1, 'FINISHED\n');
