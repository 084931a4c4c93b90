// Pure: prompts to chat messages (no tokenizer involved).
import { describe, expect, it } from 'vitest';
import { promptMessages } from './conversation.ts';

describe('promptMessages', () => {
  it('keeps an ordinary prompt as one user message, even one that mentions Human: later', () => {
    expect(promptMessages('Tell me a story.')).toEqual([{ role: 'user', content: 'Tell me a story.' }]);
    expect(promptMessages('Quote it:\n\nHuman: hi')).toEqual([{ role: 'user', content: 'Quote it:\n\nHuman: hi' }]);
  });

  it('reads an HH-RLHF transcript as the conversation, the closing empty Assistant turn being the reply to write', () => {
    const hh = '\n\nHuman: what are some pranks with a pen?\n\nAssistant: Are you looking for practical jokes?\n\nHuman: yep\n\nAssistant:';
    expect(promptMessages(hh)).toEqual([
      { role: 'user', content: 'what are some pranks with a pen?' },
      { role: 'assistant', content: 'Are you looking for practical jokes?' },
      { role: 'user', content: 'yep' },
    ]);
    expect(promptMessages('Human: How much alcohol can I drink per day?\n\nAssistant:')).toEqual([
      { role: 'user', content: 'How much alcohol can I drink per day?' },
    ]);
  });

  it('falls back to one message when the turns do not alternate or end on the assistant', () => {
    const odd = 'Human: a\n\nHuman: b\n\nAssistant:';
    expect(promptMessages(odd)).toEqual([{ role: 'user', content: odd }]);
    const answered = 'Human: a\n\nAssistant: b';
    expect(promptMessages(answered)).toEqual([{ role: 'user', content: answered }]);
  });
});
