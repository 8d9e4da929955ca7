import { postgresBackend } from '../storage/support/backends.ts';
import { describeCrashSafety } from './support/crash-scenario.ts';

describeCrashSafety(postgresBackend);
