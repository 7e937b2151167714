"""Which path each input takes: no model, the fast path, or a fused batch."""

from __future__ import annotations

import pytest

from ltmt.routing import (
    needs_fusion,
    plan_batches,
    read_matches,
    reused_segment,
    stored_edges_replaced,
    without_model,
)
from ltmt.segments import Match, Segment


def _match(score, target="Datei öffnen"):
    return Match(Segment(1, "u1", "open the file", target, 0.0, "test"), score)


@pytest.mark.parametrize(
    ("text", "found", "exact_reuse", "expected"),
    [
        ("  ", (_match(100),), True, ("", "empty")),
        ("open the file", (_match(100),), True, ("Datei öffnen", "exact")),
        ("open the file", (_match(100),), False, None),
        ("open the files", (_match(95),), True, None),
        ("open the files", (), True, None),
    ],
)
def test_blank_inputs_and_exact_matches_need_no_model(text, found, exact_reuse, expected):
    result = without_model(text, found, exact_reuse)
    assert (None if result is None else (result.text, result.method)) == expected
    assert result is None or (result.source, result.matches) == (text, found)


def test_a_match_of_another_case_is_reused_in_the_inputs_case_or_decoded():
    """``Yes`` reuses a stored ``YES`` → ``JA`` as ``Ja``; of two 100 % matches the one of the
    input's case is reused; ``not found`` cannot say which words of ``NICHT GEFUNDEN`` are
    nouns, and is decoded (:mod:`ltmt.match_case`)."""
    shouted = Match(Segment(2, "u1", "YES", "JA", 0.0, "test"), 100.0)
    plain = Match(Segment(1, "u1", "yes", "ja", 0.0, "test"), 100.0)
    result = without_model("Yes", (shouted,), True)
    assert result is not None and (result.text, result.method) == ("Ja", "exact")
    result = without_model("yes", (shouted, plain), True)
    assert result is not None and (result.text, result.matches) == ("ja", (shouted, plain))
    lost = Match(Segment(3, "u1", "NOT FOUND", "NICHT GEFUNDEN", 0.0, "test"), 100.0)
    assert without_model("not found", (lost,), True) is None


@pytest.mark.parametrize(
    ("source", "target", "metadata", "reused"),
    [
        # session 64: imported old translations that lost the source's placeholders
        ("Welcome back to {brand_name}, {user}!", "Willkommen zurück!", {}, None),
        ("Hello, $USER$! Welcome back.", "Hallo! Willkommen zurück.", {}, None),
        ("Hello, $USER$!", "Hallo, $USER$!", {}, "Hallo, $USER$!"),
        # a numbered argument is the source's; a localised URL is the translator's
        ("%s of %d", "%2$d von %1$s", {}, "%2$d von %1$s"),
        ("See https://example.com", "Siehe https://example.de", {}, "Siehe https://example.de"),
        # a plural's first form may leave out its count, and no other form
        ("%d file", "Eine Datei", {"plural": 0}, "Eine Datei"),
        ("%d files", "Dateien", {"plural": 1}, None),
        # a WebExtension's names are one in any case
        ("Hello, $USER$!", "Hallo, $user$!", {}, "Hallo, $user$!"),
        ("Welcome to __MSG_extName__!", "Willkommen!", {}, None),
        ("You have {{count}} new messages", "Sie haben neue Nachrichten", {}, None),
        # a regression trial: a price and a key's or cell's name are the translator's to write
        ("It costs $5 per month.", "Es kostet 5 $ pro Monat.", {}, "Es kostet 5 $ pro Monat."),
        ("Upgrade for only $9 a month.", "Nur 9 € im Monat.", {}, "Nur 9 € im Monat."),
        ("Press <F5> to reload.", "Drücken Sie F5.", {}, "Drücken Sie F5."),
        ("Select cell <A1>.", "Wählen Sie Zelle A1.", {}, "Wählen Sie Zelle A1."),
        # an i18next (or ICU) form for one, named by its key, may leave out its count
        ("{{count}} file was deleted", "Eine Datei", {"context": "/file_one"}, "Eine Datei"),
        ("{count} file", "Eine Datei", {"context": "files.one"}, "Eine Datei"),
        ("{{count}} files", "Dateien", {"context": "/file_other"}, None),
        # i18next v3's form for one (beside file_plural), as its import stores it (trial s76)
        ("{{count}} file", "Eine Datei", {"context": "/file", "form_for_one": True}, "Eine Datei"),
        # session 73: a reviewer's typo in a framework's named field is reused, and repaired
        # as it is fitted (ltmt.formats.placeholders.reuse_lacks_fields), not decoded
        ("Save %discount%", "Sie sparen %discount", {}, "Sie sparen %discount"),
    ],
)
def test_a_match_whose_target_lacks_a_placeholder_of_its_source_is_decoded(
    source, target, metadata, reused
):
    match = Match(Segment(1, "u1", source, target, 0.0, "test", metadata), 100.0)
    result = without_model(source, (match,), True)
    assert (None if result is None else result.text) == reused


