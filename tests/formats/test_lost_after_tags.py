import time

import pytest

from ltmt.formats.lost_after_tags import stopped_at_closing_tag


@pytest.mark.parametrize(
    ("source", "target", "closing"),
    [
        # the trial's line (session 77 gameloc2 D5)
        (
            'Visit the <link="loc_mill"><u>Old Mill</u></link> at night.',
            'Suche die <link="loc_mill"><u>Old Mill</u></link>',
            "</link>",
        ),
        ("Open the <b>door</b> slowly!", "Öffne die <b>Tür</b> ", "</b>"),
        # the sentence's end after the tag: words moved, not lost
        ("Visit <b>Settings</b> now.", "Besuche jetzt <b>Einstellungen</b>.", None),
        ("Visit the <u>Old Mill</u> at night.", "<u>Alte Mühle</u> bei Nacht.", None),
        # the source has no words after the tag
        ("Meet me at the <b>Old Mill</b>.", "Triff mich an der <b>Alten Mühle</b>", None),
        ("See <b>this</b>", "Siehe <b>dies</b>", None),
        # a source that does not end a sentence (a label)
        ("<b>Name</b> field", "Feld <b>Name</b>", None),
        # a closing tag the source lacks, and no tag at all
        ("Go <i>now</i> please.", "Geh <b>jetzt</b>", None),
        ("Visit the mill at night.", "Besuche die Mühle", None),
        ("a <b>b</b> c.", "x </ b>", None),
    ],
)
def test_stopped_at_closing_tag(source: str, target: str, closing: str | None) -> None:
    assert stopped_at_closing_tag(source, target) == closing


def test_stopped_at_closing_tag_is_linear_on_adversarial_input() -> None:
    source = "<" * 50_000 + "</b" * 50_000 + " x."
    target = "</b" * 50_000 + "</" + "a" * 50_000 + ">"
    started = time.perf_counter()
    assert stopped_at_closing_tag(source, target) is None
    assert time.perf_counter() - started < 1.0
