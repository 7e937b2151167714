"""What a file with HTML embedded in it (Markdown's HTML blocks, an EPUB's documents) keeps
of the HTML of its translation so far: each run and attribute value whose text is not the
source's, as written there (a reviewer's link to a German page inside a sentence, ``&nbsp;``
as they wrote it), and the markup around a whole run that someone set there
(:mod:`ltmt.formats.html_kept_markup`), as an HTML page keeps them
(:mod:`ltmt.formats.html_document`). Before session 74 such a run was written from its text
in the source's tags: a reviewer's ``href`` went back to the source's on every update."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.formats.html_kept_markup import AROUND, KeptMarkups, kept_markups, markup_around
from ltmt.formats.html_segments import Run, Segments, line_up
from ltmt.formats.html_writing import embedded_translations, written_html
from ltmt.formats.placeholder_syntax import has_words
from ltmt.formats.recorded_places import refuse_added_blocks

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record


@dataclass(frozen=True)
class EmbeddedHtml:
    """An HTML text embedded in a file: its text, what is translated in it, and the file's unit
    key of each of its pieces' keys."""

    text: str
    found: Segments
    unit_key: Callable[[str], str]


@dataclass
class KeptHtml:
    """The HTML runs and values of a file's output so far kept as written there, by unit key
    (its text, as written), and the markups kept around its runs (module docstring)."""

    adopted: dict[str, tuple[str, str]] = field(default_factory=dict)
    markups: KeptMarkups = field(default_factory=KeptMarkups)
    target: Path | None = None

    def adopt(
        self,
        target: Path,
        lined_up: Iterable[tuple[EmbeddedHtml, EmbeddedHtml]],
        record: Record | None,
    ) -> dict[str, str]:
        """Take over the translations of the HTML texts of ``target`` (the output so far) that
        stand for the file's own (``lined_up``: the file's and the output's), ``record`` what
        ltmt last wrote there (None: there is none): those whose text is not the source's, by
        unit key."""
        translations: dict[str, str] = {}
        markups = []
        for mine, theirs in lined_up:
            for piece, other in line_up(mine.found, theirs.found):
                key = mine.unit_key(piece.key)
                if other.source != piece.source:
                    translations[key] = other.source
                    self.adopted[key] = (other.source, theirs.text[other.start : other.end])
                if isinstance(piece, Run) and isinstance(other, Run):
                    ours = markup_around(mine.text, piece, mine.found)
                    their_markup = markup_around(theirs.text, other, theirs.found)
                    if ours is not None and their_markup is not None:
                        markups.append((key, AROUND + key, ours, their_markup))
        self.markups = kept_markups(markups, record)
        self.target = Path(target)
        return translations

    def kept_written(self, translations: Mapping[str, str]) -> set[str]:
        """The unit keys of the runs and values written as the output so far has them, of the
        file's ``translations``: their kept translations."""
        return {key for key, (text, _) in self.adopted.items() if translations.get(key) == text}

    def written(
        self,
        html: EmbeddedHtml,
        translations: Mapping[str, str],
        *,
        tgt_lang: str | None = None,
        xml: bool = False,
    ) -> str:
        """``html`` written with the file's ``translations`` (by unit key), those kept as the
        output had them (:func:`~ltmt.formats.html_writing.written_html`: ``tgt_lang``,
        ``xml``)."""
        done = embedded_translations(html.found, translations, html.unit_key)
        keys = {piece.key: html.unit_key(piece.key) for piece in html.found.pieces()}
        markups = self.markups.written(self.kept_written(translations))
        return written_html(
            html.text,
            html.found,
            done,
            {piece: self.adopted[key] for piece, key in keys.items() if key in self.adopted},
            tgt_lang=tgt_lang,
            xml=xml,
            around={piece: markups[key] for piece, key in keys.items() if key in markups},
        )

    def warn(self, translations: Mapping[str, str]) -> None:
        """Warn of the markups kept that the source changed since, or written as the source's
        again (:meth:`~ltmt.formats.html_kept_markup.KeptMarkups.warn`)."""
        if self.target is not None:
            self.markups.warn(self.target, self.kept_written(translations))


def refuse_added_pieces(
    where: str, source: Path, mine: EmbeddedHtml, theirs: EmbeddedHtml, record: Record
) -> None:
    """Refuse the output so far (``where``: its file and the HTML text in it) where its HTML
    text ``theirs`` has more runs and values with words than ``mine`` (the file's) and than
    ``record`` (what ltmt wrote there) holds: a reviewer added a paragraph, and beside it which
    paragraph stands for which English cannot be told (trial s75: an EPUB's rerun dropped the
    added note and translated the paragraph edited before it again, without a word;
    :func:`~ltmt.formats.recorded_places.refuse_added_blocks`)."""
    worded = [mine.unit_key(p.key) for p in theirs.found.pieces() if has_words(p.source)]
    written = sum(key in record.units for key in worded)
    ours = sum(has_words(piece.source) for piece in mine.found.pieces())
    refuse_added_blocks(where, source, len(worded), written, ours)


def source_markups(embedded: Collection[EmbeddedHtml]) -> dict[str, str]:
    """The source's markup around each run of the ``embedded`` HTML texts that has some, by
    the name the record of the output keeps it under (:data:`~ltmt.formats.html_kept_markup.
    AROUND` and the run's unit key)."""
    written = {}
    for html in embedded:
        for run in html.found.runs:
            markup = markup_around(html.text, run, html.found)
            if markup is not None:
                written[AROUND + html.unit_key(run.key)] = markup.text
    return written
