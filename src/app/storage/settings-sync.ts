// The settings saved last come back once the catalog is known (the model defaults depend on it), and
// from then on every change to the run form or the model choice is saved.
import type { CatalogEntry } from '../models/catalog.ts';
import { defaultSelection, type ModelSelection } from '../models/selection.ts';
import type { RunForm } from '../run/run-form.ts';
import type { Store } from '../state/store.ts';
import type { Archive, SavedSettings } from './archive.ts';
import { restoreForm, restoreSelection, toSavedSelection } from './saved-settings.ts';

export interface SettingsStores {
  readonly form: Store<RunForm>;
  /** The form as the page started: a form still the same object was not typed in, and takes the saved one. */
  readonly startForm: RunForm;
  readonly selection: Store<ModelSelection | null>;
  /** The device the page's address asks for ('auto' when none): it wins over the saved one. */
  readonly device: ModelSelection['device'];
}

export function restoreAndKeepSettings(stores: SettingsStores, archive: Archive, catalog: readonly CatalogEntry[], saved: SavedSettings | null): void {
  const { form, startForm, selection, device } = stores;
  // A restore never overwrites what was typed meanwhile.
  if (form.get() === startForm) form.set(restoreForm(saved?.form, startForm));
  selection.set(restoreSelection(saved?.selection, catalog, defaultSelection(catalog, device), device));
  const save = () => {
    const picked = selection.get();
    if (picked) archive.saveSettings({ form: form.get(), selection: toSavedSelection(picked) });
  };
  form.subscribe(save);
  selection.subscribe(save);
}
