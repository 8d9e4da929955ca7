/** A structured logger (pino's shape): fields first, then the message; `child` binds fields (incident, run). */
export type LogPort = {
  debug(fields: Readonly<Record<string, unknown>>, message: string): void;
  info(fields: Readonly<Record<string, unknown>>, message: string): void;
  warn(fields: Readonly<Record<string, unknown>>, message: string): void;
  error(fields: Readonly<Record<string, unknown>>, message: string): void;
  child(bindings: Readonly<Record<string, unknown>>): LogPort;
};
