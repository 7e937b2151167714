"""A Marian tokenizer on the ``sentencepiece`` library alone: ``MarianTokenizer``'s ids and text.

Importing transformers' tokenizer code costs about 40 MB of resident memory before a weight is
read (``import transformers`` and ``MarianTokenizer``: 77 MB against 38 MB for this module and
its two SentencePiece models), a third of what ``ltmt translate`` needs on its fast path. A
model directory laid out as OPUS-MT's (``source.spm``, ``target.spm``, one shared
``vocab.json``, the special tokens ``</s>``, ``<unk>``, ``<pad>`` and no others) loads into
:class:`SentencePieceTokenizer`, which reproduces what ltmt uses of ``MarianTokenizer``:

* encoding: the text is split around the special tokens it contains (each stays one token), a
  leading language code ``>>xx<<`` of each part is kept as one token, the rest is encoded by
  the source (``text``) or target (``text_target``) SentencePiece model and mapped through
  ``vocab.json`` (a piece it lacks is ``<unk>``); ``</s>`` is appended; ``truncation`` with
  ``max_length`` keeps the first ``max_length - 1`` ids before it;
* decoding: ids → pieces (``vocab.json``, else the SentencePiece piece), special ones skipped
  on request, runs of ordinary pieces decoded by the *source* SentencePiece model (as
  ``MarianTokenizer`` does for a shared vocabulary), a special token followed by a space.

Punctuation normalisation (``MarianTokenizer`` applies ``sacremoses`` only where it is installed)
is not done: ltmt's models are trained on text encoded without it (:mod:`ltmt.train.data`).
Anything else (a hub id, separate vocabularies, added tokens) loads ``MarianTokenizer``
(:func:`ltmt.model.backbone.load_backbone`). Tests compare both on real text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SPECIAL_TOKENS = ("</s>", "<unk>", "<pad>")
FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")
_SPECIAL_SPLIT = re.compile("(" + "|".join(re.escape(t) for t in SPECIAL_TOKENS) + ")")
_UNDERLINE = "▁"


def supported_config(directory: Path) -> dict[str, Any] | None:
    """``tokenizer_config.json`` of ``directory``, parsed, when it holds a tokenizer this module
    reproduces exactly; ``None`` otherwise (a missing file or a configuration it does not)."""
    if not all((directory / name).is_file() for name in FILES):
        return None
    try:
        config = json.loads((directory / "tokenizer_config.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    added = config.get("added_tokens_decoder", {}) if isinstance(config, dict) else None
    if not isinstance(added, dict) or not all(isinstance(e, dict) for e in added.values()):
        return None
    supported = (
        config.get("tokenizer_class") == "MarianTokenizer"
        and not config.get("separate_vocabs", False)
        and not config.get("sp_model_kwargs")  # e.g. sampling: MarianTokenizer passes them on
        and not config.get("clean_up_tokenization_spaces", False)
        and not config.get("additional_special_tokens")
        and not config.get("extra_special_tokens")
        and not config.get("split_special_tokens", False)
        and config.get("eos_token", "</s>") == "</s>"
        and config.get("unk_token", "<unk>") == "<unk>"
        and config.get("pad_token", "<pad>") == "<pad>"
        and all(
            entry.get("content") in SPECIAL_TOKENS
            and not any(entry.get(key) for key in ("lstrip", "rstrip", "single_word"))
            for entry in added.values()
        )
    )
    return config if supported else None


class SentencePieceTokenizer:
    """What ltmt calls of ``MarianTokenizer``, for a directory :func:`supported_config` accepts;
    ``config``: its ``tokenizer_config.json`` when the caller has parsed it already."""

    def __init__(self, directory: str | Path, config: dict[str, Any] | None = None) -> None:
        import sentencepiece

        directory = Path(directory)
        if config is None:
            config = json.loads((directory / "tokenizer_config.json").read_text("utf-8"))
        self.source_lang: str | None = config.get("source_lang")
        self.target_lang: str | None = config.get("target_lang")
        self.model_max_length: int = int(config.get("model_max_length", 512))
        self.encoder: dict[str, int] = json.loads((directory / "vocab.json").read_text("utf-8"))
        self.decoder = {index: piece for piece, index in self.encoder.items()}
        self.spm_source = sentencepiece.SentencePieceProcessor(
            model_file=str(directory / "source.spm")
        )
        self.spm_target = sentencepiece.SentencePieceProcessor(
            model_file=str(directory / "target.spm")
        )
        self.eos_token, self.unk_token, self.pad_token = SPECIAL_TOKENS
        self.eos_token_id = self.encoder[self.eos_token]
        self.unk_token_id = self.encoder[self.unk_token]
        self.pad_token_id = self.encoder[self.pad_token]
        self.all_special_tokens = list(SPECIAL_TOKENS)
        self.all_special_ids = [self.encoder[t] for t in SPECIAL_TOKENS]

    def __len__(self) -> int:
        return len(self.encoder)

    @property
    def vocab_size(self) -> int:
        return len(self.encoder)

    # encoding
    def tokenize(self, text: str, *, target: bool = False) -> list[str]:
        """The pieces of ``text`` (no ``</s>``)."""
        processor = self.spm_target if target else self.spm_source
        pieces: list[str] = []
        for part in _SPECIAL_SPLIT.split(text):
            if not part:
                continue
            if part in SPECIAL_TOKENS:
                pieces.append(part)
                continue
            if part.startswith(">>") and (end := part.find("<<")) != -1:
                pieces.append(part[: end + 2])
                part = part[end + 2 :]
            pieces.extend(processor.encode(part, out_type=str))
        return pieces

    def encode(
        self,
        text: str,
        *,
        target: bool = False,
        add_special_tokens: bool = True,
        max_length: int | None = None,
    ) -> list[int]:
        """The ids of ``text``; with ``max_length``, at most that many (``</s>`` included)."""
        ids = self.convert_tokens_to_ids(self.tokenize(text, target=target))
        if max_length is not None:
            ids = ids[: max(0, max_length - (1 if add_special_tokens else 0))]
        return [*ids, self.eos_token_id] if add_special_tokens else ids

    def __call__(
        self,
        text: str | Sequence[str] | None = None,
        text_target: str | Sequence[str] | None = None,
        *,
        add_special_tokens: bool = True,
        truncation: bool = False,
        max_length: int | None = None,
        padding: bool = False,
        return_tensors: str | None = None,
    ) -> dict[str, Any]:
        """``{"input_ids", "attention_mask"}`` of ``text`` (``"labels"`` too with both), or of
        ``text_target`` alone, as ``MarianTokenizer(...)`` returns them."""
        limit = max_length if truncation else None
        if truncation and limit is None:
            limit = self.model_max_length

        def encoded(texts: str | Sequence[str], target: bool) -> dict[str, Any]:
            single = isinstance(texts, str)
            rows = [texts] if isinstance(texts, str) else list(texts)
            ids = [self.encode(t, target=target, add_special_tokens=add_special_tokens,
                               max_length=limit) for t in rows]  # fmt: skip
            return self._batch(ids, single, padding, return_tensors)

        if text is None and text_target is None:
            raise ValueError("give text or text_target")
        if text is None:
            assert text_target is not None
            return encoded(text_target, True)
        result = encoded(text, False)
        if text_target is not None:
            result["labels"] = encoded(text_target, True)["input_ids"]
        return result

    def _batch(
        self, ids: list[list[int]], single: bool, padding: bool, return_tensors: str | None
    ) -> dict[str, Any]:
        if padding or return_tensors is not None:
            width = max((len(row) for row in ids), default=0)
            if not padding and any(len(row) != width for row in ids):
                raise ValueError("sequences of different lengths need padding=True for tensors")
            masks = [[1] * len(row) + [0] * (width - len(row)) for row in ids]
            ids = [row + [self.pad_token_id] * (width - len(row)) for row in ids]
        else:
            masks = [[1] * len(row) for row in ids]
        if return_tensors == "pt":
            import torch

            return {"input_ids": torch.tensor(ids), "attention_mask": torch.tensor(masks)}
        if return_tensors is not None:
            raise ValueError(f"return_tensors={return_tensors!r} is not supported (only 'pt')")
        if single:
            return {"input_ids": ids[0], "attention_mask": masks[0]}
        return {"input_ids": ids, "attention_mask": masks}

    def convert_tokens_to_ids(self, tokens: str | Sequence[str]) -> Any:
        unk = self.unk_token_id
        if isinstance(tokens, str):
            return self.encoder.get(tokens, unk)
        return [self.encoder.get(t, unk) for t in tokens]

    # decoding
    def convert_ids_to_tokens(self, ids: Any, skip_special_tokens: bool = False) -> Any:
        if isinstance(ids, int):
            return self._piece(ids)
        skipped = set(self.all_special_ids) if skip_special_tokens else set()
        return [self._piece(int(i)) for i in _as_list(ids) if int(i) not in skipped]

    def _piece(self, index: int) -> str:
        piece = self.decoder.get(index)
        if piece is None:
            piece = self.spm_source.id_to_piece(index) if 0 <= index < len(self.spm_source) else ""
        return piece or self.unk_token

    def convert_tokens_to_string(self, tokens: Sequence[str]) -> str:
        text = ""
        run: list[str] = []
        for token in tokens:
            if token in SPECIAL_TOKENS:
                text += self.spm_source.decode_pieces(run) + token + " "
                run = []
            else:
                run.append(token)
        text += self.spm_source.decode_pieces(run)
        return text.replace(_UNDERLINE, " ").strip()

    def decode(self, ids: Any, skip_special_tokens: bool = False) -> str:
        tokens = self.convert_ids_to_tokens(ids, skip_special_tokens=skip_special_tokens)
        return self.convert_tokens_to_string([tokens] if isinstance(tokens, str) else tokens)

    def batch_decode(self, sequences: Any, skip_special_tokens: bool = False) -> list[str]:
        return [self.decode(row, skip_special_tokens) for row in _as_list(sequences)]


def _as_list(ids: Any) -> list[Any]:
    """A list from a list, a NumPy array or a torch tensor (``tolist``)."""
    return ids.tolist() if hasattr(ids, "tolist") else list(ids)


def load_tokenizer(source: str, local: bool) -> Any:
    """The tokenizer of model ``source``: :class:`SentencePieceTokenizer` for a local directory it
    :func:`supported_config` accepts, else ``MarianTokenizer`` (a hub id needs the network or
    its cache)."""
    config = supported_config(Path(source)) if local else None
    if config is not None:
        return SentencePieceTokenizer(source, config)
    import warnings

    from transformers import MarianTokenizer

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        return MarianTokenizer.from_pretrained(source, local_files_only=local)
