"""A short, stable IIR filter in numpy: scipy.signal's lfilter(b, a, x) without importing
scipy.signal (0.6 s a process, most of it scipy building its docstrings).

A recursion is sequential, so the signal is cut into blocks of BLOCK samples: within a block the
output is the zero-state response (one matrix product with the filter's impulse response) plus
the response to the state the block starts in; the states themselves follow a recursion over
blocks, solved with a doubling scan in log2(blocks) vector steps. Exact up to rounding.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BLOCK = 64  # samples per block: the matrix product costs BLOCK multiplies a sample; 64 was fastest


def lfilter(b: Sequence[float], a: Sequence[float], x: np.ndarray) -> np.ndarray:
    """`x` (1-D) filtered by b(z)/a(z) from rest, as float64: scipy.signal.lfilter(b, a, x)."""
    a0 = float(a[0])
    numerator = np.asarray(b, dtype=np.float64) / a0
    denominator = np.asarray(a, dtype=np.float64) / a0
    signal = np.asarray(x, dtype=np.float64).reshape(-1)
    if max(len(b), len(a)) > BLOCK:
        raise ValueError(f"a filter of {max(len(b), len(a))} taps: this one is for short ones")
    if len(signal) == 0:
        return signal.copy()
    return _blocked(numerator, denominator, signal)


def _blocked(b: np.ndarray, a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The filter run block by block; see the module's docstring."""
    order, taps, count = len(a) - 1, len(b) - 1, len(x)
    blocks = -(-count // BLOCK)
    inputs = np.zeros((blocks, BLOCK))
    inputs.reshape(-1)[:count] = x
    shares = _block_response(b, a)
    out: np.ndarray = inputs @ shares[taps:]
    # The numerator reaches back into the block before, to its last `taps` inputs (added as
    # outer products: a matrix product this thin is slower in numpy).
    for back in range(taps):
        out[1:] += inputs[:-1, BLOCK - taps + back, None] * shares[back]
    if order == 0:
        return out.reshape(-1)[:count]
    # A block's state is its last `order` outputs (newest first); how a state carries into the
    # next block's outputs is the filter's zero-input response to each unit state.
    carry = _zero_input(a, BLOCK)  # (BLOCK, order)
    step = carry[::-1][:order]  # state after a block, from the state before it
    starts = np.zeros((blocks, order))
    starts[1:] = out[:-1, ::-1][:, :order]
    states = _scan(starts, step)
    for m in range(order):
        out += states[:, m : m + 1] * carry[:, m]
    return out.reshape(-1)[:count]


def _block_response(b: np.ndarray, a: np.ndarray) -> np.ndarray:
    """(BLOCK + taps, BLOCK): each input's share of each output of its block, the block
    starting from rest (inputs before the block count only through the numerator's taps:
    the outputs before it carry the rest, as the state)."""
    taps = len(b) - 1
    response = _impulse(a, BLOCK)
    shares = np.zeros((BLOCK + taps, BLOCK))
    for delay, tap in enumerate(b):
        for m in range(BLOCK):  # the numerator's output m of the block, fed by input m - delay
            shares[m + taps - delay, m:] += tap * response[: BLOCK - m]
    return shares


def _scan(inputs: np.ndarray, step: np.ndarray) -> np.ndarray:
    """s[k] = step @ s[k-1] + inputs[k] for every k (s[-1] = 0), by doubling."""
    states, power, reach = inputs.copy(), step, 1
    while reach < len(states):
        states[reach:] = states[reach:] + states[:-reach] @ power.T
        power, reach = power @ power, reach * 2
    return states


def _impulse(a: np.ndarray, length: int) -> np.ndarray:
    """The all-pole filter's response to a unit impulse, `length` samples."""
    out = np.zeros(length)
    for n in range(length):
        out[n] = (n == 0) - sum(a[k] * out[n - k] for k in range(1, len(a)) if n - k >= 0)
    return out


def _zero_input(a: np.ndarray, length: int) -> np.ndarray:
    """Column m: the output from rest input when y[-1-m] = 1 and every other past output is 0."""
    order = len(a) - 1
    out = np.zeros((length, order))
    for m in range(order):
        past = [0.0] * order
        past[m] = 1.0  # past[k] is y[-1-k]
        for n in range(length):
            y = -sum(a[k + 1] * past[k] for k in range(order))
            out[n, m] = y
            past = [y, *past[:-1]]
    return out
