"""Links whose URL names a locale as a path segment (Zendesk's ``/hc/en-us/articles/1``, a
site's ``https://example.com/en/docs``): the same link on a page in another language differs
in that segment alone (``/hc/de/articles/1``), which is the translator's to change: from a
locale of the source's language (``en``, ``en-us``, ``en-GB``) to one of the target's (``de``,
``de-de``, ``de-at``; any where the target language is not known). Another pair of two-letter
segments (``/shop/tv/specs`` → ``/shop/pc/specs``; ``/hc/en-us/`` → ``/hc/fr/`` on a German
page) is another link. A translation that links so to the target language's page (a memory's
``/hc/de/``) keeps its URLs in the source's tag (:func:`with_urls_of`), which qa's memory check
then finds as the memory has it."""

from __future__ import annotations

import re
from collections import Counter

# a language tag as a URL's path segment writes it: en, de, en-us, pt_BR, zh-hans
_LOCALE = re.compile(r"[a-z]{2}(?:[-_](?:[a-z]{2}|[a-z]{4}))?", re.IGNORECASE)
# a URL-valued attribute of a tag as written
_URL_VALUE = re.compile(r"""(\s(?:href|src|action|cite)\s*=\s*["']?)([^"'\s>]*)""", re.IGNORECASE)


def same_but_locale(
    tag: str, other: str, source_language: str = "en", target_language: str | None = None
) -> bool:
    """Whether ``tag`` and ``other`` (two tags as written) are the same but for the locale
    segments of their URLs' paths (``<a href="/hc/en-us/articles/1">`` and ``<a
    href="/hc/de/articles/1">``), ``tag``'s of ``source_language`` and ``other``'s of
    ``target_language`` (any, where None), and differ in one at least."""
    if tag == other or _URL_VALUE.sub(r"\1", tag) != _URL_VALUE.sub(r"\1", other):
        return False
    urls = [found[2] for found in _URL_VALUE.finditer(tag)]
    others = [found[2] for found in _URL_VALUE.finditer(other)]
    return len(urls) == len(others) and all(
        _url_same_but_locale(url, another, source_language, target_language)
        for url, another in zip(urls, others, strict=True)
    )


def with_urls_of(tag: str, other: str) -> str:
    """``tag`` as written with the URLs of ``other`` (a tag :func:`same_but_locale` pairs with
    it) in place of its own, in order: ``<a class='x' href='/hc/en-us/1'>`` with ``<a
    class="x" href="/hc/de/1">``'s is ``<a class='x' href='/hc/de/1'>``."""
    urls = iter([found[2] for found in _URL_VALUE.finditer(other)])
    return _URL_VALUE.sub(lambda found: found[1] + next(urls, found[2]), tag)


def relocalised(
    lost: Counter[str],
    added: Counter[str],
    source_language: str = "en",
    target_language: str | None = None,
) -> list[tuple[str, str]]:
    """Pairs of a tag of ``lost`` and one of ``added`` that is the same but for its links'
    locale, from ``source_language``'s to ``target_language``'s (:func:`same_but_locale`),
    each tag used as often as it is counted."""
    left = Counter(added)
    pairs = []
    for tag, count in lost.items():
        for _ in range(count):
            other = next(
                (
                    o
                    for o, n in left.items()
                    if n and same_but_locale(tag, o, source_language, target_language)
                ),
                None,
            )
            if other is None:
                break
            left[other] -= 1
            pairs.append((tag, other))
    return pairs


def _url_same_but_locale(
    url: str, other: str, source_language: str, target_language: str | None
) -> bool:
    """Whether two URLs differ in locale path segments alone (or not at all), ``url``'s of
    ``source_language`` and ``other``'s of ``target_language`` (any, where None)."""
    parts, others = url.split("/"), other.split("/")
    return len(parts) == len(others) and all(
        part == another
        or (_of_language(part, source_language) and _of_language(another, target_language))
        for part, another in zip(parts, others, strict=True)
    )


def _of_language(segment: str, language: str | None) -> bool:
    """Whether ``segment`` is a locale (``en-us``, ``de``) of ``language``'s (``de-CH``'s:
    ``de``; any, where None)."""
    if not _LOCALE.fullmatch(segment):
        return False
    return language is None or _primary(segment) == _primary(language)


def _primary(locale: str) -> str:
    """A locale's language: ``en`` of ``en-US``, ``pt`` of ``pt_BR``."""
    return re.split(r"[-_]", locale, maxsplit=1)[0].casefold()
