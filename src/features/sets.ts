import { registerFeatureSet } from "./registry";

void registerFeatureSet;

/*
 * The built-in feature sets, registered once when this module is first imported (compute-features.ts imports
 * it). Each entry: name (CLI and featurize() name), one-line summary, whether "all" selects it, and a factory
 * from FeatureSetOptions. Add a set by adding an entry in the block of its owner.
 */

// --- Interstice SRO and MRO (Wang & Jain 2019): src/features/interstice.ts, src/features/mro.ts ---

// --- Benchmark sets, bond-orientational order, symmetry functions (features B) ---