def _pair(source, target):
    return Segment(1, "u1", source, target, 0.0, "test")


@pytest.mark.parametrize(
    ("text", "segment", "expected"),
    [
        # coreutils: the string prints a newline that the stored one did not
        ("created directory %s\n", _pair("created directory %s", "Verzeichnis %s angelegt"),
         "Verzeichnis %s angelegt\n"),
        ("\n         host name: ", _pair("host name:", "Rechnername:"), "\n         Rechnername: "),
        ("Usage: %s\n\n", _pair("Usage: %s\n", "Aufruf: %s\n"), "Aufruf: %s\n\n"),
        # the same edges: as stored
        ("open the file", _pair("open the file", "Datei öffnen"), "Datei öffnen"),
        # the stored source has other edges than the input: the input's
        ("open the file", _pair("\nopen the file", "Datei öffnen"), "Datei öffnen"),
        # the very same source, a target stored with edges its source lacks: the input's
        ("Save", _pair("Save", "Speichern\n"), "Speichern"),
        ("Save changes", _pair("Save changes", "Änderungen speichern "), "Änderungen speichern"),
        ("Save\n", _pair("Save\n", "Speichern"), "Speichern\n"),
        ("Note: ", _pair("Note: ", "\nHinweis:  "), "Hinweis:  "),
        ("\nNote", _pair("\nNote", "  Hinweis"), "\nHinweis"),
        # edges of the same kind as the source's are the translator's (aligned help columns)
        ("   w/o user IDs: %lu\n", _pair("   w/o user IDs: %lu\n", "     ohne User-ID: %lu\n"),
         "     ohne User-ID: %lu\n"),
        ("Use -v.\n", _pair("Use -v.\n", "Mit -v.\n\n"), "Mit -v.\n\n"),
    ],
)  # fmt: skip
def test_an_exact_match_reused_takes_the_inputs_edge_whitespace(text, segment, expected):
    result = without_model(text, (Match(segment, 100.0),), True)
    assert result is not None and (result.text, result.method) == (expected, "exact")


def test_an_exact_match_reused_takes_the_inputs_no_break_spaces():
    """ifu2 trial (session 74): the score reads a no-break space as a space, so a line typed
    with them reuses a pair stored with plain ones; ``ltmt qa`` wants them in the target."""
    stored = _pair("Store at 2 °C to 8 °C.", "Bei 2 °C bis 8 °C lagern.")
    result = without_model("Store at 2\u00a0°C to 8\u00a0°C.", (Match(stored, 100.0),), True)
    assert result is not None
    assert (result.text, result.method) == ("Bei 2\u00a0°C bis 8\u00a0°C lagern.", "exact")


