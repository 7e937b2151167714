"""TBX v3's DCT style read as its DCA style: the same file in either style, the same glossary."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from lxml import etree

from ltmt.terminology.files import read_glossary
from ltmt.terminology.tbx_dct import as_dca
from ltmt.terminology.terms import Term

_ROOT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tbx style="{style}" type="TBX-Basic" xml:lang="en" '
    'xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" '
    'xmlns:basic="http://www.tbxinfo.net/ns/basic"><tbxHeader><fileDesc><sourceDesc><p>x</p>'
    "</sourceDesc></fileDesc></tbxHeader><text><body>{entries}</body></text></tbx>"
)

# the trial's termbase (session 72): a deprecated German term listed before the preferred one
_DCT = (
    '<conceptEntry id="MT-0004"><min:subjectField>machine tools</min:subjectField>'
    '<langSec xml:lang="en"><basic:definition>Cooling lubricant.</basic:definition>'
    "<termSec><term>coolant</term><min:partOfSpeech>noun</min:partOfSpeech>"
    "<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>"
    '</langSec><langSec xml:lang="de"><termSec><term>Kühlmittel</term>'
    "<basic:grammaticalGender>neuter</basic:grammaticalGender>"
    "<min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>"
    "<termSec><term>Kühlschmierstoff</term>"
    "<basic:grammaticalGender>masculine</basic:grammaticalGender>"
    "<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>"
    '</langSec></conceptEntry><conceptEntry id="MT-0005"><langSec xml:lang="en"><termSec>'
    '<term>emergency stop</term></termSec></langSec><langSec xml:lang="de"><termSec>'
    "<term>Not-Aus</term>"
    "<min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>"
    "<termSec><term>Not-Halt</term><basic:grammaticalGender>masculine</basic:grammaticalGender>"
    "<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>"
    "</langSec></conceptEntry>"
)
_DCA = (
    '<conceptEntry id="MT-0004"><descrip type="subjectField">machine tools</descrip>'
    '<langSec xml:lang="en"><descrip type="definition">Cooling lubricant.</descrip>'
    '<termSec><term>coolant</term><termNote type="partOfSpeech">noun</termNote>'
    '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>'
    '</langSec><langSec xml:lang="de"><termSec><term>Kühlmittel</term>'
    '<termNote type="grammaticalGender">neuter</termNote>'
    '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>'
    '<termSec><term>Kühlschmierstoff</term><termNote type="grammaticalGender">masculine'
    '</termNote><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
    '</termSec></langSec></conceptEntry><conceptEntry id="MT-0005"><langSec xml:lang="en">'
    '<termSec><term>emergency stop</term></termSec></langSec><langSec xml:lang="de"><termSec>'
    '<term>Not-Aus</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts'
    "</termNote></termSec><termSec><term>Not-Halt</term>"
    '<termNote type="grammaticalGender">masculine</termNote>'
    '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>'
    "</langSec></conceptEntry>"
)
_TERMS = [
    Term(
        "coolant",
        "Kühlschmierstoff",
        "machine tools; Cooling lubricant.",
        forbidden=("Kühlmittel",),
        gender="m",
    ),
    Term("emergency stop", "Not-Halt", forbidden=("Not-Aus",), gender="m"),
]


def _file(tmp_path: Path, style: str, entries: str) -> Path:
    path = tmp_path / f"{style}.tbx"
    path.write_text(_ROOT.format(style=style, entries=entries), encoding="utf-8")
    return path


def test_a_dct_file_gives_the_glossary_its_dca_twin_gives(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial tbx, session 72: the DCT file's statuses and genders were ignored, so the deprecated
    'Not-Aus' became the target of 'emergency stop', with a warning that said the preferred one
    was chosen."""
    with caplog.at_level(logging.WARNING, logger="ltmt.terminology.tbx"):
        dct = read_glossary(_file(tmp_path, "dct", _DCT))
        dca = read_glossary(_file(tmp_path, "dca", _DCA))
    assert dct == dca == _TERMS
    assert caplog.messages == []


@pytest.mark.parametrize(
    ("module", "first", "second", "target", "forbidden"),
    [
        ("min", "deprecatedTerm-admn-sts", "preferredTerm-admn-sts", "Not-Halt", ("Not-Aus",)),
        ("basic", "deprecatedTerm-admn-sts", "preferredTerm-admn-sts", "Not-Halt", ("Not-Aus",)),
        ("min", "supersededTerm-admn-sts", "admittedTerm-admn-sts", "Not-Halt", ("Not-Aus",)),
        ("min", "admittedTerm-admn-sts", "preferredTerm-admn-sts", "Not-Halt", ()),
        ("basic", "preferredTerm-admn-sts", "deprecatedTerm-admn-sts", "Not-Aus", ("Not-Halt",)),
    ],
)
def test_a_dct_status_of_either_module_ranks_the_terms(
    tmp_path: Path, module: str, first: str, second: str, target: str, forbidden: tuple[str, ...]
) -> None:
    """The statuses of the German terms 'Not-Aus' (``first``) and 'Not-Halt' (``second``),
    written in either module's namespace, choose the target and the terms not to use."""
    entry = (
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>emergency stop</term>'
        '</termSec></langSec><langSec xml:lang="de-DE"><termSec><term>Not-Aus</term>'
        f"<{module}:administrativeStatus>{first}</{module}:administrativeStatus></termSec>"
        "<termSec><term>Not-Halt</term>"
        f"<{module}:administrativeStatus>{second}</{module}:administrativeStatus>"
        "</termSec></langSec></conceptEntry>"
    )
    assert read_glossary(_file(tmp_path, "dct", entry)) == [
        Term("emergency stop", target, forbidden=forbidden)
    ]


def test_as_dca_rewrites_dct_elements_and_leaves_dca_ones() -> None:
    dct = etree.fromstring(_ROOT.format(style="dct", entries=_DCT).encode("utf-8"))
    dca = etree.fromstring(_ROOT.format(style="dca", entries=_DCA).encode("utf-8"))
    before = etree.tostring(dca)
    as_dca(dca)
    as_dca(dct)
    assert etree.tostring(dca) == before
    core = "{urn:iso:std:iso:30042:ed-2}"
    notes = [(e.tag, e.get("type"), e.text) for e in dct.iter(f"{core}termNote", f"{core}descrip")]
    assert notes[:4] == [
        (f"{core}descrip", "subjectField", "machine tools"),
        (f"{core}descrip", "definition", "Cooling lubricant."),
        # partOfSpeech is no data category the reader takes: left as it is
        (f"{core}termNote", "administrativeStatus", "preferredTerm-admn-sts"),
        (f"{core}termNote", "grammaticalGender", "neuter"),
    ]
    assert dct.find(".//{http://www.tbxinfo.net/ns/min}partOfSpeech") is not None
