"""YAML message files (Rails, Symfony): the target language's file, its layout kept."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel
from ruamel.yaml import YAML

from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.yaml_catalog import YamlCatalog

DATA = Path(__file__).parent / "data"


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "config" / "locales" / "en.yml"
    path.parent.mkdir(parents=True)
    shutil.copy(DATA / "en.yml", path)
    return path


def test_units_are_named_as_rails_names_them(tmp_path: Path) -> None:
    units = open_document(_source(tmp_path), tgt_lang="ru").units()
    assert [(u.key, u.source, u.entry, u.group) for u in units] == [
        ("hello", "Hello world", "", "hello"),
        ("greeting", "Welcome back, %{name}!", "", "greeting"),
        ("notes#zero", "No notes", "", "notes"),  # Rails' own case for 0, in every language
        ("notes#one", "%{count} note", "notes", "notes"),
        ("notes#few", "%{count} notes", "notes", "notes"),  # from other
        ("notes#many", "%{count} notes", "notes", "notes"),
        ("errors.blank", "can't be blank", "", "errors.blank"),
        ("errors.too_long", "is too long (maximum is %{count} characters)", "", "errors.too_long"),
        ("date.abbr_day_names[0]", "Sun", "", "date.abbr_day_names"),  # a list: written whole
        ("date.abbr_day_names[1]", "Mon", "", "date.abbr_day_names"),
        ("date.abbr_day_names[2]", "Tue", "", "date.abbr_day_names"),
        ("multi", "First line\nsecond line\n", "", "multi"),
    ]


def test_the_translation_keeps_the_layout_under_the_target_language(tmp_path: Path) -> None:
    source = _source(tmp_path)
    out = source.with_name("de.yml")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "# Rails app strings\n"
        "de:\n"
        '  hello: "HELLO WORLD"\n'  # quoting kept
        "  greeting: WELCOME BACK, %{name}!\n"  # placeholders kept
        "  notes:\n"
        '    zero: "NO NOTES"\n'
        '    one: "%{count} NOTE"\n'
        '    other: "%{count} NOTES"\n'
        "  errors:\n"
        "    # shown under a field\n"  # comments kept
        "    blank: CAN'T BE BLANK\n"
        "    too_long: 'IS TOO LONG (MAXIMUM IS %{count} CHARACTERS)'\n"
        "  date:\n"
        "    abbr_day_names: [SUN, MON, TUE]\n"
        "  enabled: true\n"  # not text: copied
        "  multi: |\n"
        "    FIRST LINE\n"
        "    SECOND LINE\n"
    )


def test_a_plural_or_a_list_is_written_only_whole(tmp_path: Path) -> None:
    document = YamlCatalog.open(_source(tmp_path), tgt_lang="de")
    document.fill({"hello": "Hallo", "notes#one": "%{count} Notiz", "date.abbr_day_names[0]": "So"})
    written = YAML(typ="safe").load(document.render())
    assert written == {"de": {"hello": "Hallo", "enabled": True}}
    document.fill({"notes#zero": "Keine", "notes#other": "%{count} Notizen"})
    written = YAML(typ="safe").load(document.render())
    assert written["de"]["notes"] == {
        "zero": "Keine",
        "one": "%{count} Notiz",
        "other": "%{count} Notizen",
    }


def test_a_file_without_a_language_root_and_other_layouts(tmp_path: Path) -> None:
    source = tmp_path / "messages.en.yaml"
    source.write_text(
        "app:\n    title: Notes\n    items:\n        - first item\n        - 42\nquit: Quit\n",
        "utf-8",
    )
    out = tmp_path / "messages.de.yaml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "app:\n    title: NOTES\n    items:\n        - FIRST ITEM\n        - 42\nquit: QUIT\n"
    )


def test_update_keeps_the_translation_so_far_and_its_own_keys(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _source(tmp_path)
    out = source.with_name("de.yml")
    out.write_text("de:\n  hello: Hallo Welt\n  errors:\n    old: Alt\n  gone: Weg\n", "utf-8")
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert "Hello world" not in model.seen
    written = YAML(typ="safe").load(out.read_text("utf-8"))["de"]
    assert written["hello"] == "Hallo Welt"
    assert written["errors"] == {
        "blank": "CAN'T BE BLANK",
        "too_long": "IS TOO LONG (MAXIMUM IS %{count} CHARACTERS)",
        "old": "Alt",
    }
    assert written["gone"] == "Weg"
    assert (
        f"{out}: 2 strings not in {source} (errors.old, gone) kept in their mappings, after the "
        "source's keys there; delete them there if they are obsolete"
    ) in caplog.text
    pairs = {r.source: r.target for r in YamlCatalog.pairs(out, source_file=source)}
    assert pairs["Hello world"] == "Hallo Welt"
    assert pairs["%{count} notes"] == "%{count} NOTES"


def test_update_keeps_the_comments_of_the_translation_so_far(tmp_path: Path) -> None:
    """The translator's header and a string's comments (above it, at its line's end) stay, at
    the output's indentation; a string new to the output has the source file's."""
    source = tmp_path / "en.yml"
    source.write_text(
        "# Rails app strings\n"
        "en:\n"
        "  save: Save\n"
        "  # a button\n"
        "  cancel: Cancel  # short\n"
        "  errors:\n"
        "    blank: can't be blank\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    out.write_text(
        "# German: Anna\n"
        "\n"
        "de:\n"
        "    # reviewed by Anna\n"
        "    save: Speichern  # final\n"
        "    errors:  # Fehler\n"
        "        #   checked\n"
        "        blank: darf nicht leer sein\n",
        "utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "# German: Anna\n"
        "\n"
        "de:\n"
        "  # reviewed by Anna\n"
        "  save: Speichern  # final\n"
        "  # a button\n"
        "  cancel: CANCEL  # short\n"
        "  errors:  # Fehler\n"
        "    #   checked\n"
        "    blank: darf nicht leer sein\n"
    )


def test_anchors_and_merge_keys_are_kept_and_translated_once(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        "en:\n"
        "  defaults: &defaults\n"
        "    save: Save changes\n"
        "  posts:\n"
        "    <<: *defaults\n"
        "    title: Your posts\n",
        "utf-8",
    )
    assert [u.key for u in open_document(source).units()] == ["defaults.save", "posts.title"]
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "de:\n"
        "  defaults: &defaults\n"
        "    save: SAVE CHANGES\n"
        "  posts:\n"
        "    <<: *defaults\n"
        "    title: YOUR POSTS\n"
    )


def test_settings_and_nulls_are_copied_as_written(tmp_path: Path) -> None:
    """Rails keeps settings beside its strings: translated, they would break the app."""
    source = tmp_path / "en.yml"
    source.write_text(
        "en:\n"
        "  date:\n"
        "    month_names: [~, January]\n"
        "    order:\n"
        "      - year\n"
        "      - :month\n"
        "  number:\n"
        "    round_mode: default\n"
        "    unit: '%n %u'\n",
        "utf-8",
    )
    assert [u.key for u in open_document(source).units()] == ["date.month_names[1]"]
    out = tmp_path / "de.yml"
    out.write_text("de:\n  number:\n    round_mode: Vorgabe\n", "utf-8")  # an earlier mistake
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "de:\n"
        "  date:\n"
        "    month_names: [~, JANUARY]\n"  # ~ stays ~
        "    order:\n"
        "      - year\n"
        "      - :month\n"
        "  number:\n"
        "    round_mode: default\n"  # the source's setting, not the output's own string
        "    unit: '%n %u'\n"
    )


def test_a_locale_setting_of_the_translation_so_far_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        'en:\n  number:\n    separator: "."\n    precision: 3\n  cancel: cancel\n', "utf-8"
    )
    out = tmp_path / "de.yml"
    out.write_text(
        'de:\n  number:\n    separator: ","\n    precision: 2\n  cancel: abbrechen\n', "utf-8"
    )
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == []  # a lowercase word is text where it is no Rails setting: kept
    assert out.read_text("utf-8") == (
        'de:\n  number:\n    separator: ","\n    precision: 2\n  cancel: abbrechen\n'
    )


def test_icu_messages_of_a_symfony_file_are_left_untranslated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``messages+intl-icu.en.yaml``: a plural translated as text broke its braces and
    keywords (``{apples, Plural, ... eine Apfel} andere {...}}``)."""
    source = tmp_path / "messages+intl-icu.en.yaml"
    source.write_text(
        "num_of_apples: '{apples, plural, =0 {There are no apples} one {There is one apple} "
        "other {There are # apples}}'\nbraces: \"Use '{' to open\"\ntitle: Apples\n",
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        document = open_document(source, tgt_lang="de")
        assert caplog.text == ""  # said by a translation run alone (ltmt qa said it twice)
        document.warn_of_untranslated()
    assert [u.source for u in document.units()] == ["Apples"]
    assert (
        "2 messages with an ICU plural or select, or quotes around braces ('{name}') "
        "(num_of_apples, braces) left out of the output: ltmt takes such messages apart in "
        "JSON and ARB files, not in YAML; translate them by hand" in caplog.text
    )


def test_a_rerun_keeps_a_persons_icu_translation_and_warns_of_the_others_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s77: a rerun deleted the translator's ``cart.items`` and warned that it was
    "left untranslated ... translate it by hand". It is kept as written, counted as translated
    already; a message without a translation is said left out of the output, and one whose
    output leaves it empty, copies its source or marks it ``__`` kept untranslated, every byte
    as it was."""
    source = tmp_path / "messages+intl-icu.en.yaml"
    source.write_text(
        "cart:\n"
        "    items: '{count, plural, one {# item} other {# items}}'\n"
        "    empty: '{count, plural, =0 {Empty} other {# left}}'\n"
        "    gone: '{n, select, a {A} other {B}}'\n"
        "    marked: '{n, select, a {C} other {D}}'\n"
        "    fresh: '{n, select, a {E} other {F}}'\n"
        "    title: 'Your cart'\n",
        "utf-8",
    )
    out = tmp_path / "messages+intl-icu.de.yaml"
    out.write_text(
        "cart:\n"
        '    items: "{count, plural, one {# Artikel} other {# Artikel}}"  # by hand\n'
        "    empty: ''\n"
        "    gone: '{n, select, a {A} other {B}}'\n"
        "    marked: '__{n, select, a {C} other {D}}'\n",
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "cart:\n"
        '    items: "{count, plural, one {# Artikel} other {# Artikel}}"  # by hand\n'
        "    empty: ''\n"
        "    gone: '{n, select, a {A} other {B}}'\n"
        "    marked: '__{n, select, a {C} other {D}}'\n"
        "    title: 'YOUR CART'\n"
    )
    assert result.report.translated_before == 1  # the person's translation alone
    icu = "with an ICU plural or select, or quotes around braces ('{name}')"
    assert [m.split(": ", 1)[1] for m in caplog.messages] == [
        f"1 message {icu} (cart.fresh) left out of the output: ltmt takes such "
        "messages apart in JSON and ARB files, not in YAML; translate it by hand",
        f"3 messages {icu} (cart.empty, cart.gone, cart.marked) kept untranslated as the "
        "output has them: "
        "ltmt takes such messages apart in JSON and ARB files, not in YAML; translate them by "
        "hand",
    ]


def test_quotes_around_an_i18next_field_are_text_in_a_file_without_icu_syntax(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s76 (as JSON): ``Delete project '{{name}}'?`` of an i18next file was left
    untranslated as ICU's quoted braces; i18next reads no ICU. Beside an ICU message it is
    still ICU's quoting."""
    source = tmp_path / "en.yaml"
    source.write_text("en:\n  delete: \"Delete project '{{name}}'?\"\n  saved: Saved\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        document = open_document(source, tgt_lang="de")
        document.warn_of_untranslated()
    assert [u.source for u in document.units()] == ["Delete project '{{name}}'?", "Saved"]
    assert caplog.text == ""
    source.write_text(source.read_text("utf-8") + "  hello: Hello {user}\n", "utf-8")
    document = open_document(source, tgt_lang="de")
    assert [u.source for u in document.units()] == ["Saved", "Hello {user}"]


def test_qa_checks_a_persons_translation_of_an_icu_message(tmp_path: Path) -> None:
    """They made no pairs: ``ltmt qa`` passed ``{Anzahl, plural, ...}`` without ``other``."""
    from ltmt.qa.pair_checks import icu_problems

    source = tmp_path / "messages+intl-icu.en.yaml"
    source.write_text(
        "cart:\n  items: '{count, plural, one {# item} other {# items}}'\n  t: Cart\n", "utf-8"
    )
    target = tmp_path / "messages+intl-icu.de.yaml"
    target.write_text(
        "cart:\n  items: '{Anzahl, plural, one {# Artikel}}'\n  t: Warenkorb\n", "utf-8"
    )
    records = list(YamlCatalog.pairs(target, source_file=source, purpose="checked"))
    assert [(r.source, r.target, r.metadata) for r in records][1:] == [
        (
            "{count, plural, one {# item} other {# items}}",
            "{Anzahl, plural, one {# Artikel}}",
            {"context": "cart.items", "context_is_key": True},
        )
    ]
    assert icu_problems(records[1].source, records[1].target, records[1].metadata) == [
        "renames the argument {count} to {Anzahl}: keep the source's name, which the program "
        "passes",
        "not a valid ICU message as its source is: plural 'Anzahl' has no 'other' branch",
    ]
    assert len(list(YamlCatalog.pairs(target, source_file=source))) == 1  # no memory pair


def test_a_plurals_categories_keep_the_sources_order(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        "en:\n  apples:\n    one: one apple\n    other: '%{count} apples'\n    zero: no apples\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    plural = YAML().load(out.read_text("utf-8"))["de"]["apples"]
    assert list(plural) == ["one", "other", "zero"]


def test_an_anchored_string_keeps_its_anchor_and_its_aliases(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        'en:\n  app_name: &app_name "Bookshelf"\n  title: *app_name\n  other: Open\n', "utf-8"
    )
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        'de:\n  app_name: &app_name "BOOKSHELF"\n  title: *app_name\n  other: OPEN\n'
    )


def test_vue_plural_choices_are_translated_one_by_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Session 60: as in JSON files, each choice of a vue-i18n plural is a string of its own,
    and the translation has the source's number of choices."""
    source = tmp_path / "en.yml"
    source.write_text(
        'items: "no items | one item | {count} items"\nmenu:\n  - car | cars\n', "utf-8"
    )
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source, u.group) for u in units] == [
        ("items#0", "no items", "items"),
        ("items#1", "one item", "items"),
        ("items#2", "{count} items", "items"),
        ("menu[0]#0", "car", "menu"),
        ("menu[0]#1", "cars", "menu"),
    ]
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        'items: "NO ITEMS | ONE ITEM | {count} ITEMS"\nmenu:\n  - CAR | CARS\n'
    )
    out.write_text('items: "keine | eins | {count} Stück"\nmenu:\n  - Auto\n', "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")  # a choice missing: kept, said
    assert out.read_text("utf-8") == 'items: "keine | eins | {count} Stück"\nmenu:\n  - Auto\n'
    assert f"{out}: menu[0] has 1 choice where the source has 2; kept: check it" in caplog.text


