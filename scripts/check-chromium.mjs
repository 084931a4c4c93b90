// Run first by `npm test` and `npm run e2e` (plain Node, before `npm ci`: no dependencies): the
// end-to-end tests drive a Chromium on this machine, and without one they would fail minutes later,
// one by one. Exits 1 at once with the command that installs it.
import { accessSync, constants, statSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function problem() {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile() ? null : 'is not a file';
  } catch (error) {
    return error && error.code === 'ENOENT' ? 'does not exist' : 'is not executable';
  }
}

const found = problem();
if (found !== null) {
  const from = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH (${path})` : path;
  console.error(
    [
      `Chromium not found: ${from} ${found}. The end-to-end tests drive Chromium (WASM and WebGPU).`,
      'Install it (Debian, Ubuntu):',
      '',
      '    sudo apt-get install chromium',
      '',
      'or point CHROMIUM_PATH at a Chromium or Chrome you have:',
      '',
      '    CHROMIUM_PATH=/path/to/chromium npm test',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
