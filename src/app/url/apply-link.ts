// A link's settings win over the ones this browser kept: applied once the catalog is known (a built-in id
// is checked against it), after the kept settings came back.
import type { CatalogEntry } from '../models/catalog.ts';
import type { ModelSelection } from '../models/selection.ts';
import type { RunForm } from '../run/run-form.ts';
import type { Store } from '../state/store.ts';
import { readSettingsQuery, withLinkedModels } from './url-settings.ts';

/** Applies what the query names; returns what could not be read (empty when nothing was wrong). */
export function applyLinkSettings(
  search: string, stores: { readonly form: Store<RunForm>; readonly startForm: RunForm; readonly selection: Store<ModelSelection | null> }, catalog: readonly CatalogEntry[],
): string[] {
  const link = readSettingsQuery(search, stores.startForm, catalog);
  if (Object.keys(link.form).length > 0) stores.form.update((f) => ({ ...f, ...link.form }));
  if (link.models.generator !== null || link.models.scorers.length > 0) stores.selection.update((s) => (s ? withLinkedModels(s, link.models) : s));
  return [...link.problems];
}
