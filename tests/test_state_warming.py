"""Warming a user's memory: its states on disk before the first run (``ltmt memory warm``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt import Memory, Translator
from ltmt.errors import ConfigError, InputError
from ltmt.fusion.state_store import ENV_MAX_MB, StateStore
from ltmt.paths import ENV_CACHE

PAIRS = [
    ("Open the file", "Öffne die Datei"),
    ("Close the window", "Schließe das Fenster"),
    ("Show all commits", "Zeige alle Commits"),
    ("Delete the branch", "Lösche den Zweig"),
    ("Print the version", "Gib die Version aus"),
]
INPUTS = ["Open the files", "Close the windows now", "Show all the commits"]


@pytest.fixture
def memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Memory:
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    opened = Memory(tmp_path / "store")
    opened.import_pairs("u", PAIRS)
    return opened


def test_a_warmed_memory_is_read_from_disk_by_the_first_run(tiny_backbone, memory: Memory) -> None:  # type: ignore[no-untyped-def]
    cold = Translator(tiny_backbone, memory, fusion="knn", beam=2, state_cache=False)
    expected = [t.text for t in cold.translate(INPUTS, user="u")]
    warming = Translator(tiny_backbone, memory, fusion="knn", beam=2)
    done: list[int] = []
    report = warming.warm("u", progress=done.append)
    assert (report.user, report.segments, report.decoded, report.on_disk) == ("u", 5, 5, 0)
    assert report.left_out == 0 and report.megabytes >= 0 and sum(done) == 5
    first = Translator(tiny_backbone, memory, fusion="knn", beam=2)  # a new run: empty caches
    assert [t.text for t in first.translate(INPUTS, user="u")] == expected
    cache = first.fusion.cache  # type: ignore[union-attr]
    assert cache.misses == 0 and cache.disk_hits > 0  # nothing force-decoded
    again = Translator(tiny_backbone, memory, fusion="knn", beam=2).warm("u")
    assert (again.decoded, again.on_disk) == (0, 5)


def test_warmed_states_are_those_a_run_keeps(tiny_backbone, memory: Memory) -> None:  # type: ignore[no-untyped-def]
    """Float16 keys, as a run keeps the matches it decodes: the same values either way (warming
    stored float32 keys until session 19, twice the disk and other values than a cold run's)."""
    import torch

    from ltmt.fusion.datastore import cache_key, segment_texts, stored_states
    from ltmt.segments import Match

    translator = Translator(tiny_backbone, memory, fusion="knn")
    translator.warm("u")
    store = translator.fusion.cache.store  # type: ignore[union-attr]
    fused = translator.backbone  # the weights fused batches run on (int8 where the CPU prefers)
    for segment in memory.segments("u"):
        warmed = store.get(cache_key(fused.fingerprint, Match(segment, 100.0)))
        kept = stored_states(fused, [segment_texts(segment)])[0]
        assert warmed is not None and warmed.keys.dtype == torch.float16
        assert torch.equal(warmed.keys, kept.keys) and torch.equal(warmed.values, kept.values)


def test_warming_stops_when_the_store_is_full(tiny_backbone, memory: Memory) -> None:  # type: ignore[no-untyped-def]
    translator = Translator(tiny_backbone, memory, fusion="knn")
    store = translator.fusion.cache.store  # type: ignore[union-attr]
    store.max_bytes = 1  # nothing fits: the states the runs wrote are never evicted by warming
    report = translator.warm("u")
    assert (report.decoded, report.left_out) == (0, 5)
    assert store.used_bytes() == 0


def test_what_cannot_be_warmed_is_one_clear_error(
    tiny_backbone, memory: Memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"no user 'v' in memory store .*its users: u"):
        Translator(tiny_backbone, memory, fusion="knn").warm("v")
    with pytest.raises(ConfigError, match="fusion none reads no force-decoded states"):
        Translator(tiny_backbone, memory).warm("u")
    with pytest.raises(ConfigError, match="warming needs the translator's memory"):
        Translator(tiny_backbone, fusion="knn").warm("u")
    with pytest.raises(ConfigError, match=r"state_cache=False"):
        Translator(tiny_backbone, memory, fusion="knn", state_cache=False).warm("u")
    monkeypatch.setenv(ENV_MAX_MB, "0")
    with pytest.raises(ConfigError, match="LTMT_STATE_CACHE_MB is 0"):
        Translator(tiny_backbone, memory, fusion="knn").warm("u")
    monkeypatch.delenv(ENV_MAX_MB)
    key = tmp_path / "store.key"
    from ltmt.memory.crypto import generate_key_file

    generate_key_file(key)
    with Memory(tmp_path / "secret", key_file=key) as secret:
        secret.import_pairs("u", PAIRS)
        with pytest.raises(ConfigError, match="the memory is encrypted"):
            Translator(tiny_backbone, secret, fusion="knn").warm("u")


def test_ltmt_memory_warm(
    tiny_model_dir: Path, memory: Memory, capsys: pytest.CaptureFixture[str]
) -> None:
    from ltmt.cli import main

    store = str(memory.path)
    memory.close()

    def ltmt(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            main.run(list(args))
        out, err = capsys.readouterr()
        code = exit_info.value.code
        return (code if isinstance(code, int) else 1), out, err

    common = ("--model", str(tiny_model_dir), "--memory-dir", store, "--fusion", "knn")
    code, out, err = ltmt("memory", "warm", "--user", "u", *common)
    assert code == 0, err
    assert "warmed u: 5 segments force-decoded" in err and "of 5, in" in err
    code, out, err = ltmt("memory", "warm", "--user", "u", *common, "--json")
    assert code == 0 and json.loads(out)[0]["on_disk"] == 5
    with pytest.MonkeyPatch.context() as patch:  # a store too small for one more segment
        patch.setenv(ENV_MAX_MB, "1")
        patch.setattr("ltmt.state_warming.FILL", 0.0)
        with Memory(store) as more:
            more.add("u", "Close all windows", "Alle Fenster schließen")
        code, out, err = ltmt("memory", "warm", "--user", "u", *common)
        folder = StateStore("any").base  # where the CLI's translator keeps its states
        assert code == 0 and f"; 1 left out: the states' disk cache {folder} is full " in err
        assert "or empty that folder: what it holds is decoded again when needed), in " in err
        with Memory(store) as more:
            more.delete("u", more.search("u", "Close all windows", k=1)[0].segment.id)
    with Memory(store) as again:
        again.import_pairs("v", PAIRS[:2])
    code, out, err = ltmt("memory", "warm", *common)  # every user, in turn
    assert code == 0, err
    assert "warmed u: 0 segments force-decoded" in err and "warmed v: 2 segments" in err
    empty = Path(store).parent / "empty"
    Memory(empty).close()
    code, _, err = ltmt(
        "memory", "warm", "--model", str(tiny_model_dir), "--memory-dir", str(empty)
    )
    assert code == 1 and err.strip() == (
        f"ltmt: error: memory store {empty} has no users: nothing to warm"
    )
    code, _, err = ltmt("memory", "warm", "--user", "u", *common[:4], "--fusion", "none")
    assert code == 1
    assert err.strip() == (
        "ltmt: error: fusion none reads no force-decoded states: warm for knn or knn-trained "
        "(--fusion)"
    )
