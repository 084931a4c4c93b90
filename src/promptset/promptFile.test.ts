import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePromptFile, promptFileKind, promptOfItem } from './promptFile.ts';

const ok = (text: string, name: string) => {
  const parsed = parsePromptFile(text, name);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.prompts;
};
const bad = (text: string, name: string) => {
  const parsed = parsePromptFile(text, name);
  if (parsed.ok) throw new Error('parsed');
  return parsed;
};

describe('parsePromptFile', () => {
  it('reads the shipped prompt sets', () => {
    const read = (file: string) => ok(readFileSync(new URL(`../../examples/prompts/${file}`, import.meta.url), 'utf8'), file);
    expect(read('alpacafarm-eval-805.json')).toHaveLength(805);
    expect(read('sentence-starts.json')[0]).toBe('the weather today');
    const hh = read('hh-rlhf-harmless-test-100.json');
    expect(hh).toHaveLength(100);
    expect(hh[0]).toMatch(/^\n\nHuman: .*Assistant:/s);
  });

  it('reads JSON arrays and JSON Lines of strings and objects, skipping blank lines', () => {
    expect(ok(JSON.stringify([{ id: 0, instruction: 'one', dataset: 'x' }, { prompt: 'two' }, 'three']), 'a.json')).toEqual(['one', 'two', 'three']);
    expect(ok('"four"\n\n{"prompt": "five"}\r\n', 'b.jsonl')).toEqual(['four', 'five']);
  });

  it('joins an Alpaca input to its instruction, and cuts an HH-RLHF pair to its prompt', () => {
    expect(promptOfItem({ instruction: 'Translate.', input: 'Bonjour' })).toBe('Translate.\n\nBonjour');
    expect(promptOfItem({ instruction: 'Say hi.', input: '' })).toBe('Say hi.');
    expect(promptOfItem({ chosen: '\n\nHuman: hi\n\nAssistant: hello\n\nHuman: more\n\nAssistant: sure', rejected: 'x' }))
      .toBe('\n\nHuman: hi\n\nAssistant: hello\n\nHuman: more\n\nAssistant:');
    expect(promptOfItem({ text: 'x' })).toBeNull();
    expect(promptOfItem('  ')).toBeNull();
  });

  it('reads CSV with a prompt or instruction column, quoted commas, quotes and line breaks', () => {
    const text = '\uFEFFid,prompt\n1,"hello, world"\n2,"she said ""hi""\nthen left"\n\n3,plain\n';
    expect(ok(text, 'p.csv')).toEqual(['hello, world', 'she said "hi"\nthen left', 'plain']);
    expect(ok('Instruction,input\nTranslate.,Bonjour\nSay hi.,\n', 'p.CSV')).toEqual(['Translate.\n\nBonjour', 'Say hi.']);
  });

  it('names the first bad line of a JSON Lines file', () => {
    expect(bad('"a"\n"b"\n{"prompt": "c"\n"d"\n', 'p.jsonl')).toMatchObject({ line: 3, problem: expect.stringMatching(/^p\.jsonl, line 3: this line is not valid JSON/) });
    expect(bad('"a"\n\n{"text": "no prompt"}\n', 'p.jsonl')).toMatchObject({ line: 3, problem: expect.stringContaining('item 2 is neither a string') });
  });

  it('names the first bad line of a JSON array, for a bad item and for broken JSON', () => {
    expect(bad('[\n  "a",\n  {"text": "b"},\n  "c"\n]', 'p.json')).toMatchObject({ line: 3, problem: expect.stringContaining('item 2 is neither') });
    expect(bad('[\n  "a",\n  "b",\n]', 'p.json')).toMatchObject({ line: 3, problem: expect.stringContaining('item 3 is empty') });
    expect(bad('[\n  "a",\n  {"prompt": "b",}\n]', 'p.json')).toMatchObject({ line: 3, problem: expect.stringContaining('item 2 is not valid JSON') });
    expect(bad('[\n  "a",\n  "b\n]', 'p.json')).toMatchObject({ line: 3, problem: expect.stringContaining('past the end of its line') });
    expect(bad('[\n  "a",\n  "b"\n', 'p.json')).toMatchObject({ line: 3, problem: expect.stringContaining('never closed') });
    expect(bad('{"prompts": []}', 'p.json')).toMatchObject({ line: 1, problem: expect.stringContaining('must hold a JSON array') });
    expect(bad('"a"\n"b"\n', 'p.json').problem).toContain('.jsonl');
    expect(bad('["a"] x', 'p.json').problem).toContain('more after the array');
  });

  it('names the first bad line of a CSV file', () => {
    expect(bad('text,id\nhello,1\n', 'p.csv')).toMatchObject({ line: 1, problem: expect.stringContaining('"prompt" or "instruction"') });
    expect(bad('prompt,id\n"multi\nline",1\nhello, world,2\n', 'p.csv')).toMatchObject({ line: 4, problem: expect.stringContaining('3 field(s), the header 2') });
    expect(bad('prompt,id\nfine,1\n,2\n', 'p.csv')).toMatchObject({ line: 3, problem: expect.stringContaining('"prompt" field is empty') });
    expect(bad('prompt,id\nfine,1\n"never closed,2\nx,3\n', 'p.csv')).toMatchObject({ line: 3, problem: expect.stringContaining('never closed') });
  });

  it('refuses a file with no prompts', () => {
    expect(bad('[]', 'p.json')).toMatchObject({ problem: 'p.json holds no prompts.', line: null });
    expect(bad('prompt\n', 'p.csv').problem).toBe('p.csv holds no prompts.');
  });

  it('tells the kind by the name', () => {
    expect([promptFileKind('a.JSONL'), promptFileKind('a.ndjson'), promptFileKind('a.csv'), promptFileKind('a.json'), promptFileKind('a')]).toEqual(['jsonl', 'jsonl', 'csv', 'json', 'json']);
  });
});
