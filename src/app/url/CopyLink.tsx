// "Copy link": the address of this setup (every run setting, the models, the device), so a shared link
// opens the same setup. The link also shows in a field, for when the clipboard is not available.
import { useState } from 'react';
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';
import { settingsQuery } from './url-settings.ts';

export function CopyLink() {
  const controller = useController();
  const form = useStore(controller.form, (f) => f);
  const selection = useStore(controller.selection, (s) => s);
  const [said, setSaid] = useState<string | null>(null);
  const link = `${window.location.origin}${window.location.pathname}${settingsQuery(form, selection)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setSaid('Link copied: it opens this setup (the models load from this browser\'s cache, the hub or the app as chosen).');
    } catch {
      setSaid('The clipboard is not available here: copy the link from the field.');
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>Copy link to this setup</button>
      {said !== null && (
        <>
          <input type="text" readOnly aria-label="Link to this setup" data-testid="setup-link" value={link} onFocus={(e) => e.currentTarget.select()} />
          <span className="note" role="status">{said}</span>
        </>
      )}
    </div>
  );
}
