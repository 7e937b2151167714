"""The run report's groups that count units and name the first few (:mod:`ltmt.formats.run_report`)."""

from __future__ import annotations

import pytest

from ltmt.formats.run_report import RunReport, entry_name


def test_the_summary_names_a_source_as_written_not_in_its_tagged_form() -> None:
    """An MDX comment left as it was was named ``'<code data-md="raw">{/*\\n  Keep this in
    …'``: ltmt's own form of a Markdown block."""
    report = RunReport()
    report.copied_in('<code data-md="raw">{/* Keep this */}</code>')
    report.sentences_lost_in('Use <code data-md="raw">{{< ref >}}</code>. Then go.')
    report.copied_in("Welcome, [b]{name}[/b]!")  # a file's own markup, as written
    assert report.copied_examples == ["{/* Keep this */}", "Welcome, [b]{name}[/b]!"]
    assert report.sentences_lost_examples == ["Use {{< ref >}}. Then go."]
    assert "by the model (check them: '{/* Keep this */}', 'Welcome, [b]{name}[/b]!')" in (
        report.summary()
    )


def test_a_folder_run_names_the_first_three_of_its_files_together() -> None:
    """Each file's report names its first few; the folder's names the first three of them all,
    in file order, and says there are more."""
    first, second = RunReport(), RunReport()
    for text in ("Save", "Open"):
        first.copied_in(text)
        first.not_repairable_in(f"Order %s {text}")
    for text in ("Close", "Quit"):
        second.copied_in(text)
        second.name_kept_in(f" {text} ")
        second.term_at_end_in(f"Go {text} Pro.")
    folder = RunReport()
    folder.add(first)
    folder.add(second)
    assert folder.copied == 4
    assert folder.copied_examples == ["Save", "Open", "Close"]
    assert folder.names_kept_examples == ["Close", "Quit"]
    summary = folder.summary()
    assert "4 left as in the source by the model (check them: 'Save', 'Open', 'Close', ...)" in (
        summary
    )
    assert "2 one-word lines kept as names (check them: 'Close', 'Quit')" in summary
    assert (
        "2 with a glossary term placed at the end, away from where its source has it (check "
        "them: 'Go Close Pro.', 'Go Quit Pro.')" in summary
    )
    assert "2 could not be repaired (check them: 'Order %s Save', 'Order %s Open')" in summary


def test_a_line_still_informal_where_sie_was_asked_is_said_once_as_informal() -> None:
    report = RunReport()
    report.address_missed_in("Click here to unsubscribe:", "formal")
    folder = RunReport()
    folder.add(report)
    assert (
        "1 line still reads informal or impersonal (check them: 'Click here to "
        "unsubscribe:')" in folder.summary()
    )


def test_the_spelling_summary_names_the_unknown_words_not_the_sources() -> None:
    """Regression trial babel, session 67: the summary quoted the source ('100%% of your quota
    is used.'), where the word no dictionary knows is the output's (``Quotens``)."""
    report = RunReport(spelling_dictionary="de_DE (hunspell)")
    report.misspelt_in(["Quotens"])
    report.misspelt_in(["Quotens", "Kategories"])
    assert report.misspelt == 2
    assert (
        "2 with words the de_DE (hunspell) dictionary does not know (check them: 'Quotens', "
        "'Kategories')" in report.summary()
    )


@pytest.mark.parametrize(
    ("source", "context", "name"),
    [
        ("Save", "", "Save"),
        ("Save", "menu", "menu > Save"),  # not menu|Save: a | reads as a plural's forms
        ("Settings", "/Settings", "/Settings"),  # Laravel's de.json: the key is the source
        ("one apple|:count apples", "/apples", "/apples > one apple|:count apples"),
        # a document's inline codes are no words to look for (session 67)
        (
            '1.1 <g id="1">"Confidential Information"</g> means<x id="2"/> all',
            "",
            '1.1 "Confidential Information" means all',
        ),
        # a docx field left out: one space where it stood (was 'Page  of ')
        ('Page <x id="1"/> of <x id="2"/>', "", "Page of "),
    ],
)
def test_entry_name(source: str, context: str, name: str) -> None:
    assert entry_name(source, context) == name


@pytest.mark.parametrize(
    ("before", "said"),
    [
        (1, "1 translated already, kept as it is (--overwrite translates it again)"),
        (2, "2 translated already, kept as they are (--overwrite translates them again)"),
    ],
)
def test_the_translations_kept_are_said_in_their_number(before: int, said: str) -> None:
    """One kept translation was "1 translated already, kept as they are"."""
    assert RunReport(translated_before=before).summary().endswith(said)