def test_qa_checks_a_plural_with_another_number_of_choices_whole(tmp_path: Path) -> None:
    """Session 65's trial: ``Datei`` for ``file | files`` was said missing, untranslated."""
    source = tmp_path / "en.yml"
    source.write_text("file: file | files\n", "utf-8")
    target = tmp_path / "de.yml"
    target.write_text("file: Datei\n", "utf-8")
    records = list(YamlCatalog.pairs(target, source_file=source, purpose="checked"))
    assert [(r.source, r.target, r.metadata) for r in records] == [
        ("file | files", "Datei", {"context": "file", "context_is_key": True, "syntax": "vue-i18n"})
    ]
    assert open_document(source).missing_in(target) == []


@pytest.mark.parametrize(
    "text",
    [
        'help: "Run ls | grep log to list the log files."\ntitle: Home | Shop\n',
        # a Rails file: its %{count} and its plural mappings say the bar is text
        'en:\n  car: car | cars\n  errors:\n    too_long: "is too long (%{count} characters)"\n',
        "en:\n  car: car | cars\n  notes:\n    one: a note\n    other: notes\n",
    ],
)
def test_a_bar_in_text_is_no_plural(tmp_path: Path, text: str) -> None:
    """Session 60's trial: a Rails or plain YAML string with `` | `` was translated in
    pieces; it is translated whole."""
    source = tmp_path / "en.yml"
    source.write_text(text, "utf-8")
    units = open_document(source, tgt_lang="de").units()
    assert all("#" not in u.key or u.key.startswith("notes#") for u in units)
    assert " | " in units[0].source


