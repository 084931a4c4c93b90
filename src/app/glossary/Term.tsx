// A word with its definition on hover and on keyboard focus (Tab reaches every term; Escape hides the
// definition). The definition is also the term's accessible description (the glossary's hidden copy,
// GlossaryList.tsx, or a hidden one of its own when the page gives a definition for its context), so a
// screen reader reads it without the tooltip, and the term's text on the page is only its words. The
// tooltip never takes the pointer (it cannot cover what a click aims at) and follows its term when the page scrolls.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { definitionId } from './GlossaryList.tsx';
import { TERMS, type TermId } from './terms.ts';
import { placeTip, type TipPlace } from './tip-place.ts';

interface Props {
  readonly id: TermId;
  /** The words shown; the term's label when absent. */
  readonly children?: ReactNode;
  /** A definition for this page's context (e.g. the loaded reward model's scale) instead of the glossary's. */
  readonly text?: string;
}

/** Hiding waits this long after the pointer leaves, so a pointer passing between close terms does not flicker. */
const HIDE_DELAY_MS = 100;

export function Term({ id, children, text }: Props) {
  const definition = text ?? TERMS[id].text;
  const ownId = useId();
  const descriptionId = text === undefined ? definitionId(id) : ownId;
  const anchor = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<TipPlace | null>(null);
  const hideTimer = useRef(0);
  const show = () => {
    window.clearTimeout(hideTimer.current);
    setOpen(true);
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(close, HIDE_DELAY_MS);
  };
  const close = () => {
    setOpen(false);
    setPlace(null);
  };
  const hide = () => {
    window.clearTimeout(hideTimer.current);
    close();
  };

  // Placed under (or over) its term once it is measured, and again when the page scrolls or resizes
  // (Tab scrolls a term into view as it focuses it).
  useLayoutEffect(() => {
    if (!open) return undefined;
    const placeNow = () => {
      if (!anchor.current || !tip.current) return;
      const a = anchor.current.getBoundingClientRect();
      const t = tip.current.getBoundingClientRect();
      setPlace(placeTip(a, t, { width: document.documentElement.clientWidth, height: window.innerHeight }));
    };
    placeNow();
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(placeNow);
    };
    window.addEventListener('scroll', later, { capture: true, passive: true });
    window.addEventListener('resize', later);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', later, { capture: true });
      window.removeEventListener('resize', later);
    };
  }, [open]);

  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  return (
    <>
      <span
        ref={anchor} className="term" tabIndex={0} data-term={id} aria-describedby={descriptionId}
        onPointerEnter={show} onPointerLeave={hideSoon} onFocus={show} onBlur={hide}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            hide();
          }
        }}
      >
        {children ?? TERMS[id].label}
      </span>
      {text !== undefined && <span id={ownId} hidden>{definition}</span>}
      {open && createPortal(
        <div
          ref={tip} className="term-tip" data-testid="term-tip" data-term={id} aria-hidden="true"
          style={place ? { left: place.left, top: place.top } : { left: 0, top: 0, visibility: 'hidden' }}
        >
          <b>{TERMS[id].label}</b>: {definition}
        </div>,
        document.body,
      )}
    </>
  );
}
