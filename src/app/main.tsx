// Entry point: one controller (stores, engine worker, what the browser keeps) for the page's lifetime.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createController } from './engine/controller.ts';
import { ControllerContext } from './engine/controller-context.ts';
import { deviceFromUrl } from './models/selection.ts';
import { createArchive } from './storage/archive.ts';
import './styles.css';

const controller = createController(
  () => new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }),
  deviceFromUrl(window.location.search),
  createArchive(),
  window.location.search,
);
controller.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App />
    </ControllerContext.Provider>
  </StrictMode>,
);
