const MINOR = new Set(['warning', 'warn', 'info', 'informational', 'notice', 'low', 'none', 'debug']);

/** Whether a severity value says "not an incident" (warning, info …): such alerts never start an investigation. */
export function isMinorSeverity(value: string | undefined): boolean {
  return value !== undefined && MINOR.has(value.trim().toLowerCase());
}
