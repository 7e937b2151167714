"""What a quality check found in one translated entry, and the checks ltmt runs.

Each check has a name, a severity and a sentence that says what it looks for
(:data:`CHECKS`). ``error``: the translation breaks the program that shows it (a format string
``msgfmt -c`` rejects, a placeholder or tag lost or added, text misread in the wrong encoding);
``warning``: a reviewer should look
(a number lost, a unit changed, a negation lost, "du" and "Sie" in one entry, an accelerator, a
key combination, edge whitespace, a translation over its unit's length limit, a no-break space or
a copyright sign lost, a word doubled, the same source translated two ways, a translation the
user's memory or glossary says otherwise); ``note``: often intended, or worth a look (a
translation that copies its source, end punctuation that differs, a word no spelling
dictionary knows, quote marks other than the user's, a file that uses "du" and "Sie").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

# the key of an entry's metadata under which qa gives its checks the translations' language
# (--tgt-lang: de, de-CH), where given
TARGET_LANGUAGE = "target_language"

if TYPE_CHECKING:
    from ltmt.formats.pairs import PairRecord

Severity = Literal["error", "warning", "note"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")


@dataclass(frozen=True)
class Check:
    """A check's ``name``, its ``severity`` and what it looks for (``about``)."""

    name: str
    severity: Severity
    about: str


CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        Check(
            "format",
            "error",
            "the translation is a valid format string for its entry's flags (c-format, "
            "python-format, ...), as msgfmt -c checks",
        ),
        Check(
            "icu",
            "error",
            "a translation whose source is an ICU message with typed arguments ({n, number}, "
            "plurals, selects) is a valid one too: balanced braces, ICU's argument types and "
            "plural keywords, an other branch, the source's plural and select arguments by "
            "name and its select keys (JSON, ARB, YAML, Angular XLIFF)",
        ),
        Check(
            "placeholders",
            "error",
            "the translation has the source's placeholders, tags and entities (%s, {name}, "
            "<b>, &amp;, Minecraft's §7), no fewer and no more, no § before a letter that is "
            "no formatting code's (§S), its tags nested as the source's, and the "
            "Markdown markup ltmt keeps as written (a template tag, an attribute list, keys) "
            "as the source writes it; a WebExtension message's $NAME$ declared in its "
            "placeholders, their content as the source's (else a warning); no /, \\ or | "
            "beside a field that the source does not write there ({{from}}/{{to}}/); a "
            "doctest's or shell session's prompt lines and a reST directive's name as the source "
            "writes them (>>> import x, .. image::)",
        ),
        Check(
            "plurals",
            "error",
            "a plural entry has as many forms as the catalog's Plural-Forms says, none of them "
            "empty (PO; Qt: as many <numerusform> as the file's language takes, more only a "
            "note, none empty; a Jed file: no form empty beside its first; a vue-i18n "
            "plural, no items | one item | {count} items, as many "
            "choices as its source, which vue-i18n picks by the count; Android: an other form, "
            "no form the language does not use (a note), one and other not the same text (a "
            "note); PO: forms not all the same text, a note; neither said of a German noun "
            "alike in the plural, %d Byte, %d Artikel, %d Datei(en)); a SmartFormat plural, "
            "choice or conditional as many forms as its source's, a conditional's conditions "
            "(>50?) as the source's, and a Smart String's braces balanced as the source's "
            "(SmartFormat cannot parse {lives:plural:ein Leben|{} Leben.); no English plural "
            "ending kept in a form, %n Eintrag(ies), %n Kind(ren)",
        ),
        Check(
            "android",
            "error",
            "an Android strings.xml translation builds and has what its source has: no "
            "unescaped apostrophe (aapt2 rejects the file; write \\'), each string-array as "
            "many items as the --source-file's",
        ),
        Check(
            "cues",
            "error",
            "a WebVTT translation keeps each cue's identifier (intro-2) and settings (line:0 "
            "align:start) of its --source-file's cue at its time",
        ),
        Check(
            "vue",
            "error",
            "a vue-i18n message file's translation has no bare @ (hilfe@acme.de: vue-i18n reads "
            "@ as a linked message, @:key) and no | where its source has none (vue-i18n reads "
            "it as a plural's choices): written {'@'} and {'|'} (JSON, YAML)",
        ),
        Check(
            "renpy",
            "error",
            "a Ren'Py translation file's string keeps its source's variables ([gold], "
            "[player_name]) and writes no bracket as one (a bracket of the text is [[)",
        ),
        Check(
            "mojibake",
            "error",
            "the translation holds no text that is UTF-8 read as Windows-1252 or Latin-1 "
            "(CafÃ© for Café, â€ž for „, Ã„nderungen for Änderungen); real text with Ã "
            "(Portuguese NÃO) passes",
        ),
        Check(
            "addresses",
            "warning",
            "the translation keeps the source's URLs and e-mail addresses; a one-word "
            "[[help]] it writes as a German page's link, [[Hilfe]], is said (right for a "
            "wiki's link, not for a Smartling field; not in a wiki's text, beside a "
            "[[Help:Contents]])",
        ),
        Check(
            "numbers",
            "warning",
            "the translation has every number of the source with its sign (-20, ±5), none "
            "the source does not have in any form (1.299,99 for 1,299.99 is the same number, "
            "25 for 2.5 another), no minus the source lacks (2 bis -8 for 2 to 8), no "
            "comparison turned round (≥ 37 for ≤ 37) or lost (2 h for ≤ 2 h; höchstens, "
            "mindestens, ca. say it too), no currency lost beside a number (25 for 25 €; "
            "25 Euro, EUR 25 say it), no percent sign lost after a number or placeholder "
            "(50 or {x} for 50% or {x}%; 50 %, 50 Prozent say it) nor one added ({x} % for "
            "{x}), no 12-hour time written "
            "as another time of day (8:00, 8:00 Uhr or 8:00 AM for 8:00 PM; 20:00 says it), "
            "no English thousands "
            "separator (1,000 is 1 in German), "
            "no English decimal point in a German quantity (0.99 $, 2.3 MB: 0,99 $, 2,3 MB), "
            "no English ordinal ending of the source's kept in German ({{count}}th, 4th: "
            "write {{count}}., 4.), no section or clause number written as a decimal (2,3 for "
            "Section 2.3 or a line's 2.3 Late payments), and no letter of a reference lost "
            "(Art. 6(1) for Art. 6(1)(b); Art. 6 Abs. 1 lit. b says it)",
        ),
        Check(
            "precision",
            "warning",
            "the translation writes each printf floating-point conversion with the source's "
            "precision (%.1f, not %.2f: the decimals shown; Go's %2f is a width, not %.2f)",
        ),
        Check(
            "units",
            "warning",
            "a number of the source with a unit after it has that unit in the translation, "
            "however written (mL or ml, mg/kg or mg pro kg, % or Prozent), not another "
            "(10 mL as 10 l, 5 mg/kg as 5 mg, 230 V~ as 230 V) nor none (2,5 for 2.5 mL, 15 "
            "Gäste for 15 g; a span of time left to the sentence, 16 for 16 years old, passes), "
            'and an inch mark kept or written Zoll (3/4" pipe not 3/4-Rohr)',
        ),
        Check(
            "context",
            "error",
            "a translation keeps no context prefix before a | where its source has its context "
            'apart (ruby-gettext\'s s_("Book|Author") in a Ruby source, a msgctxt): the program '
            "shows the msgstr whole, so Buch|Autor is shown as it is",
        ),
        Check(
            "negation",
            "warning",
            "a source that says no (not, no, never, don't, without ...) has a translation "
            "that says it too (nicht, kein, nie, ohne, verboten, un-, -los ...), as many times "
            "(unless is one; nicht ... nicht for one not is too many): Do not reuse translated "
            "Wiederverwenden says the opposite",
        ),
        Check(
            "accelerator",
            "warning",
            "a line with a keyboard accelerator (&Open, _Quit) has one in the translation, a "
            "line without has none, and an & written as text (&&) stays doubled, with words on "
            "both sides where the source's has; a note where "
            "two messages of a Qt context likely in one menu (one file, fewer than 10 lines "
            "apart by their locations; consecutive where either has none), or two items of one "
            "KDE menu (msgctxt @action:inmenu File), share a letter their sources did not",
        ),
        Check(
            "quoting",
            "warning",
            'a quote mark beside a placeholder (»%1«, "%s") is not left alone: a translation '
            "that opens the quotation around it closes it (Datei »%1 zu speichern lost its «); "
            "a lone mark elsewhere that the source lacks is not left either (hinter »Ginx« oder "
            "Traefik«), one whose partner was lost is a punctuation note; what the source quotes "
            'in double marks (a valid "Gift Card" code, "{{title}}") is not written without '
            "them; a quotation's two marks are one pair (not »{{title}}“)",
        ),
        Check(
            "keys",
            "warning",
            "the translation has the source's key combinations whole (Ctrl+S, or Strg+S in "
            "German; CmdOrCtrl+F, a key identifier, as written), and a key alone the source "
            "says to press (Press E to open: E; Enter as Eingabetaste)",
        ),
        Check(
            "menus",
            "warning",
            "the translation keeps each > between the labels of a menu path (<strong>Settings"
            "</strong> &gt; <strong>Account</strong>, **Settings** > **Account**, Edit > "
            "Preferences > General; a single > in prose, price > cost, is no menu's)",
        ),
        Check(
            "dates",
            "warning",
            "the translation's date and time formats write what the source's do (%B %-d %Y: "
            "month, day and year; the order and the clock are the language's), and a date "
            "written out has the source's month (30. Okt. 2026 for Nov. 30, 2026 has not, nor 1, "
            "2027 for March 1, 2027) in German order (März 1, 2027 is not)",
        ),
        Check(
            "whitespace",
            "warning",
            "the translation starts and ends with the source's spaces and line breaks, and "
            "has as many tabs between its words and no fewer line breaks where they lay it "
            "out (a blank line, after a colon, before a list item)",
        ),
        Check(
            "subtitles",
            "warning",
            "each cue of a subtitle file (.srt, .vtt) within the delivery limits ltmt "
            "translate warns of: 17 characters a second, 42 characters a line, 2 lines (more "
            "lines: an error); --max-cps, --max-line-length and --max-lines set them",
        ),
        Check(
            "length",
            "warning",
            "the translation fits its unit's length limit in characters (XLIFF maxwidth with "
            'size-unit="char", 2.0 slr:sizeRestriction in xliff:codepoints; a WebExtension '
            "message manifest.json shows as its name, short_name or description, or whose "
            "description says max 45 characters; a CSV table's Max length column, also Char "
            "limit or Max chars; a fastlane metadata file's whole text, as Google Play and the "
            "App Store limit it: short_description.txt 80 ..., an error: the store refuses it), "
            "inline codes not counted",
        ),
        Check(
            "nbsp",
            "warning",
            "the translation keeps the source's no-break spaces (U+00A0, U+202F, U+2007: "
            "between a number and its unit)",
        ),
        Check(
            "signs",
            "warning",
            "the translation keeps the source's copyright and trade mark signs (©, ®, "
            "℗, ™, ℠), as many of each",
        ),
        Check(
            "empty",
            "warning",
            "a unit the file marks translated (XLIFF state translated, final or signed-off) "
            "has a translation, not an empty one",
        ),
        Check(
            "missing",
            "warning",
            "a keyed catalog's translation (JSON, ARB, YAML, Android ...) has each message of "
            "its --source-file: one it lacks shows next-intl's MISSING_MESSAGE error, where "
            "other libraries fall back to the source's (Android's values/, Java's base bundle: "
            "a note); a plural "
            "form the language takes that an Android <plurals> or a .stringsdict variable lacks; "
            "an attribute of a Fluent message (.accesskey) that its translation lacks",
        ),
        Check(
            "extra",
            "warning",
            "a keyed catalog's translation has no string its --source-file marks not to "
            'translate (Android\'s translatable="false") or lacks: left over, and Android '
            "lint's ExtraTranslation fails the build",
        ),
        Check(
            "identifiers",
            "error",
            "a keyed catalog's translation (JSON, YAML) writes each value under a key of "
            "identifiers (id, key, uuid, line_id, lineId) as its --source-file does "
            "(line:0a1b2c, not Zeile:0a1b2c): the game or app looks its records up by it",
        ),
        Check("doubled", "warning", "the translation does not say a word twice in a row"),
        Check(
            "outdated",
            "warning",
            "the translation is for its source now, not for an older one: the record of what "
            "ltmt wrote into the file says which source each translation was written for (a "
            "translator's German of English changed since, kept by ltmt translate; ltmt's own, "
            "which its next run translates again)",
        ),
        Check(
            "wordless",
            "warning",
            "the translation keeps words where its source has them, not only its placeholders "
            "and punctuation (function words alone, %d of %d → %d/%d, are no loss), nor writes "
            "side by side two placeholders its source has words between ({{.Count}} {{.Total}}), "
            "nor ends or starts with a bare & its source writes between words (Versand & for "
            "Shipping & Handling)",
        ),
        Check(
            "sentences",
            "warning",
            "the translation says each sentence of its source: one that says fewer and is "
            "shorter than its source less half its shortest sentence lost one, which is named "
            "(two sentences joined by a comma or a semicolon are not shorter)",
        ),
        Check(
            "inconsistent",
            "warning",
            "the same source (in the same context; a key name is none) is translated the same way "
            "throughout, and a similar source that says other words not as another's word for "
            "word",
        ),
        Check(
            "memory",
            "warning",
            "a source the user's memory holds is translated as the memory has it for the "
            "entry's context or none, and a translation that follows a near match of it does "
            "not stop where the match goes on (--user)",
        ),
        Check(
            "glossary",
            "warning",
            "a glossary term of the source is translated as the glossary says, at each "
            "place the source has it, and not by a "
            "target term it marks deprecated or forbidden, its adjectives' endings agreeing "
            "with the words around them in German, and linked as a compound's first part "
            "(Schaltflächen-Galerie, not Schaltfläche-Galerie: a note) (--user's glossary, "
            "--glossary)",
        ),
        Check(
            "language",
            "warning",
            "the translation does not read as another language than the target language (a "
            "French file checked as German): an entry of three words or more not copied from "
            "its source, or the file's translations read together; and no ß in Swiss German "
            "(de-CH writes ss)",
        ),
        Check(
            "formality",
            "warning",
            "a German translation addresses the reader in one form: an entry with both du "
            "(dich, dir, dein ...) and Sie (Ihnen, Ihr ...) is a warning, a file whose entries "
            "use both a note; with --formality du or Sie, each entry of the other form is a "
            "warning",
        ),
        Check(
            "spelling",
            "note",
            "the translation's words are in the target language's spelling dictionary "
            "(Hunspell's, through Enchant), or compounds of its words, or the source's",
        ),
        Check(
            "quotes",
            "note",
            "what the source quotes ('%s', \"--all\") the translation quotes as the user's "
            "memory does (--user), else as most of the file's entries do",
        ),
        Check(
            "english",
            "note",
            "a German translation does not keep a common English word of its source (Welcome, "
            "Due, Hello, Click: English writes it often, German seldom, ltmt's German table "
            "lacks it); names, terms inside a sentence, placeholders and quoted labels pass",
        ),
        Check(
            "copied",
            "note",
            "the translation is not the source (nor one of its sentences, nor a SmartFormat "
            "form, {count:plural:gem|gems} in a German sentence) written again, "
            "nor the source with German's capitals alone (Main Navigation for Main navigation)",
        ),
        Check(
            "directions",
            "warning",
            "a dialogue line's translation keeps the marks of the source's leading stage "
            "direction ([whispering], (sighs), *laughs*: a verb form in them), not lost",
        ),
        Check(
            "punctuation",
            "note",
            "the translation ends with the source's colon, question or exclamation mark or "
            "ellipsis, glues no hyphen to a placeholder or number the source follows with a "
            "space ({{count}}- Fotos, @count-Kommentare), has no quote mark that opens or "
            "closes nothing, and does not end with a closing tag where the source ends with a "
            "full stop (</terms> for </terms>.)",
        ),
    )
}


