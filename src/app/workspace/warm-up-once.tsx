// Starts the warm-up (WarmUp.tsx) once per page, when the workspace's code arrives: the app fetches it in
// the background at start, so the warm-up runs while the start screen is up and the models load, in idle
// moments, and is gone before a first run. Its own React root in a hidden element, outside the app's.
import { createRoot } from 'react-dom/client';
import { WarmUp } from './WarmUp.tsx';

let started = false;

export function warmUpOnce(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  const host = document.createElement('div');
  host.className = 'warm-up';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  document.body.append(host);
  const root = createRoot(host);
  root.render(<WarmUp onDone={() => setTimeout(() => { root.unmount(); host.remove(); }, 0)} />);
}
