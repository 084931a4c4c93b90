// Loads the study's generator and scorers on the CPU (onnxruntime-node), in the precision asked for
// or the best one each folder ships.
import type { ModelIndex } from '../../src/modelgen/model-catalog.ts';
import {
  choosePlacement,
  loadGenerator,
  loadImplicitReward,
  loadRewardModel,
  type LoadedGenerator,
  type LoadedScorer,
  type LoadOptions,
  type ModelDtype,
} from '../../src/models/index.ts';
import { buildModels, PUBLIC_MODELS_DIR } from '../lib/buildModels.ts';
import type { StudyArgs } from './args.ts';
import { checkReferenceDiffers, namesBuiltIn, resolveModel } from './modelSpecs.ts';
import { StudyError } from './studyError.ts';

const DTYPES: readonly ModelDtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];

export interface StudyModels {
  readonly generator: LoadedGenerator;
  readonly scorers: readonly LoadedScorer[];
  dispose(): Promise<void>;
}

export async function loadStudyModels(args: StudyArgs, log: (line: string) => void): Promise<StudyModels> {
  const builtIn = await builtInModels(args);
  const options = loadOptions(args.dtype);
  const generatorSource = resolveModel(args.generator, 'generator', builtIn);
  const referenceSource = args.reference === undefined ? undefined : resolveModel(args.reference, 'reference', builtIn);
  if (referenceSource) checkReferenceDiffers(generatorSource, referenceSource, builtInIndex(builtIn));
  const generator = await loadGenerator(generatorSource, options);
  log(`generator: ${generator.info.id} (${generator.device}, ${generator.dtype}, ${generator.info.kvBytesPerToken} KV bytes/token)`);
  const scorers: LoadedScorer[] = [];
  try {
    for (const reward of args.rewards) {
      scorers.push(await loadRewardModel(resolveModel(reward, 'reward', builtIn), options));
    }
    if (referenceSource !== undefined) {
      scorers.push(await loadImplicitReward(generator, referenceSource, { ...options, weighting: 'inverse-position' }));
    }
  } catch (error) {
    await Promise.all([generator.dispose(), ...scorers.map((s) => s.dispose())]);
    throw error;
  }
  log(`scorers: ${scorers.map((s) => s.label).join(', ')}`);
  return {
    generator,
    scorers,
    dispose: async () => {
      await Promise.all(scorers.map((s) => s.dispose()));
      await generator.dispose();
    },
  };
}

function loadOptions(dtype: string | undefined): LoadOptions {
  const placement = choosePlacement({ runtime: 'node', webgpu: null });
  if (dtype === undefined) return { device: placement.device, dtype: placement.dtype, fallbackDtypes: placement.fallbackDtypes };
  if (!DTYPES.includes(dtype as ModelDtype)) throw new StudyError(`--dtype must be one of ${DTYPES.join(', ')}`);
  return { device: placement.device, dtype: dtype as ModelDtype };
}

function builtInIndex(builtIn: () => { index: ModelIndex }): ModelIndex | null {
  try {
    return builtIn().index;
  } catch {
    return null;
  }
}

/** Builds the project's own models only when a flag names them. */
async function builtInModels(args: StudyArgs): Promise<() => { dir: string; index: ModelIndex }> {
  const specs = [args.generator, ...args.rewards, args.reference];
  if (!specs.some(namesBuiltIn)) {
    return () => {
      throw new StudyError('internal: built-in models were not built');
    };
  }
  const index = await buildModels(PUBLIC_MODELS_DIR);
  return () => ({ dir: PUBLIC_MODELS_DIR, index });
}
