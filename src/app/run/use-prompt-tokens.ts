// The prompt's length in the generator's tokens, asked of the worker a moment after typing stops.
import { useEffect, useState } from 'react';
import { useController } from '../engine/controller-context.ts';

export function usePromptTokens(prompt: string, delayMs = 250): number | null {
  const controller = useController();
  const [tokens, setTokens] = useState<{ prompt: string; count: number | null } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void controller.promptTokens(prompt).then((count) => {
        if (current) setTokens({ prompt, count });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [controller, prompt, delayMs]);
  return tokens?.count ?? null;
}
