"""A gettext template (``.pot``) beside a catalog of the target language made from it.

A WordPress plugin's ``languages/`` folder holds ``easy-booking.pot`` beside
``easy-booking-de_DE.po`` (and its ``.mo``); a GNU project's ``po/`` holds ``app.pot`` beside
``de.po``. A folder run translated the template too and wrote a German-filled ``.pot`` (its
``Language: de``) next to the real catalog (WordPress trial s76, defect 8): copied back, it
replaced the template that translators download. Such a template is no source to translate
but the one to update the catalog from, which a run then fills in place, as a single file's
run onto the catalog says (:mod:`ltmt.formats.existing_output`).
"""

from __future__ import annotations

from pathlib import Path

from ltmt.errors import InputError


def catalog_beside(template: Path, language: str) -> Path | None:
    """The PO catalog of ``language`` in the folder of ``template`` (a ``.pot``), by its
    ``Language`` header or its name (:func:`~ltmt.formats.catalog_languages.catalog_language`:
    ``easy-booking-de_DE.po``, ``de.po``), the one named after the template first; None where
    there is none (or ``template`` is no ``.pot``). A catalog that cannot be read is none: its
    own run says why."""
    from ltmt.formats.catalog_languages import catalog_language
    from ltmt.formats.common import same_language

    if template.suffix.lower() != ".pot":
        return None
    siblings = sorted(
        (path for path in template.parent.iterdir() if path.suffix.lower() == ".po"),
        key=lambda path: (not path.name.startswith(template.stem), path.name),
    )
    for path in siblings:
        try:
            declared = catalog_language(path)
        except InputError:
            continue
        if declared is not None and same_language(declared, language):
            return path
    return None


def update_route(template: Path, catalog: Path) -> str:
    """How the catalog ``catalog`` takes the new strings of ``template``: updated from it with
    msgmerge, then translated into itself (its reviewed translations kept)."""
    return (
        f"update the catalog from it (msgmerge --previous -U {catalog} {template}), then "
        f"translate the .po into itself: ltmt translate {catalog} -o {catalog}"
    )
