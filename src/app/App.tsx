import { ErrorPanel } from './common/ErrorPanel.tsx';
import { Header } from './common/Header.tsx';
import { useSession } from './engine/controller-context.ts';
import { StartScreen } from './start/StartScreen.tsx';
import { Workspace } from './workspace/Workspace.tsx';

export function App() {
  const hasModels = useSession((s) => s.loaded !== null);
  return (
    <>
      <Header />
      <main>
        <ErrorPanel />
        {hasModels ? <Workspace /> : <StartScreen />}
      </main>
    </>
  );
}
