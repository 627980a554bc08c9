"""Piper's sampling noise, made a function of the text: the same text always comes out the same.

A Piper (VITS) model draws Gaussian noise inside the graph (RandomNormalLike) for its phoneme
durations and its audio, so the same sentence ran up to 3 % longer or shorter from one run to the
next: a script fitted in one process did not fit when narrated in another, and `make`, a batch
worker and a warm or cold speech cache gave different clips. Each RandomNormalLike is replaced by
a slice of one fixed table of Gaussian noise, starting at an offset hashed from the phoneme ids:
every sentence gets its own draw (no pattern repeats from sentence to sentence), the same sentence
always gets the same one. The table comes from a counter-based generator, so it is the same on
every machine and numpy version."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import onnx

TABLE = 1 << 20  # noise values; a sentence needs (192 channels x frames), about 500,000 at most
SEED = 0x6E657773  # "news"
MIX = 40503  # an odd multiplier spreading small phoneme sums over the table (Knuth's 16-bit golden ratio)


def fix_noise(model: onnx.ModelProto) -> int:
    """Replace every RandomNormalLike node of the onnx ModelProto `model` in place; how many."""
    from onnx import helper, numpy_helper

    graph = model.graph
    nodes = [n for n in graph.node if n.op_type == "RandomNormalLike"]
    if not nodes:
        return 0
    constants = {
        "news60_noise": noise_table(TABLE),
        "news60_zero": np.array(0, dtype=np.int64),
        "news60_one": np.array(1, dtype=np.int64),
        "news60_flat": np.array([-1], dtype=np.int64),
        "news60_table_size": np.array(TABLE, dtype=np.int64),
        "news60_mix": np.array(MIX, dtype=np.int64),
    }
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in constants.items())
    offset = _text_offset(helper, graph.input[0].name)  # the phoneme ids
    for made in reversed(offset):
        graph.node.insert(0, made)
    for number, node in enumerate(nodes):
        position = list(graph.node).index(node)
        graph.node.remove(node)
        for step, made in enumerate(_fixed_noise(helper, node, f"news60_noise_{number}")):
            graph.node.insert(position + step, made)
    return len(nodes)


def _text_offset(helper: ModuleType, ids: str) -> list[onnx.NodeProto]:
    """Nodes computing news60_offset: sum of (id x position x MIX), mod TABLE."""
    make = helper.make_node
    return [
        make("Reshape", [ids, "news60_flat"], ["news60_ids"]),
        make("Size", ["news60_ids"], ["news60_count"]),
        make("Add", ["news60_count", "news60_one"], ["news60_end"]),
        make("Range", ["news60_one", "news60_end", "news60_one"], ["news60_positions"]),
        make("Mul", ["news60_ids", "news60_positions"], ["news60_weighted"]),
        make("Mul", ["news60_weighted", "news60_mix"], ["news60_mixed"]),
        make("ReduceSum", ["news60_mixed"], ["news60_sum"], keepdims=0),
        make("Mod", ["news60_sum", "news60_table_size"], ["news60_offset"]),
    ]


def _fixed_noise(helper: ModuleType, node: onnx.NodeProto, name: str) -> list[onnx.NodeProto]:
    """Nodes computing, for the input x, table[(offset + i) mod TABLE] for i in 0..size(x),
    shaped as x."""
    (x,), (y,) = node.input, node.output
    make = helper.make_node
    return [
        make("Size", [x], [f"{name}_size"]),
        make("Range", ["news60_zero", f"{name}_size", "news60_one"], [f"{name}_range"]),
        make("Add", [f"{name}_range", "news60_offset"], [f"{name}_shifted"]),
        make("Mod", [f"{name}_shifted", "news60_table_size"], [f"{name}_index"]),
        make("Gather", ["news60_noise", f"{name}_index"], [f"{name}_flat"], axis=0),
        make("Shape", [x], [f"{name}_shape"]),
        make("Reshape", [f"{name}_flat", f"{name}_shape"], [y]),
    ]


def noise_table(size: int) -> np.ndarray:
    """`size` standard normal values (Box-Muller over SplitMix64 of a counter), float32."""
    counter = np.arange(size, dtype=np.uint64) * np.uint64(2) + np.uint64(SEED)
    first, second = _uniform(counter), _uniform(counter + np.uint64(1))
    table: np.ndarray = np.sqrt(-2.0 * np.log(first)) * np.cos(2.0 * np.pi * second)
    return table.astype(np.float32)


def _uniform(counter: np.ndarray) -> np.ndarray:
    """SplitMix64 of each counter, as a float in (0, 1)."""
    z = counter * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return ((z >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)
