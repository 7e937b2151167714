"""A gettext PO (or POT) catalog as a document to translate.

Units: each entry's ``msgid`` (key ``N``, the entry's index) and, for a plural entry, its
``msgid_plural`` (key ``N#plural``). Filling sets ``msgstr`` (plural entries: ``msgstr[0]`` from
the ``msgid``'s translation, ``msgstr[1..]`` from the ``msgid_plural``'s) and, with
``mark_fuzzy``, the ``fuzzy`` flag, so a translator reviews it. Entries not filled, the header,
comments, contexts and obsolete entries are written back as translate-toolkit read them, which
is byte for byte for a well-formed catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write
from ltmt.formats.documents import Unit
from ltmt.formats.po import check_language, load_po, nplurals

PLURAL = "#plural"


class PoDocument:
    """A PO catalog loaded with translate-toolkit (see the module docstring)."""

    format = "po"

    def __init__(self, path: Path, store: Any) -> None:
        self.path = Path(path)
        self.store = store
        self.nplurals = nplurals(store)

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> PoDocument:
        store = load_po(path)
        if tgt_lang:
            check_language(store, Path(path), src_lang or "en", tgt_lang)
        return cls(path, store)

    def _entries(self) -> list[tuple[int, Any]]:
        return [
            (index, unit)
            for index, unit in enumerate(self.store.units)
            if not unit.isheader() and not unit.isobsolete() and unit.source
        ]

    def units(self) -> list[Unit]:
        result = []
        for index, unit in self._entries():
            if unit.hasplural():
                strings = [str(s) for s in unit.source.strings]
                result.append(Unit(str(index), strings[0]))
                result.append(
                    Unit(f"{index}{PLURAL}", strings[1] if len(strings) > 1 else strings[0])
                )
            else:
                result.append(Unit(str(index), str(unit.source)))
        return result

    def pending(self, overwrite: bool = False) -> list[Unit]:
        translated = {
            index for index, unit in self._entries() if any(_strings(unit.target)) and not overwrite
        }
        return [u for u in self.units() if int(u.key.removesuffix(PLURAL)) not in translated]

    def fill(self, translations: Mapping[str, str], mark_fuzzy: bool = True) -> int:
        by_entry: dict[int, dict[bool, str]] = {}
        for key, text in translations.items():
            number = key.removesuffix(PLURAL)
            if not number.isdigit() or int(number) >= len(self.store.units):
                raise InputError(f"{self.path}: no entry {key!r} to fill")
            by_entry.setdefault(int(number), {})[key.endswith(PLURAL)] = text
        for index, texts in by_entry.items():
            unit = self.store.units[index]
            if unit.hasplural():
                # The two halves may come in different calls: keep what the other one filled.
                current = _strings(unit.target) + [""] * self.nplurals
                singular = texts.get(False) or current[0] or texts.get(True, "")
                plural = texts.get(True) or current[1] or singular
                if self.nplurals == 1:
                    unit.target = [plural]
                else:
                    unit.target = [singular] + [plural] * (self.nplurals - 1)
            else:
                unit.target = texts[False] if False in texts else texts[True]
            unit.markfuzzy(mark_fuzzy)
        return len(translations)

    def save(self, out_path: Path) -> None:
        header = (
            self.store.parseheader() if self.store.units and self.store.units[0].isheader() else {}
        )
        if "charset=CHARSET" in header.get("Content-Type", ""):  # a template: say what we write
            self.store.updateheader(content_type="text/plain; charset=UTF-8")
        try:
            data = bytes(self.store)
        except UnicodeEncodeError:  # a translation the declared charset cannot hold
            self.store.updateheader(content_type="text/plain; charset=UTF-8")
            data = bytes(self.store)
        atomic_write(Path(out_path), data)


def _strings(target: Any) -> list[str]:
    if target is None:
        return []
    strings = getattr(target, "strings", None)
    return [str(s) for s in strings] if strings is not None else [str(target)]