@pytest.mark.parametrize(
    ("field", "count", "said"),
    [
        ("over_limit", 1, "1 longer than its length limit (shorten it)"),
        ("over_limit", 2, "2 longer than their length limit (shorten them)"),
        ("source_changed", 1, "1 translated again: its source changed since it was translated"),
        ("source_changed", 2, "2 translated again: their source changed since they were"),
        ("signed_off", 1, "1 signed off by a reviewer, kept as it is (--overwrite leaves it)"),
        ("locked", 1, "1 locked, left as it is"),
        ("locked", 2, "2 locked, left as they are"),
        ("marked_kept", 1, "1 kept as its comments ask"),
        ("units_marked_for_review", 1, "a reviewer confirms it in the CAT tool; --no-fuzzy "
                                       "writes it unmarked"),
        ("trados_segments_marked", 1, "1 Trados segment marked for review (Draft): a reviewer "
                                      "confirms it in Trados Studio; --no-fuzzy writes it "
                                      "Translated"),
        ("memoq_segments_marked", 1, "1 memoQ segment marked for review (Pretranslated): a "
                                     "reviewer confirms it in memoQ; --no-fuzzy writes it "
                                     "ManuallyConfirmed"),
    ],
)  # fmt: skip
def test_the_summary_says_one_unit_in_the_singular(field: str, count: int, said: str) -> None:
    """Trial release, session 71: '1 longer than their length limit (shorten them)'."""
    assert said in RunReport(**{field: count}).summary()


@pytest.mark.parametrize(
    ("copies", "option", "said"),
    [
        (1, "--copies translate", "1 copy of the source kept as translations (--copies "
                                  "translate translates it)"),
        (3, "--copies translate", "3 copies of the source kept as translations (--copies "
                                  "translate translates them)"),
        (3, None, "3 copies of the source kept as translations"),  # the server has no option
    ],
)  # fmt: skip
def test_the_copies_of_the_source_kept_are_said_with_what_translates_them(
    copies: int, option: str | None, said: str
) -> None:
    """Trial s73 transifex: 3 strings still English were "translated already"."""
    summary = RunReport(copies_kept=copies, translated_before=1).summary(copies=option)
    assert summary.endswith(f"(--overwrite translates it again); {said}")


def test_the_summary_names_the_segments_that_lost_a_sentence() -> None:
    """Jekyll trial: '1 lost a sentence of their source (check them)' named no segment."""
    report = RunReport()
    report.sentences_lost_in("Built with Jekyll. Hosted on Pages.")
    assert (
        "1 lost a sentence of its source (check them: 'Built with Jekyll. Hosted on Pages.')"
        in report.summary()
    )
    assert report.as_dict()["sentences_lost"] == 1
    assert "sentences_lost_examples" not in report.as_dict()


def test_the_summary_names_the_segments_that_lost_a_negation() -> None:
    """Healthcare trial (session 73): ``Do not take this medication if you are pregnant.`` came
    out ``Medikament nehmen, ...`` and the summary said nothing; qa's negation check found it."""
    report = RunReport()
    report.negation_lost_in("Do not take this medication if you are pregnant.")
    other = RunReport()
    other.negation_lost_in("Never freeze.")
    report.add(other)
    assert (
        "2 whose negations differ from their source's (check them: 'Do not take this medication if you "
        "are …', 'Never freeze.')" in report.summary()
    )
    assert report.as_dict()["negation_lost"] == 2
    assert "negation_lost_examples" not in report.as_dict()


def test_the_summary_names_the_translations_that_say_a_match_s_polarity() -> None:
    """Pharma trial (session 76): ``Xarelto must be used in children ...`` kept its 96.5 %
    match's ``nicht`` and the summary said only "words the source adds may be missing"."""
    report = RunReport()
    report.match_polarity_in("Xarelto must be used in children below 18 years of age.")
    other = RunReport()
    other.match_polarity_in("Do not store below 25 °C.")
    report.add(other)
    assert (
        "2 saying a memory match's negation or comparison (nicht, über, unter ...) where their "
        "source differs from the match's (check them: 'Xarelto must be used in children below …', "
        "'Do not store below 25 °C.')" in report.summary()
    )
    assert report.as_dict()["match_polarity"] == 2
    assert "match_polarity_examples" not in report.as_dict()


