// The download size of a hub model before loading it, from the hub's file listing (needs network;
// offline it says so, and the size still shows as the download runs).
import { useEffect, useState } from 'react';
import { useController, useSession } from '../engine/controller-context.ts';
import { formatBytes } from '../format.ts';
import { fetchHubListing, hubDownload } from '../models/hub-download.ts';
import { hubIdProblem } from '../models/selection.ts';
import { useStore } from '../state/store.ts';

type SizeState = { readonly id: string; readonly text: string };

export function HubSize({ id }: { readonly id: string }) {
  const controller = useController();
  const device = useStore(controller.selection, (s) => s?.device ?? 'auto');
  const dtypes = useSession((s) => s.capabilities?.placements[device].dtypes);
  const [size, setSize] = useState<SizeState | null>(null);
  const valid = hubIdProblem(id) === null;
  useEffect(() => {
    if (!valid || !dtypes) return undefined;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchHubListing(id.trim(), abort.signal)
        .then((listing) => {
          const download = hubDownload(listing, dtypes);
          setSize({
            id,
            text: download
              ? `Download: ${formatBytes(download.bytes)} (${download.dtype} weights, ${download.files.length} files).`
              : 'No ONNX weights this device can use in this repository: it cannot be loaded here.',
          });
        })
        .catch((error: unknown) => {
          if (!abort.signal.aborted) setSize({ id, text: `Size unknown (${error instanceof Error ? error.message : 'hub unreachable'}).` });
        });
    }, 400);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id, valid, dtypes]);
  if (!valid) return null;
  return <p className="note" data-testid="hub-size">{size?.id === id ? size.text : 'Looking up the download size…'}</p>;
}
