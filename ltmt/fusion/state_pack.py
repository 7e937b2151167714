"""One file of force-decoded segments: the on-disk format of :mod:`ltmt.fusion.state_store`.

A *pack* is a safetensors file that one batch writes with every segment it force-decoded (a
file per segment made 4,719 files in a cold knn-trained pass over 1,084 dev segments, 1.30 s of
the store's CPU time against 0.48 s for 35 packs: ``eval/results/speed/state-packs/``).
Segment ``i`` of a pack is the tensors ``i.keys``, ``i.values``, ``i.alignment`` and
``i.source`` (:class:`ltmt.fusion.datastore.ForcedSegment`'s fields); the file's metadata names
the format (:data:`FORMAT`), its layout (:data:`LAYOUT_VERSION`) and, in slot order, each
segment's id and the digest of its cache key (``segments``, a JSON list of ``[id, digest]``).
Any safetensors reader opens a pack; :func:`read_slots` reads only its header and
:func:`read_segment` only the bytes of one segment.

Keys are written as the segment holds them: float16 as a datastore keeps them
(:func:`ltmt.fusion.datastore.as_stored`), float32 keys in bfloat16 when that loses nothing (a
bfloat16 model's), and read back in that dtype.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.datastore import ForcedSegment

FORMAT = "ltmt-forced-states"
# layout 4: keys hold the segment's creation time, and repaired or narrowed matches are kept
# (3: packs of keys without it; 2 was a file per segment, 1 a file without the alignment)
LAYOUT_VERSION = 4
PARTS = ("keys", "values", "alignment", "source")
# safetensors dtype names a pack may hold -> torch dtype names
_DTYPES = {"F32": "float32", "BF16": "bfloat16", "F16": "float16", "I64": "int64"}
_MAX_HEADER = 64 * 1024 * 1024  # a header larger than this is a damaged file, not a pack


class PackError(ValueError):
    """A file that is not a readable pack of this layout."""


@dataclass(frozen=True)
class Span:
    """Where one tensor lies in a pack: its dtype (safetensors' name), shape and byte range."""

    dtype: str
    shape: tuple[int, ...]
    begin: int
    end: int


@dataclass(frozen=True)
class Slot:
    """One segment of a pack: the file, the segment's id and its four tensors (:data:`PARTS`)."""

    path: Path
    segment_id: int
    spans: tuple[Span, ...]


def write_pack(path: Path, segments: Sequence[tuple[int, str, ForcedSegment]]) -> None:
    """Write ``(segment id, key digest, segment)`` triples as one pack at ``path``; every
    segment must carry its alignment and source. A file that cannot be written (a full disk, a
    read-only file system) is an ``OSError``, as safetensors says its own I/O errors as a
    ``SafetensorError``."""
    from safetensors import SafetensorError
    from safetensors.torch import save_file

    tensors: dict[str, torch.Tensor] = {}
    entries = []
    for slot, (segment_id, digest, item) in enumerate(segments):
        if item.alignment is None or item.source is None:
            raise ValueError("a pack holds segments with their alignment and source only")
        tensors[f"{slot}.keys"] = compact(item.keys.contiguous().cpu())
        tensors[f"{slot}.values"] = item.values.contiguous().cpu()
        tensors[f"{slot}.alignment"] = item.alignment.contiguous().cpu()
        tensors[f"{slot}.source"] = item.source.contiguous().cpu()
        entries.append([int(segment_id), digest])
    metadata = {
        "format": FORMAT,
        "layout": str(LAYOUT_VERSION),
        "segments": json.dumps(entries),
    }
    try:
        save_file(tensors, str(path), metadata=metadata)
    except SafetensorError as exc:
        raise OSError(f"cannot write {path}: {exc}") from exc


def read_slots(path: Path) -> dict[str, Slot]:
    """The segments of the pack at ``path`` by key digest, from its header alone.

    Raises :class:`PackError` for anything else (another layout, a damaged or truncated
    header) and ``OSError`` when it cannot be read.
    """
    with open(path, "rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        stream.seek(0)
        head = stream.read(8)
        length = int.from_bytes(head, "little") if len(head) == 8 else -1
        if not 0 < length <= min(_MAX_HEADER, size - 8):
            raise PackError(f"{path.name}: no safetensors header")
        try:
            header = json.loads(stream.read(length))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PackError(f"{path.name}: damaged header ({exc})") from None
    start = 8 + length
    if not isinstance(header, dict):
        raise PackError(f"{path.name}: damaged header (not a JSON object)")
    try:
        metadata = header.pop("__metadata__", None) or {}
        if not isinstance(metadata, dict):
            raise PackError(f"{path.name}: damaged metadata")
        if metadata.get("format") != FORMAT or metadata.get("layout") != str(LAYOUT_VERSION):
            raise PackError(f"{path.name}: not a layout {LAYOUT_VERSION} pack")
        slots = {}
        for slot, (segment_id, digest) in enumerate(json.loads(metadata["segments"])):
            spans = tuple(_span(header[f"{slot}.{part}"], start, size) for part in PARTS)
            slots[str(digest)] = Slot(path, int(segment_id), spans)
        return slots
    except PackError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise PackError(f"{path.name}: damaged header ({exc!r})") from None


def _span(entry: object, start: int, size: int) -> Span:
    if not isinstance(entry, dict):
        raise PackError(f"unexpected tensor {entry!r}")
    dtype, shape, offsets = entry.get("dtype"), entry.get("shape"), entry.get("data_offsets")
    if dtype not in _DTYPES or not isinstance(shape, list) or not isinstance(offsets, list):
        raise PackError(f"unexpected tensor {entry!r}")
    if len(offsets) != 2:
        raise PackError(f"unexpected tensor {entry!r}")
    begin, end = start + int(offsets[0]), start + int(offsets[1])
    if not start <= begin <= end <= size:
        raise PackError(f"tensor bytes {begin}-{end} outside the file ({size} bytes)")
    return Span(str(dtype), tuple(int(n) for n in shape), begin, end)


def read_segment(slot: Slot) -> ForcedSegment:
    """One segment of a pack, its keys in the dtype they were stored in (float16 as a datastore
    keeps them, bfloat16 or float32; ``OSError``/:class:`PackError` as :func:`read_slots`)."""
    from ltmt.fusion.datastore import ForcedSegment

    with open(slot.path, "rb") as stream:
        keys, values, alignment, source = (_tensor(stream, span) for span in slot.spans)
    return ForcedSegment(keys, values, alignment, source)


def _tensor(stream: BinaryIO, span: Span) -> torch.Tensor:
    import torch

    dtype = getattr(torch, _DTYPES[span.dtype])
    stream.seek(span.begin)
    data = stream.read(span.end - span.begin)
    if len(data) != span.end - span.begin:
        raise PackError("truncated tensor")
    if not data:
        return torch.empty(span.shape, dtype=dtype)
    flat = torch.frombuffer(bytearray(data), dtype=dtype)
    if flat.numel() != math.prod(span.shape):
        raise PackError(f"tensor of {flat.numel()} values for shape {span.shape}")
    return flat.reshape(span.shape)


def compact(keys: torch.Tensor) -> torch.Tensor:
    """``keys`` (float32) in bfloat16 when that loses nothing (states of a bfloat16 model, as
    kNN's default weights give): half the bytes to write and read, the same floats back."""
    import torch

    if keys.dtype != torch.float32:
        return keys
    narrow = keys.to(torch.bfloat16)
    return narrow if torch.equal(narrow.float(), keys) else keys
