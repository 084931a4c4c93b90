// Where a tooltip goes: centred under its term, above it when there is no room below, always inside
// the viewport (a phone's 420 px included). Pure, so it is tested without a browser.

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface TipPlace {
  readonly left: number;
  readonly top: number;
  readonly side: 'below' | 'above';
}

const GAP = 6;
const MARGIN = 8;

export function placeTip(anchor: Box, tip: { readonly width: number; readonly height: number }, viewport: { readonly width: number; readonly height: number }): TipPlace {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - tip.height;
  const fitsBelow = below + tip.height <= viewport.height - MARGIN;
  const side = fitsBelow || above < MARGIN ? 'below' : 'above';
  const centred = anchor.left + anchor.width / 2 - tip.width / 2;
  const left = Math.max(MARGIN, Math.min(centred, viewport.width - MARGIN - tip.width));
  return { left, top: side === 'below' ? below : above, side };
}
