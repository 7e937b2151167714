"""LaTeX's inline markup in po4a's catalogs (trial tex71): a command's name is no escape, a
command whose argument is code or a name and inline math are one placeholder each, a prose
command is a pair whose words are translated, a tie stays glued; text of other formats is
unchanged."""

from __future__ import annotations

import pytest

from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.placeholder_syntax import (
    extract_placeholders,
    find_placeholders,
    sent_as_tags,
)
from ltmt.pictographs import set_aside


@pytest.mark.parametrize(("text", "placeholders"), [
    # \texttt read as the escape \t and \ref as \r, {sec:usage} as a brace field
    ("Install the package with \\texttt{pip install fluxsolver}.  See Section~\\ref{sec:usage}.",
     ["\\texttt{pip install fluxsolver}", "~\\ref{sec:usage}"]),
    ("The output is written to \\verb|results/| by default:", ["\\verb|results/|"]),
    ("so that $\\Delta t \\le C \\Delta x$.", ["$\\Delta t \\le C \\Delta x$"]),
    # inline math kept whole in a text that a command makes LaTeX
    ("where \\(u\\) is the \\emph{conserved} quantity", ["\\(u\\)", "\\emph{", "}"]),
    ("first described in~\\cite{doe2021flux} by 50\\% \\& more",
     ["~\\cite{doe2021flux}", "\\%", "\\&"]),
    ("the variable \\texttt{FS\\_HOME} is set.", ["\\texttt{FS\\_HOME}"]),
    ("Edit the \\emph{configuration file} now.", ["\\emph{", "}"]),
    # nested: the quotes inside the footnote, no Windows path at ".\footnote"
    ("chosen.\\footnote{This is the ``CFL condition'' of Courant.}",
     ["\\footnote{", "``", "''", "}"]),
    ("See \\href{https://example.com}{our site}.", ["\\href{https://example.com}{", "}"]),
    ("The \\LaTeX{} system", ["\\LaTeX{}"]),
    # a closing brace or quote that closes nothing is text
    ("Edit \\emph{this} } and '' here", ["\\emph{", "}"]),
])  # fmt: skip
def test_latex_markup_is_read_as_placeholders(text: str, placeholders: list[str]) -> None:
    assert extract_placeholders(text) == placeholders


@pytest.mark.parametrize(("text", "placeholders"), [
    # what the model wrote (trial tex71): a garbled command, a lost bar, lost math
    ("Das Paket mit \\textt{pip installieren}.", ["\\textt"]),
    ("Die Ausgabe \\verb|results/ standardmäßig", ["\\verb"]),
    ("Ändern Sie die \\emph{Konfigurationsdatei}.", ["\\emph{", "}"]),
])  # fmt: skip
def test_a_translations_latex_is_read_alike(text: str, placeholders: list[str]) -> None:
    assert extract_placeholders(text) == placeholders


@pytest.mark.parametrize(("text", "placeholders"), [
    # C escapes and other text are read as before: no LaTeX
    ("Hello\\nWorld", ["\\n"]),
    ("\\n{count} items", ["\\n", "{count}"]),
    ("C:\\Users\\bob\\file.txt", ["C:\\Users\\bob\\file.txt"]),
    ("Costs $5 and $10 here", []),
    # \(...\) alone makes no text LaTeX (session 71's regression test: "$5 and $" was math,
    # "Der Preis ist 5 $5 and $10 mit \(tax\)."): a price, a regex's or find's group
    ("The price is $5 and $10 with \\(tax\\).", []),
    ("where \\(u\\) is the conserved quantity", []),
    ("Use find . \\( -name '*.log' \\) -delete", []),
    ("a } b '' c", []),
    ("It says ``hello'' to you", []),
])  # fmt: skip
def test_text_that_is_not_latex_is_read_as_before(text: str, placeholders: list[str]) -> None:
    assert [p for p in find_placeholders(text) if p.kind == "latex"] == []
    assert extract_placeholders(text) == placeholders


def test_a_prose_commands_words_are_translated_and_its_command_kept() -> None:
    paired = strip_pairs("Edit the \\emph{configuration file} to set the boundary conditions.")
    assert paired is not None
    assert paired.text == "Edit the configuration file to set the boundary conditions."
    assert [(p.opening, p.inner, p.closing) for p in paired.pairs] == [
        ("\\emph{", "configuration file", "}")
    ]
    written = place_pairs(
        paired, "Bearbeiten Sie die Konfigurationsdatei.", ["Konfigurationsdatei"]
    )
    assert written == "Bearbeiten Sie die \\emph{Konfigurationsdatei}."


def test_a_kept_commands_braces_close_no_pair() -> None:
    paired = strip_pairs("Run \\textbf{the \\texttt{fs-mesh} tool} first.")
    assert paired is not None
    assert [(p.opening, p.inner, p.closing) for p in paired.pairs] == [
        ("\\textbf{", "the \\texttt{fs-mesh} tool", "}")
    ]


def test_the_model_gets_kept_commands_as_tags_and_a_tie_stays_glued() -> None:
    line = "See Section~\\ref{sec:usage} and \\texttt{pip install x}."
    fields = [(p.start, p.end, p.text) for p in sent_as_tags(line)]
    assert [text for _, _, text in fields] == ["~\\ref{sec:usage}", "\\texttt{pip install x}"]
    tagged, aside = set_aside(line, None, fields)
    assert tagged == "See Section<x1/> and <x2/>."
    assert aside is not None
    assert aside.put_back("Siehe Abschnitt <x1/> und <x2/>.") == (
        "Siehe Abschnitt~\\ref{sec:usage} und \\texttt{pip install x}."
    )
