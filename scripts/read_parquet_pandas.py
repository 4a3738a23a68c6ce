"""Reads a Parquet file with pandas and writes each column's values for scripts/check-parquet-readers.ts.

    python read_parquet_pandas.py ENGINE FILE OUTDIR

ENGINE is "pyarrow" or "fastparquet" (pandas.read_parquet's engine). OUTDIR receives header.json (rows, and per
column its name, pandas dtype and the file holding it) and one file per column: float64 and int64 columns as
little-endian raw bytes, text columns as a JSON list. Exit code 3 when the engine is not importable.
"""
import importlib
import json
import os
import sys


def main() -> int:
    engine, file, out = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        import numpy as np
        import pandas as pd

        importlib.import_module(engine)
    except ImportError as e:
        print(f"{engine}: not importable ({e})", file=sys.stderr)
        return 3
    df = pd.read_parquet(file, engine=engine)
    columns = []
    for k, name in enumerate(df.columns):
        s = df[name]
        dtype = str(s.dtype)
        if s.dtype.kind == "f":
            path, kind = f"c{k}.f64", "float64"
            s.to_numpy(dtype="<f8").tofile(os.path.join(out, path))
        elif s.dtype.kind in "iu":
            path, kind = f"c{k}.i64", "int64"
            s.to_numpy(dtype="<i8").tofile(os.path.join(out, path))
        else:
            path, kind = f"c{k}.json", "text"
            with open(os.path.join(out, path), "w", encoding="utf-8") as f:
                json.dump([None if v is None else str(v) for v in s.tolist()], f, ensure_ascii=False)
        columns.append({"name": str(name), "dtype": dtype, "kind": kind, "file": path})
    versions = {"pandas": pd.__version__, "numpy": np.__version__, engine: importlib.import_module(engine).__version__}
    with open(os.path.join(out, "header.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": len(df), "columns": columns, "versions": versions}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
