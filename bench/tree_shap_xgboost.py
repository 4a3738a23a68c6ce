"""XGBoost side of bench/tree-shap.bench.ts (spawned with /usr/bin/python3; not meant to be run by hand).

usage: tree_shap_xgboost.py DATA_DIR N_FEATURES N_TREES MAX_DEPTH
Reads DATA_DIR/X.bin (float64, row-major) and DATA_DIR/y.bin (uint8); fits XGBoost (tree_method "hist", one
thread) with the same number of trees and depth, then times its C++ TreeSHAP (predict(pred_contribs=True), one
thread) and its plain prediction on the same rows; prints one JSON line.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

data_dir, d, n_trees, depth = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(f"{data_dir}/X.bin", dtype=np.float64).reshape(-1, d)
y = np.fromfile(f"{data_dir}/y.bin", dtype=np.uint8).astype(int)
dm = xgb.DMatrix(X, label=y, nthread=1)
booster = xgb.train({"tree_method": "hist", "max_depth": depth, "eta": 0.1, "objective": "binary:logistic", "nthread": 1}, dm, n_trees)
t = time.perf_counter()
contribs = booster.predict(dm, pred_contribs=True)
shap_s = time.perf_counter() - t
t = time.perf_counter()
margin = booster.predict(dm, output_margin=True)
predict_s = time.perf_counter() - t
additivity = float(np.max(np.abs(contribs.sum(axis=1) - margin)))
print(json.dumps({"xgboost": xgb.__version__, "shapSeconds": shap_s, "predictSeconds": predict_s, "additivity": additivity}))
