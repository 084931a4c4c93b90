// What the WebGPU numerical check found, in words (core/numericCheck.ts): a small difference, or a
// warning with what to do about it.
import { largestDifference, type NumericCheck } from '../../core/numericCheck.ts';

export interface NumericCheckText {
  readonly agrees: boolean;
  readonly text: string;
}

/** A difference as a person reads it: three significant digits. */
export function formatDifference(difference: number): string {
  return difference === 0 ? '0' : difference < 1e-4 ? difference.toExponential(1) : String(Number(difference.toPrecision(3)));
}

export function numericCheckText(check: NumericCheck): NumericCheckText {
  const largest = largestDifference(check);
  const found = largest === null ? 'WebGPU gave NaN or infinity' : `max difference ${formatDifference(largest)}`;
  if (check.agrees) return { agrees: true, text: `numbers checked against WASM: ${found} (tolerance ${formatDifference(check.tolerance)} for ${check.dtype})` };
  return {
    agrees: false,
    text: `WebGPU's numbers differ from WASM's (${found}; ${check.dtype} allows ${formatDifference(check.tolerance)}): this GPU or its driver may compute wrongly, and so may the answers and rewards. Switch to WASM: Change models, pick WASM (CPU), Load.`,
  };
}
