/** Text, or text that links somewhere (an anchor of the incident page, a deploy URL). */
export type DocText = string | { readonly text: string; readonly href: string };

/** One block of a postmortem section; rendered to Markdown or HTML, never holding markup itself. */
export type DocBlock =
  | { readonly kind: 'p'; readonly text: readonly DocText[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly DocText[])[] }
  | { readonly kind: 'checklist'; readonly items: readonly string[] }
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly rows: readonly (readonly (readonly DocText[])[])[];
    };

export type DocSection = { readonly id: string; readonly title: string; readonly blocks: readonly DocBlock[] };

/** The postmortem draft as data: a title and its sections, in order. */
export type PostmortemDoc = {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly DocSection[];
};
