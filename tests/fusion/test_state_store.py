from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch
from fusion_fakes import FakeMemory

from ltmt import Memory
from ltmt.fusion import state_store
from ltmt.fusion.datastore import (
    ForcedSegment,
    SegmentCache,
    as_stored,
    force_decode,
    segment_texts,
)
from ltmt.fusion.knn import KnnFusion
from ltmt.fusion.state_store import (
    ENV_MAX_MB,
    STORE_FOLDER,
    Key,
    StateStore,
    default_max_bytes,
    forget_states,
)
from ltmt.paths import ENV_CACHE
from ltmt.segments import Segment
from ltmt.translator import Translator

SOURCE, TARGET = "open the file", "öffne die Datei"
CREATED = 1_700_000_000.0  # the stored segment's creation time, the last part of a key


def _key(name: str, user: str = "u", segment: int = 1) -> Key:
    return ("m", user, segment, name, TARGET, CREATED)


def _file(store: StateStore, key: tuple[str, str, int, str, str]) -> Path:
    path = store.file_of(key)
    assert path is not None, f"{key} is not stored"
    return path


def _segment(length: int, seed: int = 0) -> ForcedSegment:
    generator = torch.Generator().manual_seed(seed)
    return ForcedSegment(
        torch.randn(length, 16, generator=generator),
        torch.arange(length, dtype=torch.long),
        torch.softmax(torch.randn(length, 3, generator=generator), dim=1),
        torch.arange(3, dtype=torch.long),
    )


def test_round_trip_and_model_fingerprint_separate(tmp_path: Path) -> None:
    store = StateStore("model-a", tmp_path)
    item = _segment(5)
    store.put(("model-a", "u", 1, SOURCE, TARGET, CREATED), item)
    loaded = store.get(("model-a", "u", 1, SOURCE, TARGET, CREATED))
    assert loaded is not None
    assert torch.equal(loaded.keys, item.keys) and torch.equal(loaded.values, item.values)
    assert store.get(("model-a", "u", 1, SOURCE, "edited", CREATED)) is None
    assert StateStore("model-b", tmp_path).get(("model-a", "u", 1, SOURCE, TARGET, CREATED)) is None
    assert store.folder == tmp_path / STORE_FOLDER / "model-a"


_NAMES = {"F32": "float32", "BF16": "bfloat16", "F16": "float16"}


def test_a_datastore_keeps_its_keys_in_float16_and_the_pack_too(tmp_path: Path) -> None:
    """Half the bytes in memory and on disk, read back as stored; a state beyond float16's
    range keeps its segment in float32; bfloat16 keys stay bfloat16."""
    from safetensors import safe_open

    item = _segment(40)
    wide = ForcedSegment(torch.randn(40, 512), item.values, item.alignment, item.source)
    kept = as_stored(wide)
    assert kept.keys.dtype == torch.float16
    assert torch.allclose(kept.keys.float(), wide.keys, rtol=1e-3, atol=1e-4)
    huge = ForcedSegment(wide.keys * 1e5, item.values, item.alignment, item.source)
    assert as_stored(huge).keys.dtype == torch.float32
    brain = ForcedSegment(wide.keys.bfloat16(), item.values, item.alignment, item.source)
    assert as_stored(brain).keys.dtype == torch.bfloat16
    store = StateStore("m", tmp_path)
    store.put(_key("half"), kept)
    with safe_open(str(_file(store, _key("half"))), "pt") as stored:
        assert stored.get_slice("0.keys").get_dtype() == "F16"
    loaded = store.get(_key("half"))
    assert loaded is not None and torch.equal(loaded.keys, kept.keys)


