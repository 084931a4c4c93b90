// After Run, the page scrolls to the lanes (the candidate trees), where the run shows first: smoothly,
// or at once when the reader asked the system for reduced motion.

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function scrollToLanes(): void {
  const lanes = document.querySelector('section.lanes');
  if (!lanes) return;
  lanes.scrollIntoView({ behavior: prefersReducedMotion() ? 'instant' : 'smooth', block: 'start' });
}
