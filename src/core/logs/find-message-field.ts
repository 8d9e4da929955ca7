/**
 * The log message of one parsed ECS / NDJSON record: its top-level `message` string
 * (flat `{"message": ...}` or dotted keys beside it), else the first `message` string in a
 * nested object, breadth first and at most 4 levels down (`{"_source": {"message": ...}}`,
 * `{"log": {"message": ...}}`). Undefined when there is none.
 */
export function findMessageField(record: unknown): string | undefined {
  let level: unknown[] = [record];
  for (let depth = 0; depth <= 4 && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
      const message = (node as Record<string, unknown>).message;
      if (typeof message === 'string') return message;
      for (const value of Object.values(node)) if (value !== null && typeof value === 'object') next.push(value);
    }
    level = next;
  }
  return undefined;
}
