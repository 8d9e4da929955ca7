import { m001InitialSchema } from './m001-initial-schema.ts';
import { m002RunPlans } from './m002-run-plans.ts';
import { m003GroupKeys } from './m003-group-keys.ts';
import { m004SeenBefore } from './m004-seen-before.ts';
import { m005Autonomy } from './m005-autonomy.ts';
import { m006SeenBeforeNoTotalWeight } from './m006-seen-before-no-total-weight.ts';
import type { Migration } from './migration.ts';

/** Every migration, in version order. The last one's version is the schema this code expects. */
export const MIGRATIONS: readonly Migration[] = [
  m001InitialSchema,
  m002RunPlans,
  m003GroupKeys,
  m004SeenBefore,
  m005Autonomy,
  m006SeenBeforeNoTotalWeight,
];
