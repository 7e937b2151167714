"""Fused batches decoded in worker processes (ltmt.worker_processes): the same texts as in the
calling process, states on the same disk store, and clear errors."""

from __future__ import annotations

import os

import pytest

from ltmt.errors import ClosedError, ConfigError, ModelError, StoreError
from ltmt.fusion.knn import KnnFusion
from ltmt.memory.store import Memory
from ltmt.translator import Translator
from ltmt.worker_processes import (
    _result,
    _submit,
    forget_in_worker_processes,
    stop_worker_processes,
    weight_flags,
)


@pytest.fixture
def model(model_with_combiner):
    """The tiny model with a combiner beside it (knn-trained reads it)."""
    return model_with_combiner


@pytest.fixture(autouse=True)
def _stopped_after():
    yield
    stop_worker_processes()


@pytest.fixture
def memory(tmp_path, fusion_pairs):
    with Memory(tmp_path / "store") as opened:
        opened.import_pairs("u1", fusion_pairs)
        yield opened


def test_a_closed_translator_does_not_start_its_worker_processes_again(model, memory):
    """After ``close()`` a call started the worker processes again and translated; now it is
    refused before any process starts."""
    import ltmt.worker_processes as workers

    translator = Translator(model, memory, fusion="knn", workers=2, worker_processes=True)
    translator.close()
    with pytest.raises(ClosedError, match=r"^this translator is closed; make a new Translator$"):
        translator.translate(["open the files"], user="u1")
    assert translator.worker_recipe not in workers._pools
    translator.close()


@pytest.mark.parametrize("fusion", ["knn", "knn-trained"])
def test_workers_in_processes_translate_as_the_calling_process(
    model, memory, fusion_inputs, tmp_path, monkeypatch, fusion
):
    """Two worker processes give the texts and methods of one batch at a time in the calling
    process (a glossary term followed after the workers' decode), and their force-decoded
    states reach the same disk store."""
    monkeypatch.setenv("LTMT_CACHE_DIR", str(tmp_path / "cache"))  # the workers inherit it
    from ltmt.terminology.terms import Term

    settings = dict(
        fusion=fusion, beam=2, batch_size=2, fusion_int8=False, fusion_bf16=False,
        glossary=[Term("branch", "Zweig")],
    )  # fmt: skip
    alone = Translator(model, memory, workers=1, threads=1, state_cache=False, **settings)
    expected = alone.translate(fusion_inputs, user="u1")
    translator = Translator(model, memory, workers=2, threads=2, worker_processes=True, **settings)
    assert translator.worker_processes
    results = translator.translate(fusion_inputs, user="u1")
    assert [(t.text, t.method) for t in results] == [(t.text, t.method) for t in expected]
    assert fusion in {t.method for t in results}
    assert "Zweig" in results[4].text  # "delete the branch {name} now" follows the glossary
    assert len(translator.fusion.cache) == 0  # nothing force-decoded here: the workers did it
    packs = list((tmp_path / "cache").rglob("*.safetensors"))
    assert packs, "the workers keep their force-decoded states on the shared disk store"
    # their in-memory caches emptied, the workers read the states back: the same texts
    forget_in_worker_processes(translator.worker_recipe)
    again = translator.translate(fusion_inputs, user="u1")
    assert [t.text for t in again] == [t.text for t in expected]


def test_closing_a_translator_ends_its_worker_processes(model, memory):
    import multiprocessing

    with Translator(model, memory, fusion="knn", beam=1, workers=2, worker_processes=True) as t:
        t.translate(["open the file"], user="u1")
        assert len(multiprocessing.active_children()) == 2
    assert multiprocessing.active_children() == []
    # a closed translator is refused, not started again (session 70:
    # test_a_closed_translator_does_not_start_its_worker_processes_again)


def test_without_fusion_the_option_changes_nothing(model):
    translator = Translator(model, fusion="none", worker_processes=True)
    assert not translator.worker_processes


def test_a_fusion_object_cannot_be_rebuilt_in_a_worker(model, memory):
    with pytest.raises(ConfigError, match="pass fusion as a name"):
        Translator(model, memory, fusion=KnnFusion(), worker_processes=True)


def test_a_worker_that_dies_is_a_clear_error_and_the_next_call_starts_new_ones(model, memory):
    translator = Translator(model, memory, fusion="knn", workers=1, worker_processes=True)
    recipe = translator.worker_recipe
    with pytest.raises(ModelError, match=r"worker process .* ended unexpectedly"):
        _result(recipe, _submit(recipe, os._exit, 1))
    results = translator.translate(["open the files"], user="u1")  # new processes
    assert results[0].method == "knn"


