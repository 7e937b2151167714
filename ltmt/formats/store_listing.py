"""The length limits app stores set the text files of a fastlane metadata folder.

fastlane's ``supply`` uploads a Google Play listing from ``metadata/android/<locale>/``, and
``deliver`` an App Store one from ``fastlane/metadata/<locale>/``, each field a text file;
the store refuses a field longer than its limit, so the upload fails. The limits, in
characters of the file's whole text (its lines and the breaks between them; its last line's
end not counted), as Google Play Console's and App Store Connect's help give them:

- Google Play (``metadata/android/<locale>/``): ``title.txt`` 30, ``short_description.txt``
  80, ``full_description.txt`` 4000, and a release's ``changelogs/<version code>.txt`` 500;
- the App Store (``fastlane/metadata/<locale>/``): ``name.txt`` and ``subtitle.txt`` 30,
  ``keywords.txt`` 100 (Apple counts it in bytes, so that a keyword list with accented
  letters may be refused shorter), ``promotional_text.txt`` 170, ``description.txt`` and
  ``release_notes.txt`` 4000.

A translated file longer than its limit is noted (:class:`StoreListingText`): ``ltmt
translate`` counts it among those ``over_limit`` and names it, and ``ltmt qa``'s ``length``
check says so, as an error (:mod:`ltmt.qa.store_listing_checks`): each limit is a hard one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from ltmt.formats.documents import LineShape, TextDocument
from ltmt.formats.size_limits import too_long_message

GOOGLE_PLAY = {"title.txt": 30, "short_description.txt": 80, "full_description.txt": 4000}
GOOGLE_PLAY_CHANGELOG = 500  # changelogs/<version code>.txt, one a release
APP_STORE = {
    "name.txt": 30,
    "subtitle.txt": 30,
    "keywords.txt": 100,
    "promotional_text.txt": 170,
    "description.txt": 4000,
    "release_notes.txt": 4000,
}


@dataclass(frozen=True)
class StoreLimit:
    """The characters ``store`` (``Google Play``, ``the App Store``) allows a file."""

    maximum: int
    store: str


def store_limit(path: Path) -> StoreLimit | None:
    """The store's limit of the fastlane metadata file ``path`` (module docstring); None for
    a file that is none (a ``title.txt`` elsewhere)."""
    path = Path(path).absolute()
    folders = [part.lower() for part in path.parent.parts]
    name = path.name.lower()
    if folders[-3:-1] == ["metadata", "android"] and name in GOOGLE_PLAY:
        return StoreLimit(GOOGLE_PLAY[name], "Google Play")
    if folders[-4:-2] == ["metadata", "android"] and folders[-1] == "changelogs":
        return StoreLimit(GOOGLE_PLAY_CHANGELOG, "Google Play") if name.endswith(".txt") else None
    if folders[-3:-1] == ["fastlane", "metadata"] and name in APP_STORE:
        return StoreLimit(APP_STORE[name], "the App Store")
    return None


def over_store_limit(path: Path, text: str) -> str | None:
    """What is wrong with ``text``, the whole text of the fastlane metadata file ``path``,
    under its store's limit (``the translation is 90 characters long, Google Play allows
    80``: a warning or a finding names the file); None where it fits or ``path`` has none."""
    limit = store_limit(path)
    return too_long_message(text, limit.maximum, limit.store) if limit else None


class StoreListingText(TextDocument):
    """A fastlane metadata file (:func:`store_limit`), translated line by line as any text
    file; once every line is filled, :attr:`over_limit` notes its text longer than the store
    allows, under the key of a unit just filled (so that the run counts it once:
    :class:`~ltmt.formats.documents.LengthLimited`), and :meth:`review_notes` says it."""

    def __init__(self, path: Path, lines: list[str], shape: LineShape | None = None) -> None:
        super().__init__(path, lines, shape)
        self.over_limit: dict[str, str] = {}

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        filled = super().fill(translations, mark_fuzzy, from_memory)
        lines = self.translated_lines()
        if translations and len(lines) == len(self.lines):
            message = over_store_limit(self.path, "\n".join(lines))
            self.over_limit = {list(translations)[-1]: message} if message else {}
        return filled

    def review_notes(self) -> list[str]:
        return [f"{message}: shorten it" for message in self.over_limit.values()]
