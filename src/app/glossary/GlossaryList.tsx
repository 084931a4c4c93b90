// Every term of the page with its definition, in one list the header opens: the tooltips' words, for
// reading in one go (or on a device without hover).
import { TERM_IDS, TERMS } from './terms.ts';

export function GlossaryList() {
  return (
    <details className="glossary" data-testid="glossary">
      <summary>Glossary</summary>
      <dl>
        {TERM_IDS.map((id) => (
          <div key={id}>
            <dt>{TERMS[id].label}</dt>
            <dd>{TERMS[id].text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