@pytest.mark.parametrize(
    ("text", "segment", "replaced"),
    [
        ("Usage:", _pair("Usage:", "Aufruf: "), True),  # the translator's space: told
        ("Save", _pair("Save", "Speichern\n"), True),
        ("Note: ", _pair("Note: ", "\nHinweis:  "), True),
        # no whitespace stored at the ends, or kept: nothing to tell
        ("created directory %s\n", _pair("created directory %s", "Verzeichnis %s angelegt"),
         False),
        ("open the file", _pair("open the file", "Datei öffnen"), False),
        ("Use -v.\n", _pair("Use -v.\n", "Mit -v.\n\n"), False),
    ],
)  # fmt: skip
def test_a_stored_targets_edge_whitespace_replaced_by_the_inputs_is_told(text, segment, replaced):
    assert stored_edges_replaced(text, (Match(segment, 100.0),)) is replaced


def test_without_a_fusion_or_a_match_no_input_needs_fusion():
    assert not needs_fusion(None, "open the file", (_match(80),))
    assert not needs_fusion(object(), "open the file", ())
    assert needs_fusion(object(), "open the file", (_match(80),))  # no selection: any match


def test_read_matches_are_the_fusions_selection_remembered_by_its_cache():
    from ltmt.fusion.knn import KnnFusion

    fusion = KnnFusion()
    repairable = Match(Segment(2, "u1", "error E692", "Fehler E692", 0.0, "test"), 70.0)
    found = (repairable, _match(40))  # the second is below knn's min_score
    read = read_matches(fusion, "error E1153", found)
    assert [(m.segment.source, m.segment.target) for m in read] == [
        ("error E1153", "Fehler E1153")  # repaired as knn reads it
    ]
    again = read_matches(fusion, "error E1153", found)
    assert again == read and again is not read  # the cache's remembered selection, a copy
    assert read_matches(object(), "error E1153", found) is None  # no selection


@pytest.mark.parametrize(
    ("lengths", "fused", "batch_size", "batches"),
    [
        ([], set(), 2, []),
        ([5, 3, 4], set(), 2, [([1, 2], False), ([0], False)]),
        ([5, 3, 4, 1], {0, 3}, 4, [([1, 2], False), ([3, 0], True)]),
        ([2, 2, 1, 3, 1], {1, 2, 3}, 2, [([4, 0], False), ([2, 1], True), ([3], True)]),
    ],
)
def test_batches_are_length_sorted_with_plain_inputs_apart(lengths, fused, batch_size, batches):
    assert plan_batches(lengths, fused.__contains__, batch_size) == batches


def test_the_segment_reused_is_the_one_of_the_inputs_case() -> None:
    """The best ranked 100 % match (``Open`` of another context) is not the one reused for
    ``open``: callers that judge the match reused (its context, its plural form) ask for it."""
    menu = Segment(1, "u1", "Open", "Öffnen", 0.0, "po", {"context": "menu"})
    verb = Segment(2, "u1", "open", "öffnen", 0.0, "po", {"context": "verb"})
    found = (Match(menu, 100.0), Match(verb, 100.0))
    assert reused_segment("open", found) == verb
    assert reused_segment("Open", found) == menu
    assert reused_segment("close", (Match(menu, 90.0),)) is None


def test_an_exact_match_without_the_sources_accelerator_gets_one_placed():
    """Qt trial s76 (5): ``&Import`` reused ``Importieren`` as stored; now it is placed as in a
    decoded line, counted, and the reuse is no longer 'as stored' (it is for review)."""
    from ltmt.formats.placeholders import reused_as_stored

    stored = (Match(Segment(1, "u1", "&Import", "Importieren", 0.0, "t"), 100.0),)
    placed = without_model("&Import", stored, True, "de", ("&", "_", "~"))
    assert placed is not None
    assert (placed.text, placed.method, placed.accelerators) == ("&Importieren", "exact", 1)
    assert not reused_as_stored(placed)
    kept = without_model("&Import", stored, True, "de")  # no markers asked (--accelerators none)
    assert kept is not None
    assert (kept.text, kept.accelerators) == ("Importieren", 0)
    assert reused_as_stored(kept)
