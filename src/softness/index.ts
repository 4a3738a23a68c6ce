/** qsoft/softness: Quench-in softness: predict with a shipped or user model, model cards, training sets, condition glasses. The root `qsoft` exports a documented subset (docs/api.md). */

export * from "./quench-in-softness";
export * from "./model-card";
export * from "./training-set";
export * from "./sample-features";
export * from "./condition-glasses";
export * from "./training-domain";
