// The page's second module worker: the figures of derive-functions.ts, off the page's thread, so the page
// keeps its frames when a run ends. Pure functions, no models.
import * as Comlink from 'comlink';
import { deriveFunctions } from './derive-functions.ts';

Comlink.expose(deriveFunctions);