def test_a_key_that_changed_between_string_and_mapping_is_written_and_its_old_kept_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The source's new nested keys are written (not overwritten by the old string), and the
    old translation stays in a comment above the key; the reverse (a plural now a string) too."""
    source = tmp_path / "en.yml"
    source.write_text(
        "en:\n  submit:\n    create: Create\n    update: Update\n  seats: 'Seats: %{count}'\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    out.write_text(
        "de:\n  submit: Anlegen\n  seats:\n    one: '%{count} Lizenz'\n"
        "    other: '%{count} Lizenzen'\n",
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    text = out.read_text("utf-8")
    assert YAML(typ="safe").load(text)["de"] == {
        "submit": {"create": "CREATE", "update": "UPDATE"},
        "seats": "SEATS: %{count}",
    }
    assert "  # before the source changed this key: Anlegen\n  submit:\n" in text
    assert (
        "  # before the source changed this key: {one: %{count} Lizenz, other: %{count} "
        "Lizenzen}\n  seats:" in text
    )
    assert (
        f"{out}: 2 keys are a string in one file and a mapping in the other (submit, seats): "
        f"written as {source} has them, the old translation kept in a comment above each"
    ) in caplog.text
    assert "not in" not in caplog.text


def test_a_translation_so_far_under_the_source_language_key_keeps_its_comments(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A de.yml copied from en.yml (still ``en:``) keeps its comments; the renaming is said."""
    source = tmp_path / "en.yml"
    source.write_text("# app\nen:\n  save: Save\n  # a button\n  cancel: Cancel\n", "utf-8")
    out = tmp_path / "de.yml"
    out.write_text(
        "# Jana's\nen:\n  save: Speichern  # fixed\n  # ein Knopf\n  cancel: Abbrechen\n", "utf-8"
    )
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "# Jana's\nde:\n  save: Speichern  # fixed\n  # ein Knopf\n  cancel: Abbrechen\n"
    )
    assert f"{out}: its top key en: was renamed de: (the target language's)" in caplog.text


