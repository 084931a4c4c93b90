// `npm run study`: runs the alignment methods over a prompt set in Node and prints markdown tables.
import { writeFile } from 'node:fs/promises';
import { parseStudyArgs, STUDY_USAGE } from './study/args.ts';
import { runStudy } from './study/runStudy.ts';
import { StudyError } from './study/studyError.ts';
import { isEngineErrorData } from '../src/core/errors.ts';

async function main(): Promise<void> {
  const args = parseStudyArgs(process.argv.slice(2));
  if (args === null) {
    console.log(STUDY_USAGE);
    return;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('Stopping after the current step…');
    controller.abort();
  });
  const results = await runStudy(args, { signal: controller.signal, print: (text) => console.log(text) });
  if (args.out !== undefined) {
    await writeFile(args.out, `${JSON.stringify(results, null, 1)}\n`);
    console.log(`Wrote ${args.out}`);
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof StudyError
      ? error.message
      : isEngineErrorData(error)
        ? `${error.message}${'hint' in error && error.hint ? ` (${String(error.hint)})` : ''}`
        : error instanceof Error
          ? error.message
          : String(error);
  console.error(`study: ${message}`);
  process.exitCode = 1;
});
