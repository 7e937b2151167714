"""The vocabulary shortlist of fused batches on the tiny model: what it keeps, and its file."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from ltmt.errors import ModelError
from ltmt.fusion.knn import KnnConfig, KnnFusion
from ltmt.model.backbone import load_backbone
from ltmt.model.batching import pad_token_ids
from ltmt.model.decode import DecodeConfig
from ltmt.model.engine import Decoder
from ltmt.model.shortlist import FILE_NAME, LexicalShortlist, build_shortlist
from ltmt.segments import Match, Segment

SOURCES = ["open the file", "the cat sat on the mat", "hello world", "save the file now"]
MEMORY = {"open the file": ("open the file", "öffne die Datei")}
COPY = KnnConfig(lambda_max=1.0, tau=100.0, temperature=0.01, min_score=0.0)
GREEDY = DecodeConfig(beam=1, max_len_a=1.0, max_len_b=4)


@pytest.fixture
def model_dir(tiny_model_dir: Path, tmp_path: Path) -> Path:
    """A copy of the tiny model whose shortlist table is built from its own greedy
    translations of ``SOURCES`` (the model's "training data")."""
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(tiny_model_dir, folder)
    backbone = load_backbone(folder)
    ids = backbone.tokenizer(SOURCES)["input_ids"]
    outputs = Decoder(backbone, engine="torch", shortlist=False).decode(ids, GREEDY)
    targets = backbone.tokenizer.batch_decode(outputs, skip_special_tokens=True)
    table = build_shortlist(
        backbone.tokenizer, list(zip(SOURCES, targets)), backbone.vocab_size, frequent=2
    )
    table.save(folder)
    return folder


def make_match(source: str, target: str, score: float) -> Match:
    return Match(Segment(0, "u", source, target, 0.0, "test"), score)


def _knn_state(backbone):  # type: ignore[no-untyped-def]
    matches = [[make_match(*MEMORY[s], 90.0)] if s in MEMORY else [] for s in SOURCES]
    state = KnnFusion(COPY).prepare(backbone, SOURCES, matches)
    assert state is not None
    return state


def test_shortlist_keeps_every_token_greedy_decoding_picks(model_dir: Path) -> None:
    """Greedy decoding over the whole vocabulary, with kNN memory for one sentence: every
    token it picks (``</s>`` included) is in the batch's shortlist, which is smaller than the
    vocabulary, and holds every token a kNN neighbour can vote for."""
    backbone = load_backbone(model_dir)
    ids = backbone.tokenizer(SOURCES)["input_ids"]
    state = _knn_state(backbone)
    full = Decoder(backbone, engine="torch", shortlist=False)
    picked = full.decode(ids, GREEDY, state)
    short = Decoder(backbone, engine="torch", shortlist=True)
    input_ids, _ = pad_token_ids(ids, backbone.pad_id)
    kept = short.shortlist_for(input_ids, state)
    assert kept is not None and 0 < kept.numel() < backbone.vocab_size
    kept_set = set(kept.tolist())
    assert {t for tokens in picked for t in tokens} | {backbone.eos_id} <= kept_set
    assert set(state.memory.values.tolist()) <= kept_set
    # with the shortlist, greedy decoding picks the same tokens
    assert short.decode(ids, GREEDY, state) == picked
    assert backbone.tokenizer.decode(picked[0], skip_special_tokens=True) == "öffne die Datei"


def test_neighbour_tokens_stay_even_when_the_table_knows_nothing(model_dir: Path) -> None:
    backbone = load_backbone(model_dir)
    empty = LexicalShortlist(
        torch.zeros(0, dtype=torch.long),
        torch.zeros((backbone.vocab_size, 0), dtype=torch.long),
        {},
    )
    empty.save(model_dir)
    state = _knn_state(backbone)
    input_ids, _ = pad_token_ids(backbone.tokenizer(SOURCES)["input_ids"], backbone.pad_id)
    kept = Decoder(backbone, engine="torch", shortlist=True).shortlist_for(input_ids, state)
    assert kept is not None
    assert set(state.memory.values.tolist()) | set(input_ids.flatten().tolist()) - {
        backbone.pad_id
    } <= set(kept.tolist()) | {backbone.pad_id}


def test_no_table_no_state_tokens_or_turned_off_means_the_whole_vocabulary(
    tiny_model_dir: Path, model_dir: Path
) -> None:
    input_ids = torch.tensor([[5, 6, 0]])
    plain = load_backbone(tiny_model_dir)  # no table in this model
    on = {"engine": "torch", "shortlist": True}
    assert Decoder(plain, **on).shortlist_for(input_ids, _knn_state(plain)) is None
    shipped = load_backbone(model_dir)
    assert Decoder(shipped, **on).shortlist_for(input_ids, None) is None
    off = Decoder(shipped, engine="torch")  # off by default
    assert off.shortlist_for(input_ids, _knn_state(shipped)) is None


def test_saved_table_reads_back_and_a_foreign_file_is_refused(
    model_dir: Path, tmp_path: Path
) -> None:
    table = LexicalShortlist.load(model_dir)
    assert table is not None and table.meta["score"] == "dice" and table.meta["pairs"] == 4
    assert table.translations.dtype == torch.long
    from safetensors.torch import save_file

    save_file({"x": torch.zeros(1)}, str(tmp_path / FILE_NAME), metadata={"format": "other"})
    with pytest.raises(ModelError, match="not an ltmt shortlist"):
        LexicalShortlist.load(tmp_path)
    assert LexicalShortlist.load(tmp_path / "nothing-here") is None


def test_the_tokens_every_shortlist_keeps_are_found_once(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ltmt.model import engine

    backbone = load_backbone(model_dir)
    looked_up = []
    unknown = engine._unknown_id
    monkeypatch.setattr(engine, "_unknown_id", lambda b: looked_up.append(b) or unknown(b))
    decoder = Decoder(backbone, engine="torch", shortlist=True)
    state = _knn_state(backbone)
    input_ids, _ = pad_token_ids(backbone.tokenizer(SOURCES)["input_ids"], backbone.pad_id)
    first, second = (decoder.shortlist_for(input_ids, state) for _ in range(2))
    assert first is not None and second is not None and torch.equal(first, second)
    assert len(looked_up) == 1 and backbone.eos_id in first.tolist()
