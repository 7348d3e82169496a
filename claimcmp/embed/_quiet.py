"""Keeping third-party chatter out of the user's terminal, locally and reversibly."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["dropped_root_messages", "quiet_weight_loading"]


@contextmanager
def quiet_weight_loading(quiet: bool = True) -> Iterator[None]:
    """Hide transformers' weight-loading progress bar inside the block (restored after)."""
    if not quiet:
        yield
        return
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


class _DropContaining(logging.Filter):
    def __init__(self, needle: str) -> None:
        super().__init__()
        self.needle = needle

    def filter(self, record: logging.LogRecord) -> bool:
        return self.needle not in record.getMessage()


@contextmanager
def dropped_root_messages(needle: str) -> Iterator[None]:
    """Drop root-logger records containing ``needle`` inside the block.

    Some libraries (onnxruntime's quantiser) log advice straight on the root
    logger; this removes just that message, only while the block runs.
    """
    root = logging.getLogger()
    dropper = _DropContaining(needle)
    root.addFilter(dropper)
    try:
        yield
    finally:
        root.removeFilter(dropper)
