// Every term of the page with its definition, in one list the header opens: the tooltips' words, for
// reading in one go (or on a device without hover). It also holds each definition once, hidden, for the
// terms' accessible descriptions (aria-describedby), so a term's text on the page is only its words.
import { TERM_IDS, TERMS, type TermId } from './terms.ts';

/** The id of a term's hidden definition. */
export function definitionId(id: TermId): string {
  return `term-definition-${id}`;
}

export function GlossaryList() {
  return (
    <>
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
      <div hidden>
        {TERM_IDS.map((id) => <span key={id} id={definitionId(id)}>{TERMS[id].text}</span>)}
      </div>
    </>
  );
}
