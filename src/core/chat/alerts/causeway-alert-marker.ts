/** The marker that identifies Causeway's own alert posts (a context element of the post). */
export const CAUSEWAY_ALERT_MARKER = 'causeway-alert/v1';
