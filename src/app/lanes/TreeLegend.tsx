export function TreeLegend() {
  return (
    <ul className="tree-legend" aria-label="Legend">
      <li><span className="swatch alive" /> writing</li>
      <li><span className="swatch finished" /> finished</li>
      <li><span className="swatch rejected" /> cut at a decision (its partial reward)</li>
      <li><span className="swatch winner" /> winner</li>
      <li><span className="swatch queued" /> waiting for memory</li>
    </ul>
  );
}
