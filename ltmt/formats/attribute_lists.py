"""An attribute list, the ``{ ... }`` that Python-Markdown's ``attr_list``, Pandoc, kramdown
and MkDocs attach to the element before it: ``{#known-issues}`` at a heading's end,
``{ .md-button }`` glued to a link, ``{: .lead }`` on a line of its own. Its own module, as
a Markdown page (:mod:`ltmt.formats.markdown_extensions`) and a catalog string's Markdown
(:mod:`ltmt.formats.markdown_link_marks`) both read it.
"""

from __future__ import annotations

import re

# one attribute of an attribute list: #id, .class, key=value, or Pandoc's "-" (unnumbered)
_ATTRIBUTE = r"""(?:[#.][^\s{}]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"']+)|-)"""
# kramdown's, after "{:", may name an attribute list defined elsewhere ({:toc}, {: lead .x})
_KRAMDOWN_ATTRIBUTE = rf"(?:{_ATTRIBUTE}|[A-Za-z][\w-]*)"
ATTRIBUTE_LIST = re.compile(
    rf"(?:\{{:[ \t]*{_KRAMDOWN_ATTRIBUTE}(?:[ \t]+{_KRAMDOWN_ATTRIBUTE})*[ \t]*\}}"
    rf"|\{{[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}})"
)