@dataclass(frozen=True)
class Finding:
    """What ``check`` found in the ``entry``-th entry checked (from 0), at ``position`` in its
    file (``source`` translated ``target``). Where it is, as a script reads it
    (:func:`located`): ``file``, the file of a folder's it is in, as its pairs' origin says
    it (:func:`~ltmt.formats.folders.folder_origin`; empty: the file checked),
    ``number``, its entry's number among that file's entries checked (from 1; a plural entry's
    forms are one entry; untranslated entries are not counted),
    and as the format says (None where it does not): its ``line_number``, the unit's ``id``
    (XLIFF), its ``context`` (PO msgctxt, Android key, JSON pointer). ``level``: a severity
    other than its check's, where the check says one thing more softly (the ``formality``
    check's note on a file that uses both forms). ``of_file``: a finding about its whole file
    (that note), said on the file, at no entry's place."""

    check: str
    entry: int
    position: str
    source: str
    target: str
    message: str
    file: str = ""
    number: int | None = None
    line_number: int | None = None
    id: str | None = None
    context: str | None = None
    level: Severity | None = None  # where not the check's (plurals, formality: a note)
    of_file: bool = False  # about the whole file: its position the file's, no entry's place

    @classmethod
    def about(cls, check: str, entry: int, record: PairRecord, message: str) -> Finding:
        """What ``check`` found in ``record``, the ``entry``-th entry checked."""
        return cls(check, entry, record.position, record.source, record.target, message)

    @property
    def severity(self) -> Severity:
        return self.level or CHECKS[self.check].severity

    def line(self) -> str:
        """``position: severity [check] message``: one line, as a compiler says it; an entry
        whose line is known is said by it (``django.po:58``, not ``django.po: entry 8``)."""
        position = self.position
        numbered = _ENTRY_AT_END.search(position)
        if numbered and self.line_number is not None:
            position = f"{position[: numbered.start()]}:{self.line_number}"
        where = f"{position}: " if position else ""
        return f"{where}{self.severity} [{self.check}] {self.message}"

    def to_dict(self, file: str = "") -> dict[str, Any]:
        """The finding as ``--json`` prints it: ``entry`` its entry's number in its ``file``
        (from 1), then where the format says it is. ``file``: the file or folder checked, as
        given; a folder's file is said as a path under it, as its position says it."""
        from ltmt.formats.folders import origin_path

        where = str(origin_path(Path(file), self.file)) if self.file and file else self.file or file
        return {
            "check": self.check,
            "entry": self.number,
            "position": self.position,
            "source": self.source,
            "target": self.target,
            "message": self.message,
            "severity": self.severity,
            "file": where,
            "line": self.line_number,
            "id": self.id,
            "context": self.context,
        }


