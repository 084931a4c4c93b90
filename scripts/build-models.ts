// `npm run models`: builds the project's own models into public/models/ (see scripts/lib/buildModels.ts).
import { buildModels, PUBLIC_MODELS_DIR } from './lib/buildModels.ts';

await buildModels(PUBLIC_MODELS_DIR, (line) => console.log(line));
