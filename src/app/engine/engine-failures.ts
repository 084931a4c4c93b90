// What the user is told when the engine worker itself fails, as opposed to a call it answered.
import type { EngineErrorData } from '../../core/errors.ts';

/** The worker reported an error it did not survive (an uncaught exception, a message it could not read). */
export function crashError(detail: string | null): EngineErrorData {
  return {
    code: 'internal',
    message: `The engine crashed: ${detail ?? 'the worker stopped unexpectedly'}.`,
    hint: 'It has been restarted: load the models again. If it keeps happening, try WASM or a smaller model.',
  };
}

/** The worker ended without a word (closed itself, or the browser reclaimed its memory). */
export function vanishedError(): EngineErrorData {
  return {
    code: 'out-of-memory',
    message: 'The engine stopped without an error: its worker was closed, most likely by the browser for lack of memory.',
    hint: 'It has been restarted: load the models again, then try a smaller model, fewer candidates, a smaller KV budget or WASM.',
  };
}

/** Workers kept failing before they were up: their script could not be fetched or would not start. */
export function unavailableError(online: boolean, tries: number): EngineErrorData {
  return online
    ? {
        code: 'internal',
        message: `The engine could not be loaded: its worker failed to start ${tries} times in a row.`,
        hint: 'Check that the app\'s server is still running, then press Retry. The browser console has details.',
      }
    : {
        code: 'download-failed',
        message: `You are offline: the engine could not be loaded (its script could not be fetched, ${tries} tries).`,
        hint: 'Reconnect, then press Retry. Models this browser has cached load without a network once the engine is back.',
      };
}
