// A run file handed to the browser as a download, named after its prompt.

export function runFileName(prompt: string | undefined): string {
  const slug = (prompt ?? 'run').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'run';
  return `run-${slug}.json`;
}

export function downloadRunFile(text: string, prompt: string | undefined): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: runFileName(prompt) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
