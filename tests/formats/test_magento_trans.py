"""Magento email templates: a ``{{trans "..."}}`` directive's string is a unit of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.html_document import HtmlDocument
from ltmt.formats.magento_trans import directives_alone, trans_string, unescaped
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.qa import check_pairs

EMAIL = """<!--@subject {{trans "Your %store_name order confirmation" store_name=$store.frontend_name}} @-->
<!--@vars {
"var order.increment_id":"Order Id"
} @-->
{{template config_path="design/email/header_template"}}
<p class="greeting">{{trans "Hello %customer_name," customer_name=$order.getCustomerName()}}</p>
<p>
    {{trans "Thank you for your order from %store_name." store_name=$store.frontend_name}}
    {{trans 'Check <a href="%account_url">your account</a>.' account_url=$this.getUrl($store,'customer/account/') |raw}}
</p>
<p>{{trans "Say \\"hi\\""}}</p>
<p>Order number: {{var order.increment_id}}</p>
"""


@pytest.mark.parametrize(
    ("text", "strings"),
    [
        ('{{trans "Hello %name," name=$order.getCustomerName()}}', ["Hello %name,"]),
        ("{{trans 'It\\'s here' |raw}}", ["It's here"]),
        ('<br>{{trans "One"}} {{var x}} {{trans "Two"}}', ["One", "Two"]),
        # words beside the directives, or no trans string with a letter: not directives alone
        ('Order number: {{trans "x"}}', None),
        ("{{var order.increment_id}}", None),
        ('{{trans "%name"}}', None),
    ],
)
def test_trans_directives_alone(text: str, strings: list[str] | None) -> None:
    found = directives_alone(text, 0, len(text))
    assert (None if found is None else [unescaped(f["value"]) for f in found]) == strings


def test_a_string_is_written_back_with_its_quote_escaped_as_magento_reads_it() -> None:
    assert trans_string('Sag "Hallo"', '"') == '"Sag \\"Hallo\\""'
    assert trans_string("Es ist's", "'") == "'Es ist\\'s'"
    assert trans_string("a\\b", '"') == '"a\\\\b"'


def test_an_email_templates_trans_strings_are_translated_in_place(tmp_path: Path) -> None:
    """Every ``{{trans "..."}}`` of an email template stayed English, the subject's too: the
    run of directives was code alone; now each string is translated inside its quotes, the
    directive's parameters, ``|raw`` and the other directives as written."""
    source, out = tmp_path / "order_new.html", tmp_path / "order_new.de.html"
    source.write_text(EMAIL, "utf-8")
    assert [unit.source for unit in HtmlDocument.open(source).units()] == [
        "Your %store_name order confirmation",
        '{{template config_path="design/email/header_template"}}',  # (code alone: kept)
        "Hello %customer_name,",
        "Thank you for your order from %store_name.",
        'Check <a href="%account_url">your account</a>.',
        'Say "hi"',
        "Order number: {{var order.increment_id}}",
    ]
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        EMAIL.replace('"Your %store_name order confirmation"', '"YOUR %store_name ORDER CONFIRMATION"')
        .replace('"Hello %customer_name,"', '"HELLO %customer_name,"')
        .replace('"Thank you for your order from %store_name."', '"THANK YOU FOR YOUR ORDER FROM %store_name."')
        .replace("'Check <a", "'CHECK <a").replace(">your account</a>.'", ">YOUR ACCOUNT</a>.'")
        .replace('"Say \\"hi\\""', '"SAY \\"HI\\""')
        .replace("Order number:", "ORDER NUMBER:")
    )  # fmt: skip


def test_qa_checks_the_trans_strings_of_an_email_template(tmp_path: Path) -> None:
    source, translated = tmp_path / "order_new.html", tmp_path / "order_new.de.html"
    source.write_text(EMAIL, "utf-8")
    translated.write_text(EMAIL.replace('"Hello %customer_name,"', '"Hallo %kunde,"'), "utf-8")
    report = check_pairs(read_pairs(translated, source_file=source))
    assert [(f.position, f.check, f.message) for f in report.findings if f.check == "placeholders"] == [
        (f"{translated}: attr2", "placeholders", "lacks %customer_name"),
        (f"{translated}: attr2", "placeholders", "adds %kunde, which the source does not have"),
    ]  # fmt: skip
