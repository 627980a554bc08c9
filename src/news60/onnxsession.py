"""onnxruntime sessions as news60 runs them: on the CPU, with a set number of threads."""

from __future__ import annotations

from typing import Any


def cpu_session(model: bytes | str, threads: int) -> Any:
    """An InferenceSession of `model` (its bytes or its path) on `threads` CPU threads."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle threads sleep rather than spin: a batch worker's neighbours need the cores.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: the library never writes to the terminal
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
