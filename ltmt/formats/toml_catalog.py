"""TOML message files (Hugo's ``i18n/en.toml`` → ``i18n/de.toml``, go-i18n v2's
``active.en.toml`` and ``translate.de.toml``) as a keyed catalog
(:mod:`ltmt.formats.keyed_catalog`), read with the standard library's :mod:`tomllib` (Python
3.11 and later).

A message is a table of plural forms (``[home]`` / ``other = "Home"``; ``[readingTime]`` /
``one = "One minute to read"`` / ``other = "{{ .Count }} minutes to read"``, with ``zero``,
``two``, ``few``, ``many`` where the source has them) with go-i18n's fields beside them where
it has some (``description``, ``hash``, ``id``: copied, never sent to the model nor paired in a
memory import, as in YAML and JSON: :mod:`ltmt.formats.goi18n_messages`), or a string at its
key (``home = "Home"``); a table of other tables or strings is a namespace (``[nav]`` /
``home = "Home"``: ``nav.home``). A message's forms are translated in the target language's
categories (German: ``one`` and ``other``) and written only whole. Go templates' actions
(``{{ .Count }}``, ``{{.PluralCount}}``) are placeholders. A value that is no string (a
number, a boolean, a date, an array) makes the file no message file: refused, naming its key.

The output is the source file's text with the strings translated at their places
(:mod:`ltmt.formats.toml_syntax`): its comments, order and spacing kept, each string in its
source's quotes (a basic ``"…"`` string, a literal ``'…'`` one where the translation can be
written so, a multi-line ``\"\"\"…\"\"\"`` or ``'''…'''``); a form the target language adds
is a line of its own beside the source's forms, one it lacks is left out. A string left
untranslated keeps the source's text (Hugo shows the default language's in any case). Where
the output exists already (the translation so far), its translations are kept (written as it
writes them where the text is the same) and its own messages after the source's; a string that
is no text (``version = "2.4.0"``: copied, never translated) takes the source's value now where
the output holds ltmt's copy of the source's before (:mod:`ltmt.formats.copied_values`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats import goi18n_messages
from ltmt.formats.common import read_bytes, utf8_text
from ltmt.formats.front_matter import toml_string
from ltmt.formats.keyed_catalog import FORM, Entry, KeyedCatalog
from ltmt.formats.plurals import (
    CATEGORIES,
    keeps_zero,
    other_source,
    plural_tags,
    with_other,
    written_categories,
)
from ltmt.formats.toml_syntax import Located, Parts, Scanned, loads, scan
from ltmt.formats.yaml_strings import is_plural
from ltmt.wording import counted, first_few

WHAT = "a TOML message file (Hugo's i18n/en.toml, go-i18n's active.en.toml)"
_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


class TomlFile:
    """A TOML file read: its ``text`` (a byte order mark kept), its ``data`` as :mod:`tomllib`
    reads it and its values' places (:class:`~ltmt.formats.toml_syntax.Scanned`)."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.text = utf8_text(data, path)
        try:
            self.data = loads(self.text.removeprefix("\ufeff"))
        except ValueError as error:  # tomllib's TOMLDecodeError
            raise InputError(invalid_toml(path, error)) from None
        self.scanned: Scanned = scan(self.text)
        self.messages = dict(messages(self.data, path))
        self._refuse_inline(path)

    def _refuse_inline(self, path: Path) -> None:
        """An InputError where a message's string is written where no place is found for it:
        in an inline table (``home = { other = "Home" }``), which the output could not hold
        its translation in."""
        placed = {".".join(place.parts) for place in self.scanned.strings}
        inline = [
            name
            for name, value in self.messages.items()
            if not placed.issuperset(
                [name] if isinstance(value, str) else [f"{name}.{tag}" for tag in _forms(value)]
            )
        ]
        if inline:
            raise InputError(
                f"{path}: {counted(len(inline), 'message')} ({first_few(inline)}) written in an "
                "inline table ({ other = ... }), which ltmt does not translate in place; write "
                'each as a table of its own ([home] with other = "Home" on the next line)'
            )

    def value(self, parts: Parts) -> Any:
        value: Any = self.data
        for part in parts:
            value = value.get(part) if isinstance(value, dict) else None
        return value


def invalid_toml(path: Path, error: ValueError) -> str:
    """The one-line message of a file ``tomllib`` cannot read, at its line and column."""
    said = str(error)
    where = _WHERE.search(said)
    at = f"{path}:{where.group(1)}:{where.group(2)}" if where else str(path)
    why = said[: where.start()] if where else said
    return f"{at}: not valid TOML ({why}); fix the file there and run again"


