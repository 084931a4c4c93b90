// What an export is asked for: the format, whose answers, the pair rule, and the prompt file it is of.
import type { PairOptions } from './preferencePair.ts';

export type ExportFormat = 'sft' | 'preference' | 'scored' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['sft', 'preference', 'scored', 'csv'];

export interface ExportRequest extends PairOptions {
  readonly format: ExportFormat;
}

/** The prompt file the outcomes came from: its name (no folders) and how many prompts it holds. */
export interface PromptSetSource {
  readonly name: string;
  readonly prompts: number;
}
