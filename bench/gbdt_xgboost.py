"""XGBoost side of bench/gbdt.bench.ts (spawned with /usr/bin/python3; not meant to be run by hand).

usage: gbdt_xgboost.py DATA_DIR N_TRAIN N_FEATURES PARAMS_JSON
Reads DATA_DIR/X.bin (float64, row-major) and DATA_DIR/y.bin (uint8); rows [0, N_TRAIN) train, the rest test.
Fits Debian's XGBoost 1.7.4 XGBClassifier, tree_method "hist", 2 threads, with the bench's trees, depth and
learning rate, max_bin 255, XGBoost's defaults otherwise (reg_lambda 1, min_child_weight 1: min_samples_leaf has
no exact XGBoost counterpart), and prints one JSON line: fit (wall and process CPU) and predict seconds, test AUC, peak RSS of this
process.
"""
import json
import resource
import sys
import time

import numpy as np
import xgboost
from sklearn.metrics import roc_auc_score

data_dir, n_train, d, params = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
X = np.fromfile(f"{data_dir}/X.bin", dtype=np.float64).reshape(-1, d)
y = np.fromfile(f"{data_dir}/y.bin", dtype=np.uint8).astype(int)
Xtr, ytr, Xte, yte = X[:n_train], y[:n_train], X[n_train:], y[n_train:]

model = xgboost.XGBClassifier(
    n_estimators=params["nEstimators"], max_depth=params["maxDepth"], learning_rate=params["learningRate"],
    tree_method="hist", max_bin=255, n_jobs=2, random_state=0)
t = time.perf_counter()
c = time.process_time()
model.fit(Xtr, ytr)
fit = time.perf_counter() - t
cpu = time.process_time() - c
t = time.perf_counter()
p = model.predict_proba(Xte)[:, 1]
predict = time.perf_counter() - t
print(json.dumps({"xgboost": xgboost.__version__, "threads": 2, "fitSeconds": fit, "fitCpuSeconds": cpu, "predictSeconds": predict,
                  "auc": float(roc_auc_score(yte, p)),
                  "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