def _is_message(value: Any, holder: Any) -> bool:
    """Whether ``value`` (a value of the table ``holder``) is a message of plural forms (and
    go-i18n's fields)."""
    return is_plural(value) or (
        goi18n_messages.is_message(value, holder)
        and all(isinstance(text, str) for text in value.values())
    )


def messages(data: dict[str, Any], path: Path, parts: Parts = ()) -> Iterator[tuple[str, Any]]:
    """Every message of ``data`` (a table at ``parts``) by its dotted name: a string or a
    table of forms (module docstring); a value of another kind is refused."""
    for key, value in data.items():
        name = ".".join((*parts, key))
        if isinstance(value, str) or _is_message(value, data):
            yield name, value
        elif isinstance(value, dict):
            yield from messages(value, path, (*parts, key))
        else:
            raise NotMessageFileError(
                str(path),
                f"{name} holds {type(value).__name__} {value!r}, no string: not {WHAT}",
            )


def _forms(message: dict[str, Any]) -> dict[str, str]:
    return {tag: text for tag, text in message.items() if tag in CATEGORIES}


def _values(file: TomlFile) -> dict[str, str]:
    """The strings of ``file`` by key (a form's ``name#tag``)."""
    values: dict[str, str] = {}
    for name, value in file.messages.items():
        if isinstance(value, str):
            values[name] = value
        else:
            values.update((f"{name}{FORM}{tag}", text) for tag, text in _forms(value).items())
    return values


def written(text: str, quote: str, raw: str) -> str:
    """``text`` as a TOML string in the delimiters ``quote`` of the string ``raw`` as written
    (a multi-line one's line break after its opening kept); basic where a literal string
    cannot hold it."""
    if len(quote) == 1:
        return toml_string(text, literal=quote == "'")
    rest = raw[3:]
    newline = "\r\n" if rest.startswith("\r\n") else "\n" if rest.startswith("\n") else ""
    if quote == "'''" and "'''" not in text and not text.endswith("'"):
        return f"'''{newline}{text}'''"
    body = text.replace("\\", "\\\\").replace('"""', '""\\"')
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    return f'"""{newline}{body}"""'


