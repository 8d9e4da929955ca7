/** What `/causeway …` asked for, or why it cannot be read. */
export type SlashCommand =
  | { readonly kind: 'triage'; readonly target: string; readonly sinceMs: number | undefined }
  | { readonly kind: 'status'; readonly incidentId: string | undefined }
  | { readonly kind: 'runbooks'; readonly query: string | undefined }
  | {
      readonly kind: 'run';
      readonly runbookId: string;
      /** Absent: the one open incident (ambiguous when several are open). */
      readonly incidentId: string | undefined;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'autonomy' }
  | { readonly kind: 'pause'; readonly scope: string; readonly reason: string }
  | { readonly kind: 'resume'; readonly scope: string | undefined }
  | { readonly kind: 'help' }
  | { readonly kind: 'invalid'; readonly message: string };
