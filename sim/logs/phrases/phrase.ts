import type { Service } from '../../model/topology-model.ts';
import type { ErrText } from '../err-text.ts';

/** What a phrase sees: the service, the event's parameters, the described error, a wording variant. */
export type PhraseCtx = {
  readonly svc: Service;
  readonly p: Readonly<Record<string, string | number | undefined>>;
  readonly err: ErrText | undefined;
  readonly v: number;
  readonly t: number;
};

/** A message and, for structured loggers, extra key/values. */
export type PhraseOut = { readonly msg: string; readonly extra?: Readonly<Record<string, string | number>> };

export type Phrase = (c: PhraseCtx) => PhraseOut;
