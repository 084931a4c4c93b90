// The model layer's public API: the only code that imports transformers.js lives in this folder.
export type { ModelSource } from './sources.ts';
export { sourceLabel } from './sources.ts';
export type { Capabilities, Device, ModelDtype, Placement, PlacementRequest, WebGpuCapabilities } from './placement.ts';
export { choosePlacement } from './placement.ts';
export { probeCapabilities, isNodeRuntime } from './capabilities.ts';
export type { LoadProgress, LoadProgressCallback } from './progress.ts';
export type { LoadOptions } from './loadPretrained.ts';
export type { GeneratorLoadOptions, LoadedGenerator } from './causalLm.ts';
export { loadGenerator } from './causalLm.ts';
export type { LoadedScorer, ScorerLoadOptions } from './rewardModel.ts';
export { loadRewardModel } from './rewardModel.ts';
export type { ImplicitRewardOptions, ImplicitRewardWeighting } from './implicitReward.ts';
export { loadImplicitReward } from './implicitReward.ts';
export { toLoadError, toRunError } from './errors.ts';
export type { WasmRuntimeOptions } from './runtimeSetup.ts';
export { configureWasmRuntime } from './runtimeSetup.ts';
export type { DeviceLossInfo } from './deviceLoss.ts';
export { deviceLoss, onDeviceLost } from './deviceLoss.ts';
