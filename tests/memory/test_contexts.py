"""Contexts in the store: part of the dedup key, kept by old stores, preferred on ties."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from ltmt import Memory
from ltmt.memory.crypto import PlainCipher
from ltmt.memory.layout import PAIR, pair_key
from ltmt.segments import PairRecord


def test_pairs_that_differ_only_by_context_are_both_kept(tmp_path: Path) -> None:
    records = [
        PairRecord("Open", "Öffnen", metadata={"context": "menu"}),
        PairRecord("Open", "Öffnen", metadata={"context": "verb"}),
        PairRecord("Open", "Öffnen"),
        PairRecord("Open", "Öffnen", metadata={"context": "menu"}),
    ]
    with Memory(tmp_path) as memory:
        report = memory.import_pairs("u1", records)
        assert (report.added, report.duplicates) == (3, 1)
        menu = next(s for s in memory.segments("u1") if s.metadata.get("context") == "menu")
        assert memory.delete("u1", menu.id)
        again = memory.import_pairs("u1", records[:1])
        assert again.added == 1  # its dedup entry went with it


def test_a_pair_without_context_keeps_the_key_of_older_stores() -> None:
    source, target = b"Open the file", "Datei öffnen".encode()
    digest = hashlib.blake2b(struct.pack(">I", len(source)) + source + target, digest_size=16)
    plain = PlainCipher().digest
    key = pair_key(7, "Open the file", "Datei öffnen", plain)
    assert key == PAIR + struct.pack(">I", 7) + digest.digest()
    assert pair_key(7, "Open the file", "Datei öffnen", plain, "menu") != key


def test_context_duplicates_in_an_encrypted_store(tmp_path: Path) -> None:
    """The context is part of the keyed dedup digest too, and check finds the store sound."""
    from ltmt.memory.crypto import generate_key_file

    key_file = tmp_path / "store.key"
    generate_key_file(key_file)
    records = [
        PairRecord("Open", "Öffnen", metadata={"context": "menu"}),
        PairRecord("Open", "Öffnen", metadata={"context": "verb"}),
        PairRecord("Open", "Öffnen", metadata={"context": "verb"}),
    ]
    with Memory(tmp_path / "store", key_file=key_file) as memory:
        report = memory.import_pairs("u1", records)
        assert (report.added, report.duplicates) == (2, 1)
        assert memory.check().segments == 2  # raises on a dedup entry it cannot find


def test_ties_prefer_the_same_context_then_the_same_plural_form(tmp_path: Path) -> None:
    records = [
        PairRecord("Open", "Öffne", metadata={"context": "verb"}),
        PairRecord("Open", "Öffnen", metadata={"context": "menu"}),
        PairRecord("Open", "Offen"),
        PairRecord("%d files", "%d pliki", metadata={"plural": 1}),
        PairRecord("%d files", "%d plików", metadata={"plural": 2}),
    ]
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", records)

        def best(text: str, **wanted: object) -> str:
            [[match, *_]] = memory.search_batch("u1", [text], k=1, prefer=[wanted])
            return match.segment.target

        assert memory.search("u1", "Open", k=1)[0].segment.target == "Offen"  # newest on a tie
        assert best("Open", context="verb") == "Öffne"
        assert best("Open", context="menu") == "Öffnen"
        assert best("Open", context="") == "Offen"
        assert best("%d files", context="", plural=1) == "%d pliki"
        assert best("%d files", context="", plural=2) == "%d plików"
        # a better score still wins over the same context
        memory.add("u1", "Open it", "Öffne es", metadata={"context": "other"})
        [[top, *_]] = memory.search_batch("u1", ["Open it"], k=1, prefer=[{"context": "verb"}])
        assert top.segment.target == "Öffne es"


def test_one_keys_spellings_tie_and_the_newest_translation_wins(tmp_path: Path) -> None:
    """A Lokalise trial (session 70): a reviewer's newer translation imported from flat JSON
    (``/onboarding.subtitle``) lost to the older one from CSV (``onboarding.subtitle``), the
    CSV key's own spelling. One key's spellings are one context; of its translations the newest
    wins, and a distinct key (``a/b`` beside ``a.b`` in one flat file) still does not tie."""
    source = "Hello [%1$s], you have [%2$d] new messages"
    records = [
        PairRecord(source, f"{target} neue Nachrichten", metadata={"context": context})
        for target, context in (
            ("Hallo [%1$s], Sie haben [%2$d]", "onboarding.subtitle"),
            ("Hallo [%1$s], du hast [%2$d]", "/onboarding.subtitle"),
            ("Hallo [%1$s], ihr habt [%2$d]", "/onboarding~1subtitle"),
        )
    ]
    with Memory(tmp_path) as memory:
        memory.import_pairs("u1", records)

        def best(context: str) -> str:
            [[match, *_]] = memory.search_batch("u1", [source], k=1, prefer=[{"context": context}])
            return match.segment.target.split()[2]

        assert best("onboarding.subtitle") == "du"  # CSV, XLIFF resname
        assert best("/onboarding/subtitle") == "du"  # nested JSON
        assert best("onboarding/subtitle") == "ihr"  # another key
