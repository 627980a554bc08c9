"""Freed memory handed back to the system between stages."""

from __future__ import annotations

import ctypes
import gc

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number (malloc.h)
# Blocks this big or bigger get their own pages, given back when freed. glibc raises its own
# threshold after the models free big blocks, and a render's frames then piled up on the heap:
# a cold `make` grew 460 MiB in the render where a warm one grew 105 MiB.
BIG_BLOCK = 1 << 20


def trim_heap() -> None:
    """Collect garbage, return the heap's free pages (glibc keeps what the models freed: about
    130 MiB), and keep frame-sized blocks off the heap from now on."""
    gc.collect()
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl, macOS): their allocators give pages back themselves
        return
    libc.mallopt(M_MMAP_THRESHOLD, BIG_BLOCK)
    libc.malloc_trim(0)
