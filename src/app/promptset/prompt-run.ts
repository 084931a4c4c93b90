// How one prompt's run ended, as the set runner sees it.
import type { EngineErrorData } from '../../core/errors.ts';
import type { RunEvent } from '../../core/events.ts';

export type PromptRunResult =
  /** Every method ran to its end: the whole log. */
  | { readonly kind: 'done'; readonly events: readonly RunEvent[] }
  /** Stopped (Stop): nothing of it is kept for the set. */
  | { readonly kind: 'stopped'; readonly events: readonly RunEvent[] }
  /** The engine refused the prompt (invalid-config) or failed. */
  | { readonly kind: 'failed'; readonly error: EngineErrorData }
  /** Not started: no models, or a run already in flight. */
  | { readonly kind: 'busy' }
  /** Its worker went away (Reset, Change models, a crash). */
  | { readonly kind: 'gone' };