class TomlCatalog(KeyedCatalog):
    """A TOML message file to translate into the target language's (module docstring)."""

    format = "toml"
    what = WHAT
    extras_kept = "kept in their tables, after the source's keys there"

    def __init__(self, path: Path, data: bytes, tgt_lang: str) -> None:
        self.file = TomlFile(data, Path(path))
        self.tags = plural_tags(tgt_lang)
        self._adopted: TomlFile | None = None
        super().__init__(path, list(self._entries()))

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> TomlCatalog:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang or "de")

    def _entries(self) -> Iterator[Entry]:
        for name, value in self.file.messages.items():
            if isinstance(value, str):
                yield Entry(name, name, value)
                continue
            forms = _forms(value)
            if keeps_zero(self.tags, forms):
                yield Entry(f"{name}{FORM}zero", name, forms["zero"], group=name)
            for form, tag in enumerate(self.tags):
                text = forms.get(tag) or other_source(forms) or ""
                yield Entry(f"{name}{FORM}{tag}", name, text, form, plural=True)

    def name_of(self, key: str) -> str:
        return key.split(FORM)[0]

    def read_values(self, path: Path) -> dict[str, str]:
        return _values(TomlFile(read_bytes(path, WHAT), path))

    def adopt(self, target: Path) -> int:
        self._adopted = TomlFile(read_bytes(Path(target), WHAT), Path(target))
        return self.adopt_values(Path(target), _values(self._adopted))

    def render(self) -> bytes:
        text = self.file.text
        edits: list[tuple[int, int, str]] = []
        newline = "\r\n" if "\r\n" in text else "\n"
        plurals: dict[str, list[Located]] = {}
        for place in self.file.scanned.strings:
            name = ".".join(place.parts)
            if isinstance(self.file.messages.get(name), str):
                translation = self.translations.get(name)
                if translation is not None:
                    edits.append((place.start, place.end, self._written(place, translation)))
            elif place.parts[-1] in CATEGORIES:
                message = ".".join(place.parts[:-1])
                if isinstance(self.file.messages.get(message), dict):
                    plurals.setdefault(message, []).append(place)
        for name, places in plurals.items():
            edits += self._plural_edits(name, places, newline)
        edits += self._extras(newline)
        # from the end, so that each edit's span stands where it was; of two at one place,
        # the one made first ends up first
        for _, (start, end, new) in sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]))[::-1]:
            text = text[:start] + new + text[end:]
        return text.encode("utf-8")

    def _written(self, place: Located, translation: str, parts: Parts = ()) -> str:
        """``translation`` written at ``parts`` (default: ``place``'s) as the translation so
        far writes it there where its text is the same, else in the quotes of ``place``."""
        parts = parts or place.parts
        if self._adopted is not None:
            for theirs in self._adopted.scanned.strings:
                if theirs.parts == parts and self._adopted.value(parts) == translation:
                    return self._adopted.text[theirs.start : theirs.end]
        raw = self.file.text[place.start : place.end]
        return written(translation, place.quote, raw)

    def _plural_edits(
        self, name: str, places: list[Located], newline: str
    ) -> list[tuple[int, int, str]]:
        """The edits that write the message ``name``'s forms (the source's at ``places``) in
        the target language's categories; none where a form is untranslated."""
        by_tag = {place.parts[-1]: place for place in places}
        tags = written_categories(self.tags, by_tag)
        forms = {tag: self.translations.get(f"{name}{FORM}{tag}") for tag in tags}
        if any(text is None for text in forms.values()):
            return []
        ready = with_other({tag: str(text) for tag, text in forms.items()}, self.tags)
        edits = []
        for tag, place in by_tag.items():
            if tag in ready:
                edits.append((place.start, place.end, self._written(place, ready[tag])))
            else:  # a form the target language has not
                edits.append((place.line_start, place.line_end, ""))
        model = by_tag.get("other") or places[-1]
        indent = model.head[: len(model.head) - len(model.head.lstrip())]
        key = model.head[len(indent) : model.head.rindex("=")].rstrip()
        spacing = model.head[len(indent) + len(key) :]
        prefix = key[: key.rfind(".") + 1] if "." in key else ""  # home.other = ...
        for tag in (tag for tag in CATEGORIES if tag in ready and tag not in by_tag):
            after = CATEGORIES[CATEGORIES.index(tag) :]
            later = [by_tag[t] for t in after if t in by_tag and t in ready]  # a kept line
            at = later[0].line_start if later else places[-1].line_end
            text = self._written(model, ready[tag], (*model.parts[:-1], tag))
            line = f"{indent}{prefix}{tag}{spacing}{text}"
            edits.append((at, at, line + newline if later or at else newline + line))
        return edits

    def _extras(self, newline: str) -> list[tuple[int, int, str]]:
        """The edits that add the translation so far's own messages (:attr:`extras`): a
        top-level key after the source's last (before its first table), a table's key at its
        table's end, a table the source has not at the end, header and all."""
        if self._adopted is None or not self.extras:
            return []
        theirs, ours = self._adopted, self.file.scanned
        wanted = set(self.extras)
        end = len(self.file.text)
        edits: list[tuple[int, int, str]] = []
        done: set[Parts] = set()
        for table, (start, stop) in theirs.scanned.sections.items():
            if ".".join(table) in wanted:  # a message table: whole, as written
                edits.append((end, end, self._at_end(theirs.text[start:stop], newline)))
                done.add(table)
        for place in theirs.scanned.strings:
            name = ".".join(place.parts)
            if name not in wanted or place.parts[:-1] in done:
                continue
            lines = theirs.text[place.line_start : place.line_end]
            lines += "" if lines.endswith("\n") else newline
            table = self._table_of(place)
            if not table:
                at = next(a for a in (ours.top_end, ours.first_header, end) if a is not None)
                if at == ours.first_header:
                    lines += newline
                edits.append((at, at, lines if at < end else self._at_end(lines, newline)))
            elif table in ours.sections:
                at = ours.sections[table][1]
                edits.append((at, at, lines if at < end else self._at_end(lines, newline)))
            else:
                header = theirs.text[slice(*theirs.scanned.sections[table])].split("\n")[0]
                edits.append((end, end, self._at_end(f"{header}\n{lines}", newline)))
        return edits

    def _table_of(self, place: Located) -> Parts:
        """The table of the translation so far that ``place`` (one of its strings) is in."""
        assert self._adopted is not None
        sections = self._adopted.scanned.sections
        inside = [t for t, (a, b) in sections.items() if a <= place.line_start < b]
        return max(inside, key=len) if inside else ()

    def _at_end(self, lines: str, newline: str) -> str:
        """``lines`` to add at the end of the source file's text (after a line end)."""
        head = "" if self.file.text.endswith("\n") else newline
        return f"{head}{newline}{lines}"
