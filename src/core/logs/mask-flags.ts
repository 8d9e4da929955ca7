import { type MaskKind, maskKinds } from './mask-kind.ts';

/** One boolean per mask class, for the hot path (no array look-ups per token). */
export type MaskFlags = Readonly<Record<MaskKind, boolean>>;

export function toMaskFlags(enabled: readonly MaskKind[]): MaskFlags {
  const flags = {} as Record<MaskKind, boolean>;
  for (const kind of maskKinds) flags[kind] = enabled.includes(kind);
  return flags;
}