def test_keys_of_a_bfloat16_model_are_stored_in_half_the_bytes(tmp_path: Path) -> None:
    from safetensors import safe_open

    store = StateStore("m", tmp_path)
    item = _segment(40)
    wide = ForcedSegment(torch.randn(40, 512), item.values, item.alignment, item.source)
    narrow = ForcedSegment(
        wide.keys.to(torch.bfloat16).float(), wide.values, wide.alignment, wide.source
    )
    store.put(_key("wide"), wide)
    store.put(_key("narrow"), narrow)
    for name, item, dtype in (("wide", wide, "F32"), ("narrow", narrow, "BF16")):
        path = _file(store, _key(name))
        with safe_open(str(path), "pt") as stored:
            assert stored.get_slice("0.keys").get_dtype() == dtype
        loaded = store.get(_key(name))
        assert loaded is not None and str(loaded.keys.dtype) == f"torch.{_NAMES[dtype]}"
        assert torch.equal(loaded.keys.float(), item.keys)  # the same floats back
    sizes = [_file(store, _key(n)).stat().st_size for n in ("wide", "narrow")]
    assert sizes[1] < 0.6 * sizes[0]


def test_bounded_least_recently_used_go_first(tmp_path: Path) -> None:
    probe = StateStore("m", tmp_path / "probe")
    probe.put(_key("x"), _segment(40))
    size = _file(probe, _key("x")).stat().st_size
    store = StateStore("m", tmp_path, max_bytes=int(size * 3.5))
    for index, key in enumerate("abc"):
        store.put(_key(key), _segment(40, index))
        os.utime(_file(store, _key(key)), ns=(index * 10**9, index * 10**9))
    assert store.get(_key("a")) is not None  # read: now the most recently used
    store.put(_key("d"), _segment(40, 3))  # over the bound: evict down to 80 %
    kept = {key for key in "abcd" if store.file_of(_key(key))}
    assert kept == {"a", "d"}


def test_stores_of_a_process_scan_their_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ltmt.fusion.state_store as state_store

    scans: list[Path] = []
    count = state_store._folder_bytes

    def counted(base: Path) -> int:
        scans.append(base)
        return count(base)

    monkeypatch.setattr(state_store, "_folder_bytes", counted)
    first, second = StateStore("m", tmp_path), StateStore("other", tmp_path)
    first.put(_key("a"), _segment(3))
    second.put(("other", "v", 2, SOURCE, TARGET, CREATED), _segment(3))
    first.put(_key("b"), _segment(3))
    assert scans == [tmp_path / STORE_FOLDER]  # one scan, shared by both stores
    second.clear()  # files went: the next write counts again
    first.put(_key("c"), _segment(3))
    assert len(scans) == 2


def test_bound_holds_over_the_stores_of_a_process(tmp_path: Path) -> None:
    probe = StateStore("m", tmp_path / "probe")
    probe.put(_key("x"), _segment(40))
    size = _file(probe, _key("x")).stat().st_size
    first = StateStore("m", tmp_path, max_bytes=int(size * 3.5))
    second = StateStore("other", tmp_path, max_bytes=int(size * 3.5))
    for index, key in enumerate("abc"):
        first.put(_key(key), _segment(40, index))
        os.utime(_file(first, _key(key)), ns=(index * 10**9, index * 10**9))
    second.put(("other", "u", 1, SOURCE, TARGET, CREATED), _segment(40, 3))  # over the bound: evict
    kept = {key for key in "abc" if first.file_of(_key(key))}
    assert kept == {"c"}
    assert second.file_of(("other", "u", 1, SOURCE, TARGET, CREATED))


def _header(text: bytes) -> bytes:
    return len(text).to_bytes(8, "little") + text


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "emptied", "a list", "a string", "metadata a list"]
)
def test_unreadable_pack_is_a_miss_and_removed(tmp_path: Path, damage: str) -> None:
    store = StateStore("m", tmp_path)
    store.put(_key("a"), _segment(3))
    path = _file(store, _key("a"))
    data = path.read_bytes()
    changed = {
        "garbage": b"not safetensors",
        "truncated": data[:-8],
        "emptied": b"",
        "a list": _header(b"[1, 2]"),
        "a string": _header(b'"x"'),
        "metadata a list": _header(b'{"__metadata__": [1]}'),
    }[damage]
    path.write_bytes(changed)
    assert store.get(_key("a")) is None
    assert not path.exists()
    fresh = StateStore("m", tmp_path)  # a new store indexes the folder: nothing to read
    path.write_bytes(changed)
    assert fresh.get(_key("a")) is None
    assert not path.exists()  # a truncated pack's header names bytes past its end


