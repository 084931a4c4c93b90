// Prompts that make the comparison easy to read: short answers, where a reward model has an opinion.
export interface ExamplePrompt {
  readonly title: string;
  readonly prompt: string;
}

export const EXAMPLE_PROMPTS: readonly ExamplePrompt[] = [
  { title: 'Kind reply', prompt: 'My friend failed an exam today. What should I tell them?' },
  { title: 'Explain', prompt: 'Explain in two sentences why the sky is blue.' },
  { title: 'Advice', prompt: 'Give me one tip for sleeping better.' },
  { title: 'Story', prompt: 'Write the first line of a happy story about a dog.' },
];
