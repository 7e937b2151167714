"""A Markdown page's front matter: the values people read, translated and written back in their
own syntax, and what is left as written named in a warning."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import tomllib
import yaml
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.front_matter import front_matter_warnings, key_blocks
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

MULTILINE_YAML = """---
title: Quick start
  for new users # shown in menus
description: "Learn how to install the tool
  on every supported system."
excerpt: 'It''s easy
  to start.'
slug: start
---

Body text.
"""

NESTED_AND_LITERAL_YAML = """---
params:
  subtitle: Cheap builds
menu:
  main:
    title: Release notes
summary: |
  A literal block summary
  over two lines.
---

Body text.
"""

TOML = '''+++
description = """
A long description
over two lines."""  # shown by search engines
linkTitle = "Quick start"
[params]
  subtitle = "Cheap builds"
[[menu.main]]
  name = "Quick start"
+++

Body text.
'''


def _front_matter(text: str) -> object:
    """The front matter of ``text`` read as its syntax reads it (raises where it is invalid)."""
    fence, body = text[:3], text[4:]
    matter = body[: body.index(fence + "\n")]
    return tomllib.loads(matter) if fence == "+++" else yaml.safe_load(matter)


@pytest.mark.parametrize(
    ("text", "units", "read"),
    [
        (  # a multi-line value's first line was translated alone, the page's YAML broken
            MULTILINE_YAML,
            [
                "Quick start for new users",
                "Learn how to install the tool on every supported system.",
                "It's easy to start.",
                "Body text.",
            ],
            {
                "title": "QUICK START FOR NEW USERS",
                "description": "LEARN HOW TO INSTALL THE TOOL ON EVERY SUPPORTED SYSTEM.",
                "excerpt": "IT'S EASY TO START.",
                "slug": "start",
            },
        ),
        (  # Docusaurus's sidebar and pagination labels were left in English
            "---\nsidebar_position: 2\nsidebar_label: Deploy functions\n"
            "pagination_label: Functions guide\n---\n\nBody text.\n",
            ["Deploy functions", "Functions guide", "Body text."],
            {
                "sidebar_position": 2,
                "sidebar_label": "DEPLOY FUNCTIONS",
                "pagination_label": "FUNCTIONS GUIDE",
            },
        ),
        (  # params' keys and a literal block were left in English; a menu's are not shown keys
            NESTED_AND_LITERAL_YAML,
            ["Cheap builds", "A literal block summary over two lines.", "Body text."],
            {
                "params": {"subtitle": "CHEAP BUILDS"},
                "menu": {"main": {"title": "Release notes"}},
                "summary": "A LITERAL BLOCK SUMMARY OVER TWO LINES.\n",
            },
        ),
        (  # a multi-line string and [params]' keys were left in English
            TOML,
            ["A long description over two lines.", "Quick start", "Cheap builds", "Body text."],
            {
                "description": "A LONG DESCRIPTION OVER TWO LINES.",
                "linkTitle": "QUICK START",
                "params": {"subtitle": "CHEAP BUILDS"},
                "menu": {"main": [{"name": "Quick start"}]},
            },
        ),
    ],
)
def test_values_over_several_lines_and_in_params_are_translated_as_one(
    tmp_path: Path, text: str, units: list[str], read: object
) -> None:
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(text, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == units
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert _front_matter(written) == read
    assert written.endswith("\n\nBODY TEXT.\n")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (MULTILINE_YAML, "title: QUICK START FOR NEW USERS # shown in menus\n"),
        (TOML, 'description = "A LONG DESCRIPTION OVER TWO LINES."  # shown by search engines\n'),
    ],
)
def test_a_comment_after_a_multiline_value_is_kept(tmp_path: Path, text: str, line: str) -> None:
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(text, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert line in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        (
            "---\nsummary: |\n  One.\n\n  Two.\ntitle: Hi\n---\n",
            "front matter 'summary': its block scalar (|) holds several paragraphs and is left "
            "untranslated; translate it by hand or write it as one paragraph",
        ),
        (
            '+++\n[params]\nsubtitle = """\nOne.\n\nTwo."""\n+++\n',
            'front matter \'params.subtitle\': its multi-line string (""") holds several '
            "paragraphs",
        ),
        (
            '---\ntitle: "Unclosed title\ntags: [a, b\n---\n',
            "its front matter is not valid YAML (line 2: while scanning a quoted scalar, found "
            "unexpected end of stream); the page will not build: fix it (it is left as written)",
        ),
        ("+++\ntitle = 'a\n+++\n", "its TOML front matter is not valid TOML"),
    ],
)
def test_what_is_left_as_written_is_named(text: str, warning: str) -> None:
    [said] = front_matter_warnings(text)
    assert said.startswith(warning)


