import { lazy, Suspense, useEffect } from 'react';
import { ErrorPanel } from './common/ErrorPanel.tsx';
import { Header } from './common/Header.tsx';
import { useSession } from './engine/controller-context.ts';
import { StartScreen } from './start/StartScreen.tsx';
import { StorageNotice } from './storage/StorageNotice.tsx';
import { LinkNotice } from './url/LinkNotice.tsx';

// The workspace (trees, charts, panels) is its own chunk: the start screen paints without it, and it
// is fetched in the background right away, so it is ready long before a model has loaded.
const loadWorkspace = () => import('./workspace/Workspace.tsx');
const Workspace = lazy(async () => ({ default: (await loadWorkspace()).Workspace }));

export function App() {
  // The workspace shows loaded models' runs, or a saved run opened without models.
  const hasRun = useSession((s) => s.loaded !== null || s.recorded !== null);
  // The start screen shows errors by its Load button, the workspace by its Run button; a saved run
  // viewed without models has neither, so its errors go on top.
  const viewingSavedRun = useSession((s) => s.loaded === null && s.recorded !== null);
  useEffect(() => {
    void loadWorkspace();
  }, []);
  return (
    <>
      <Header />
      <main>
        <LinkNotice />
        {viewingSavedRun && <ErrorPanel />}
        {hasRun ? (
          <Suspense fallback={<p className="status-line">Preparing the workspace…</p>}>
            <Workspace />
          </Suspense>
        ) : (
          <StartScreen />
        )}
      </main>
      <StorageNotice />
    </>
  );
}