def test_a_translation_with_no_words_left_is_read_and_paired(tmp_path: Path) -> None:
    """``%{first_name},`` for ``Hi %{first_name},`` is a translation (qa checks it), not none."""
    source = tmp_path / "en.yml"
    source.write_text('en:\n  greeting: "Hi %{first_name},"\n  bye: Bye\n', "utf-8")
    out = tmp_path / "de.yml"
    out.write_text('de:\n  greeting: "%{first_name},"\n  bye: Tschüss\n', "utf-8")
    pairs = {r.source: r.target for r in YamlCatalog.pairs(out, source_file=source)}
    assert pairs == {"Hi %{first_name},": "%{first_name},", "Bye": "Tschüss"}


def test_a_skipped_key_keeps_the_existing_translations_values(tmp_path: Path) -> None:
    """--skip-keys formats replaced the output's own date formats with the English ones."""
    source = tmp_path / "en.yml"
    source.write_text(
        "en:\n"
        "  date:\n"
        "    formats:\n"
        '      default: "%Y-%m-%d"\n'
        '      long: "%B %d, %Y"\n'
        '      short: "%b %d"\n'
        "  title: Order overview\n"
        "  save: Save\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    out.write_text(
        'de:\n  date:\n    formats:\n      default: "%d.%m.%Y"\n      long: "%e. %B %Y"\n'
        "  title: Bestellübersicht\n",
        "utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de", skip_keys=frozenset({"formats"}))
    assert out.read_text("utf-8") == (
        "de:\n"
        "  date:\n"
        "    formats:\n"
        '      default: "%d.%m.%Y"\n'
        '      long: "%e. %B %Y"\n'
        '      short: "%b %d"\n'  # the translation has none: the source's
        "  title: Bestellübersicht\n"
        "  save: SAVE\n"
    )