def test_damaged_front_matter_is_left_as_written_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    matter = '---\ntitle: "Unclosed title\ndescription: Broken: here\n---\n'
    source.write_text(matter + "\nBody text.\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == matter + "\nBODY TEXT.\n"
    assert [record.getMessage() for record in caplog.records if "YAML" in record.getMessage()] == [
        f"{source}: its front matter is not valid YAML (line 2: while scanning a quoted scalar, "
        "found unexpected end of stream); the page will not build: fix it (it is left as written)"
    ]


MENUS_YAML = """---
cascade:
  - params:
      summary: Read this first.
menu:
  main:
    name: Quick start
    identifier: quick
  footer:
    name: Start
---
"""

MENUS_TOML = """+++
[[cascade]]
  [cascade.params]
    summary = "Read this first."
[menu.main]
  name = "Quick start"
  identifier = "quick"
[menu.footer]
  name = "Start"
+++
"""


@pytest.mark.parametrize("text", [MENUS_YAML, MENUS_TOML])
def test_a_cascades_summary_and_a_menu_entrys_name_with_an_identifier_are_translated(
    tmp_path: Path, text: str
) -> None:
    """They were left English. A menu entry without an identifier keeps its name: Hugo takes
    it for the identifier its children's parent names."""
    source, out = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(text, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "Read this first.",
        "Quick start",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = text.replace("Read this first.", "READ THIS FIRST.")
    assert out.read_text("utf-8") == written.replace("Quick start", "QUICK START")


def test_a_rerun_keeps_the_outputs_own_keys_and_values(tmp_path: Path) -> None:
    """A translator added ``lang: de`` and gave the German page its permalink: a rerun after an
    English paragraph was edited wrote the English front matter back (the title's edit kept).
    Keys ltmt does not translate keep the output's values, and its own keys stay."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "post.md", tmp_path / "de.md"
    front = '---\ntitle: "Release notes"\npermalink: /blog/x/\n---\n\n'
    source.write_text(front + "Old text.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    edited = output.read_text("utf-8").replace(
        "permalink: /blog/x/\n", "lang: de\npermalink: /de/blog/x/\n"
    )
    output.write_text(edited.replace('"RELEASE NOTES"', '"Versionshinweise"'), "utf-8")
    source.write_text(front + "New text.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        '---\ntitle: "Versionshinweise"\nlang: de\npermalink: /de/blog/x/\n---\n\nNEW TEXT.\n'
    )


RERUN_V1 = """---
title: Install guide
date: 2024-01-02
tags: [setup]
draft: true
permalink: /install/
---

Download the installer.
"""
# the English edited: a new date and tag, no longer a draft, two keys added
RERUN_V2 = """---
title: Install guide
date: 2025-03-04
tags:
  - setup
  - windows
permalink: /install/
weight: 20
redirect_from: /old-install/
---

Download the installer.
"""


def _rerun(tmp_path: Path, second: str, records: str = "records", **kwargs: bool) -> str:
    """The German page after a first run from ``RERUN_V1``, a translator's edits (``lang:
    de``, a German permalink, the title) and a rerun from ``second`` (``records``: the folder
    of that run's records, another than the first's for an output without one)."""
    source, output = tmp_path / "page.md", tmp_path / "page.de.md"
    source.write_text(RERUN_V1, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=OutputSources(tmp_path / "records"))
    edited = output.read_text("utf-8").replace("title: INSTALL GUIDE\n", "title: Installation\n")
    edited = edited.replace("permalink: /install/\n", "permalink: /de/install/\n")
    output.write_text(edited.replace("date:", "lang: de\ndate:"), "utf-8")
    source.write_text(second, "utf-8")
    records_after = OutputSources(tmp_path / records)
    translate_file(source, output, FakeModel(), output_sources=records_after, **kwargs)
    return output.read_text("utf-8")


def test_a_rerun_takes_the_sources_changes_and_keeps_the_translators_edits(
    tmp_path: Path,
) -> None:
    """A rerun kept the German front matter whole: the English's new date and tags never
    arrived, its removed ``draft: true`` stayed and its added keys were missing. Each key is
    the source's now but where the translator edited or added it (the record of what ltmt
    wrote tells)."""
    assert _rerun(tmp_path, RERUN_V2) == (
        "---\ntitle: Installation\nlang: de\ndate: 2025-03-04\ntags:\n  - setup\n  - windows\n"
        "permalink: /de/install/\nweight: 20\nredirect_from: /old-install/\n---\n\n"
        "DOWNLOAD THE INSTALLER.\n"
    )


def test_a_key_deleted_by_hand_stays_deleted_and_a_new_title_is_translated(
    tmp_path: Path,
) -> None:
    source, output = tmp_path / "page.md", tmp_path / "page.de.md"
    records = OutputSources(tmp_path / "records")
    source.write_text(RERUN_V1, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("draft: true\n", ""), "utf-8")
    source.write_text(RERUN_V1.replace("title: Install guide", "title: Setup guide"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        "---\ntitle: SETUP GUIDE\ndate: 2024-01-02\ntags: [setup]\npermalink: /install/\n---\n\n"
        "DOWNLOAD THE INSTALLER.\n"
    )


def test_overwrite_takes_the_sources_front_matter_but_the_outputs_own_keys(
    tmp_path: Path,
) -> None:
    assert _rerun(tmp_path, RERUN_V2, overwrite=True) == (
        "---\ntitle: INSTALL GUIDE\nlang: de\ndate: 2025-03-04\ntags:\n  - setup\n  - windows\n"
        "permalink: /install/\nweight: 20\nredirect_from: /old-install/\n---\n\n"
        "DOWNLOAD THE INSTALLER.\n"
    )


def test_without_a_record_values_that_differ_are_kept_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An output ltmt has no record of (written elsewhere, or before session 68): a value
    that differs from the source's may be a translator's, so it is kept, and named; keys the
    source added arrive, and one it dropped stays."""
    with caplog.at_level(logging.WARNING):
        written = _rerun(tmp_path, RERUN_V2, records="other-records")
    assert written == (
        "---\ntitle: Installation\nlang: de\ndate: 2024-01-02\ntags: [setup]\ndraft: true\n"
        "permalink: /de/install/\nweight: 20\nredirect_from: /old-install/\n---\n\n"
        "DOWNLOAD THE INSTALLER.\n"
    )
    output, source = tmp_path / "page.de.md", tmp_path / "page.md"
    assert (
        f"{output}: no record of what ltmt wrote into its front matter, so 'date', 'tags', "
        f"'permalink', which differ from {source}'s, were kept as they are (edited by hand?); "
        "check them, or give --overwrite to take the source's"
    ) in caplog.messages


