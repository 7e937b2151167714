"""Template tags in a Markdown page's indented code (ltmt/formats/markdown_code.py)."""

from __future__ import annotations

from pathlib import Path

from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file

# the regression tester's page (session 67): shortcodes shown as examples in indented code
_EXAMPLES = """# Shortcodes in code

Write this in your page:

    {{< figure src="x.png" caption="Single line caption" >}}

Or over lines:

    {{< figure
      src="x.png"
      caption="Several lines caption"
    >}}

Done with the example.
"""


def test_a_shortcode_in_indented_code_is_kept_as_written(tmp_path: Path) -> None:
    """``caption="Several lines caption"`` in an indented code block came back translated
    (and a one-line example's caption too); code is never read for shortcodes."""
    source, output = tmp_path / "c.md", tmp_path / "c.de.md"
    source.write_text(_EXAMPLES, "utf-8")
    assert [unit.source for unit in open_document(source).units()] == [
        "Shortcodes in code",
        "Write this in your page:",
        "Or over lines:",
        "Done with the example.",
    ]
    translate_file(source, output, FakeModel(), tgt_lang="de")
    written = output.read_text("utf-8")
    assert '    {{< figure src="x.png" caption="Single line caption" >}}\n' in written
    assert '      caption="Several lines caption"\n    >}}\n' in written


def test_a_shortcode_indented_in_a_list_item_is_still_read(tmp_path: Path) -> None:
    """A list item's indented shortcode is no code: its caption is translated."""
    source = tmp_path / "list.md"
    source.write_text('1. Step one\n\n    {{< figure src="a.png" caption="Step picture" >}}\n')
    assert [unit.source for unit in open_document(source).units()] == ["Step one", "Step picture"]