def test_strings_under_skip_keys_are_copied_at_any_depth(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        "en:\n"
        "  title: Welcome\n"
        "  icon: Home\n"
        "  menu:\n"
        "    icon: Open book\n"
        "    routes: [Start, Help]\n"
        "    label: Open\n",
        "utf-8",
    )
    skip = frozenset({"icon", "routes"})
    assert [u.key for u in open_document(source, skip_keys=skip).units()] == [
        "title",
        "menu.label",
    ]
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de", skip_keys=skip)
    assert out.read_text("utf-8") == (
        "de:\n"
        "  title: WELCOME\n"
        "  icon: Home\n"
        "  menu:\n"
        "    icon: Open book\n"
        "    routes: [Start, Help]\n"
        "    label: OPEN\n"
    )
    with caplog.at_level(logging.WARNING):
        open_document(source, skip_keys=frozenset({"Icon"}))
    assert caplog.messages == [
        "en.yml: --skip-keys names 'Icon', which no key of the file has (did you mean 'icon'?)"
    ]


def test_a_mapping_written_empty_is_kept(tmp_path: Path) -> None:
    """Drupal's config writes empty mappings (``dependencies: {  }``): they are data."""
    source = tmp_path / "empty.test.yml"
    source.write_text(
        "dependencies: {  }\nthird_party_settings: {}\ntags: []\nlabel: 'Tags'\n",
        "utf-8",
    )
    out = tmp_path / "empty.test.de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (  # each as written: {  } too
        "dependencies: {  }\nthird_party_settings: {}\ntags: []\nlabel: 'TAGS'\n"
    )


