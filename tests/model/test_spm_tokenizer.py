"""The SentencePiece tokenizer gives MarianTokenizer's ids and text, without transformers."""

from __future__ import annotations

import json
import random
import shutil
import warnings
from pathlib import Path

import pytest
import torch

from ltmt.errors import ModelError
from ltmt.model.backbone import DEFAULT_MODEL_DIR, load_backbone
from ltmt.model.spm_tokenizer import SentencePieceTokenizer, load_tokenizer, supported_config

DEV_USERS = Path(__file__).resolve().parents[2] / "../shared/data/en-de/l10n/dev"
HARD_TEXTS = [
    "",
    " ",
    "open the file",
    "Could not open %s: %s",
    "delete the branch {name} and %(count)d files",
    "press <b>OK</b> to continue &amp; wait",
    "  two  spaces \n a newline\tand a tab ",
    "Größe ändern: ä ö ü ß € 🙂 \u200b \ufb01 \u216b \uff21\uff22\uff23",
    "a </s> b<pad>c <unk>",  # special tokens in the text stay one token each
    ">>de<< hello",  # a leading language code is one token
    "x>>fr<<y",
    "hello world " * 80,  # longer than the truncation limits below
]


def _marian(directory: Path):  # type: ignore[no-untyped-def]
    from transformers import MarianTokenizer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return MarianTokenizer.from_pretrained(str(directory))


def _assert_same(directory: Path, texts: list[str]) -> None:
    ours, theirs = SentencePieceTokenizer(directory), _marian(directory)
    for options in ({}, {"add_special_tokens": False}, {"truncation": True, "max_length": 9}):
        assert ours(texts, **options)["input_ids"] == theirs(texts, **options)["input_ids"]
        target = ours(text_target=texts, **options)["input_ids"]
        assert target == theirs(text_target=texts, **options)["input_ids"]
        for text in texts[:20]:
            assert ours(text, **options) == dict(theirs(text, **options))
    ids = theirs(texts)["input_ids"] + theirs(text_target=texts)["input_ids"]
    for skip in (True, False):
        assert ours.batch_decode(ids, skip_special_tokens=skip) == theirs.batch_decode(
            ids, skip_special_tokens=skip
        )
    every = list(range(len(theirs)))
    assert ours.convert_ids_to_tokens(every) == theirs.convert_ids_to_tokens(every)
    pieces = theirs.convert_ids_to_tokens(ids[0])
    assert ours.convert_tokens_to_ids(pieces) == theirs.convert_tokens_to_ids(pieces)
    assert ours.convert_tokens_to_string(pieces) == theirs.convert_tokens_to_string(pieces)
    assert ours.all_special_ids == theirs.all_special_ids
    assert (ours.unk_token_id, ours.pad_token_id) == (theirs.unk_token_id, theirs.pad_token_id)
    mine = ours(texts[:5], return_tensors="pt", padding=True)
    reference = theirs(texts[:5], return_tensors="pt", padding=True)
    assert torch.equal(mine["input_ids"], reference["input_ids"])
    assert torch.equal(mine["attention_mask"], reference["attention_mask"])


def test_same_ids_and_text_as_marian_tokenizer_on_the_test_model(tiny_model_dir: Path) -> None:
    assert supported_config(tiny_model_dir) is not None
    _assert_same(tiny_model_dir, HARD_TEXTS)


def test_same_ids_and_text_as_marian_tokenizer_on_the_default_model_and_real_text() -> None:
    texts = list(HARD_TEXTS)
    files = sorted(DEV_USERS.glob("*.jsonl"))
    if files:  # the dev users' sources and targets (placeholders, markup, unicode)
        rows = [json.loads(line) for f in files for line in f.open(encoding="utf-8")]
        sample = random.Random(0).sample(rows, 400)
        texts += [r["source"] for r in sample] + [r["target"] for r in sample]
    _assert_same(DEFAULT_MODEL_DIR, texts)


def test_local_models_load_it_and_anything_else_loads_marian_tokenizer(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    assert isinstance(load_backbone(tiny_model_dir).tokenizer, SentencePieceTokenizer)
    other = tmp_path / "separate"
    shutil.copytree(tiny_model_dir, other)
    config = json.loads((other / "tokenizer_config.json").read_text("utf-8"))
    (other / "tokenizer_config.json").write_text(json.dumps({**config, "separate_vocabs": True}))
    assert supported_config(other) is None
    (other / "tokenizer_config.json").write_text(
        json.dumps({**config, "additional_special_tokens": ["<eop>"]})
    )
    assert supported_config(other) is None
    (other / "tokenizer_config.json").write_text(
        json.dumps({**config, "sp_model_kwargs": {"enable_sampling": True, "alpha": 0.1}})
    )
    assert supported_config(other) is None
    assert type(load_tokenizer(str(other), local=True)).__name__ == "MarianTokenizer"


def test_a_broken_sentencepiece_file_is_a_clear_error(tiny_model_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    (broken / "source.spm").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="cannot load model"):
        load_backbone(broken)


def test_tensors_of_unequal_rows_need_padding(tiny_model_dir: Path) -> None:
    tokenizer = SentencePieceTokenizer(tiny_model_dir)
    with pytest.raises(ValueError, match="padding=True"):
        tokenizer(["open the file", "hello"], return_tensors="pt")


def test_loading_a_model_parses_each_config_file_once(
    tiny_model_dir: Path, text_reads: list[str]
) -> None:
    load_backbone(tiny_model_dir)
    assert text_reads.count("tokenizer_config.json") == 1
    assert text_reads.count("config.json") == 1
