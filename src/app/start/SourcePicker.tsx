// One model's source: a built-in (served with the app), a hub id, or a folder picked from disk.
import type { CatalogEntry } from '../models/catalog.ts';
import { hubIdProblem, type SourceDraft, type SourceMode } from '../models/selection.ts';
import { formatBytes } from '../format.ts';
import { FolderInput } from './FolderInput.tsx';
import { HubSize } from './HubSize.tsx';

interface Props {
  readonly legend: string;
  readonly role: string;
  /** Names the radio group and the test id; defaults to one made of `role`. */
  readonly testId?: string;
  readonly draft: SourceDraft;
  readonly builtins: readonly CatalogEntry[];
  readonly hubPlaceholder?: string;
  readonly onChange: (draft: SourceDraft) => void;
}

export function SourcePicker({ legend, role, testId, draft, builtins, hubPlaceholder, onChange }: Props) {
  const name = testId ?? `source-${role.replace(/\W+/g, '-')}`;
  const mode = (m: SourceMode) => () => onChange({ ...draft, mode: m });
  const chosen = builtins.find((e) => e.id === draft.builtinId);
  const hubProblem = draft.mode === 'hub' && draft.hubId !== '' ? hubIdProblem(draft.hubId) : null;
  return (
    <fieldset className="source-picker" data-testid={name}>
      <legend>{legend}</legend>
      <label className={builtins.length === 0 ? 'disabled' : ''}>
        <input type="radio" name={name} checked={draft.mode === 'builtin'} disabled={builtins.length === 0} onChange={mode('builtin')} />
        Built-in (served with this app, no download)
      </label>
      {draft.mode === 'builtin' && (
        <div className="source-detail">
          <select aria-label={`Built-in ${role}`} value={draft.builtinId} onChange={(e) => onChange({ ...draft, builtinId: e.target.value })}>
            {builtins.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label} · {formatBytes(e.bytes)}{e.random ? ' · random weights' : ''}
              </option>
            ))}
          </select>
          {chosen && (
            <p className="note">
              {chosen.random && <span className="tag">random weights</span>} {chosen.description} Size {formatBytes(chosen.bytes)}.
            </p>
          )}
        </div>
      )}
      <label>
        <input type="radio" name={name} checked={draft.mode === 'hub'} onChange={mode('hub')} />
        Hugging Face hub
      </label>
      {draft.mode === 'hub' && (
        <div className="source-detail">
          <input
            type="text" aria-label={`Hub id of the ${role}`} value={draft.hubId} placeholder={hubPlaceholder ?? 'owner/name'} spellCheck={false}
            onChange={(e) => onChange({ ...draft, hubId: e.target.value })}
          />
          {hubProblem && <p className="field-error">{hubProblem}</p>}
          <HubSize id={draft.hubId} />
          <p className="note">Downloaded once, then loaded from the browser cache, also offline.</p>
        </div>
      )}
      <label>
        <input type="radio" name={name} checked={draft.mode === 'folder'} onChange={mode('folder')} />
        A folder on this computer (offline)
      </label>
      {draft.mode === 'folder' && <FolderInput role={role} folder={draft.folder} onPick={(folder) => onChange({ ...draft, folder })} />}
    </fieldset>
  );
}
