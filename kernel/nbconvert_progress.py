# nbconvert config file (jupyter nbconvert --config kernel/nbconvert_progress.py), loaded by
# kernel/run-notebooks.ts: reports the cells of the notebook being executed on file descriptor 3 (the runner's
# stderr), in the form of the CLI's progress (src/cli/progress.ts): on a terminal one bar redrawn every second
# with the cells done, the rate and the time left; in a log one line every 5 s (none for a notebook done sooner)
# and a closing line. nbclient's hooks (on_notebook_start, on_cell_executed: after the kernel's reply, where
# on_cell_complete comes when the request is sent; nbclient >= 0.6) and a daemon
# thread drive it; the notebook itself runs unchanged.
#
# Environment: QSOFT_PROGRESS = "tty" | "log" (anything else: this file does nothing), QSOFT_PROGRESS_LABEL = what
# is printed first (e.g. "notebooks 3/10 02-prediction.ipynb").
import os
import threading
import time

c = get_config()  # noqa: F821 (defined by traitlets when it loads a config file)

_MODE = os.environ.get("QSOFT_PROGRESS", "")
_LABEL = os.environ.get("QSOFT_PROGRESS_LABEL", "notebook")
_LOG_INTERVAL = 5.0
_BAR = 24
_state = {"total": 0, "done": 0, "t0": 0.0, "finished": False}


def _duration(s):
    s = max(0.0, s)
    if s < 60:
        return "%.1f s" % s
    if s < 3600:
        return "%d min %02d s" % (s // 60, s % 60)
    return "%d h %02d min" % (s // 3600, (s % 3600) // 60)


def _write(text):
    try:
        os.write(3, text.encode())
    except OSError:
        pass


def _line(final):
    done, total = _state["done"], _state["total"]
    elapsed = time.monotonic() - _state["t0"]
    rate = done / elapsed if elapsed > 0 else 0.0
    # Cells differ in length: the time left is the mean time of a cell so far times the cells left.
    left = "about %s left" % _duration((total - done) / rate) if rate > 0 and not final else ""
    share = done / total if total else 1.0
    if _MODE == "tty":
        filled = int(round(_BAR * share))
        bar = "[" + "#" * filled + "-" * (_BAR - filled) + "]"
        tail = "done in %s" % _duration(elapsed) if final else left
        return "\r\x1b[K%s %s %d/%d cells %.2f cells/s %s" % (_LABEL, bar, done, total, rate, tail) + (
            "\n" if final else ""
        )
    tail = "done in %s" % _duration(elapsed) if final else "%s, %s" % (_duration(elapsed), left)
    return "%s: %d/%d cells (%.0f %%), %.2f cells/s, %s\n" % (_LABEL, done, total, 100 * share, rate, tail)


def _ticker():
    interval = 1.0 if _MODE == "tty" else _LOG_INTERVAL
    while True:
        time.sleep(interval)
        if _state["finished"]:
            return
        _write(_line(False))


def _on_notebook_start(notebook, **kwargs):
    _state["total"] = sum(1 for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip())
    _state["done"] = 0
    _state["t0"] = time.monotonic()
    _state["finished"] = _state["total"] == 0
    if _MODE == "tty":
        _write(_line(False))
    threading.Thread(target=_ticker, daemon=True).start()


def _on_cell_executed(cell, cell_index, **kwargs):
    if cell.cell_type != "code" or not cell.source.strip():
        return
    _state["done"] += 1
    if _state["done"] < _state["total"]:
        if _MODE == "tty":
            _write(_line(False))
        return
    _state["finished"] = True
    if _MODE == "tty" or time.monotonic() - _state["t0"] >= _LOG_INTERVAL:
        _write(_line(True))


if _MODE in ("tty", "log"):
    c.ExecutePreprocessor.on_notebook_start = _on_notebook_start
    c.ExecutePreprocessor.on_cell_executed = _on_cell_executed