def _extracted(tmp_path: Path) -> tuple[Path, Path]:
    """A Symfony source file and translation:extract's German file (``__`` + the source)."""
    source = tmp_path / "messages.en.yaml"
    source.write_text("'Save changes': 'Save changes'\n'Log in': 'Log in'\n", "utf-8")
    german = tmp_path / "messages.de.yaml"
    german.write_text("'Save changes': 'Änderungen speichern'\n'Log in': '__Log in'\n", "utf-8")
    return source, german


def test_a_target_marked_untranslated_is_filled_not_kept(tmp_path: Path) -> None:
    source, german = _extracted(tmp_path)
    translate_file(source, german, FakeModel(), tgt_lang="de")
    assert (
        german.read_text("utf-8") == "'Save changes': 'Änderungen speichern'\n'Log in': 'LOG IN'\n"
    )


def test_a_target_marked_untranslated_is_no_pair_and_is_said_untranslated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from ltmt.formats.not_read import NotRead

    source, german = _extracted(tmp_path)
    not_read = NotRead()
    pairs = YamlCatalog.pairs(german, source_file=source, not_read=not_read)
    assert [(p.source, p.target) for p in pairs] == [("Save changes", "Änderungen speichern")]
    assert not_read.by_reason() == {"untranslated": 1}
    with caplog.at_level(logging.WARNING):
        list(YamlCatalog.pairs(german, source_file=source))
    assert (
        f"{german}: 1 string marked untranslated (target __ + source: Log in) not imported; "
        "fill it with ltmt translate first"
    ) in caplog.text
    assert YamlCatalog.open(source).missing_in(german) == ["Log in"]  # ltmt qa: untranslated


