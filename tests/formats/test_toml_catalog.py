"""TOML message files (Hugo's i18n/en.toml, go-i18n's active.en.toml): translated in place."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib
from formats_fakes import FakeModel

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats.folders import format_of
from ltmt.formats.locale_files import beside_name
from ltmt.formats.pipeline import translate_file
from ltmt.formats.toml_catalog import TomlCatalog, written

# a Hugo site's i18n/en.toml, as themes write it, with a go-i18n message among its tables
HUGO = (
    "# Strings of the theme\n"
    "[home]\n"
    'other = "Home"\n'
    "\n"
    "[readingTime]\n"
    'one = "One minute to read"\n'
    'other = "{{ .Count }} minutes to read"  # the list page\n'
    "\n"
    "[postedBy]\n"
    "description = 'Shown under a post title'\n"
    'hash = "sha1-5bd6e0a2"\n'
    "other = 'Posted by {{ .Name }}'\n"
    "\n"
    "[footer]\n"
    'other = """Made with Hugo"""\n'
)
FLAT = 'copyright = "All rights reserved" # footer\n"read more" = \'Read more\'\n'


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_units_are_the_forms_in_the_target_languages_categories(tmp_path: Path) -> None:
    source = _write(tmp_path, "i18n/en.toml", FLAT + HUGO)
    units = TomlCatalog.open(source, tgt_lang="de").units()
    assert [(u.key, u.source, u.context) for u in units] == [
        ("copyright", "All rights reserved", "copyright"),
        ("read more", "Read more", "read more"),
        ("home#one", "Home", "home"),
        ("home#other", "Home", "home"),
        ("readingTime#one", "One minute to read", "readingTime"),
        ("readingTime#other", "{{ .Count }} minutes to read", "readingTime"),
        ("postedBy#one", "Posted by {{ .Name }}", "postedBy"),
        ("postedBy#other", "Posted by {{ .Name }}", "postedBy"),
        ("footer#one", "Made with Hugo", "footer"),
        ("footer#other", "Made with Hugo", "footer"),
    ]


def test_a_hugo_bundle_is_translated_in_place(tmp_path: Path) -> None:
    source = _write(tmp_path, "i18n/en.toml", FLAT + HUGO)
    out = tmp_path / "i18n/de.toml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    text = out.read_text("utf-8")
    assert text == (
        'copyright = "ALL RIGHTS RESERVED" # footer\n'
        "\"read more\" = 'READ MORE'\n"
        "# Strings of the theme\n"
        "[home]\n"
        'one = "HOME"\n'
        'other = "HOME"\n'
        "\n"
        "[readingTime]\n"
        'one = "ONE MINUTE TO READ"\n'
        'other = "{{ .Count }} MINUTES TO READ"  # the list page\n'
        "\n"
        "[postedBy]\n"
        "description = 'Shown under a post title'\n"
        'hash = "sha1-5bd6e0a2"\n'
        "one = 'POSTED BY {{ .Name }}'\n"
        "other = 'POSTED BY {{ .Name }}'\n"
        "\n"
        "[footer]\n"
        'one = """MADE WITH HUGO"""\n'
        'other = """MADE WITH HUGO"""\n'
    )
    assert tomllib.loads(text)["postedBy"]["description"] == "Shown under a post title"


def test_forms_the_target_language_adds_or_lacks(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.toml", '[items]\nzero = "None"\ntwo = "Two"\nother = "Many"\n')
    document = TomlCatalog.open(source, tgt_lang="ru")
    document.fill({u.key: f"ru {u.source}" for u in document.units()})
    assert document.render().decode("utf-8") == (
        '[items]\nzero = "ru None"\none = "ru Many"\nfew = "ru Many"\nmany = "ru Many"\n'
        'other = "ru Many"\n'
    )


@pytest.mark.parametrize(
    ("text", "quote", "raw", "expected"),
    [
        ("Startseite", "'", "'Home'", "'Startseite'"),
        ("Sag's", "'", "'Say'", '"Sag\'s"'),  # a literal string cannot hold a quote
        ('Klick "Neu"\\', '"', '"x"', '"Klick \\"Neu\\"\\\\"'),
        ("Zeile 1\nZeile 2", '"""', '"""\nx"""', '"""\nZeile 1\nZeile 2"""'),
        ('Er sagte """Hi"', '"""', '"""x"""', '"""Er sagte ""\\"Hi\\""""'),
        ("C:\\Pfad", "'''", "'''x'''", "'''C:\\Pfad'''"),
    ],
)
def test_a_translation_is_written_in_its_sources_quotes(
    text: str, quote: str, raw: str, expected: str
) -> None:
    assert written(text, quote, raw) == expected
    assert tomllib.loads(f"v = {expected}")["v"] == text


