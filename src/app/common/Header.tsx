import { useSession } from '../engine/controller-context.ts';
import { GlossaryList } from '../glossary/GlossaryList.tsx';

export function Header() {
  const loaded = useSession((s) => s.loaded);
  return (
    <header className="app-header">
      <h1>Aligned in the browser</h1>
      <p className="tagline">Best-of-N, Speculative Rejection and TreeBoN, live, on models running on this machine</p>
      <GlossaryList />
      {loaded && (
        <span className="badge" data-testid="device-badge">
          {loaded.device === 'webgpu' ? 'WebGPU' : 'WASM (CPU)'} · {loaded.dtype}
        </span>
      )}
    </header>
  );
}
