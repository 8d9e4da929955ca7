import type { ExecutorDefinition } from './executor-definition.ts';
import type { ExecutorSettings } from './executor-settings.ts';
import { checkDefinition } from './executors/check-definition.ts';
import { commandDefinition } from './executors/command-definition.ts';
import { elasticsearchDefinition } from './executors/elasticsearch-definition.ts';
import { httpDefinition } from './executors/http-definition.ts';
import { kubectlDefinition } from './executors/kubectl-definition.ts';
import { waitDefinition } from './executors/wait-definition.ts';

/** Every executor a runbook step may use, by name (`uses`). A runbook naming another fails to load. */
export function executorDefinitions(settings: ExecutorSettings): ReadonlyMap<string, ExecutorDefinition> {
  return new Map(
    [
      httpDefinition(settings),
      commandDefinition(settings),
      kubectlDefinition(settings),
      elasticsearchDefinition,
      checkDefinition,
      waitDefinition,
    ].map((d) => [d.name, d]),
  );
}
