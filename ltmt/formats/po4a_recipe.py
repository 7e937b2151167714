"""The po4a commands that translate a document ltmt reads no format of (an AsciiDoc page, a man
page): po4a makes a PO catalog of its text, ltmt fills the catalog, po4a writes the page back.

ltmt marks each entry it fills fuzzy (for review, unless ``--no-fuzzy``), and po4a-translate
uses no fuzzy entry and writes no page less than 80 % translated (``-k``, its keep threshold):
a recipe without the review step wrote nothing, so it says it.
"""

from __future__ import annotations


def po4a_recipe(kind: str, module: str, page: str, translated: str) -> str:
    """What to do with a document of ``kind`` (``AsciiDoc``), which po4a's ``module`` reads:
    its commands, shown for the example ``page`` written back as ``translated``."""
    return (
        f"ltmt reads no {kind}; make a PO catalog of it with po4a (po4a-gettextize -f {module} "
        f"-m {page} -p page.pot), translate that (ltmt translate page.pot -o de.po), review "
        "de.po and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy "
        "entry; --no-fuzzy puts none) and write the page back (po4a-translate -f "
        f"{module} -m {page} -p de.po -l {translated}, which writes no page less than 80 % "
        "translated unless given -k 0)"
    )