def test_a_batch_is_one_pack_per_user_and_any_safetensors_reader_opens_it(
    tmp_path: Path,
) -> None:
    import json

    from safetensors import safe_open

    store = StateStore("m", tmp_path)
    items = [(_key("a"), _segment(4, 0)), (_key("b", segment=2), _segment(5, 1))]
    store.put_many([*items, (_key("c", "v", 3), _segment(2, 2))])
    packs = sorted((tmp_path / STORE_FOLDER / "m").rglob("*.safetensors"))
    assert len(packs) == 2  # users u and v
    path = _file(store, _key("a"))
    assert _file(store, _key("b", segment=2)) == path
    with safe_open(str(path), "pt") as pack:
        metadata = pack.metadata()
        assert metadata["format"] == "ltmt-forced-states" and metadata["layout"] == "4"
        assert [entry[0] for entry in json.loads(metadata["segments"])] == [1, 2]
        for slot, (key, item) in enumerate(items):
            assert torch.equal(pack.get_tensor(f"{slot}.keys"), item.keys)
            loaded = store.get(key)
            assert loaded is not None
            for name in ("keys", "values", "alignment", "source"):
                assert torch.equal(getattr(loaded, name), pack.get_tensor(f"{slot}.{name}"))


def test_a_store_reads_packs_another_store_wrote_after_it_indexed(tmp_path: Path) -> None:
    reader, writer = StateStore("m", tmp_path), StateStore("m", tmp_path)
    writer.put(_key("a"), _segment(3))
    assert reader.get(_key("a")) is not None
    assert reader.get(_key("b")) is None  # indexed the folder: one pack
    writer.put(_key("b"), _segment(3, 1))  # another run writes a pack
    assert reader.get(_key("b")) is not None
    forget_states("u", 1, tmp_path)  # another process forgets segment 1: its pack goes
    assert reader.get(_key("a")) is None


def test_a_deleted_users_folders_go_with_its_states(tmp_path: Path) -> None:
    """A deleted user's emptied folder stayed under forced-states/<model>/<user>; another
    user's stays, and so does the user's when one segment is forgotten."""
    store = StateStore("m", tmp_path)
    store.put(_key("a"), _segment(3))
    store.put(_key("b", user="v"), _segment(3))
    user_folders = tmp_path / state_store.STORE_FOLDER
    forget_states("u", 1, tmp_path)
    assert len(list(user_folders.glob("*/*"))) == 2
    forget_states("u", None, tmp_path)
    kept = [path.parent for path in tmp_path.rglob("*.safetensors")]
    assert (len(kept), list(user_folders.glob("*/*"))) == (1, kept)


