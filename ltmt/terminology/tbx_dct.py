"""TBX v3's DCT style read as its DCA style.

TBX v3 (ISO 30042:2019) writes a data category in one of two styles. DCA, as TBX 2008 does, puts
it in an attribute of a core element (``<termNote type="administrativeStatus">``); DCT makes it
an element of its own, named by the data category, in the namespace of the dialect's module
that defines it (TBX-Basic's ``min`` and ``basic``:
``<min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>``,
``<basic:grammaticalGender>masculine</basic:grammaticalGender>``). The values are the same.
:func:`as_dca` turns a DCT tree into the DCA one, so that one reader reads both: a DCT file's
statuses, genders, definitions and subject fields were ignored, and a deprecated term listed
first became the glossary's target.
"""

from __future__ import annotations

from typing import Any

from ltmt.formats.common import local_name

# the data categories the TBX reader takes, each with the core element that carries it in DCA
# style (TBX-Basic's): a term's usage status and gender, and the descriptions that become notes
DCA_ELEMENTS = {
    "administrativeStatus": "termNote",
    "normativeAuthorization": "termNote",
    "grammaticalGender": "termNote",
    "definition": "descrip",
    "subjectField": "descrip",
    "context": "descrip",
}


def as_dca(root: Any) -> None:
    """Rewrite, in place, each DCT data category element under ``root`` (an lxml element of a
    TBX v3 file) of :data:`DCA_ELEMENTS` as its DCA element in the core namespace of
    ``root``, typed by its name: ``<min:administrativeStatus>`` as ``<termNote
    type="administrativeStatus">``; its text, attributes and children are kept. A DCA file is
    left as it is (no core element is named by a data category)."""
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    for element in root.iter():
        name = local_name(element.tag)
        core = DCA_ELEMENTS.get(name)
        if core is None:
            continue
        element.tag = f"{{{namespace}}}{core}" if namespace else core
        element.set("type", name)