def test_a_rerun_keeps_the_translations_so_far_and_their_own_messages(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.toml", 'title = "Blog"\n\n[home]\nother = "Home"\n')
    out = _write(
        tmp_path,
        "de.toml",
        "old = 'Alt'\n\n[home]\none = 'Start'\nother = 'Start'\n\n[tags]\nother = \"Schlagwörter\"\n",
    )
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Blog"]
    text = out.read_text("utf-8")
    assert text == (
        'title = "BLOG"\n'
        "old = 'Alt'\n"
        "\n"
        "[home]\n"
        "one = 'Start'\n"
        "other = 'Start'\n"
        "\n"
        "[tags]\n"
        'other = "Schlagwörter"\n'
    )
    assert tomllib.loads(text)["tags"] == {"other": "Schlagwörter"}


def test_memory_pairs_are_the_forms_and_not_the_fields(tmp_path: Path) -> None:
    source = _write(tmp_path, "active.en.toml", HUGO)
    target = _write(
        tmp_path,
        "active.de.toml",
        '[readingTime]\none = "Eine Minute Lesezeit"\nother = "{{ .Count }} Minuten Lesezeit"\n'
        "[postedBy]\ndescription = 'Shown under a post title'\nhash = \"sha1-5bd6e0a2\"\n"
        "one = 'Von {{ .Name }}'\nother = 'Von {{ .Name }}'\n",
    )
    records = TomlCatalog.pairs(target, source_file=source, tgt_lang="de")
    assert [(r.source, r.target, r.metadata["context"]) for r in records] == [
        ("One minute to read", "Eine Minute Lesezeit", "readingTime"),
        ("{{ .Count }} minutes to read", "{{ .Count }} Minuten Lesezeit", "readingTime"),
        ("Posted by {{ .Name }}", "Von {{ .Name }}", "postedBy"),  # its one
        ("Posted by {{ .Name }}", "Von {{ .Name }}", "postedBy"),  # and its other
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[home]\nother = "Home\n',
            r"^{path}:2:14: not valid TOML \(Illegal character '\\n'\); fix the file there and "
            r"run again$",
        ),
        (
            "[home]\nother = Home\n",
            r"^{path}:2:9: not valid TOML \(Invalid value\); fix the file there and run again$",
        ),
    ],
)
def test_a_file_tomllib_cannot_read_is_refused_with_its_line_and_column(
    tmp_path: Path, text: str, message: str
) -> None:
    source = _write(tmp_path, "en.toml", text)
    with pytest.raises(InputError, match=message.format(path=source)):
        TomlCatalog.open(source)


def test_a_message_in_an_inline_table_is_refused(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.toml", 'title = "Blog"\nhome = { other = "Home" }\n')
    with pytest.raises(
        InputError,
        match=r"en.toml: 1 message \(home\) written in an inline table \(\{ other = \.\.\. \}\), "
        r"which ltmt does not translate in place; write each as a table of its own \(\[home\] "
        r'with other = "Home" on the next line\)$',
    ):
        TomlCatalog.open(source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Windows line ends and a byte order mark kept
            '\ufeff# strings\r\n[home]\r\nother = "Home"\r\n',
            '\ufeff# strings\r\n[home]\r\none = "de Home"\r\nother = "de Home"\r\n',
        ),
        (  # dotted keys: the added form too
            'home.other = "Home"\nabout = "About"\n',
            'home.one = "de Home"\nhome.other = "de Home"\nabout = "de About"\n',
        ),
        (  # a namespace's tables
            '[nav]\nhome = "Home"\n[nav.sub]\nx = "Sub"\n',
            '[nav]\nhome = "de Home"\n[nav.sub]\nx = "de Sub"\n',
        ),
    ],
)
def test_layouts_are_kept(tmp_path: Path, text: str, expected: str) -> None:
    document = TomlCatalog.open(_write(tmp_path, "en.toml", text), tgt_lang="de")
    document.fill({u.key: f"de {u.source}" for u in document.units()})
    assert document.render().decode("utf-8") == expected


def test_a_value_that_is_no_string_makes_no_message_file(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.toml", 'title = "Blog"\n[params]\npaginate = 10\n')
    with pytest.raises(
        NotMessageFileError,
        match=r"en.toml: params.paginate holds int 10, no string: not a TOML message file "
        r"\(Hugo's i18n/en.toml, go-i18n's active.en.toml\); ltmt cannot translate it: leave "
        r"it out$",
    ):
        TomlCatalog.open(source)


@pytest.mark.parametrize(
    ("name", "message_file"),
    [("en.toml", True), ("active.en.toml", True), ("hugo.toml", False), ("Cargo.toml", False)],
)
def test_a_folders_toml_is_a_message_file_where_named_for_a_locale(
    tmp_path: Path, name: str, message_file: bool
) -> None:
    path = _write(tmp_path, f"i18n/{name}", 'title = "Blog"\n')
    assert (format_of(path, "document") is not None) is message_file


@pytest.mark.parametrize(
    ("name", "translation"),
    [("i18n/en.toml", "i18n/de.toml"), ("active.en.toml", "active.de.toml")],
)
def test_a_translation_beside_its_source_is_named_for_its_locale(
    name: str, translation: str
) -> None:
    assert beside_name(Path(name), "de") == Path(translation)
