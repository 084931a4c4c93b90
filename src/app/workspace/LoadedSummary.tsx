import { useController, useSession } from '../engine/controller-context.ts';
import { formatBytes, formatDuration } from '../format.ts';
import { scorerNames } from '../lanes/scorer-names.ts';
import { useStore } from '../state/store.ts';
import { NumericCheckNote } from './NumericCheckNote.tsx';

export function LoadedSummary() {
  const controller = useController();
  const loaded = useSession((s) => s.loaded);
  const catalog = useSession((s) => s.catalog);
  const builtinGenerator = useStore(controller.selection, (s) => (s?.generator.mode === 'builtin' ? s.generator.builtinId : null));
  if (!loaded) return null;
  const names = scorerNames(loaded.scorers.map((s) => s.id), loaded.scorers, catalog);
  // A built-in generator by its label (its id is only a folder name); any other by its hub id or folder.
  const builtin = builtinGenerator === loaded.generator.id ? catalog?.find((e) => e.id === builtinGenerator) : undefined;
  const generatorName = builtin?.label ?? loaded.generator.id;
  return (
    <>
      <div className="loaded-summary" data-testid="loaded-summary">
        <span>
          Generator <b>{generatorName}</b> ({formatBytes(loaded.generator.kvBytesPerToken)} of KV cache per token) ·
          scored by <b>{names.join(' and ')}</b> · on {loaded.device === 'webgpu' ? 'WebGPU' : 'WASM (CPU)'},{' '}
          {loaded.dtype} · loaded in {formatDuration(loaded.loadMs)}, warm-up {formatDuration(loaded.warmupMs)}
        </span>
        <button onClick={controller.changeModels}>Change models</button>
      </div>
      <NumericCheckNote check={loaded.numericCheck} skipped={loaded.numericCheckSkipped} />
    </>
  );
}