def test_a_match_set_aside_says_every_reason_a_guard_has() -> None:
    report = RunReport(units=1, no_match=1, matches_set_aside=1)
    assert (
        "1 without a usable match (1 of them with a match set aside: its translation changed a "
        "number, frequency or placeholder of the source, lacked its negation, stopped where the "
        "match goes on, said the match's negation or comparison where the source differs or said "
        "a weak match's words)" in report.summary()
    )


def test_the_summary_names_the_translations_that_copy_a_match_of_other_words() -> None:
    """A technical writer's trial: a source that adds words to a stored segment was translated
    as the segment's target, and the summary said only '1 decoded again after copying a match
    of other words'."""
    report = RunReport(units=2, fuzzy=2)
    report.copy_of_other_words_in("Send them to the dashboard and the app.")
    line = report.summary()
    assert "2 fuzzy used by fusion, 0 without" in line  # none decoded again and replaced
    assert (
        "1 translated as a stored match of other words: words the source adds may be missing "
        "(check them: 'Send them to the dashboard and the app.')" in line
    )
    assert report.as_dict()["copies_other_words"] == 1
    assert "copies_other_words_examples" not in report.as_dict()


def test_a_glossary_examples_source_is_named_without_its_tags() -> None:
    """A Markdown source's code span as read (``<code>``) is no part of its name in the summary."""
    report = RunReport()
    source = "Install it with <code>pip install cloudsync</code>, then run <code>cloudsync</code>."
    report.term_leftover_in(source, ["login"])
    report.terms_missed_in(source, ["login"])
    assert report.terms_with_leftovers_examples == [
        "'login' in 'Install it with pip install cloudsync, …'"
    ]
    assert report.terms_missed_examples == report.terms_with_leftovers_examples


def test_a_folder_run_names_the_memory_matches_lacking_a_field_of_its_files_together() -> None:
    first, second = RunReport(), RunReport()
    first.exact_lacking_in("Save %discount%")
    second.exact_lacking_in("cart > Hello :name")
    first.add(second)
    assert (first.exact_lacking, first.exact_lacking_examples) == (
        2,
        ["Save %discount%", "cart > Hello :name"],
    )
    assert "not approved (check them: 'Save %discount%', 'cart > Hello :name'; store" in (
        first.summary()
    )
    assert "memory match" not in RunReport().summary()


def test_a_folder_run_names_the_memory_matches_with_other_numbers_of_its_files_together() -> None:
    first, second = RunReport(), RunReport()
    first.exact_numbers_in("Store below 25 °C.")
    second.exact_numbers_in("leaflet.txt: Take 1 tablet.")
    first.add(second)
    assert (first.exact_numbers, first.exact_numbers_examples) == (
        2,
        ["Store below 25 °C.", "leaflet.txt: Take 1 tablet."],
    )
    assert (
        "2 100 % memory matches whose stored translation's numbers disagree with the source's, "
        "reused as stored (check them: 'Store below 25 °C.', 'leaflet.txt: Take 1 tablet.'; "
        "store the corrected translation with ltmt memory add)"
    ) in first.summary()


@pytest.mark.parametrize(
    ("kept", "own", "unflagged", "said"),
    [
        (
            2,
            0,
            0,
            "2 marked fuzzy and kept for review (no 100 % memory match of their context; "
            "--fuzzy-entries translate machine-translates them for their msgid now; "
            "--overwrite translates every entry again, the reviewed ones too)",
        ),
        (
            2,
            2,
            0,
            "2 marked fuzzy and kept for review (ltmt's machine translation of their msgid, "
            "from an earlier run; mark_fuzzy=false writes them unflagged as they are; "
            "--overwrite translates every entry again, the reviewed ones too)",
        ),
        (
            3,
            1,
            0,
            "3 marked fuzzy and kept for review (1 of them ltmt's machine translation of their "
            "msgid from an earlier run, which mark_fuzzy=false writes unflagged as it is; the "
            "others: no 100 % memory match of their context;",
        ),
        (
            0,
            0,
            2,
            "2 entries that an earlier run of ltmt wrote fuzzy for their msgid now written "
            "unflagged, as ltmt wrote them (the model not run)",
        ),
    ],
)
def test_the_summary_says_which_fuzzy_entries_are_ltmts_own(
    kept: int, own: int, unflagged: int, said: str
) -> None:
    """Session 73: ltmt's own fuzzy entries of their msgid were said to be msgmerge's
    suggestions of an older one, and a --no-fuzzy rerun kept them fuzzy."""
    report = RunReport(
        suggestions_kept=kept, own_suggestions_kept=own, own_suggestions_unflagged=unflagged
    )
    assert said in report.summary(unflagged="mark_fuzzy=false")
