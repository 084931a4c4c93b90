import { useController } from '../engine/controller-context.ts';
import { formatBytes, formatPercent } from '../format.ts';
import { byModel, type LoadProgress } from '../state/load-progress.ts';

/** `failed`: the load ended without models; the bars stay as they stopped, the status line says so. */
export function LoadProgressView({ progress, failed = false }: { readonly progress: LoadProgress; readonly failed?: boolean }) {
  const controller = useController();
  const status = failed ? 'Load failed: nothing is loading now (why is said above).' : progress.message || 'Starting…';
  return (
    <div className={failed ? 'load-progress failed' : 'load-progress'} data-testid="load-progress" data-state={failed ? 'failed' : 'loading'}>
      <p className="status-line" role="status" aria-live="polite" data-testid="load-status">
        {status}
        {!failed && progress.stage === 'check' && <> <button data-testid="skip-check" onClick={controller.skipNumericCheck}>Skip the check</button></>}
      </p>
      <div className="bar-row total">
        <span>Total</span>
        <progress max={1} value={progress.fraction} aria-label="Total download" />
        <span data-testid="load-total">
          {formatBytes(progress.loadedBytes)}{progress.totalBytes > 0 && ` of ${formatBytes(progress.totalBytes)}`} · {formatPercent(progress.fraction)}
        </span>
      </div>
      {byModel(progress).map((m) => (
        <div className="model-progress" key={m.model} data-testid="load-model">
          <div className="bar-row model">
            <span className="file-name" title={m.model}>{m.model}</span>
            <progress max={m.total || 1} value={m.done ? m.total || 1 : m.loaded} aria-label={`${m.model} progress`} />
            <span>{m.done ? `done · ${formatBytes(m.total)}` : m.total > 0 ? `${formatBytes(m.loaded)} of ${formatBytes(m.total)}` : formatBytes(m.loaded)}</span>
          </div>
          {m.files.map((f) => (
            <div className="bar-row file" key={f.key} data-testid="load-file">
              <span className="file-name" title={`${f.model}/${f.file}`}>{f.file}</span>
              <progress max={f.total || 1} value={f.done ? f.total || 1 : f.loaded} aria-label={`${f.file} progress`} />
              <span>{f.done ? 'done' : f.total > 0 ? formatPercent(f.loaded / f.total) : formatBytes(f.loaded)}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