def test_a_toml_rerun_takes_the_sources_changes(tmp_path: Path) -> None:
    source, output = tmp_path / "page.md", tmp_path / "page.de.md"
    records = OutputSources(tmp_path / "records")
    front = '+++\ntitle = "Install guide"\ndate = 2024-01-02\ndraft = true\n+++\n\nText.\n'
    source.write_text(front, "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    edited = output.read_text("utf-8").replace("draft = true\n", "draft = true\nlang = 'de'\n")
    output.write_text(edited, "utf-8")
    source.write_text(front.replace("2024-01-02\ndraft = true", "2025-05-05\ndraft = false"))
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        "+++\ntitle = \"INSTALL GUIDE\"\ndate = 2025-05-05\ndraft = false\nlang = 'de'\n+++\n\n"
        "TEXT.\n"
    )


@pytest.mark.parametrize(
    ("front", "blocks"),
    [
        (
            "---\n# intro\ntitle: x\ntags:\n- a\n- b\nparams:\n  summary: >-\n    z\n---",
            {"title": (1, 3), "tags": (3, 6), "params": (6, 9)},
        ),
        (
            '+++\ntitle = """a\nb = 1\n"""\nx = 1\n[params]\ny = 2\n[[menu.main]]\n'
            "name = 'm'\n[[menu.main]]\nname = 'n'\n+++",
            {
                "title": (1, 4),
                "x": (4, 5),
                "[params]": (5, 7),
                "[[menu.main]]": (7, 9),
                "[[menu.main]]#2": (9, 11),
            },
        ),
        ("---\ntitle: [unclosed\n---", None),
        ("---\n- a list\n---", None),
    ],
)
def test_key_blocks(front: str, blocks: dict[str, tuple[int, int]] | None) -> None:
    """Each top-level key's lines: a list, a nested table, a multi-line string with it."""
    assert key_blocks(front.split("\n")) == blocks
