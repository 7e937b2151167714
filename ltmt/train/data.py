"""Training data: read parallel corpora, clean them, turn them into token-based length buckets."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ltmt.errors import InputError
from ltmt.train.config import DataSpec

logger = logging.getLogger(__name__)


def read_parallel_text(prefix: Path, src: str = "en", tgt: str = "de") -> list[tuple[str, str]]:
    """Read ``PREFIX.src`` and ``PREFIX.tgt``, aligned line by line."""
    src_path, tgt_path = (
        prefix.with_name(prefix.name + f".{src}"),
        prefix.with_name(prefix.name + f".{tgt}"),
    )
    for path in (src_path, tgt_path):
        if not path.is_file():
            raise InputError(f"corpus file not found: {path}")
    sources = src_path.read_text("utf-8").split("\n")
    targets = tgt_path.read_text("utf-8").split("\n")
    if sources and sources[-1] == "" and targets and targets[-1] == "":
        sources, targets = sources[:-1], targets[:-1]
    if len(sources) != len(targets):
        raise InputError(f"{src_path} has {len(sources)} lines but {tgt_path} has {len(targets)}")
    return list(zip(sources, targets))


def read_jsonl_pairs(path: Path) -> list[tuple[str, str]]:
    """Read ``{"source", "target"}`` objects, one per line."""
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                pairs.append((record["source"], record["target"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{path}:{number}: not a JSON object with source and target"
                ) from exc
    return pairs


def split_lines(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Make one-line training pairs: multi-line messages with the same number of lines are split.

    The translator translates line by line (newlines are structure, not words), so the model
    trains on lines too. Messages whose line counts differ are joined with spaces instead.
    """
    result: list[tuple[str, str]] = []
    for source, target in pairs:
        source_lines, target_lines = source.split("\n"), target.split("\n")
        if len(source_lines) == len(target_lines):
            result.extend(zip(source_lines, target_lines))
        else:
            result.append((" ".join(source_lines), " ".join(target_lines)))
    return [(s.strip(), t.strip()) for s, t in result if s.strip() and t.strip()]