# a position that ends in a line number, as a compiler says it: ``app.xlf:6``, ``pairs.csv:2``
_LINE_AT_END = re.compile(r":(\d+)$")
# a position that names an entry by its number: ``django.po: entry 8``
_ENTRY_AT_END = re.compile(r": entry \d+$")


def located(finding: Finding, record: PairRecord | None, file: str, number: int | None) -> Finding:
    """``finding`` with where it is (:class:`Finding`): in ``file`` (a folder's, or empty), the
    entry ``number``; the line (its own, or the one its position ends in), id and context
    from ``record``, the entry's record (without one, an entry the pairs do not hold: the
    line its position ends in, its own id); a finding about the whole file, in ``file`` alone."""
    if finding.of_file:
        return replace(finding, file=file)
    if record is None:
        return replace(finding, file=file, number=number, line_number=_line_of(finding.position))
    return replace(
        finding,
        file=file,
        number=number,
        line_number=record.line if record.line is not None else _line_of(record.position),
        id=_text(record.metadata.get("id")),
        context=_text(record.metadata.get("context")),
    )


def _line_of(position: str) -> int | None:
    """The line number ``position`` ends in (``app.xlf:6``: 6), None where it ends in none."""
    line = _LINE_AT_END.search(position)
    return int(line.group(1)) if line else None


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
