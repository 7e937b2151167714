"""A gettext PO (or POT) catalog as a document to translate.

Units: each entry's ``msgid`` (key ``N``, the entry's index), and for a plural entry one unit per
plural form of the catalog's ``Plural-Forms`` (key ``N#K``): form 0 translates ``msgid``, the
others ``msgid_plural`` (a one-form language: its only form translates ``msgid_plural``). Each
unit carries the entry's ``msgctxt`` and format flags. An entry marked ``fuzzy`` that has a
translation (msgmerge's, of an older ``msgid``) is pending as a suggestion: a 100 % memory
match replaces it, the model does not. Filling sets ``msgstr`` / ``msgstr[K]`` and, with
``mark_fuzzy``, the ``fuzzy`` flag, so a translator reviews it, and drops msgmerge's ``#|`` lines
(the previous ``msgid`` the old translation was of); a reviewed entry (translated, not fuzzy) that
``--overwrite`` fills with the translation it has is not flagged: it is still the reviewer's (not
where the record of what ltmt wrote says it is ltmt's own: :meth:`PoDocument.written_by_ltmt`). A
plural entry is filled only when every form has a translation. Entries not filled, the header,
comments, contexts and obsolete entries are written back as translate-toolkit read them, which is
byte for byte for a well-formed catalog. The translators' credits and itstool's file references
are no units: left as they are (:mod:`ltmt.formats.credit_entries`).

An entry whose ``msgid`` is an ICU plural or select (Lingui's catalogs: ``{count, plural, one
{# message} other {# messages}}``) is translated case by case, each case a unit ``N#<case>``,
and its cases' translations put together into one message once each has one, as an XLIFF
unit's are (:mod:`ltmt.formats.xliff_icu`): sent whole, the model translated its keywords
(``Plural``, ``andere``) and lost its braces. An entry flagged with another format
(``python-brace-format``) is not ICU. An entry ltmt cannot take apart, and in an ICU catalog
(``X-Generator`` Lingui's, or the entry flagged ``icu-format``) one that quotes braces
(``'{'name'}'``), is left untranslated with a warning; an assembled message ICU rejects is not
written (:attr:`PoDocument.broken_messages`: counted as not repaired).

A template (POT: a ``.pot`` name or ``charset=CHARSET``) gets the target language's
``Language`` and, where its header has no ``Plural-Forms`` or still the template's
``nplurals=INTEGER``, the ``Plural-Forms`` of that language; a catalog whose header has them
empty (Odoo's ``Language: \\n``, ``Plural-Forms: \\n``) gets them too. A catalog ltmt filled a
translation in gets the header's ``PO-Revision-Date`` (now) and ``X-Generator`` (``ltmt``
and its version), as an editor that saves it writes them; ``Last-Translator`` is a person's
to fill.

A catalog that begins with a UTF-8 byte order mark (Unreal writes one, and reads its catalogs
back with or without) is written with it, as ltmt writes CSV, JSON and text files: as the
catalog's tool wrote it (gettext's ``msgfmt`` rejects a mark, on the input as on the output).
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ltmt import __version__ as ltmt_version
from ltmt.formats.code_entries import is_code_entry
from ltmt.formats.common import atomic_write, primary_language
from ltmt.formats.context_prefix import split_context_prefix
from ltmt.formats.credit_entries import is_credits_entry
from ltmt.formats.documents import Unit
from ltmt.formats.entry_forms import FORM, WaitingForms, by_entry, target_strings
from ltmt.formats.icu_messages import quotes_syntax
from ltmt.formats.itstool_paths import is_itstool_entry
from ltmt.formats.plural_suffixes import entry_forms
from ltmt.formats.po import check_language, entry_flags, load_po, nplurals
from ltmt.formats.po_charset import file_charset, in_charset, is_utf8
from ltmt.formats.xliff_icu import BranchingUnits, is_message
from ltmt.wording import counted, first_few, shortened

logger = logging.getLogger(__name__)

ICU_FLAG = "icu-format"  # an entry's flag that says its msgid is an ICU message

# Plural-Forms of the languages a template is most often filled for (gettext's manual, §12.3).
PLURAL_FORMS = {
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "ja": "nplurals=1; plural=0;",
    "zh": "nplurals=1; plural=0;",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
}


class PoDocument:
    """A PO catalog loaded with translate-toolkit (see the module docstring)."""

    format = "po"
    # msgmerge marks an entry whose msgid changed (fuzzy, its "#|" lines), and an update moves
    # the entries, whose keys are their places: the record of what ltmt wrote tells only
    # which texts it wrote for which msgid (:mod:`ltmt.formats.output_sources`)
    marks_changed_sources = True

    def __init__(self, path: Path, store: Any, tgt_lang: str | None = None) -> None:
        self.path = Path(path)
        self.store = store
        self._waiting = WaitingForms()  # plural forms waiting for their siblings
        self._revised = False  # whether an entry was changed: the header says when
        self.changed_entries: set[str] = set()  # the entries fill changed, by key
        # reviewed entries fill wrote as they were (--overwrite): unflagged, not ltmt's text
        self.kept_reviewed: set[str] = set()
        self._by_ltmt: set[str] = set()  # units holding ltmt's own text (written_by_ltmt)
        self._blank_lines_at_end = _blank_lines_at_end(self.path)
        self._byte_order_mark = _byte_order_mark(self.path)
        self._charset = file_charset(self.path)  # loaded as UTF-8, written back in it
        self._charset_note: str | None = None  # where the translations did not fit it
        self._again: set[str] = set()  # fuzzy entries ltmt wrote for an older msgid
        if tgt_lang:
            self._complete_template_header(tgt_lang)
        self.nplurals = nplurals(store)
        # the entries whose msgid is an ICU plural or select, and those left untranslated
        self.branching = BranchingUnits(tgt_lang or self._header().get("Language") or "de")
        self.untranslatable = self._take_apart_icu_messages()
        # po4a's code blocks, itstool's code elements and Sphinx's literal blocks, doctests
        # and images: not translated, their msgid copied
        self.verbatim = frozenset(
            index
            for index, unit in self._entries()
            if is_code_entry(unit.getnotes("developer"), str(unit.source), unit.getlocations())
        )
        # the translators' credits and itstool's file references: no messages, left as they are
        self.credits = frozenset(
            index
            for index, unit in self._entries()
            if is_credits_entry(unit.getcontext() or "", str(unit.source))
        )

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> PoDocument:
        store = load_po(path)
        if tgt_lang:
            check_language(store, Path(path), src_lang or "en", tgt_lang)
        return cls(path, store, tgt_lang)

    def review_notes(self) -> list[str]:
        """The line saying the catalog was written as UTF-8, where its translations did not fit
        the charset it declared (said once the run is done)."""
        return [self._charset_note] if self._charset_note else []

    def _header(self) -> dict[str, str]:
        units = self.store.units
        return dict(self.store.parseheader()) if units and units[0].isheader() else {}

    def _complete_template_header(self, tgt_lang: str) -> None:
        header = self._header()
        if not header:
            self._add_header(tgt_lang)
            return
        updates: dict[str, str] = {}
        if not header.get("Language"):
            updates["Language"] = tgt_lang
        team = _language_team(header.get("Language-Team", ""), tgt_lang)
        if team:
            updates["Language_Team"] = team
        if self._lacks_plural_forms(header):
            updates["Plural_Forms"] = _plural_forms(tgt_lang)
        if updates:
            self.store.updateheader(add=True, **updates)

    def _lacks_plural_forms(self, header: Mapping[str, str]) -> bool:
        """Whether the catalog's ``Plural-Forms`` is to be the target language's: its
        ``header`` has a template's placeholder (``nplurals=INTEGER``) or an empty one (Odoo
        writes ``Plural-Forms: \\n`` in a catalog as in a template), or none in a template
        (every catalog made from it is of one language) or where plural entries will be
        filled (msgfmt -c: "header entry lacks a plural=EXPRESSION attribute", a fatal
        error)."""
        forms = header.get("Plural-Forms")
        if forms:
            return "INTEGER" in forms
        return (
            forms is not None
            or _is_template(self.path, header)
            or any(u.hasplural() for u in self.store.units)
        )

    def _add_header(self, tgt_lang: str) -> None:
        """Give a catalog without a header one that says what it is written in (else gettext
        takes it for ASCII and cannot show the translations' other letters)."""
        from translate.storage import pypo

        fields = {
            "Language": tgt_lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
        if any(unit.hasplural() for unit in self.store.units):
            fields["Plural-Forms"] = _plural_forms(tgt_lang)
        header = pypo.pounit("")
        header.target = "".join(f"{name}: {value}\n" for name, value in fields.items())
        self.store.units.insert(0, header)

    def _entries(self) -> list[tuple[int, Any]]:
        return [
            (index, unit)
            for index, unit in enumerate(self.store.units)
            if not unit.isheader() and not unit.isobsolete() and unit.source
        ]

    def _take_apart_icu_messages(self) -> list[str]:
        """Take apart the entries whose msgid is an ICU plural or select (module docstring);
        the keys of those left untranslated (:meth:`_left_untranslated`), named in a
        warning."""
        lingui = "lingui" in self._header().get("X-Generator", "").lower()
        untranslatable = []
        for index, unit in self._entries():
            flags = entry_flags(unit)
            if unit.hasplural() or _other_format(flags):
                continue
            icu = lingui or ICU_FLAG in flags
            if self._left_untranslated(str(index), str(unit.source), icu):
                untranslatable.append(str(index))
        if untranslatable:
            logger.warning(
                "%s: %s with ICU quoting or a plural or select that ltmt cannot take apart "
                "(%s) left untranslated; translate them by hand",
                self.path,
                counted(len(untranslatable), "entry", "entries"),
                first_few(repr(self._msgid(key)) for key in untranslatable),
            )
        return untranslatable

    def _left_untranslated(self, key: str, source: str, icu: bool) -> bool:
        """Take the entry ``key`` apart where its msgid ``source`` is an ICU plural or select;
        whether it is left untranslated: a plural or select not taken apart, or where the
        entry is ``icu``, quoted braces (``'{'name'}'``: the model translated the quotes)."""
        if self.branching.add(key, source):
            return key in self.branching.unsupported
        return icu and quotes_syntax(source, icu=False)

    def _msgid(self, key: str) -> str:
        """The msgid of the entry ``key``, shortened to name it in a message."""
        return shortened(str(self.store.units[int(key)].source), 40)

    def units(self) -> list[Unit]:
        result = []
        for index, unit in self._entries():
            if index in self.verbatim or index in self.credits:
                continue
            context, flags = unit.getcontext() or "", entry_flags(unit)
            docbook = is_itstool_entry(unit.getnotes("developer"))
            if not unit.hasplural():
                # s_("Menu|File"): the text after the prefix alone, the prefix its context
                prefixed = split_context_prefix(
                    str(unit.source), msgctxt=context, references=unit.getlocations()
                )
                context, source = prefixed or (context, str(unit.source))
                result.append(Unit(str(index), source, context, flags, docbook=docbook))
                continue
            strings = [str(s) for s in unit.source.strings]
            singular, plural = entry_forms(
                strings[0], strings[1] if len(strings) > 1 else strings[0]
            )
            for form in range(self.nplurals):
                source = singular if form == 0 and self.nplurals > 1 else plural
                key = f"{index}{FORM}{form}"
                result.append(
                    Unit(key, source, context, flags, entry=str(index), form=form, docbook=docbook)
                )
        return result

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """Units to translate: the entries without a translation, and a plural entry's empty
        forms (its filled ones are kept); with ``overwrite``, every unit. The units of an entry
        marked ``fuzzy`` that has a translation are pending as a :attr:`Unit.suggestion`: only
        a 100 % memory match replaces what msgmerge suggested."""
        entries = dict(self._entries())
        pending = []
        for unit in self.units():
            if unit.key in self.untranslatable:
                continue
            entry = entries[int(unit.key.split(FORM)[0])]
            forms = [] if overwrite else target_strings(entry.target)
            form_filled = unit.form < len(forms) and forms[unit.form]
            # an empty one, or ltmt's own of an older msgid (translate_again)
            again = unit.key in self._again
            if again or not (form_filled if unit.entry else any(forms)):
                pending.extend(self._to_translate(unit))
            elif entry.isfuzzy():
                pending.append(replace(unit, suggestion=True))
        return pending

    def held_translations(self) -> dict[str, str]:
        """The translations the catalog holds, fuzzy ones too, by unit key (a plural entry's
        by form): :class:`~ltmt.formats.output_sources.FilledInPlace`."""
        entries = dict(self._entries())
        held = {}
        for unit in self.units():
            forms = target_strings(entries[int(unit.key.split(FORM)[0])].target)
            text = forms[unit.form] if unit.form < len(forms) else ""
            if text and (unit.entry or len(forms) == 1):
                held[unit.key] = text
        return held

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the entries of ``keys`` pending for the model, not as suggestions: their
        fuzzy translation is ltmt's machine translation of an older msgid (the record of what
        it wrote says so), no translator's (session 67: kept as a suggestion for ever)."""
        self._again.update(key for key in keys if self._is_fuzzy(key))

    def written_by_ltmt(self, keys: Iterable[str]) -> None:
        """Say that the units of ``keys`` hold ltmt's own translation, unchanged since (the record
        of what it wrote says so): an entry all of whose forms do is no reviewer's, and
        ``--overwrite`` writing it as it was flags it as any (:class:`~ltmt.formats.
        output_sources.KeepsReviewed`)."""
        self._by_ltmt.update(keys)

    def mark_kept_for_review(self, keys: Collection[str]) -> list[str]:
        """Mark ``fuzzy``, as they are, the entries of ``keys`` (a plural's forms: their
        entry), whose translation the memory holds for another msgid: as msgmerge marks an
        entry whose msgid changed. All the keys: a catalog has no sign-off. (Filled as they
        were, they were the translator's, kept unflagged: trial s73.)"""
        for index in {int(key.split(FORM)[0]) for key in keys}:
            unit = self.store.units[index]
            if not unit.isfuzzy():
                unit.markfuzzy(True)
                _fuzzy_first(unit)
                self._revised = True
        return list(keys)

    def reviewed_before_update(self, key: str) -> bool | None:
        """Whether the fuzzy entry of ``key`` was not fuzzy before the update that changed its
        msgid: msgmerge --previous writes the old msgid (``#|``) only into an entry that was
        not fuzzy, one whose flag a reviewer removed. None where the catalog cannot say
        (Babel's, whose update writes ``#|`` into every entry it marks fuzzy)."""
        if self._header().get("Generated-By", "").startswith("Babel"):
            return None
        return bool(self.store.units[int(key.split(FORM)[0])].prev_msgid)

    def marked_for_review(self) -> set[str]:
        """The keys of the units whose entry is fuzzy: the record of what ltmt wrote tells
        its fuzzy machine translation from one a reviewer approved by removing the flag."""
        return {unit.key for unit in self.units() if self._is_fuzzy(unit.key)}

    def revision(self) -> str:
        """The header lines that say who saved the catalog last and when (PO-Revision-Date,
        Last-Translator), which a PO editor rewrites on saving and msgmerge keeps."""
        header = self._header()
        return f"{header.get('PO-Revision-Date', '')}\n{header.get('Last-Translator', '')}"

    def _is_fuzzy(self, key: str) -> bool:
        return bool(self.store.units[int(key.split(FORM)[0])].isfuzzy())

    def _to_translate(self, unit: Unit) -> list[Unit]:
        """``unit`` to translate: the cases of an ICU plural or select, else itself."""
        if unit.key in self.branching.expansions:
            return self.branching.case_units(unit.key, unit.context)
        return [unit]

    def whole_units(self, units: list[Unit]) -> list[Unit]:
        """Each entry that ``units`` translate case by case, as one unit of its whole msgid
        (:class:`~ltmt.formats.documents.WholeMessages`)."""
        by_key = {unit.key: unit for unit in self.units()}
        return [by_key[key] for key in self.branching.groups(units)]

    def is_message(self, text: str) -> bool:
        """Whether ``text`` is a message ICU accepts."""
        return is_message(text)

    @property
    def broken_messages(self) -> dict[str, str]:
        """The entries whose ICU message assembled from its cases' translations ICU rejects,
        left untranslated: what is wrong, by entry key."""
        return self.branching.broken_messages(lambda key: f"msgid {self._msgid(key)!r}")

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        entries = by_entry(
            self._whole_entries(translations), self.path, len(self.store.units), self.nplurals
        )
        filled = 0
        for index, texts in entries.items():
            unit = self.store.units[index]
            before = str(unit)
            # a reviewed entry (translated, not fuzzy) written as it was stays the reviewer's
            held = target_strings(unit.target)
            reviewed = not unit.isfuzzy() and any(held) and not self._ltmt_wrote(index, held)
            if unit.hasplural():
                # Forms may come in different calls: keep what an earlier call filled, and the
                # forms the catalog had filled already.
                forms = self._waiting.complete(
                    index, texts, target_strings(unit.target), self.nplurals
                )
                if forms is None:
                    continue
                unit.target = forms
            else:
                unit.target = texts[0]
            unchanged = reviewed and target_strings(unit.target) == held
            if unchanged:
                self.kept_reviewed.add(str(index))
            unit.markfuzzy(mark_fuzzy and not unchanged)
            if mark_fuzzy and not unchanged:
                _fuzzy_first(unit)
            # msgmerge's "#|" lines say what the old translation translated: not this one
            unit.clear_previous()
            filled += len(texts)
            # an entry written as it was (a rerun's 100 % match) revises nothing: no new date
            if str(unit) != before:
                self._revised = True
                self.changed_entries.add(str(index))
        return filled

    def _ltmt_wrote(self, index: int, held: list[str]) -> bool:
        """Whether every form the entry at ``index`` holds (``held``) is ltmt's own text."""
        if not self.store.units[index].hasplural():
            return str(index) in self._by_ltmt
        forms = [f"{index}{FORM}{form}" for form, text in enumerate(held) if text]
        return all(key in self._by_ltmt for key in forms)

    def _whole_entries(self, translations: Mapping[str, str]) -> dict[str, str]:
        """``translations`` by unit key: an ICU message's cases put together once each has one
        (:meth:`BranchingUnits.take`), the rest as they are."""
        whole = {}
        for key, text in translations.items():
            entry, case, _ = key.partition(FORM)
            is_case = bool(case) and entry in self.branching.expansions
            taken = self.branching.take(key, text) if is_case else (key, text)
            if taken is not None:
                whole[taken[0]] = taken[1]
        return whole

    def copy_code(self, fuzzy_too: bool = False) -> int:
        """Copy the msgid of each code entry (:attr:`verbatim`: po4a's, itstool's, Sphinx's)
        that has no translation into its msgstr, byte for byte; one translated already is kept. With
        ``fuzzy_too`` (--overwrite, --fuzzy-entries translate) a fuzzy one is copied too,
        unflagged as every copy is, and its ``#|`` lines go: msgmerge's suggestion of an older
        msgid stayed fuzzy for ever, as no unit is pending for it. Returns how many were
        copied: a rerun copies none (trial regb70: every run said all of them)."""
        copied = 0
        for index in sorted(self.verbatim):
            unit = self.store.units[index]
            kept = str(unit.target or "") and not (fuzzy_too and unit.isfuzzy())
            if unit.hasplural() or kept:
                continue
            unit.target = str(unit.source)
            unit.markfuzzy(False)
            unit.clear_previous()
            self._revised = True
            copied += 1
        return copied

    def save(self, out_path: Path) -> None:
        self.copy_code()  # those a caller did not copy before (none after translate_file's)
        if self._revised and self._header():
            # as Poedit and Lokalize write a catalog they changed: when, and with what
            revised = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z")
            self.store.updateheader(
                add=True, PO_Revision_Date=revised, X_Generator=f"ltmt {ltmt_version}"
            )
        header = self._header()
        if "charset=CHARSET" in header.get("Content-Type", ""):  # a template: say what we write
            self.store.updateheader(content_type="text/plain; charset=UTF-8")
        try:
            data = bytes(self.store)
        except UnicodeEncodeError:  # a translation the declared charset cannot hold
            self.store.updateheader(content_type="text/plain; charset=UTF-8")
            data = bytes(self.store)
        if not is_utf8(self._charset):
            data, self._charset_note = in_charset(data, self._charset)
        # Babel's catalogs end in a blank line, which translate-toolkit drops: kept as it was
        if data and self._blank_lines_at_end:
            newline = b"\r\n" if data.endswith(b"\r\n") else b"\n"
            data = data.rstrip(b"\r\n") + newline * (1 + self._blank_lines_at_end)
        # translate-toolkit drops the input's mark; a mark is UTF-8's, as the catalog written
        if not data.startswith(self._byte_order_mark):
            data = self._byte_order_mark + data
        atomic_write(Path(out_path), data)


def _byte_order_mark(path: Path) -> bytes:
    """The UTF-8 byte order mark the catalog at ``path`` begins with; b"" where it has none
    or cannot be read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(codecs.BOM_UTF8))
    except OSError:
        return b""
    return head if head == codecs.BOM_UTF8 else b""


def _blank_lines_at_end(path: Path) -> int:
    """How many blank lines the catalog at ``path`` ends with (after its last line's newline);
    0 where it cannot be read."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - 64))
            tail = handle.read()
    except OSError:
        return 0
    stripped = tail.rstrip(b"\r\n")
    if not stripped:
        return 0
    return max(0, tail[len(stripped) :].count(b"\n") - 1)


def _is_template(path: Path, header: Mapping[str, str]) -> bool:
    """Whether the catalog at ``path`` with ``header`` is a template (POT): by its ``.pot``
    name or xgettext's ``charset=CHARSET`` placeholder."""
    return path.suffix.lower() == ".pot" or "charset=CHARSET" in header.get("Content-Type", "")


def _other_format(flags: tuple[str, ...]) -> bool:
    """Whether an entry's ``flags`` say its msgid is a format string other than ICU's
    (``python-brace-format``: its ``{name}`` is Python's), so no ICU message."""
    return ICU_FLAG not in flags and any(
        flag.endswith("-format") and not flag.startswith("no-") for flag in flags
    )


def _language_team(team: str, tgt_lang: str) -> str | None:
    """The ``Language-Team`` of a catalog in ``tgt_lang`` made from a template whose ``team`` is
    xgettext's placeholder (``LANGUAGE <kde-i18n-doc@kde.org>``): the language's English name,
    as msginit writes it where it knows no team's address (the template's is its project's
    list, not the team's: msginit drops it too); None where ``team`` is a team already, or
    the name is unknown."""
    from ltmt.calendar_names import babel_locale

    if not team.startswith("LANGUAGE"):
        return None
    locale = babel_locale(tgt_lang.split("@")[0])
    return locale.get_language_name("en") if locale is not None else None


def _plural_forms(tgt_lang: str) -> str:
    """The ``Plural-Forms`` of ``tgt_lang`` (English's for a language not in the table)."""
    return PLURAL_FORMS.get(primary_language(tgt_lang), PLURAL_FORMS["en"])


def _fuzzy_first(unit: Any) -> None:
    """Put ``fuzzy`` first among ``unit``'s flags, where gettext's tools write it
    (``#, fuzzy, c-format``; translate-toolkit sorts them), so a catalog they wrote is not
    rewritten needlessly."""
    flags = [f.strip() for line in unit.typecomments for f in line[2:].split(",") if f.strip()]
    if "fuzzy" in flags and flags[0] != "fuzzy":
        flags.remove("fuzzy")
        unit.typecomments = [f"#, {', '.join(['fuzzy', *flags])}{unit.newline}"]