@pytest.mark.parametrize(
    "variant", ["", "int8", "bfloat16", "bfloat16+int8-head", "int8-head", "int8-encoder+int8-head"]
)
def test_weight_flags_give_a_worker_the_callers_weights(model, variant):
    """A worker's translator, made with :func:`weight_flags` of the caller's fused weights,
    runs on the same ones."""
    translator = Translator(model, fusion="knn", **weight_flags(variant))
    assert translator.backbone.variant == variant


def test_a_script_without_a_main_guard_is_told_to_add_one(model, memory, tmp_path):
    """Spawned workers import the calling script again: one that makes its translator at import
    gets a one-line error naming the guard, from the workers and from the call."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import sys\n"
        "from ltmt import Memory, Translator\n"
        "memory = Memory(sys.argv[2])\n"
        "translator = Translator(sys.argv[1], memory, fusion='knn', worker_processes=True)\n"
        "translator.translate(['open the files'], user='u1')\n",
        "utf-8",
    )
    memory.close()
    done = subprocess.run(
        [sys.executable, str(script), str(model), str(memory.path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LTMT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert done.returncode != 0
    assert "ConfigError: worker processes import the calling script again" in done.stderr
    assert "ModelError: a worker process decoding fused batches ended unexpectedly" in done.stderr


def test_an_encrypted_memory_leaves_no_states_on_disk_from_the_workers(
    model, fusion_pairs, fusion_inputs, tmp_path, monkeypatch
):
    """The workers keep force-decoded states (which hold the memory's text) only in their own
    memory for an encrypted store, as the calling process does."""
    from ltmt.memory.crypto import generate_key_file

    cache = tmp_path / "cache"
    monkeypatch.setenv("LTMT_CACHE_DIR", str(cache))
    key = generate_key_file(tmp_path / "store.key")
    with Memory(tmp_path / "secret", key_file=key) as secret:
        secret.import_pairs("u1", fusion_pairs)
        translator = Translator(model, secret, fusion="knn", workers=2, worker_processes=True)
        results = translator.translate(fusion_inputs, user="u1")
    assert "knn" in {t.method for t in results}
    assert not list(cache.rglob("*.safetensors"))


def test_a_worker_keeps_the_translators_of_its_latest_memories_only(model, tmp_path, monkeypatch):
    """The translators of many users share a worker: it keeps a bounded number of their
    translators, the least recently used going first (their memories closed)."""
    from collections import OrderedDict

    import ltmt.worker_processes as workers
    from ltmt.model.backbone import load_backbone

    monkeypatch.setattr(workers, "MOST_TRANSLATORS", 3)
    monkeypatch.setattr(workers, "_translators", OrderedDict())
    monkeypatch.setattr(workers, "_backbone", load_backbone(model))
    monkeypatch.setattr(
        workers, "_recipe", workers.FusedDecoding(str(model), True, "knn", "", False, 1, 1)
    )
    stores = []
    for user in range(4):
        folder = tmp_path / f"store-{user}"
        Memory(folder).close()
        stores.append(workers.StatesOnDisk(str(tmp_path / "cache"), 2**20, str(folder)))
    first = workers._translator(stores[0])
    assert workers._translator(stores[0]) is first  # kept, and now the most recent
    second = workers._translator(stores[1])
    workers._translator(stores[2])
    workers._translator(stores[0])
    workers._translator(stores[3])  # the fourth: stores[1] was the least recently used
    assert list(workers._translators) == [stores[2], stores[0], stores[3]]
    with pytest.raises(StoreError, match="is closed"):
        second.memory.count("u1")
    assert first.fusion.cache.store.memory is first.memory  # deletes are checked in its memory


def test_the_copy_guards_second_decode_runs_in_the_workers_too(model, tmp_path, caplog):
    """A fused output that copies a match of other words (the tiny model copies) is decoded
    again by a worker process, as the calling process would decode it."""
    import logging

    with Memory(tmp_path / "copies") as memory:
        memory.import_pairs("u1", [("open the file", "Datei öffnen")])
        settings = dict(fusion="knn", beam=1, fusion_int8=False, fusion_bf16=False)
        with caplog.at_level(logging.INFO, logger="ltmt.copy_guard"):
            alone = Translator(model, memory, workers=1, threads=1, state_cache=False, **settings)
            expected = alone.translate(["open the files"], user="u1")
            in_processes = Translator(
                model, memory, workers=2, threads=2, worker_processes=True, **settings
            )
            results = in_processes.translate(["open the files"], user="u1")
    guarded = [r.getMessage() for r in caplog.records if r.name == "ltmt.copy_guard"]
    assert len(guarded) == 2 and guarded[0] == guarded[1]
    assert guarded[0].startswith("copy guard: 1 fused outputs repeated a match of other words")
    assert [t.text for t in results] == [t.text for t in expected]
    assert len(in_processes.fusion.cache) == 0  # the workers decoded both times
