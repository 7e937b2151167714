"""LaTeX's inline markup in a catalog string: what po4a's latex module leaves in the messages
of a document (``#. type: Plain text``, ``{#1}``: ``Install it with \\texttt{pip install x}.
See Section~\\ref{sec:usage}.``, ``Edit the \\emph{configuration file}.``, ``$\\Delta t \\le C
\\Delta x$``).

The model broke them (trial tex71): ``\\texttt{pip install fluxsolver}`` came back
``\\textt{pip installieren von fluxsolver}`` (``\\texttt`` was read as the escape ``\\t``,
``\\ref`` as ``\\r``), ``\\emph{configuration file}`` as ``\\emph`` (its argument lost),
``\\verb|results/|`` as ``\\verb|results/``, ``$\\Delta t \\le C \\Delta x$`` as ``$\\Delta t
\\Delta x$``, ``Section~\\ref{...}`` as ``Suche ~\\ref{...}``, and ``ltmt qa`` passed it all.
So, in a text that is LaTeX (:func:`is_latex`):

- a command whose argument is code or a name (``\\texttt{...}``, ``\\verb|...|``, ``\\ref{...}``,
  ``\\cite{...}``, ``\\url{...}`` ...), inline math (``$...$``, ``\\(...\\)``), a command
  without an argument (``\\LaTeX``, ``\\ldots``) and an escaped special character (``\\%``,
  ``\\&``) is one placeholder, whole (:data:`LATEX_VERBATIM`), a tie before it with it
  (``~\\ref{sec:usage}``: glued back to the word before it, ``Abschnitt~\\ref{sec:usage}``);
- a command whose argument is prose (``\\emph{``, ``\\textbf{``, ``\\footnote{``, ``\\href{url}{``
  ...) is a pair (:mod:`ltmt.formats.paired_tags`): the command with its opening brace, and
  the closing brace; the words between are translated. TeX's quotes (````...''``) are a pair
  too, kept as the source writes them, which compiles with or without babel's German.

A closing brace or ``''`` counts only after its opening (:func:`latex_paired`). The marks are
placeholders (kind ``latex``), so ``ltmt qa`` reports a command garbled (``\\textt{``), a lost
``|`` or lost math as it reports a lost tag, and reads a translated ``\\emph{...}`` as kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ltmt.formats.opened_marks import opened_only

# the commands whose argument is code or a name, kept whole with it
_KEPT_COMMANDS = (
    "texttt|ref|pageref|eqref|autoref|cref|Cref|label|cite|citep|citet|url|nolinkurl|input|"
    "include|includegraphics|usepackage"
)
# the commands whose argument is words a reader sees, translated between the braces
_PROSE_COMMANDS = (
    "emph|textbf|textit|textsl|textsc|textsf|textrm|textup|underline|footnote|caption|mbox|"
    "part|chapter|section|subsection|subsubsection|paragraph|subparagraph"
)
_OPTIONS = r"(?:\[[^\[\]\n]*\])?"
# an argument, with one level of braces inside it (``{FS\_HOME}``, ``{a{b}c}``)
_ARGUMENT = r"\{(?:[^{}\n]|\{[^{}\n]*\})*\}"
# ``\verb`` and its delimiter, the usual ones (``\verb|results/|``, ``\verb+a|b+``)
_VERB = r"""\\verb\*?(?:\|[^|\n]*\||\+[^+\n]*\+|![^!\n]*!|"[^"\n]*")"""
# inline math: ``$...$`` (not ``$$``), ``\(...\)``
_MATH = r"(?<!\\)\$(?!\$)(?:[^$\\\n]|\\.)+\$|\\\((?:(?!\\\)).)+\\\)"
# the whole constructs, a tie before them with them (``Section~\ref{...}``); a command without
# an argument (``\LaTeX{}``, ``\ldots``) and an escaped special character (``\%``, ``\&``, ``\\``)
LATEX_VERBATIM = (
    rf"~?(?:\\(?:{_KEPT_COMMANDS})\*?{_OPTIONS}{_ARGUMENT}|{_VERB}|{_MATH}"
    rf"|\\(?!(?:{_PROSE_COMMANDS}|href)\*?{_OPTIONS}\{{)[A-Za-z]+\*?(?:\{{\}})?"
    r"|\\[%&_#${}\\,;! ])"
)
# a prose command with its opening brace (a link's URL with it), and TeX's opening quotes
LATEX_OPENING = rf"~?\\(?:(?:{_PROSE_COMMANDS})\*?{_OPTIONS}|href\{{[^{{}}\n]*\}})\{{|``"
LATEX_PAIR_MARKS = rf"(?P<latex_opening>{LATEX_OPENING})|(?P<latex_closing>\}}|'')"
LATEX_MARKUP = f"{LATEX_VERBATIM}|{LATEX_PAIR_MARKS}"
# a text is LaTeX where it holds a command with an argument (``\emph{``, ``\verb|``), or a
# command word and no other markup (:func:`is_latex`); ``\n{count}`` has no command's name.
# ``\(...\)`` alone makes no text LaTeX: a regular expression's or find's group writes it
# (``\d+\(x\)``, ``find . \( -name``), and "$5 and $10 with \(tax\)" lost "$5 and $" as math
_COMMAND_WITH_ARGUMENT = re.compile(rf"\\[A-Za-z]{{2,}}\*?{_OPTIONS}\{{|{_VERB}")
# a command word alone (``\LaTeX``), not a C escape before a word (``\nName``, ``\tab``)
_COMMAND_WORD = re.compile(r"(?<!\\)\\(?![nrt])[A-Za-z]{2,}")


def closing_of(opening: str) -> str:
    """The mark that closes ``opening`` (:data:`LATEX_OPENING`): ``''`` or ``}``."""
    return "''" if opening == "``" else "}"


def is_latex(text: str, others: bool = False) -> bool:
    """Whether ``text`` is LaTeX: it holds a command with an argument (``\\emph{...}``,
    ``\\verb|...|``), or a command word (``\\LaTeX``) where it has no placeholder of another
    kind (``others``: whether it has). Inline math ``\\(...\\)`` is kept whole in a text that
    is LaTeX, but makes none LaTeX alone."""
    return _COMMAND_WITH_ARGUMENT.search(text) is not None or (
        not others and _COMMAND_WORD.search(text) is not None
    )


def latex_paired(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern holding :data:`LATEX_PAIR_MARKS`, without the closing marks
    that close no opening before them (a ``}`` or ``''`` of the text); LaTeX's pairs nest
    (``\\footnote{``...''}``)."""
    return opened_only(matches, "latex_opening", "latex_closing", closing_of, str, nested=True)
