// The WebGPU numerical check beside the loaded (or recorded) models: a quiet line when WebGPU agreed
// with WASM, a warning with what to do when it did not, or why it was not done.
import type { NumericCheck } from '../../core/numericCheck.ts';
import { numericCheckText } from './numeric-check-text.ts';

export function NumericCheckNote({ check, skipped }: { readonly check?: NumericCheck | undefined; readonly skipped?: string | undefined }) {
  if (check) {
    const { agrees, text } = numericCheckText(check);
    return (
      <p className={agrees ? 'numeric-check' : 'numeric-check mismatch'} data-testid="numeric-check" data-agrees={agrees} role={agrees ? undefined : 'alert'}>
        {agrees ? text : <><b>Warning:</b> {text}</>}
      </p>
    );
  }
  if (skipped) {
    return <p className="numeric-check" data-testid="numeric-check" data-agrees="unknown">numbers not checked against WASM: {skipped}</p>;
  }
  return null;
}
