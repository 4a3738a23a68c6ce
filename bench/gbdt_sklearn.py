"""scikit-learn side of bench/gbdt.bench.ts (spawned with /usr/bin/python3; not meant to be run by hand).

usage: gbdt_sklearn.py DATA_DIR N_TRAIN N_FEATURES PARAMS_JSON [--skip-gb | --gb-only | --model hgb|hgb1]
Reads DATA_DIR/X.bin (float64, row-major) and DATA_DIR/y.bin (uint8); rows [0, N_TRAIN) train, the rest test.
Fits HistGradientBoostingClassifier (OpenMP default threads, then 1 thread) and GradientBoostingClassifier with
the same settings (--gb-only: GradientBoostingClassifier alone, with PARAMS' maxFeatures), prints one JSON
line: fit seconds (wall and process CPU), test AUC, predict seconds, peak RSS. --model hgb (OpenMP default threads) or hgb1 (1 thread)
fits that one model alone, so that the peak RSS is that model's.
"""
import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from threadpoolctl import threadpool_info, threadpool_limits

data_dir, n_train, d, params = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
skip_gb = "--skip-gb" in sys.argv
gb_only = "--gb-only" in sys.argv
only = sys.argv[sys.argv.index("--model") + 1] if "--model" in sys.argv else None
X = np.fromfile(f"{data_dir}/X.bin", dtype=np.float64).reshape(-1, d)
y = np.fromfile(f"{data_dir}/y.bin", dtype=np.uint8).astype(int)
Xtr, ytr, Xte, yte = X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def run(model):
    t = time.perf_counter()
    c = time.process_time()
    model.fit(Xtr, ytr)
    fit = time.perf_counter() - t
    cpu = time.process_time() - c
    t = time.perf_counter()
    p = model.predict_proba(Xte)[:, 1]
    return {"fitSeconds": fit, "fitCpuSeconds": cpu, "predictSeconds": time.perf_counter() - t, "auc": float(roc_auc_score(yte, p))}


hgb = lambda: HistGradientBoostingClassifier(
    max_iter=params["nEstimators"], max_depth=params["maxDepth"], learning_rate=params["learningRate"],
    min_samples_leaf=params["minSamplesLeaf"], max_leaf_nodes=None, l2_regularization=0.0, max_bins=255,
    early_stopping=False, random_state=0)
out = {"sklearn": sklearn.__version__,
       "openmpThreads": max([i.get("num_threads", 1) for i in threadpool_info() if i.get("user_api") == "openmp"] or [1])}
if only == "hgb":
    out["hgb"] = run(hgb())
elif only == "hgb1":
    with threadpool_limits(limits=1, user_api="openmp"):
        out["hgb1"] = run(hgb())
elif not gb_only:
    out["hgb"] = run(hgb())
    with threadpool_limits(limits=1, user_api="openmp"):
        out["hgb1"] = run(hgb())
if not skip_gb and only is None:
    out["gb"] = run(GradientBoostingClassifier(
        n_estimators=params["nEstimators"], max_depth=params["maxDepth"], learning_rate=params["learningRate"],
        min_samples_leaf=params["minSamplesLeaf"], max_features=params.get("maxFeatures"), random_state=0))
out["peakRssMB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