def test_unwritable_folder_never_stops_a_translation(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = StateStore("m", blocker)  # its folder would sit under a file
    store.put(_key("a"), _segment(3))
    assert store.get(_key("a")) is None


def test_a_cache_on_a_read_only_file_system_is_read_and_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    StateStore("m", tmp_path).put(_key("a"), _segment(3))
    packs = sorted(tmp_path.rglob("*.safetensors"))

    def read_only(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(state_store.os, "utime", read_only)  # what a read-only mount does
    monkeypatch.setattr(state_store, "on_read_only_file_system", lambda path: True)
    store = StateStore("m", tmp_path)
    assert store.get(_key("a")) is not None
    assert store.get(_key("a")) is not None  # the pack stays (it was taken as unreadable)
    store.put(_key("b"), _segment(3))
    store.put(_key("c"), _segment(3))
    assert sorted(tmp_path.rglob("*.safetensors")) == packs
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(said) == 1 and "read-only" in said[0]


def test_the_file_system_is_asked_once_per_store_whether_it_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []

    def writable(path: Path) -> bool:
        asked.append(path)
        return False

    monkeypatch.setattr(state_store, "on_read_only_file_system", writable)
    store = StateStore("m", tmp_path)
    store.put(_key("a"), _segment(3))
    store.put(_key("b"), _segment(3))
    assert store.get(_key("a")) is not None and store.get(_key("b")) is not None
    assert asked == [tmp_path / state_store.STORE_FOLDER]


def test_a_pack_safetensors_cannot_write_is_said_once_and_never_stops_a_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import safetensors.torch
    from safetensors import SafetensorError

    def read_only(*args: object, **kwargs: object) -> None:  # what a read-only mount said
        raise SafetensorError(
            "Error while serializing: I/O error: Read-only file system (os error 30)"
        )

    monkeypatch.setattr(safetensors.torch, "save_file", read_only)
    store = StateStore("m", tmp_path)
    store.put(_key("a"), _segment(3))
    store.put(_key("b"), _segment(3))
    assert store.get(_key("a")) is None
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(said) == 1 and "Read-only file system" in said[0]


def test_second_run_reads_states_from_disk(tiny_backbone, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    memory = FakeMemory({SOURCE: [(SOURCE + " now", TARGET, 80.0)]})
    outputs, caches = [], []
    for _ in range(2):  # two runs: two fusions with empty in-memory caches, one disk store
        fusion = KnnFusion(min_score=0.0)
        cache = SegmentCache(16, StateStore(tiny_backbone.fingerprint, tmp_path))
        fusion.cache = cache
        translator = Translator(tiny_backbone, memory, fusion=fusion, beam=2)  # type: ignore[arg-type]
        outputs.append([t.text for t in translator.translate([SOURCE], user="u")])
        caches.append(cache)
    assert caches[0].disk_hits == 0 and caches[0].misses == 1
    assert caches[1].disk_hits == 1 and caches[1].misses == 0
    assert outputs[0] == outputs[1]
    # the translator's weights (bfloat16 by default where the CPU has native bf16)
    [fresh] = force_decode(translator.backbone, [(SOURCE + " now", TARGET)])
    stored = caches[1].store.get(next(iter(caches[1]._items)))  # type: ignore[union-attr]
    assert stored is not None and torch.equal(stored.keys, as_stored(fresh).keys)


def test_translator_gives_a_store_only_to_plain_memories(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    plain = Translator(tiny_backbone, FakeMemory(), fusion="knn")  # type: ignore[arg-type]
    assert isinstance(plain.fusion.cache.store, StateStore)  # type: ignore[union-attr]
    off = Translator(tiny_backbone, FakeMemory(), fusion="knn", state_cache=False)  # type: ignore[arg-type]
    assert off.fusion.cache.store is None  # type: ignore[union-attr]
    secret = FakeMemory()
    secret.encrypted = True  # type: ignore[attr-defined]
    shared = plain.fusion
    encrypted = Translator(tiny_backbone, secret, fusion=shared)  # type: ignore[arg-type]
    assert encrypted.fusion.cache.store is None  # type: ignore[union-attr]


@pytest.mark.parametrize("max_bytes", [0, 1])
def test_tiny_bound_keeps_nothing_but_still_translates(tmp_path: Path, max_bytes: int) -> None:
    store = StateStore("m", tmp_path, max_bytes=max_bytes)
    store.put(_key("a"), _segment(3))
    assert store.file_of(_key("a")) is None
    with pytest.raises(TypeError, match=r"keys are \(model, user, id, source, target, created\)"):
        store.get("a")


def test_forget_states_of_a_user_or_one_segment_for_every_model(tmp_path: Path) -> None:
    stores = [StateStore(model, tmp_path) for model in ("m1", "m2")]
    keys = [_key("a", "ann", 1), _key("b", "ann", 2), _key("a", "bob", 1)]
    for store in stores:
        for key in keys:
            store.put(key, _segment(3))
    assert forget_states("ann", 1, tmp_path) == 2
    assert [bool(s.file_of(k)) for s in stores for k in keys] == [False, True, True] * 2
    assert forget_states("ann", root=tmp_path) == 2
    assert [bool(s.file_of(k)) for s in stores for k in keys] == [False, False, True] * 2
    together = StateStore("m3", tmp_path)  # one batch's pack: forgetting one segment drops it
    together.put_many(
        [
            (("m3", "ann", 1, "a", TARGET, CREATED), _segment(3)),
            (("m3", "ann", 2, "b", TARGET, CREATED), _segment(3)),
        ]
    )
    assert forget_states("ann", 2, tmp_path) == 1
    assert together.get(("m3", "ann", 1, "a", TARGET, CREATED)) is None


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    (tmp_path / STORE_FOLDER).mkdir(mode=0o755)  # left open by an older version
    store = StateStore("model-a", tmp_path)
    store.put(("model-a", "u", 1, SOURCE, TARGET, CREATED), _segment(3))
    assert (tmp_path / STORE_FOLDER).stat().st_mode & 0o777 == 0o700


def test_every_folder_of_the_cache_is_private_whatever_the_umask(tmp_path: Path) -> None:
    """Under ``umask 000`` the cache folder, the model's and the user's folders were 0777 (the
    packs in them 0600): a pack's name told which users of the store were cached."""
    previous = os.umask(0)
    try:
        store = StateStore("model-a", tmp_path / "cache")
        store.put(("model-a", "u", 1, SOURCE, TARGET, CREATED), _segment(3))
    finally:
        os.umask(previous)
    folders = [tmp_path / "cache", *(p for p in (tmp_path / "cache").rglob("*") if p.is_dir())]
    assert len(folders) == 4  # the cache, forced-states, the model's and the user's
    assert {p.stat().st_mode & 0o777 for p in folders} == {0o700}


def test_files_of_earlier_layouts_are_never_read_and_go(tmp_path: Path) -> None:
    """Layout 2 kept a file per segment (named by its id and a hash), layout 1 the same
    without the alignment; neither is a pack."""
    from hashlib import sha256

    from safetensors.torch import save_file

    store = StateStore("model-a", tmp_path)
    key = ("model-a", "u", 1, SOURCE, TARGET, CREATED)
    item = _segment(3)
    # the user's folder, with one pack
    store.put(("model-a", "u", 2, SOURCE, TARGET, CREATED), item)
    folder = _file(store, ("model-a", "u", 2, SOURCE, TARGET, CREATED)).parent
    old = folder / f"1-{sha256(repr((2, *key)).encode()).hexdigest()[:32]}.safetensors"
    tensors = {"keys": item.keys, "values": item.values}
    save_file({**tensors, "alignment": item.alignment, "source": item.source}, str(old))
    assert store.get(key) is None and not old.exists()
    store.put(key, ForcedSegment(item.keys, item.values))  # without its alignment: not stored
    assert store.file_of(key) is None
    save_file(tensors, str(old))
    assert forget_states("u", 7, tmp_path) == 1  # it may hold any segment: it goes
    assert [p.name for p in folder.iterdir()] == [
        _file(store, ("model-a", "u", 2, SOURCE, TARGET, CREATED)).name
    ]


@pytest.fixture
def memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Memory]:
    """A memory whose deletes forget the states under ``tmp_path/cache``."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    with Memory(tmp_path / "memory") as opened:
        yield opened


def _stored_segment(memory: Memory) -> tuple[Key, Segment]:
    segment = memory.add("u", "Open the file", "Öffne die Datei")
    return ("m", "u", segment.id, *segment_texts(segment), segment.created), segment


def test_states_written_after_their_segment_was_deleted_do_not_stay(
    memory: Memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race: a translation searched, then Memory.delete removed the segment and its states,
    then the translation wrote them. Here the delete runs inside the write, after the states are
    saved and before the file takes its name (where the delete's removal cannot find it)."""
    import safetensors.torch

    key, segment = _stored_segment(memory)
    store = StateStore("m", memory=memory)
    save = safetensors.torch.save_file

    def save_then_delete(tensors: dict[str, torch.Tensor], path: str, **options: object) -> None:
        save(tensors, path, **options)  # type: ignore[arg-type]
        assert memory.delete("u", segment.id)

    monkeypatch.setattr(safetensors.torch, "save_file", save_then_delete)
    store.put(key, _segment(3))
    assert store.file_of(key) is None
    assert list((tmp_path / "cache").rglob("*.safetensors")) == []


def test_states_of_a_segment_deleted_before_the_write_or_just_after_it_do_not_stay(
    memory: Memory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = StateStore("m", memory=memory)
    key, segment = _stored_segment(memory)
    memory.delete("u", segment.id)  # before: the write finds no segment
    store.put(key, _segment(3))
    assert store.file_of(key) is None
    key, segment = _stored_segment(memory)
    replace = os.replace

    def replace_then_delete(source: str, target: str) -> None:
        replace(source, target)
        assert memory.delete("u", segment.id)  # its removal finds the file

    monkeypatch.setattr(os, "replace", replace_then_delete)
    store.put(key, _segment(3))
    assert store.file_of(key) is None


def test_states_of_a_live_segment_stay_and_a_re_created_users_other_text_does_not(
    memory: Memory,
) -> None:
    store = StateStore("m", memory=memory)
    key, segment = _stored_segment(memory)
    store.put(key, _segment(3))
    assert store.get(key) is not None
    memory.delete_user("u")
    again = memory.add("u", "Close the window", "Schließe das Fenster")
    assert again.id == segment.id  # same user and id, other text: the old states go
    store.put(key, _segment(3))
    assert store.file_of(key) is None
    memory.close()
    store.put(key, _segment(3))  # a closed memory cannot vouch for the segment: kept nowhere
    assert store.file_of(key) is None


@pytest.mark.parametrize("whole_user", [False, True])
def test_a_delete_from_a_process_of_another_cache_folder_removes_the_states_too(
    memory: Memory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_user: bool
) -> None:
    """A server translated with its cache folder; a data-protection officer deletes from a
    shell whose cache folder is another: the states, which hold the text, go from both."""
    key, segment = _stored_segment(memory)
    server_cache = tmp_path / "server-cache"
    StateStore("m", root=server_cache, memory=memory).put(key, _segment(3))
    assert memory.state_caches() == [server_cache.resolve()]
    assert len(list(server_cache.rglob("*.safetensors"))) == 1
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "shell-cache"))
    with Memory(tmp_path / "memory") as shell:
        assert shell.delete_user("u") if whole_user else shell.delete("u", segment.id)
    assert list(server_cache.rglob("*.safetensors")) == []


def test_a_delete_removes_its_own_stores_states_not_another_stores_user_of_that_name(
    memory: Memory, tmp_path: Path
) -> None:
    """Two stores share one cache folder, each with a user ``u``: the states were kept by user
    id alone, and deleting ``u`` from one store removed the other's too. Each store's users now
    have their own folders; a delete removes its store's, and the user's folder of no store
    (what every store wrote before), which no store reads any more."""
    other = Memory(tmp_path / "other")
    try:
        mine, _ = _stored_segment(memory)
        theirs, _ = _stored_segment(other)
        assert mine[:5] == theirs[:5]  # the same user, segment id and texts
        StateStore("m", memory=memory).put(mine, _segment(3))
        StateStore("m", memory=other).put(theirs, _segment(3))
        before = StateStore("m")  # a store given no memory: the folder before stores had theirs
        before.put(mine, _segment(3))
        memory.delete_user("u")
        assert StateStore("m", memory=other).get(theirs) is not None
        assert StateStore("m", memory=memory).file_of(mine) is None
        assert before.file_of(mine) is None
    finally:
        other.close()


def test_a_cache_folder_is_noted_once_and_not_without_a_store_to_note_it_in(
    memory: Memory, tmp_path: Path
) -> None:
    key, _ = _stored_segment(memory)
    store = StateStore("m", memory=memory)
    store.put(key, _segment(3))
    store.put(("m", "u", key[2], "other", "texts", key[5]), _segment(3))
    assert memory.state_caches() == [(tmp_path / "cache").resolve()]
    memory.close()  # a memory that cannot note the folder: no pack is written there
    elsewhere = StateStore("m", root=tmp_path / "elsewhere", memory=memory)
    elsewhere.put(key, _segment(3))
    assert list((tmp_path / "elsewhere").rglob("*.safetensors")) == []


def test_the_translator_gives_its_store_the_memory_to_check(tiny_backbone, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Memory(tmp_path) as memory:
        translator = Translator(tiny_backbone, memory, fusion="knn")
        assert translator.fusion.cache.store.memory is memory  # type: ignore[union-attr]
    stand_in = Translator(tiny_backbone, FakeMemory(), fusion="knn")  # type: ignore[arg-type]
    assert stand_in.fusion.cache.store.memory is None  # type: ignore[union-attr]


def test_a_repaired_or_narrowed_match_of_a_live_segment_stays_and_goes_with_its_segment(
    memory: Memory,
) -> None:
    """A repaired match (its placeholder changed) or one narrowed to a line carries texts the
    memory does not hold: kept under its segment's id while that segment lives (the next run
    over the same input reads it), and gone with the segment's delete; a match of a segment
    deleted since leaves the rest of its pack kept."""
    store = StateStore("m", memory=memory)
    key, _ = _stored_segment(memory)
    other = memory.add("u", "%s isn't available", "%s ist nicht verfügbar")
    texts = ("no isn't available", "no ist nicht verfügbar")  # "%s" repaired to the input's "no"
    repaired: Key = ("m", "u", other.id, *texts, other.created)
    gone = memory.add("u", "Close it", "Schließe es")
    gone_key: Key = ("m", "u", gone.id, *segment_texts(gone), gone.created)
    assert memory.delete("u", gone.id)
    store.put_many([(repaired, _segment(3)), (key, _segment(4)), (gone_key, _segment(5))])
    assert store.get(repaired) is not None and store.get(key) is not None
    assert store.file_of(gone_key) is None
    assert memory.delete("u", other.id)  # its pack goes, with every segment in it
    assert store.get(repaired) is None
    assert list(store.folder.rglob("*.safetensors")) == []


def test_a_second_run_over_the_same_input_reads_its_repaired_match_from_disk(
    tiny_backbone, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    text = "Disk sda1 isn't available"
    with Memory(tmp_path / "memory") as memory:
        segment = memory.add("u", "Disk %s isn't available", "Datenträger %s ist nicht verfügbar")
        outputs, caches = [], []
        for _ in range(2):  # two runs: two translators, each with its own empty cache
            translator = Translator(tiny_backbone, memory, fusion="knn", beam=2)
            outputs.append([t.text for t in translator.translate([text], user="u")])
            caches.append(translator.fusion.cache)  # type: ignore[union-attr]
        [read] = list(caches[1]._items)
        assert read[2] == segment.id and read[3:5] != segment_texts(segment)  # repaired
        assert "sda1" in read[3] and "sda1" in read[4]
        assert caches[0].disk_hits == 0 and caches[0].misses == 1
        assert caches[1].disk_hits == 1 and caches[1].misses == 0
        assert outputs[0] == outputs[1]
        assert memory.delete("u", segment.id)
    assert list((tmp_path / "cache").rglob("*.safetensors")) == []


def test_threads_of_a_server_write_and_read_one_store(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = StateStore("m", tmp_path)

    def batch(thread: int) -> list[bool]:
        keys = [_key(f"t{thread}-{i}", f"user{thread % 2}", 10 * thread + i) for i in range(5)]
        store.put_many([(key, _segment(3, i)) for i, key in enumerate(keys)])
        found = [store.get(key) for key in keys]
        return [item is not None and torch.equal(item.values, torch.arange(3)) for item in found]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(batch, range(8)))
    assert all(all(r) for r in results)
    assert len(list(store.folder.rglob("*.safetensors"))) == 8  # a pack per batch


def test_partial_packs_a_killed_writer_left_go_when_the_folder_is_read(tmp_path: Path) -> None:
    store = StateStore("m", tmp_path)
    store.put(_key("a"), _segment(3))
    folder = _file(store, _key("a")).parent
    old, fresh = folder / "pack-old.part", folder / "pack-fresh.part"
    for partial in (old, fresh):
        partial.write_bytes(b"half a pack")
    os.utime(old, (0, 0))
    assert StateStore("m", tmp_path).get(_key("a")) is not None  # a new store reads the folder
    assert not old.exists() and fresh.exists()  # a fresh one may be a write in progress


@pytest.mark.parametrize(
    ("value", "expected"), [(None, 256 * 1024 * 1024), ("", 256 * 1024 * 1024), ("64", 64 << 20)]
)
def test_the_bound_comes_from_ltmt_state_cache_mb(value: str | None, expected: int) -> None:
    environ = {} if value is None else {ENV_MAX_MB: value}
    assert default_max_bytes(environ) == expected


@pytest.mark.parametrize("value", ["64MB", "-1", "1.5", "lots"])
def test_a_bound_that_is_not_a_whole_number_is_one_clear_error(
    tiny_backbone, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from ltmt.errors import ConfigError

    monkeypatch.setenv(ENV_MAX_MB, value)
    message = rf"LTMT_STATE_CACHE_MB must be a whole number of megabytes .*not '{value}'"
    with pytest.raises(ConfigError, match=message):
        Translator(tiny_backbone, FakeMemory(), fusion="knn")  # type: ignore[arg-type]


def test_a_bound_of_0_keeps_no_states_on_disk(
    tiny_backbone, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(ENV_MAX_MB, "0")
    monkeypatch.setenv(ENV_CACHE, str(tmp_path))
    memory = FakeMemory({SOURCE: [(SOURCE + " now", TARGET, 80.0)]})
    translator = Translator(tiny_backbone, memory, fusion="knn", beam=2)  # type: ignore[arg-type]
    assert translator.fusion.cache.store is None  # type: ignore[union-attr]
    assert translator.translate([SOURCE], user="u")[0].method == "knn"
    assert list(tmp_path.rglob("*.safetensors")) == []
    monkeypatch.setenv(ENV_MAX_MB, "3")
    assert StateStore("m", tmp_path).max_bytes == 3 << 20


def test_a_moved_store_reads_its_states_and_a_delete_removes_them(
    memory: Memory, tmp_path: Path
) -> None:
    """The states were named by the store's resolved path: after a move a delete of the user
    left them in the cache (its text). They are named by the store's id, which goes with it."""
    key, _ = _stored_segment(memory)
    StateStore("m", memory=memory).put(key, _segment(3))
    memory.close()
    (tmp_path / "memory").rename(tmp_path / "moved")
    with Memory(tmp_path / "moved") as moved:
        assert StateStore("m", memory=moved).get(key) is not None
        assert moved.delete_user("u") is not None
    assert list((tmp_path / "cache").rglob("*.safetensors")) == []