def test_a_symfony_plural_is_translated_form_by_form_its_intervals_kept(tmp_path: Path) -> None:
    source = tmp_path / "messages.en.yaml"
    source.write_text(
        "cart:\n"
        "    apples: 'one apple|many apples'\n"  # (%count% is ltmt.formats.placeholders')
        "    interval: '{0} No apples|{1} One apple|]1,Inf[ Many apples'\n"
        "title: 'Home | Shop'\n",
        "utf-8",
    )
    model = FakeModel()
    out = tmp_path / "messages.de.yaml"
    translate_file(source, out, model, tgt_lang="de")
    assert "One apple" in model.seen and "Home | Shop" in model.seen  # a form alone; text whole
    assert out.read_text("utf-8") == (
        "cart:\n"
        "    apples: 'ONE APPLE|MANY APPLES'\n"
        "    interval: '{0} NO APPLES|{1} ONE APPLE|]1,Inf[ MANY APPLES'\n"
        "title: 'HOME | SHOP'\n"
    )
    assert YamlCatalog.open(source).missing_in(out) == []


UI_TEXT = """\
# English (default)
en: &DEFAULT_EN
  read_more: "Read more"
  next: "Next"
en-US:
  <<: *DEFAULT_EN
"""


def test_a_file_of_several_language_roots_says_what_it_translated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Minimal Mistakes' ui-text.yml came out with German under en:, silently."""
    source = tmp_path / "ui-text.yml"
    source.write_text(UI_TEXT, "utf-8")
    out = tmp_path / "de" / "ui-text.yml"
    out.parent.mkdir()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == UI_TEXT.replace("Read more", "READ MORE").replace(
        '"Next"', '"NEXT"'
    )
    assert (
        f"{source}: holds a root for each of several languages (en, en-US); en: translated "
        "and kept under its English name, not de: rename the translated root de: by hand (a "
        "theme such as Minimal Mistakes picks the root by the site's locale)"
    ) in caplog.text


def test_a_kept_translation_keeps_its_scalar_as_the_output_writes_it(tmp_path: Path) -> None:
    """Regression trial oa271: a translator's folded ``>`` block over two lines was written back
    on one line by a rerun (git diff noise in out/portal.de.yaml)."""
    source, out = tmp_path / "openapi.yaml", tmp_path / "openapi.de.yaml"
    source.write_text(
        "info:\n  title: Parcelly API\n  version: 2.4.0\ntags:\n  - name: tracking\n"
        "    description: >\n      Follow a parcel from pickup\n      to delivery.\n",
        "utf-8",
    )
    reviewed = (
        "info:\n"
        '  title: "Parcelly-API"\n'
        "  version: 2.4.0\n"
        "tags:\n"
        "  - name: tracking\n"
        "    description: >\n"
        "      Verfolgen Sie ein Paket von der Abholung\n"
        "      bis zur Zustellung.\n"
    )
    out.write_text(reviewed, "utf-8")
    model = FakeModel()
    translate_file(source, out, model)
    assert model.seen == []
    assert out.read_text("utf-8") == reviewed


