"""A string deleted from the source file that ltmt wrote into the output, unedited since, is
removed from it; a translator's (or an edited one) is kept with the warning, and so is every
string without a record (regression trial s75, defect 6: Android lint's ExtraTranslation
failed every release build on ltmt's own translation of a deleted English string)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import OutputSources, Record
from ltmt.formats.own_extras import own_extras
from ltmt.formats.pipeline import translate_file
from ltmt.formats.run_report import RunReport

XAML_HEAD = (
    '<ResourceDictionary xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation"\n'
    '                    xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml"\n'
    '                    xmlns:sys="clr-namespace:System;assembly=mscorlib">\n'
)
RESX_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
    '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
)

# (source file, output file, the source with both strings, the source without ``old_feature``,
# what the output holds of old_feature as ltmt wrote it, the same edited by a translator)
FORMATS = {
    "android": (
        "values/strings.xml",
        "values-de/strings.xml",
        '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
        '    <string name="sync_now">Sync now</string>\n'
        '    <string name="old_feature">Try the new timeline</string>\n'
        "</resources>\n",
        '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
        '    <string name="sync_now">Sync now</string>\n'
        "</resources>\n",
        ">TRY THE NEW TIMELINE<",
        ">Neue Zeitleiste testen<",
    ),
    "android plural": (
        "values/strings.xml",
        "values-de/strings.xml",
        '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
        '    <string name="sync_now">Sync now</string>\n'
        '    <plurals name="old_feature">\n'
        '        <item quantity="one">%d new post</item>\n'
        '        <item quantity="other">%d new posts</item>\n'
        "    </plurals>\n"
        "</resources>\n",
        '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
        '    <string name="sync_now">Sync now</string>\n'
        "</resources>\n",
        ">%d NEW POSTS<",
        ">%d neue Beiträge<",
    ),
    "resx": (
        "Strings.resx",
        "Strings.de.resx",
        RESX_HEAD + '  <data name="SyncNow" xml:space="preserve"><value>Sync now</value></data>\n'
        '  <data name="old_feature" xml:space="preserve"><value>Try the new timeline</value>'
        "</data>\n</root>\n",
        RESX_HEAD + '  <data name="SyncNow" xml:space="preserve"><value>Sync now</value></data>\n'
        "</root>\n",
        ">TRY THE NEW TIMELINE<",
        ">Neue Zeitleiste testen<",
    ),
    "xaml": (
        "Strings.xaml",
        "Strings.de.xaml",
        XAML_HEAD + '    <sys:String x:Key="SyncNow">Sync now</sys:String>\n'
        '    <sys:String x:Key="old_feature">Try the new timeline</sys:String>\n'
        "</ResourceDictionary>\n",
        XAML_HEAD + '    <sys:String x:Key="SyncNow">Sync now</sys:String>\n'
        "</ResourceDictionary>\n",
        ">TRY THE NEW TIMELINE<",
        ">Neue Zeitleiste testen<",
    ),
    "json": (
        "en.json",
        "de.json",
        '{\n  "sync_now": "Sync now",\n  "old_feature": "Try the new timeline"\n}\n',
        '{\n  "sync_now": "Sync now"\n}\n',
        '"TRY THE NEW TIMELINE"',
        '"Neue Zeitleiste testen"',
    ),
    "yaml": (
        "en.yml",
        "de.yml",
        "en:\n  sync_now: Sync now\n  old_feature: Try the new timeline\n",
        "en:\n  sync_now: Sync now\n",
        "TRY THE NEW TIMELINE",
        "Neue Zeitleiste testen",
    ),
    "properties": (
        "messages.properties",
        "messages_de.properties",
        "sync_now=Sync now\nold_feature=Try the new timeline\n",
        "sync_now=Sync now\n",
        "=TRY THE NEW TIMELINE",
        "=Neue Zeitleiste testen",
    ),
    "apple strings": (
        "en.lproj/Localizable.strings",
        "de.lproj/Localizable.strings",
        '"sync_now" = "Sync now";\n"old_feature" = "Try the new timeline";\n',
        '"sync_now" = "Sync now";\n',
        '"TRY THE NEW TIMELINE"',
        '"Neue Zeitleiste testen"',
    ),
    "toml": (
        "en.toml",
        "de.toml",
        'sync_now = "Sync now"\nold_feature = "Try the new timeline"\n',
        'sync_now = "Sync now"\n',
        '"TRY THE NEW TIMELINE"',
        '"Neue Zeitleiste testen"',
    ),
    "fluent": (
        "en/main.ftl",
        "de/main.ftl",
        "sync-now = Sync now\nold-feature = Try the new timeline\n",
        "sync-now = Sync now\n",
        "= TRY THE NEW TIMELINE",
        "= Neue Zeitleiste testen",
    ),
    "joomla ini": (
        "en-GB/en-GB.com_app.ini",
        "de-DE/de-DE.com_app.ini",
        'COM_APP_SYNC_NOW="Sync now"\nOLD_FEATURE="Try the new timeline"\n',
        'COM_APP_SYNC_NOW="Sync now"\n',
        '="TRY THE NEW TIMELINE"',
        '="Neue Zeitleiste testen"',
    ),
    "moodle": (
        "lang/en/mod_app.php",
        "lang/de/mod_app.php",
        "<?php\n$string['sync_now'] = 'Sync now';\n"
        "$string['old_feature'] = 'Try the new timeline';\n",
        "<?php\n$string['sync_now'] = 'Sync now';\n",
        "'TRY THE NEW TIMELINE'",
        "'Neue Zeitleiste testen'",
    ),
    "minecraft lang": (
        "lang/en_US.lang",
        "lang/de_DE.lang",
        "sync_now=Sync now\nold_feature=Try the new timeline\n",
        "sync_now=Sync now\n",
        "=TRY THE NEW TIMELINE",
        "=Neue Zeitleiste testen",
    ),
}

# how a run names the string, where not by its own name (a JSON pointer, as its warnings do)
NAMED = {"json": "/old_feature", "fluent": "old-feature", "joomla ini": "OLD_FEATURE"}


def _first_run(tmp_path: Path, case: str, records: OutputSources | None) -> tuple[Path, Path]:
    """Translate the ``case`` source with both strings, then delete ``old_feature`` from it."""
    source_name, output_name, both, one, written, _ = FORMATS[case]
    source, output = tmp_path / source_name, tmp_path / output_name
    source.parent.mkdir(parents=True, exist_ok=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(both, "utf-8")
    translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=records)
    assert written in output.read_text("utf-8")
    source.write_text(one, "utf-8")  # the developer deletes the English string
    return source, output


@pytest.mark.parametrize("case", FORMATS)
def test_ltmts_own_string_whose_source_was_removed_is_removed_and_said(
    tmp_path: Path, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = _first_run(tmp_path, case, records)
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=records)
    text = output.read_text("utf-8")
    assert NAMED.get(case, "old_feature").strip("/") not in text and FORMATS[case][4] not in text
    assert "SYNC NOW" in text
    assert "obsolete" not in caplog.text
    name = NAMED.get(case, "old_feature")
    assert result.report.own_extras_removed == [name]
    assert (
        f"1 string ltmt wrote whose source was removed: removed ({name})" in result.report.summary()
    )


@pytest.mark.parametrize("case", FORMATS)
def test_an_edited_string_whose_source_was_removed_is_kept_with_the_warning(
    tmp_path: Path, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = _first_run(tmp_path, case, records)
    written, edited = FORMATS[case][4:]
    output.write_text(output.read_text("utf-8").replace(written, edited), "utf-8")
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=records)
    assert edited in output.read_text("utf-8")
    assert "1 string not in" in caplog.text
    assert (
        f"({NAMED.get(case, 'old_feature')})" in caplog.text
        and "delete it there if it is obsolete" in caplog.text
    )
    assert result.report.own_extras_removed == []


@pytest.mark.parametrize("case", ["android", "json"])
def test_without_a_record_a_string_whose_source_was_removed_is_kept(
    tmp_path: Path, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    source, output = _first_run(tmp_path, case, None)
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), tgt_lang="de")
    assert FORMATS[case][4] in output.read_text("utf-8")
    assert "delete it there if it is obsolete" in caplog.text
    assert result.report.own_extras_removed == []


def test_a_plural_goes_only_where_ltmt_wrote_every_form() -> None:
    record = Record.of(
        [(Unit("posts#one", "%d post"), "%d POST"), (Unit("posts#other", "%d posts"), "%d POSTS")],
        b"k",
    )
    written = {"sync": "SYNC", "posts#one": "%d POST", "posts#other": "%d POSTS"}
    edited = {**written, "posts#other": "%d Beiträge"}

    def name_of(key: str) -> str:
        return key.split("#")[0]

    assert own_extras(written, ["posts"], name_of, record) == ["posts"]
    assert own_extras(edited, ["posts"], name_of, record) == []
    assert own_extras(written, ["posts"], name_of, None) == []
    assert own_extras(written, ["posts"], name_of, record, source_still_there={"posts"}) == []


def test_a_string_the_source_marks_not_to_translate_is_left_to_the_warning(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = _first_run(tmp_path, "android", records)
    source.write_text(
        FORMATS["android"][2].replace(
            'name="old_feature"', 'name="old_feature" translatable="false"'
        ),
        "utf-8",
    )
    result = translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=records)
    assert "TRY THE NEW TIMELINE" in output.read_text("utf-8")
    assert result.report.own_extras_removed == []


def test_the_summary_counts_several_and_a_folders_files_add_up() -> None:
    one, other = RunReport(own_extras_removed=["a"]), RunReport(own_extras_removed=["b", "c"])
    one.add(other)
    assert "3 strings ltmt wrote whose source was removed: removed (a, b, c)" in one.summary()
