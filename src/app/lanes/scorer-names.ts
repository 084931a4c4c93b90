// Scorers by the names a person knows them by: a built-in's catalog label, else the worker's label,
// in the order of the run's scorers (the order of every candidate's raw scores).
import type { LoadedModels } from '../../worker/api.ts';
import type { CatalogEntry } from '../models/catalog.ts';

export function scorerNames(
  runScorers: readonly string[],
  loaded: LoadedModels['scorers'] | undefined,
  catalog: readonly CatalogEntry[] | null,
): string[] {
  return runScorers.map((id) => catalog?.find((e) => e.id === id)?.label ?? loaded?.find((s) => s.id === id)?.label ?? id);
}
