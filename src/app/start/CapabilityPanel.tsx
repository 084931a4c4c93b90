// What this machine offers, said plainly, and where the models will run.
import type { DevicePreference } from '../../worker/api.ts';
import { useController, useSession } from '../engine/controller-context.ts';
import { formatBytes } from '../format.ts';
import { useStore } from '../state/store.ts';

const DEVICES: readonly { value: DevicePreference; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'wasm', label: 'WASM (CPU)' },
];

export function CapabilityPanel() {
  const controller = useController();
  const caps = useSession((s) => s.capabilities);
  const selection = useStore(controller.selection, (s) => s);
  const gpu = caps?.webgpu ?? null;
  return (
    <section className="panel capabilities" aria-label="Capabilities" data-testid="capabilities">
      <h2>This machine</h2>
      {!caps && <p className="status-line">Checking WebGPU…</p>}
      {caps && (
        <ul className="facts">
          <li>
            WebGPU:{' '}
            {gpu ? (
              <>
                <b>available</b> ({[gpu.vendor, gpu.architecture].filter(Boolean).join(' ') || 'unnamed adapter'})
                {gpu.isFallbackAdapter && <> — a <b>software</b> adapter: it works but is slower than WASM</>}
              </>
            ) : (
              <><b>not available</b>{caps.webgpuProblem && ` (${caps.webgpuProblem})`}</>
            )}
          </li>
          {gpu && <li>shader-f16 (half-precision weights): <b>{gpu.shaderF16 ? 'yes' : 'no'}</b></li>}
          {gpu && <li>Largest GPU buffer: <b>{formatBytes(gpu.maxBufferSize)}</b>, per binding {formatBytes(gpu.maxStorageBufferBindingSize)}</li>}
          {gpu && (
            <li data-testid="numeric-check-plan">
              Loading on WebGPU also checks its numbers against WASM (a WASM copy of the models, one short input): some
              drivers compute wrongly without a sign, and the result shows beside the loaded models.
            </li>
          )}
          <li>
            WASM threads: <b>{caps.threads}</b>
            {caps.crossOriginIsolated ? ' (cross-origin isolated)' : ' (not cross-origin isolated: single-threaded)'}
          </li>
          <li className="placement" data-testid="placement">
            {caps.placement.device === 'webgpu'
              ? <>Automatic choice: <b>WebGPU</b>, {caps.placement.dtype} weights. {caps.placement.reason}</>
              : <>Automatic choice: <b>WASM on the CPU</b> ({caps.placement.dtype} weights) — {caps.placement.reason}. Slower than a GPU, but it works everywhere.</>}
          </li>
        </ul>
      )}
      {selection && (
        <fieldset className="device-choice">
          <legend>Where the models run</legend>
          {DEVICES.map((d) => (
            <label key={d.value}>
              <input
                type="radio" name="device" value={d.value} checked={selection.device === d.value}
                disabled={d.value === 'webgpu' && caps !== null && !gpu}
                onChange={() => controller.selection.set({ ...selection, device: d.value })}
              />
              {d.label}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
