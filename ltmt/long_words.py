"""Words too long for the model: a long URL, a base64 blob, a hash, a path of many parts.

The model reads a line of at most ``max_source_tokens`` tokens (256 for the shipped model), and
such a word alone can take them all: ``Download it from https://example.com/<1,500 characters>
and then run the installer.`` was cut inside the URL, its end lost and the rest of the sentence
left untranslated, and a base64 data URI of 3 KB came back as 174 characters of other letters.
A word of :data:`LONG_WORD` characters or more, with no space in it, is nothing the model
translates: it goes to the model as an inline tag, and comes back in its place as written
(:func:`long_word_spans`, set aside with the pictographs by :class:`ltmt.units.LineForms`).

Sentence punctuation after it (``...installer.``) stays outside the tag; so does a word of a
script written without spaces (Chinese, Japanese, Thai, Korean), whose runs are sentences.
"""

from __future__ import annotations

import re

# characters: about a quarter of the shipped model's 256-token line in the shortest case (a
# word of letters is about one token per three characters; a hash or base64, one per one or
# two); no English word and few paths or URLs in a UI string are as long
LONG_WORD = 80
_RUN = re.compile(rf"\S{{{LONG_WORD},}}")
# punctuation that ends a sentence or a clause after the word, left to the model
_TRAILING = re.compile(r"[.,;:!?)\]}»\"'\u201d\u2019]+$")
# scripts written without spaces between words
_UNSPACED_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def long_word_spans(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each word of ``line`` too long for the model (module
    docstring)."""
    spans = []
    for run in _RUN.finditer(line):
        if _UNSPACED_SCRIPT.search(run.group()):
            continue
        trailing = _TRAILING.search(run.group())
        end = run.end() - (len(trailing.group()) if trailing else 0)
        if end - run.start() >= LONG_WORD:
            spans.append((run.start(), end, line[run.start() : end]))
    return spans
