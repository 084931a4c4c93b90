// The items of a JSON array as slices of its text, with where each starts: so a prompt file can name the
// line of a bad item, and of the first syntax error (JSON.parse's messages often give no position).
// Only the array's own structure is checked here; each item's text is left to JSON.parse.

export type ArrayItems =
  | { readonly ok: true; readonly items: readonly { readonly start: number; readonly text: string }[] }
  /** `at`: the offset of the fault. */
  | { readonly ok: false; readonly problem: string; readonly at: number };

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\uFEFF';

export function jsonArrayItems(text: string): ArrayItems {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && isSpace(text[i])) i++;
  };
  skipSpace();
  if (text[i] !== '[') return { ok: false, problem: 'the file must hold a JSON array of prompts: [ "…", "…" ].', at: i };
  i++;
  const items: { start: number; text: string }[] = [];
  skipSpace();
  if (text[i] === ']') return trailing(text, i + 1, items);
  /** Where the comma before this item is: an empty item is that comma's fault. */
  let comma = i;
  for (;;) {
    skipSpace();
    const start = i;
    let depth = 0;
    let stringStart = -1;
    for (; i < text.length; i++) {
      const c = text[i];
      if (stringStart >= 0) {
        if (c === '\\') i++;
        else if (c === '"') stringStart = -1;
        else if (c === '\n') return { ok: false, problem: 'a string runs past the end of its line (a missing closing quote?).', at: stringStart };
        continue;
      }
      if (c === '"') stringStart = i;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && depth > 0) depth--;
      else if ((c === ',' || c === ']') && depth === 0) break;
    }
    if (stringStart >= 0) return { ok: false, problem: 'a string is never closed.', at: stringStart };
    if (i >= text.length) return { ok: false, problem: 'the array is never closed (no "]" at the end).', at: start };
    const item = text.slice(start, i).trim();
    if (item === '') return { ok: false, problem: `item ${items.length + 1} is empty (a comma too many?).`, at: comma };
    items.push({ start, text: item });
    if (text[i] === ']') return trailing(text, i + 1, items);
    comma = i;
    i++;
  }
}

function trailing(text: string, from: number, items: { start: number; text: string }[]): ArrayItems {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  if (i < text.length) return { ok: false, problem: 'there is more after the array\'s closing "]".', at: i };
  return { ok: true, items };
}
