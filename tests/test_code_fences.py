"""Which lines of a text are fenced code."""

from __future__ import annotations

import pytest

from ltmt.code_fences import fence_after, fenced_code_lines


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        (["```"], {0}),
        (["```python"], {0}),
        (["Run this:", "```", "npm install", "```", "Thanks!"], {1, 2, 3}),
        (["```bash", "npm install", "npm run build", "````"], {0, 1, 2, 3}),
        # a fence opened and not closed: its line only; the prose after it is prose
        (["```", "Then restart the app."], {0}),
        # a closing fence of the other character, or shorter, closes nothing
        (["````", "make", "```", "````"], {0, 1, 2, 3}),
        (["```", "make", "~~~"], {0}),
        # tildes in a text that is no Markdown document draw a banner or a rule (session 63)
        (["~~~ Note ~~~", "Please read the manual carefully.", "~~~~~~~~~~~~"], set()),
        (["~~~Welcome~~~"], set()),
        (["  ~~~ c++", "make", "~~~"], set()),
        # backticks that are no fence: inline code, fewer than three, indented as code
        (["``` code ``` here", "Use `make`."], set()),
        (["``", "    ```"], set()),
    ],
)
def test_fenced_code_lines(lines: list[str], code: set[int]) -> None:
    assert fenced_code_lines(lines) == code


def test_fence_after_opens_and_closes_a_block() -> None:
    assert fence_after("```python", None) == "```"
    assert fence_after("text", "```") == "```"
    assert fence_after("~~~", "```") == "```"
    assert fence_after("````  ", "```") is None
    assert fence_after("text", None) is None
