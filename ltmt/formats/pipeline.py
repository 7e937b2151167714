"""Translate a whole document with any translate function: placeholders, checkpoints, resume.

    from ltmt import Translator
    translator = Translator(model=path)
    result = translate_file(
        Path("de.po"), Path("de.mt.po"),
        lambda texts: [t.text for t in translator.translate(texts, user="u1")],
    )
    print(result.report.summary())

``translate`` takes a list of segments (which may hold newlines and edge spaces) and returns one
string per segment. Each output is fitted to its source by
:func:`ltmt.formats.placeholders.restore` before it goes into the document.

While it runs, the output is saved (atomically) at most every ``checkpoint_seconds`` together with
a progress file ``OUTPUT.ltmt-progress`` listing the units done. Running the same command again
after an interruption continues where it stopped; the progress file is removed at the end. An
output without a progress file is a finished run (or someone else's file): it is overwritten.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write
from ltmt.formats.documents import Document, Unit, open_document
from ltmt.formats.placeholders import PlaceholderReport, Restored, protect, restore

logger = logging.getLogger(__name__)

TranslateFn = Callable[[list[str]], Sequence[str]]


@dataclass
class RunResult:
    """What a document run did: units translated now, left empty by the model, done before."""

    translated: int = 0
    empty: int = 0
    resumed: int = 0
    report: PlaceholderReport = field(default_factory=PlaceholderReport)


def translate_texts(
    texts: Sequence[str], translate: TranslateFn, report: PlaceholderReport | None = None
) -> list[Restored]:
    """Translate ``texts`` and fit each output to its source (placeholders, edges, lines)."""
    protected = [protect(text) for text in texts]
    outputs = list(translate([p.source for p in protected]))
    if len(outputs) != len(protected):
        raise ValueError(f"translate returned {len(outputs)} outputs for {len(protected)} inputs")
    restored = [restore(p, output) for p, output in zip(protected, outputs, strict=True)]
    if report is not None:
        for p, r in zip(protected, restored, strict=True):
            report.add(p, r)
    return restored


def progress_path(out_path: Path) -> Path:
    """The progress file kept beside ``out_path`` while a run is unfinished."""
    return Path(out_path).with_name(Path(out_path).name + ".ltmt-progress")


def translate_file(
    in_path: Path,
    out_path: Path,
    translate: TranslateFn,
    *,
    fmt: str | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    overwrite: bool = False,
    mark_fuzzy: bool = True,
    resume: bool = True,
    chunk_size: int = 256,
    checkpoint_seconds: float = 60.0,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Translate the document ``in_path`` into ``out_path`` (see the module docstring).

    ``overwrite``: translate units that already have a translation too. ``mark_fuzzy``: flag
    machine translations for review (PO ``fuzzy``, XLIFF review state). ``resume``: continue
    an interrupted run into the same ``out_path``. ``progress(n)`` is called after each chunk
    with the number of units it finished.
    """
    if chunk_size < 1:
        raise InputError(f"chunk_size must be >= 1, got {chunk_size}")
    if Path(in_path).resolve() == Path(out_path).resolve():
        raise InputError(f"{out_path}: the output must not be the input file")
    marker = progress_path(out_path)
    done: set[str] = set()
    if resume and marker.exists() and Path(out_path).exists():
        done = _read_progress(marker)
        document = open_document(
            in_path, fmt, src_lang=src_lang, tgt_lang=tgt_lang, resume_from=Path(out_path)
        )
        units = [u for u in document.pending(overwrite) if u.key not in done]
    else:
        document = open_document(in_path, fmt, src_lang=src_lang, tgt_lang=tgt_lang)
        units = document.pending(overwrite)
    result = RunResult(resumed=len(done))
    last_save = time.monotonic()
    for start in range(0, len(units), chunk_size):
        chunk = units[start : start + chunk_size]
        _translate_chunk(document, chunk, translate, mark_fuzzy, result)
        done.update(u.key for u in chunk)
        if progress is not None:
            progress(len(chunk))
        if time.monotonic() - last_save >= checkpoint_seconds and start + chunk_size < len(units):
            document.save(Path(out_path))
            atomic_write(marker, json.dumps({"done": sorted(done)}).encode())
            last_save = time.monotonic()
    document.save(Path(out_path))
    marker.unlink(missing_ok=True)
    return result


def _translate_chunk(
    document: Document,
    chunk: list[Unit],
    translate: TranslateFn,
    mark_fuzzy: bool,
    result: RunResult,
) -> None:
    restored = translate_texts([u.source for u in chunk], translate, result.report)
    # An empty output leaves a PO/XLIFF unit untranslated; in txt/jsonl it keeps its line.
    keep_empty = document.format in {"txt", "jsonl"}
    filled = {
        u.key: r.text for u, r in zip(chunk, restored, strict=True) if r.text.strip() or keep_empty
    }
    result.empty += sum(not r.text.strip() for r in restored)
    result.translated += len(filled)
    document.fill(filled, mark_fuzzy=mark_fuzzy)


def _read_progress(marker: Path) -> set[str]:
    try:
        data = json.loads(marker.read_text("utf-8"))
        return {str(key) for key in data["done"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{marker}: unreadable progress file; delete it to start over") from exc
