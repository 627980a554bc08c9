"""Freed memory handed back to the system between stages."""

from __future__ import annotations

import ctypes
import gc

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number (malloc.h)
# Blocks this big or bigger (frames, photos, plates) get their own pages, given back when freed.
# glibc raises its own threshold after the models free big blocks, and a render's pictures then
# piled up on the heap: a cold `make` peaked at 1087 MiB with it, 925 MiB at 4 MiB. At 1 MiB the
# half-size plates of every card frame came and went through the kernel (2 s more system time).
BIG_BLOCK = 4 << 20


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
