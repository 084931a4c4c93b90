import { useController, useSession } from '../engine/controller-context.ts';
import { formatBytes, formatDuration } from '../format.ts';
import { scorerNames } from '../lanes/scorer-names.ts';

export function LoadedSummary() {
  const controller = useController();
  const loaded = useSession((s) => s.loaded);
  const catalog = useSession((s) => s.catalog);
  if (!loaded) return null;
  const names = scorerNames(loaded.scorers.map((s) => s.id), loaded.scorers, catalog);
  return (
    <div className="loaded-summary" data-testid="loaded-summary">
      <span>
        Generator <b>{loaded.generator.id}</b> ({formatBytes(loaded.generator.kvBytesPerToken)} of KV cache per token) ·
        scored by <b>{names.join(' and ')}</b> · on {loaded.device === 'webgpu' ? 'WebGPU' : 'WASM (CPU)'},{' '}
        {loaded.dtype} · loaded in {formatDuration(loaded.loadMs)}, warm-up {formatDuration(loaded.warmupMs)}
      </span>
      <button onClick={controller.changeModels}>Change models</button>
    </div>
  );
}