def test_a_tables_language_field_says_the_target_language_and_makes_no_pair(
    tmp_path: Path,
) -> None:
    """As a JSON table's (session 73): ``language: en`` went to the model and stayed ``en``."""
    source = tmp_path / "en.yml"
    source.write_text(
        'language: "en"\nui:\n  lang: en\n  start: Start Game\n'
        "entries:\n  - locale: en-us\n    text: Quit Game\n",
        encoding="utf-8",
    )
    out = tmp_path / "de.yml"
    model = FakeModel()
    translate_file(source, out, model, src_lang="en", tgt_lang="de")
    # ui.lang: deeper, and a list item's locale (trial s74: sample data's): as before
    assert model.seen == ["en", "Start Game", "en-us", "Quit Game"]
    assert out.read_text("utf-8") == (
        'language: "de"\nui:\n  lang: EN\n  start: START GAME\n'
        "entries:\n  - locale: EN-US\n    text: QUIT GAME\n"
    )
    out.write_text(out.read_text("utf-8").replace("START GAME", "Spiel starten"), "utf-8")
    records = list(YamlCatalog.pairs(out, source_file=source, tgt_lang="de"))
    assert [(r.source, r.target) for r in records] == [
        ("en", "EN"),  # ui.lang, text as before
        ("Start Game", "Spiel starten"),
        ("en-us", "EN-US"),
        ("Quit Game", "QUIT GAME"),
    ]


def test_a_drupal_langcode_keeps_drupals_spelling(tmp_path: Path) -> None:
    source = tmp_path / "config" / "install" / "block.block.intro.yml"
    source.parent.mkdir(parents=True)
    source.write_text("langcode: en\nlabel: Introduction\n", encoding="utf-8")
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de_CH")
    assert out.read_text("utf-8") == "langcode: de-ch\nlabel: INTRODUCTION\n"


def test_a_persons_translation_of_an_icu_message_is_counted_and_named_not_imported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """ltmt leaves an ICU plural in YAML to a person; the person's translation was left out
    of an import without a count or a word (trial s75, of JSON's)."""
    from ltmt.formats.not_read import NotRead

    source = tmp_path / "en.yml"
    source.write_text(
        'en:\n  files: "{count, plural, one {# file} other {# files}}"\n  ok: Save\n', "utf-8"
    )
    german = tmp_path / "de.yml"
    german.write_text(
        'de:\n  files: "{count, plural, one {# Datei} other {# Dateien}}"\n  ok: Speichern\n',
        "utf-8",
    )
    not_read = NotRead()
    with caplog.at_level(logging.WARNING):
        pairs = list(YamlCatalog.pairs(german, source_file=source, not_read=not_read))
    assert [(p.source, p.target) for p in pairs] == [("Save", "Speichern")]
    assert not_read.by_reason() == {"that ltmt cannot take apart": 1}
    assert caplog.messages == [
        f"{german}: 1 translation of a message that ltmt cannot take apart not imported "
        "(files): ltmt translate leaves such a message untranslated, so no memory reuses it"
    ]
    checked = YamlCatalog.pairs(german, source_file=source, purpose="checked")
    assert len(list(checked)) == 2  # qa checks the person's translation, as before


def test_a_string_that_is_markdown_keeps_its_marks_and_qa_names_a_lost_one(
    tmp_path: Path,
) -> None:
    """A Markdown string's ``## Why Berlin?`` came out ``#Wasso Berlin?``, and ``ltmt qa``
    said nothing."""
    from ltmt.formats.pairs import read_translations
    from ltmt.qa.run import check_pairs

    source = tmp_path / "en.yml"
    source.write_text('body: "## Why Berlin?\\n\\n- Open kitchen\\n- Bike storage"\n', "utf-8")
    out = tmp_path / "de.yml"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Why Berlin?", "Open kitchen", "Bike storage"]
    assert YAML(typ="safe").load(out.read_text("utf-8")) == {
        "body": "## WHY BERLIN?\n\n- OPEN KITCHEN\n- BIKE STORAGE"
    }
    out.write_text('body: "#Wasso Berlin?\\n\\n- Küche\\n- Fahrräder"\n', "utf-8")
    records = list(read_translations(out, source_file=source, purpose="checked"))
    found = check_pairs(records, checks=["format"]).findings
    assert [(f.position, f.message) for f in found] == [
        (
            f"{out}: body",
            "writes '#Wasso Berlin?' without the Markdown mark '##' of the source's 'Why "
            "Berlin?' (a heading): write it as the source does",
        )
    ]