def l10n_product_files(
    root: Path,
    glob: str,
    products: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[Path]:
    """The l10n product files (``NAME.jsonl``) under ``root`` that match ``glob``: only those
    named in ``products`` when it names any, never those named in ``exclude`` (e.g. products
    held out of a base model, for a fusion layer to learn from what the base never saw).

    A dev user's file is refused, and so is a name that matches no file (a typo would silently
    train on something else).
    """
    paths = sorted(root.glob(glob))
    for path in paths:
        if path.parent.name == "dev":
            raise InputError(f"refusing to train on a dev user's file: {path}")
    chosen, left_out = set(products), set(exclude)
    unknown = sorted((chosen | left_out) - {path.stem for path in paths})
    if unknown:
        raise InputError(
            f"no l10n product {', '.join(map(repr, unknown))} under {root} ({glob}); "
            "name products by their file names without .jsonl"
        )
    both = sorted(chosen & left_out)
    if both:
        raise InputError(f"l10n products both chosen and excluded: {', '.join(both)}")
    return [p for p in paths if (not chosen or p.stem in chosen) and p.stem not in left_out]


def data_folder(data_dir: str | Path, hint: str = "set data.data_dir or --data-dir") -> Path:
    """``data_dir`` when it is a folder; else an :class:`InputError` ending in ``hint``. A
    relative path is read against the working directory (as the bench config's ``data_dir``
    is), and the message says so: a config's ``../shared/data`` is not read against the
    config's folder."""
    root = Path(data_dir)
    if root.is_dir():
        return root
    if not root.is_absolute():
        hint = f"a relative path is read against the working directory {Path.cwd()}; {hint}"
    raise InputError(f"data folder not found: {root} ({hint})")


def load_training_pairs(spec: DataSpec) -> list[tuple[str, str]]:
    """All training pairs of ``spec``: the general corpora plus the (upsampled) l10n products."""
    root = data_folder(spec.data_dir)
    pairs: list[tuple[str, str]] = []
    for name in spec.general:
        corpus = split_lines(read_parallel_text(root / name))
        logger.info("%s: %d pairs", name, len(corpus))
        pairs.extend(corpus)
    l10n: list[tuple[str, str]] = []
    files = l10n_product_files(root, spec.l10n_glob, spec.l10n_products, spec.l10n_exclude)
    for path in files:
        l10n.extend(split_lines(read_jsonl_pairs(path)))
    if spec.l10n_exclude:
        logger.info("l10n: %s held out", ", ".join(spec.l10n_exclude))
    logger.info("l10n: %d pairs of %d products x %d", len(l10n), len(files), spec.l10n_upsample)
    pairs.extend(l10n * spec.l10n_upsample)
    return pairs


def load_dev_pairs(spec: DataSpec, seed: int) -> list[tuple[str, str]]:
    """A fixed random sample of ``spec.dev`` for periodic evaluation."""
    pairs = read_parallel_text(Path(spec.data_dir) / spec.dev)
    rng = random.Random(seed)
    if len(pairs) > spec.dev_size:
        pairs = rng.sample(pairs, spec.dev_size)
    return pairs


@dataclass
class EncodedCorpus:
    """Token ids of a parallel corpus (each sequence ends with ``</s>``)."""

    sources: list[np.ndarray]
    targets: list[np.ndarray]


def encode_pairs(
    pairs: Sequence[tuple[str, str]], spm_path: Path, vocab: dict[str, int], spec: DataSpec
) -> EncodedCorpus:
    """Encode with SentencePiece exactly as ``MarianTokenizer`` does; drop overlong or odd pairs."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(spm_path))
    piece_to_marian = np.array(
        [
            vocab.get(processor.id_to_piece(i), vocab["<unk>"])
            for i in range(processor.get_piece_size())
        ],
        dtype=np.int32,
    )
    eos = vocab["</s>"]
    src_ids = processor.encode([s for s, _ in pairs], num_threads=2)
    tgt_ids = processor.encode([t for _, t in pairs], num_threads=2)
    sources, targets, dropped = [], [], 0
    for s, t in zip(src_ids, tgt_ids):
        if (
            not s
            or not t
            or len(s) >= spec.max_tokens_per_side
            or len(t) >= spec.max_tokens_per_side
        ):
            dropped += 1
            continue
        ratio = max(len(s), len(t)) / min(len(s), len(t))
        if ratio > spec.max_length_ratio and max(len(s), len(t)) > 8:
            dropped += 1
            continue
        sources.append(np.append(piece_to_marian[s], eos).astype(np.int32))
        targets.append(np.append(piece_to_marian[t], eos).astype(np.int32))
    logger.info(
        "encoded %d pairs, dropped %d (empty, too long or length ratio)", len(sources), dropped
    )
    return EncodedCorpus(sources, targets)


def token_batches(corpus: EncodedCorpus, batch_tokens: int, seed: int) -> list[list[int]]:
    """Group example indices into batches of at most ``batch_tokens`` padded tokens per side.

    Examples are sorted by length (with a little noise so batches differ between epochs), cut into
    batches, and the batches shuffled: a deterministic function of ``seed``.
    """
    rng = np.random.default_rng(seed)
    lengths = np.array(
        [max(len(s), len(t)) for s, t in zip(corpus.sources, corpus.targets)], dtype=np.float64
    )
    order = np.argsort(lengths + rng.uniform(0, 1.5, len(lengths)), kind="stable")
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index in order.tolist():
        length = int(lengths[index])
        if current and max(longest, length) * (len(current) + 1) > batch_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(index)
        longest = max(longest, length)
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def collate(
    corpus: EncodedCorpus, indices: Sequence[int], pad_id: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pad one batch. Returns ``(input_ids, attention_mask, labels)``; labels use -100 for padding.

    Shapes: ``(batch, src_len)``, ``(batch, src_len)``, ``(batch, tgt_len)``.
    """
    sources = [corpus.sources[i] for i in indices]
    targets = [corpus.targets[i] for i in indices]
    src_len, tgt_len = max(map(len, sources)), max(map(len, targets))
    input_ids = np.full((len(indices), src_len), pad_id, dtype=np.int64)
    mask = np.zeros((len(indices), src_len), dtype=np.int64)
    labels = np.full((len(indices), tgt_len), -100, dtype=np.int64)
    for row, (s, t) in enumerate(zip(sources, targets)):
        input_ids[row, : len(s)] = s
        mask[row, : len(s)] = 1
        labels[row, : len(t)] = t
    return input_ids, mask, labels


def iter_epoch(batches: list[list[int]], start: int = 0) -> Iterator[tuple[int, list[int]]]:
    """Yield ``(position, batch)`` from ``start`` on (to resume inside an epoch)."""
    for position in range(start, len(batches)):
        yield position, batches[position]
