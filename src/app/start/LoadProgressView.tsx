import { formatBytes, formatPercent } from '../format.ts';
import type { LoadProgress } from '../state/load-progress.ts';

export function LoadProgressView({ progress }: { readonly progress: LoadProgress }) {
  return (
    <div className="load-progress" data-testid="load-progress">
      <p className="status-line" role="status" aria-live="polite" data-testid="load-status">{progress.message || 'Starting…'}</p>
      <div className="bar-row total">
        <span>Total</span>
        <progress max={1} value={progress.fraction} aria-label="Total download" />
        <span data-testid="load-total">
          {formatBytes(progress.loadedBytes)}{progress.totalBytes > 0 && ` of ${formatBytes(progress.totalBytes)}`} · {formatPercent(progress.fraction)}
        </span>
      </div>
      {progress.files.map((f) => (
        <div className="bar-row file" key={f.key} data-testid="load-file">
          <span className="file-name" title={`${f.model}/${f.file}`}>{f.model}/{f.file}</span>
          <progress max={f.total || 1} value={f.done ? f.total || 1 : f.loaded} aria-label={`${f.file} progress`} />
          <span>{f.done ? 'done' : f.total > 0 ? formatPercent(f.loaded / f.total) : formatBytes(f.loaded)}</span>
        </div>
      ))}
    </div>
  );
}
