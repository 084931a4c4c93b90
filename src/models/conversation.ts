// A prompt as chat messages. Most prompts are one user message. A transcript in the Anthropic HH-RLHF
// layout ("\n\nHuman: …\n\nAssistant: …\n\nHuman: …\n\nAssistant:", as in ../shared/data) is the
// conversation it records: alternating user and assistant turns, the final empty "Assistant:" being
// where the reply goes. Pure: no tokenizer here.

export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

const TURN = /(?:^|\n\n)(Human|Assistant):[ \t]?/g;

/** The messages a chat template should render for `prompt`, ending with the user turn to reply to. */
export function promptMessages(prompt: string): ChatMessage[] {
  const text = prompt.replace(/^\s+/, '');
  if (!text.startsWith('Human:')) return [{ role: 'user', content: prompt }];
  const turns: ChatMessage[] = [];
  const markers = [...text.matchAll(TURN)];
  markers.forEach((match, i) => {
    const start = match.index + match[0].length;
    const end = i + 1 < markers.length ? markers[i + 1]!.index : text.length;
    turns.push({ role: match[1] === 'Human' ? 'user' : 'assistant', content: text.slice(start, end).trim() });
  });
  // The transcript's closing "Assistant:" with nothing after it is the reply still to write.
  const last = turns.at(-1);
  if (last?.role === 'assistant' && last.content === '') turns.pop();
  const alternates = turns.length > 0 && turns.every((t, i) => t.role === (i % 2 === 0 ? 'user' : 'assistant'));
  return alternates && turns.at(-1)?.role === 'user' ? turns : [{ role: 'user', content: prompt }];
}
