"""The error hierarchy of ltmt.

Every error that ltmt raises on purpose derives from :class:`LtmtError`, so a caller (and the
CLI) can catch one type. Messages are one line and say what to do about the problem.
"""

from __future__ import annotations


class LtmtError(Exception):
    """Base class of every error ltmt raises on purpose."""


class InputError(LtmtError):
    """Bad input from the user: a missing or malformed file, a bad user id, a bad option value."""


class NoPairsError(InputError):
    """A file holds no pair to read: empty, a template, or none of its entries translated."""


class NotMessageFileError(InputError):
    """A file of a format ltmt knows by its name that holds no message file of it (a JSON
    file whose top level is a list): ``where``, the file; ``why``, what it holds instead. A
    folder run skips it with a warning; given alone, it is an error that says to leave it
    out."""

    def __init__(
        self, where: str, why: str, todo: str = "ltmt cannot translate it: leave it out"
    ) -> None:
        self.where, self.why = where, why
        super().__init__(f"{where}: {why}; {todo}")

    def skipped(self) -> str:
        """The warning of a folder run (translate, qa, memory import) that leaves the file out
        and goes on."""
        return f"{self.where}: {self.why}: skipped"

    def not_translating(self) -> NotMessageFileError:
        """This error as a command that reads the file without translating it says it
        (``ltmt qa``, ``memory import``)."""
        return NotMessageFileError(self.where, self.why, "ltmt cannot read it: leave it out")


class UnalignedTranslationError(InputError):
    """An existing translation none of whose blocks line up with the source's (a reviewer
    joined or split paragraphs): a run would replace every translation in it, so it stops,
    unless told to (``--overwrite``)."""


class LanguageError(InputError):
    """A file's languages are not the pair asked for. ``found``: the file's languages;
    ``where``: the file as named to the user; ``hint``: what a command-line user can do;
    ``described``: what is wrong where a file says more than its languages (which part of it
    declares which), said instead of the list of ``found``; ``wanted``: what they are compared
    with, one language where the file declares one side's (``de-AT``), else the pair
    (``en->de``)."""

    def __init__(
        self,
        where: str,
        found: tuple[str, ...],
        pair: tuple[str, str],
        hint: str = "",
        *,
        described: str = "",
        wanted: str = "",
    ) -> None:
        self.where, self.found, self.pair, self.described = where, found, pair, described
        self.one_language = bool(wanted)
        self.wanted = wanted or f"{pair[0]}->{pair[1]}"
        problem = f"{where}: {self.mismatch}"
        super().__init__(f"{problem}; {hint}" if hint else problem)

    @property
    def listed(self) -> str:
        """The file's languages, comma-separated: ``de, en`` (``none`` for none)."""
        return ", ".join(self.found) or "none"

    @property
    def languages(self) -> str:
        """``languages in the file are de, en`` (or what the raiser ``described``): how every
        message about it begins."""
        return self.described or f"languages in the file are {self.listed}"

    @property
    def mismatch(self) -> str:
        """What is missing, like with like: ``languages in the file are de, en, not fr->de``
        for a pair, ``the file has no de text (its languages: en-US, fr-FR)`` for one language
        (a list of languages "not de" read as if each of them were not), or what the raiser
        ``described``: ``the file's target language is de-DE, not de-AT``."""
        if self.one_language and not self.described:
            return f"the file has no {self.wanted} text (its languages: {self.listed})"
        return f"{self.languages}, not {self.wanted}"


class StoreError(LtmtError):
    """The memory store cannot be opened, read or written."""


class FencedWriteError(LtmtError):
    """A server request's write refused, nothing stored: its user was deleted or its API key
    revoked while it ran (:mod:`ltmt.memory.write_fences`)."""


class ClosedError(LtmtError):
    """A call on a :class:`ltmt.Translator` after its ``close()``: make a new one."""


class ModelError(LtmtError):
    """A model or tokenizer cannot be loaded or used."""


class ConfigError(LtmtError):
    """A configuration value or file is invalid."""


class ChoiceError(InputError, ConfigError):
    """A value that is not one of its choices (``--fusion bogus``, ``engine: torhc``): bad input
    where a user typed it, a bad setting where a file holds it. The command line exits 2 on it,
    as on any option value that does not parse."""
