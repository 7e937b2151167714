"""Shared fixtures: a tiny random Marian model and tokenizer built in-process (no network)."""

from __future__ import annotations

import random
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TINY_CORPUS_EN = [
    "the file was not found",
    "open the file",
    "save the file as %s",
    "could not open %s: %s",
    "the cat sat on the mat",
    "delete the branch {name}",
    "press <b>OK</b> to continue",
    "hello world",
    "show all commits",
    "the repository is empty",
]
TINY_CORPUS_DE = [
    "die Datei wurde nicht gefunden",
    "öffne die Datei",
    "speichere die Datei als %s",
    "konnte %s nicht öffnen: %s",
    "die Katze saß auf der Matte",
    "lösche den Zweig {name}",
    "drücke <b>OK</b>, um fortzufahren",
    "hallo Welt",
    "zeige alle Commits",
    "das Repository ist leer",
]


def build_tiny_model(out_dir: Path, seed: int = 0) -> Path:
    """Write a tiny random Marian model + real SentencePiece tokenizer into ``out_dir``."""
    import torch

    from ltmt.model.vocab import train_sentencepiece, write_tokenizer_files
    from ltmt.train.base import build_marian
    from ltmt.train.config import ModelShape

    rng = random.Random(seed)
    sentences = TINY_CORPUS_EN + TINY_CORPUS_DE
    sentences = sentences + [
        " ".join(rng.sample(s.split(), len(s.split()))) for s in sentences * 20
    ]
    spm_path = train_sentencepiece(sentences, out_dir / "spm", vocab_size=120)
    vocab_size = write_tokenizer_files(spm_path, out_dir)
    torch.manual_seed(seed)
    shape = ModelShape(
        vocab_size=vocab_size,
        d_model=16,
        encoder_layers=2,
        decoder_layers=2,
        attention_heads=2,
        ffn_dim=32,
        dropout=0.0,
        max_positions=128,
    )
    # transformers' own init: this fixed random model yields non-empty outputs the tests rely on
    model = build_marian(shape, vocab_size, fairseq_embeddings=False)
    model.generation_config.num_beams = 1
    model.generation_config.max_length = 32
    model.save_pretrained(str(out_dir))
    return out_dir


@pytest.fixture(scope="session", autouse=True)
def _single_torch_thread():
    """Tiny models gain nothing from threads, and spinning threads stall on a busy machine."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


# A user's memory, and inputs that meet every route through a translator: fuzzy matches, none,
# a placeholder, two lines, an exact match (tests of batches decoded side by side, on threads
# and in worker processes)
FUSION_PAIRS = [
    ("open the file", "öffne die Datei"),
    ("save the file as %s", "speichere die Datei als %s"),
    ("show all commits", "zeige alle Commits"),
    ("hello world", "hallo Welt"),
    ("delete the branch {name}", "lösche den Zweig {name}"),
]
FUSION_INPUTS = [
    "open the files",
    "the cat sat on the mat",
    "save the files as %s",
    "show all the commits\nhello world",
    "delete the branch {name} now",
    "x",
    "open the file",
    "show commits",
    "hello",
]


@pytest.fixture
def fusion_pairs() -> list[tuple[str, str]]:
    """:data:`FUSION_PAIRS`."""
    return list(FUSION_PAIRS)


@pytest.fixture
def fusion_inputs() -> list[str]:
    """:data:`FUSION_INPUTS`."""
    return list(FUSION_INPUTS)


@pytest.fixture
def model_with_combiner(tiny_model_dir: Path, tmp_path: Path) -> Path:
    """A copy of the tiny model with an untrained combiner beside it (for ``knn-trained``)."""
    import shutil

    from ltmt.fusion.adapter import BaseInfo
    from ltmt.fusion.combiner import Combiner, CombinerConfig
    from ltmt.fusion.registry import COMBINER_SUBDIR

    model = tmp_path / "model-with-combiner"
    shutil.copytree(tiny_model_dir, model)
    Combiner(CombinerConfig(knn={"min_score": 0.0})).save(
        model / COMBINER_SUBDIR, BaseInfo(name="tiny")
    )
    return model


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random Marian checkpoint directory (loads like an OPUS-MT model)."""
    return build_tiny_model(tmp_path_factory.mktemp("tiny-marian"))


@pytest.fixture(scope="session")
def any_pair_model_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model without its recorded en→de pair: a model that records no pair takes any
    source language (it stands for an en→pl model, or one of fr→de)."""
    import json
    import shutil

    model = tmp_path_factory.mktemp("any-pair") / "model"
    shutil.copytree(tiny_model_dir, model)
    config_path = model / "tokenizer_config.json"
    config = json.loads(config_path.read_text("utf-8"))
    config.update(source_lang=None, target_lang=None)
    config_path.write_text(json.dumps(config), "utf-8")
    return model


@pytest.fixture(scope="session")
def tiny_backbone(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    """The tiny model, loaded once per session."""
    from ltmt.model.backbone import load_backbone

    return load_backbone(tiny_model_dir)


@pytest.fixture(scope="session", autouse=True)
def _private_conversion_cache(tmp_path_factory: pytest.TempPathFactory):
    """CTranslate2 conversions of test models go to a temporary cache, not the user's."""
    import os

    from ltmt.paths import ENV_CACHE

    previous = os.environ.get(ENV_CACHE)
    os.environ[ENV_CACHE] = str(tmp_path_factory.mktemp("ltmt-cache"))
    yield
    if previous is None:
        os.environ.pop(ENV_CACHE, None)
    else:
        os.environ[ENV_CACHE] = previous


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs, to fill a disk for real (needs the right to mount: skipped elsewhere)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)]
    if subprocess.run(command, capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.fixture
def remove_numba(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """A function that makes numba unimportable from then on in the test (``import numba``
    raises ImportError; ltmt's kernel modules unloaded, :func:`ltmt.compiled.compiled_module`
    asked afresh); everything is as it was after the test."""
    import sys

    import ltmt.fusion
    import ltmt.memory
    import ltmt.model
    from ltmt.compiled import compiled_module

    kernels = (
        (ltmt.model, "attention_kernels"),
        (ltmt.fusion, "knn_kernel"),
        (ltmt.memory, "lcs_kernel"),
    )

    def remove() -> None:
        monkeypatch.setitem(sys.modules, "numba", None)
        for package, name in kernels:
            monkeypatch.delitem(sys.modules, f"{package.__name__}.{name}", raising=False)
            monkeypatch.delattr(package, name, raising=False)
        compiled_module.cache_clear()

    yield remove
    compiled_module.cache_clear()
