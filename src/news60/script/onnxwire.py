"""Just enough of ONNX's protobuf encoding to write a model: nodes, attributes, tensors, graph.

onnxruntime reads these bytes directly; the onnx package is not needed (importing it costs over
a second, for numeric types we never use). Field numbers are onnx.proto's; messages are built as
lists of chunks, so a tensor's data is copied once, into the model's bytes.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

import numpy as np

IR_VERSION = 8  # what onnxruntime 1.14 and later read
OPSET = 17  # the first with LayerNormalization
_ELEMENT = {np.dtype(np.float32): 1, np.dtype(np.int64): 7}  # TensorProto.DataType
_FLOAT, _INT, _INTS = 1, 2, 7  # AttributeProto.AttributeType

Chunks = list[bytes | memoryview]


class GraphWriter:
    """Collects nodes and constant tensors; writes them as one ModelProto."""

    def __init__(self) -> None:
        self.nodes: list[Chunks] = []
        self.tensors: list[Chunks] = []
        self.count = 0

    def constant(self, name: str, array: np.ndarray) -> str:
        """Add a constant tensor (float32 or int64) and return its name."""
        data = np.ascontiguousarray(array)
        chunks: Chunks = [*(_int(1, d) for d in data.shape), _int(2, _ELEMENT[data.dtype])]
        chunks.append(_text(8, name))
        self.tensors.append(chunks + _message(9, [data.data.cast("B")]))
        return name

    def op(
        self,
        op_type: str,
        *inputs: str,
        output: str | None = None,
        **attributes: float | int | Sequence[int],
    ) -> str:
        """Add a node of one output (named after the op unless given) and return its name."""
        self.count += 1
        output = output or f"{op_type.lower()}{self.count}"
        chunks: Chunks = [*(_text(1, name) for name in inputs), _text(2, output)]
        chunks.append(_text(4, op_type))
        for name, value in attributes.items():
            chunks += _message(5, _attribute(name, value))
        self.nodes.append(chunks)
        return output

    def model(self, inputs: dict[str, Sequence[Any]], outputs: dict[str, Sequence[Any]]) -> bytes:
        """The ModelProto's bytes; each input and output is (numpy type, dimension, ...), where a
        dimension is a size or a name."""
        graph: Chunks = []
        for node in self.nodes:
            graph += _message(1, node)
        graph.append(_text(2, "news60"))
        for tensor in self.tensors:
            graph += _message(5, tensor)
        for name, (kind, *dims) in inputs.items():
            graph += _message(11, _value_info(name, _ELEMENT[np.dtype(kind)], dims))
        for name, (kind, *dims) in outputs.items():
            graph += _message(12, _value_info(name, _ELEMENT[np.dtype(kind)], dims))
        opset = _message(8, [_text(1, ""), _int(2, OPSET)])
        return b"".join([_int(1, IR_VERSION), *opset, *_message(7, graph)])


def _attribute(name: str, value: float | int | Sequence[int]) -> Chunks:
    if isinstance(value, float):
        return [_text(1, name), _key(2, 5), struct.pack("<f", value), _int(20, _FLOAT)]
    if isinstance(value, int):
        return [_text(1, name), _int(3, value), _int(20, _INT)]
    return [_text(1, name), *(_int(8, v) for v in value), _int(20, _INTS)]


def _value_info(name: str, element: int, dims: Sequence[int | str]) -> Chunks:
    shape: Chunks = []
    for dim in dims:
        shape += _message(1, [_text(2, dim) if isinstance(dim, str) else _int(1, dim)])
    tensor = [_int(1, element), *_message(2, shape)]
    return [_text(1, name), *_message(2, _message(1, tensor))]


def _message(field: int, chunks: Chunks) -> Chunks:
    """A nested message: its key and length, then its chunks (not copied)."""
    return [_key(field, 2), _varint(sum(len(c) for c in chunks)), *chunks]


def _text(field: int, text: str) -> bytes:
    data = text.encode()
    return _key(field, 2) + _varint(len(data)) + data


def _int(field: int, value: int) -> bytes:
    return _key(field, 0) + _varint(value)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # a negative int64 is written as its two's complement
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)
