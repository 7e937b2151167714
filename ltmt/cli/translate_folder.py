"""``ltmt translate FOLDER -o OUT``: every file of a folder a format knows, translated into the
same place under OUT, with one model load (``res/values`` → ``res/values-de``, ``en.lproj`` →
``de.lproj``, ``_locales/en`` → ``_locales/de``).

The files are found by their extensions, in the folder and below it (hidden ones and Office's
owner files left out: :func:`~ltmt.formats.folders.files_in`);
files of no known format, and files with nothing to translate (an Android ``colors.xml``),
are skipped and counted (but in a Dialogflow agent's folder, where they are copied into the
output folder: :func:`~ltmt.formats.dialogflow.copy_settings`), as are catalogs of another
language pair (``fr.po`` beside ``de.po``)
and .NET resources and Java bundles named for another language than the source's
(``Strings.fr.resx`` beside ``Strings.resx``), whose translations are named for the target
language (``Strings.de.resx``: :func:`~ltmt.formats.path_languages.translation_name`; but a
``.properties`` file in a folder named for the source locale keeps its name, as Mozilla's
``en-US/tabbrowser.properties`` → ``de/tabbrowser.properties``: ``named_by_folder``);
skipped files that LibreOffice converts into a format ltmt translates (a ``.doc``) are named
with the command that does it (:func:`~ltmt.cli.folder_skipped.conversion_hints`).
A folder translated into itself (``config/locales -o config/locales``) where it keeps each
locale's message file beside the source language's has each source-language file translated
into the target locale's name beside it, and its PO and XLIFF catalogs of the target language
filled in place (:func:`_prepare_beside`); where it holds no such files, its Markdown pages
are translated beside themselves, ``index.md`` into ``index.de.md``
(:mod:`~ltmt.cli.translate_pages`: MkDocs' i18n suffix layout); any other output folder
inside the input one is refused.
Every file is checked, as one file is, before the model loads: malformed or unreadable ones
(binary, UTF-16) stop the run before anything is translated, all named in one error; a file
that is well-formed but no message file of its format (a JSON or YAML file whose top level is
a list of strings: :class:`~ltmt.errors.NotMessageFileError`) is skipped, with a warning that
names it and why, and counted.

An Xcode localization catalog (``de.xcloc -o de-translated.xcloc``, or the bundles in a folder
Xcode exported) has the XLIFF of its ``Localized Contents`` translated and its other files
copied as they are, so that Xcode imports the output; a bundle for another target language is
skipped (the one given as the input is an error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.cli.folder_skipped import unread_kind_hints
from ltmt.cli.json_output import warn
from ltmt.cli.translate_job import Job, prepare
from ltmt.errors import InputError, LanguageError, NotMessageFileError
from ltmt.formats.formatjs_ast import CompiledAstError
from ltmt.paths import resolved
from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from ltmt.formats.xcloc import XclocBundle


@dataclass
class FolderJob:
    """A folder's files to translate (``jobs``), those copied as they are (``copies``: the
    members of an Xcode bundle other than its strings, ``(source, target)``) and those
    skipped, by why."""

    folder: Path
    output: Path
    jobs: list[Job] = field(default_factory=list)
    copies: list[tuple[Path, Path]] = field(default_factory=list)
    unknown: list[Path] = field(default_factory=list)  # no format knows them
    empty: list[Job] = field(default_factory=list)  # nothing to translate
    other_language: list[Path] = field(default_factory=list)  # another pair (fr.po beside de.po)
    other_locales: list[str] = field(default_factory=list)  # app_de.arb beside app_en.arb
    # into another folder: the target language's translations beside their sources
    # (Strings.de.resx beside Strings.resx, de.yml beside en.yml)
    target_language: list[Path] = field(default_factory=list)
    not_messages: list[Path] = field(default_factory=list)  # into itself: application.properties
    no_locale: list[Path] = field(default_factory=list)  # into its own folder: config.yml
    not_pages: list[Path] = field(default_factory=list)  # Markdown into itself: overrides/x.html
    # into its own folder: PO/XLIFF catalogs of no target language (Angular's messages.xlf)
    templates: list[Path] = field(default_factory=list)
    # into another folder: gettext templates beside a catalog of the target language made from
    # them (easy-booking.pot beside easy-booking-de_DE.po), ``(template, catalog)``
    templates_beside: list[tuple[Path, Path]] = field(default_factory=list)
    bundles: list[Path] = field(default_factory=list)  # Xcode bundles translated
    other_bundles: list[Path] = field(default_factory=list)  # Xcode bundles of another language
    # a folder of each language's folders (i18next's locales/en, locales/de): the files of
    # those of other languages than the source's, which hold translations, not sources
    language_folders: list[Path] = field(default_factory=list)
    # Android's values-de, values-fr, values-night beside values: not sources
    qualified: list[Path] = field(default_factory=list)
    # Android's layout/, drawable/ XML in a res folder: no string resources
    not_strings: list[Path] = field(default_factory=list)
    # a WebExtension's manifest.json: its text lives in _locales/*/messages.json
    manifests: list[Path] = field(default_factory=list)
    # a UI5 app's manifest.json: its texts live in i18n/i18n.properties
    ui5_manifests: list[Path] = field(default_factory=list)
    # npm's package.json: commands and settings, no text to translate
    npm_manifests: list[Path] = field(default_factory=list)
    # FormatJS compiled AST (formatjs compile --ast): its extracted messages are translated
    compiled_ast: list[Path] = field(default_factory=list)
    # of a known format, but no message file of it: a JSON file whose top level is a list of
    # strings
    not_read: list[Path] = field(default_factory=list)
    # a Dialogflow agent's files with nothing to translate (agent.json, package.json): written
    # into the output folder, which is an agent to import only with them
    agent_settings: list[Job] = field(default_factory=list)


def is_folder(file: str) -> bool:
    return file != "-" and Path(file).is_dir()


def prepare_folder(
    file: str,
    fmt: str | None,
    output: str | None,
    learn: Path | None,
    src_lang: str | None,
    tgt_lang: str | None,
    model: str | None,
) -> FolderJob:
    """The folder's files checked, each as :func:`~ltmt.cli.translate_job.prepare` checks one
    file, before the model loads. An Xcode localization catalog (``de.xcloc``, the folder or
    one in it) has its ``Localized Contents`` translated and the rest copied
    (:mod:`ltmt.formats.xcloc`); one for another language is skipped."""
    from ltmt.cli.translate_job import _warn_if_named_for_another_language, job_languages
    from ltmt.formats.android_res import (
        android_qualifier,
        in_qualified_values,
        is_res_folder,
        no_string_resources,
        values_translation,
    )
    from ltmt.formats.arb_locale import translation_not_source
    from ltmt.formats.common import same_language
    from ltmt.formats.dialogflow import is_agent_folder
    from ltmt.formats.existing_output import ExistingOutputError
    from ltmt.formats.folders import files_in, format_of, refuse_format
    from ltmt.formats.locale_files import (
        base_named,
        beside_name,
        file_locale,
        names_locale,
        written_locale,
    )
    from ltmt.formats.npm_manifest import is_npm_manifest_file
    from ltmt.formats.path_languages import (
        named_by_folder,
        resw_locale,
        resw_translation,
        satellite_language,
        translation_name,
    )
    from ltmt.formats.po_templates import catalog_beside
    from ltmt.formats.ui5_manifest import is_ui5_manifest_file
    from ltmt.formats.webextension import is_manifest_file
    from ltmt.formats.xcloc import BundlesIn, XclocBundle, check_output_name, is_bundle

    folder = Path(file)
    refuse_format(fmt)
    if learn is not None:
        raise InputError("--learn works with one plain-text file, not a folder")
    if output in (None, "-"):
        if is_bundle(folder):
            raise InputError(
                f"{folder} is an Xcode localization catalog: give --output for the translated "
                f"bundle, which Xcode imports (for example -o {folder.stem}-translated.xcloc); "
                "the input is never overwritten"
            )
        if is_res_folder(folder):  # values/ into values-de/ beside it, where Android reads it
            qualifier = android_qualifier(job_languages(src_lang, tgt_lang, model)[1])
            raise InputError(
                f"{folder} is a folder: give --output FOLDER for its translations (for example "
                f"-o {folder}, which writes values/ translated into values-{qualifier}/ "
                "beside it); the input is never overwritten"
            )
        raise InputError(
            f"{folder} is a folder: give --output FOLDER for its translations (for example "
            "-o res/values-de); the input is never overwritten"
        )
    out = Path(output)
    src, tgt, _ = job_languages(src_lang, tgt_lang, model)
    # Android's res into itself: values/ translated into values-de/ beside it, which is no source
    into_res = resolved(out) == resolved(folder) and is_res_folder(folder)
    if resolved(out) == resolved(folder) and not is_bundle(folder) and not into_res:
        beside = _prepare_beside(folder, src, tgt, (src_lang, tgt_lang, model))
        if beside is not None:
            return beside
    if not into_res:
        _check_output_folder(folder, out, src, tgt)
    _warn_if_named_for_another_language(out, tgt, folder=True)
    if is_bundle(folder):
        check_output_name(folder, out)
        _check_bundle_languages(XclocBundle.open(folder), src, tgt)
    found = FolderJob(folder, out)
    refusals: list[str] = []  # each malformed or unreadable file's error, said together
    existing: list[Path] = []  # outputs a run would replace (a PO of an earlier run)
    language_error = ""  # the first file's of another pair, said if no file is translated
    bundles = BundlesIn(folder)
    for path in files_in(folder):
        target = out / path.relative_to(folder)
        bundle = bundles.of(path)
        if bundle is not None:
            if not bundle.translates(src, tgt):
                if bundle.path not in found.other_bundles:
                    found.other_bundles.append(bundle.path)
                continue
            if bundle.path not in found.bundles:
                found.bundles.append(bundle.path)
            if not bundle.is_localized(path):
                found.copies.append((path, target))
                continue
        spec = format_of(path, "document")
        if spec is None:
            found.unknown.append(path)
            continue
        if (catalog := catalog_beside(path, tgt)) is not None:  # German was written into it
            found.templates_beside.append((path, catalog))
            continue
        if is_manifest_file(path):  # translated, its settings stop the extension from loading
            found.manifests.append(path)
            continue
        if is_ui5_manifest_file(path):  # its texts live in i18n/i18n.properties
            found.ui5_manifests.append(path)
            continue
        if is_npm_manifest_file(path):  # translated, npm start runs "Elektronen."
            found.npm_manifests.append(path)
            continue
        if arb := translation_not_source(path, src):
            found.other_locales.append(arb)
            continue
        if in_qualified_values(folder, path.relative_to(folder)):
            found.qualified.append(path)
            continue
        if no_string_resources(folder, path.relative_to(folder)):
            found.not_strings.append(path)  # res/layout/activity_main.xml
            continue
        if satellite := _satellite(path, src):
            if satellite_language(path, tgt) is None:  # Strings.de.resx: German already
                found.target_language.append(path)
                continue
            found.other_language.append(path)  # Strings.fr.resx beside Strings.resx
            language_error = language_error or satellite
            continue
        name = path.relative_to(folder)
        locale = file_locale(path, src) if names_locale(path) else resw_locale(name)
        if locale is not None and not same_language(locale, src):
            if same_language(locale, tgt):
                found.target_language.append(path)  # de.yml beside en.yml
            else:
                found.other_locales.append(f"{name}: {locale}")  # fr.yml beside en.yml
            continue
        if spec.one_language_file(path) and _in_other_language_folder(folder, name, src):
            found.language_folders.append(path)  # locales/de/common.json beside locales/en
            continue
        # en.yml → OUT/de.yml, app_en.arb → OUT/app_de.arb, messages_en.properties →
        # OUT/messages_de.properties (German was written into OUT/en.yml ...); a bundle whose
        # name ends in another code (db_ha.properties) keeps its name, as the folder's others
        written = written_locale(path) if locale else None
        renamed = locale is not None and (
            not base_named(path) or (written is not None and same_language(written, src))
        )
        if resw_locale(name):  # Strings/en-US/Resources.resw → OUT/de-DE/Resources.resw
            target = out / resw_translation(name, tgt)
        elif android := values_translation(folder, name, tgt):  # res/values → OUT/values-de
            target = out / android
        elif renamed:
            target = out / beside_name(path, tgt).relative_to(folder)
        elif named_by_folder(Path(resolved(folder).name) / name, src):  # Mozilla's en-US/
            target = out / name
        else:
            target = out / translation_name(name, tgt)
        try:
            job = prepare(
                str(path), None, str(target), None, src_lang, tgt_lang, model,
                output_folder_made=True,
            )  # fmt: skip
        except ExistingOutputError as error:
            existing.append(error.path)  # said apart: nothing is wrong with the file
            continue
        except (CompiledAstError, NotMessageFileError) as error:  # the others are translated
            _skip_unreadable(found, path, error)
            continue
        except InputError as error:
            if not isinstance(error, LanguageError) and not isinstance(
                error.__cause__, LanguageError
            ):
                refusals.append(str(error))  # the next files are checked too
                continue
            found.other_language.append(path)  # fr.po beside de.po
            language_error = language_error or str(error)
            continue
        if job.has_text:
            found.jobs.append(job)
        elif bundle is not None:  # a bundle is imported whole: its strings file too
            found.copies.append((path, target))
        else:
            found.empty.append(job)
    if existing:
        refusals.append(_existing_outputs(out, existing))
    if refusals:
        raise _refused_files(folder, refusals)
    _one_source_per_output(found, src)
    # values-de/strings.xml that values/strings.xml is translated into is the run's output
    outputs = {resolved(Path(job.output or "")) for job in (*found.jobs, *found.empty)}
    found.qualified = [path for path in found.qualified if resolved(path) not in outputs]
    if not found.jobs:
        raise _nothing_to_translate(found, tgt, language_error)
    if is_agent_folder(folder):  # zipped, the output is an agent to import only with them
        found.agent_settings, found.empty = found.empty, []
    _warn_of_outputs_named_for_other_languages(found, src, tgt)
    return found


def _skip_unreadable(
    found: FolderJob, path: Path, error: CompiledAstError | NotMessageFileError
) -> None:
    """Note ``path``, a file of a known format that a folder run skips: FormatJS compiled AST
    (``en.compiled.json`` beside ``en.json``), or no message file of its format (a JSON file
    whose top level is a list of strings), which is warned of here."""
    if isinstance(error, CompiledAstError):
        found.compiled_ast.append(path)
        return
    found.not_read.append(path)
    warn(error.skipped())


def _prepare_beside(
    folder: Path, src: str, tgt: str, options: tuple[str | None, str | None, str | None]
) -> FolderJob | None:
    """``ltmt translate FOLDER -o FOLDER``: each message file of ``folder`` named for the
    source language (``en.yml``, ``app_en.arb``, Java's base bundle ``messages.properties``)
    translated into the file named for ``tgt`` beside it, an existing one continued as a
    file's run continues it (:mod:`~ltmt.formats.locale_files`); files of other locales,
    of a locale their names do not tell, and others (Spring's ``application.properties``, a
    template) skipped; PO and XLIFF catalogs of ``tgt`` (Django's ``de/LC_MESSAGES/django.po``)
    filled in place, as ``translate FILE -o FILE`` fills them; where it holds neither nor any
    message file of another locale, its Markdown pages beside themselves
    (:func:`~ltmt.cli.translate_pages.prepare_pages_beside`). None where it holds none."""
    from ltmt.formats.catalog_languages import is_template
    from ltmt.formats.common import same_language
    from ltmt.formats.folders import files_in, format_of
    from ltmt.formats.locale_files import beside_name, file_locale, names_locale
    from ltmt.formats.path_languages import other_language_named
    from ltmt.formats.po_templates import catalog_beside

    found = FolderJob(folder, folder)
    sources: list[Path] = []
    catalogs: list[Path] = []
    others: dict[Path, str] = {}  # of another locale: fr.yml, or de.yml that en.yml continues
    for path in files_in(folder):
        name = path.relative_to(folder)
        spec = format_of(path, "document")
        if spec is None:
            found.unknown.append(path)
        elif spec.in_place and path.suffix.lower() != ".pot" and is_template(path):
            found.templates.append(path)  # Angular's messages.xlf: German was written into it
        elif spec.in_place and path.suffix.lower() != ".pot":  # a catalog, no template
            # Django's de/LC_MESSAGES/django.po is filled in place; fr/LC_MESSAGES/django.po
            # and Symfony's messages.en.xlf are of another language pair
            named = other_language_named(path, tgt)
            (found.other_language if named else catalogs).append(path)
        elif (catalog := catalog_beside(path, tgt)) is not None:  # the one to msgmerge from
            found.templates_beside.append((path, catalog))
        elif not names_locale(path):
            found.not_messages.append(path)
        elif (locale := file_locale(path, src)) is None:
            found.no_locale.append(path)
        elif not same_language(locale, src):
            others[path] = f"{name}: {locale}"
        else:
            sources.append(path)
    if not sources and not catalogs:
        if others or found.templates or found.other_language:
            return None  # message files of other languages: no folder of pages
        from ltmt.cli.translate_pages import prepare_pages_beside

        return prepare_pages_beside(folder, src, tgt, options)
    refusals: list[str] = []
    for path in [*sources, *catalogs]:
        target = path if path in catalogs else beside_name(path, tgt)
        try:
            job = prepare(str(path), None, str(target), None, *options, output_folder_made=True)
        except (CompiledAstError, NotMessageFileError) as error:  # the others are translated
            _skip_unreadable(found, path, error)
            continue
        except InputError as error:
            if path in catalogs and (
                isinstance(error, LanguageError) or isinstance(error.__cause__, LanguageError)
            ):
                found.other_language.append(path)  # a French catalog beside the German
                continue
            refusals.append(str(error))  # the next files are checked too
            continue
        (found.jobs if job.has_text else found.empty).append(job)
    return finished_beside(found, refusals, others, src, tgt)


def finished_beside(
    found: FolderJob, refusals: list[str], others: dict[Path, str], src: str, tgt: str
) -> FolderJob:
    """``found``, a folder translated into itself, checked whole: its files' ``refusals`` said
    together; the files of other locales (``others``, each with its words) named as skipped but
    for those the run continues as its outputs (``de.yml`` that ``en.yml`` is translated into);
    one source for each output (:func:`_one_source_per_output`); something to translate."""
    if refusals:
        raise _refused_files(found.folder, refusals)
    # the target's file a source continues is this run's output, not a file it skipped
    outputs = {resolved(Path(job.output or "")) for job in (*found.jobs, *found.empty)}
    found.other_locales = [said for path, said in others.items() if resolved(path) not in outputs]
    _one_source_per_output(found, src)
    if not found.jobs:
        raise _nothing_to_translate(found, tgt, "")
    return found


def _one_source_per_output(found: FolderJob, src: str) -> None:
    """Of the files translated into one output (``en.yml`` and ``en-GB.yml`` both into
    ``de.yml``: the second overwrote the first's translation), the one named closest to the
    source language is kept and the others are skipped as translations of it (``en-GB.yml: en-GB``),
    the base bundle or neutral file first (``messages.properties`` before
    ``messages_en.properties``, ``Strings.resx`` before ``Strings.en.resx``: the German of
    both was refused); files named equally close are refused, naming the two and how to
    translate one alone."""
    from ltmt.formats.common import language_fit
    from ltmt.formats.locale_files import names_locale, written_locale

    def fit(job: Job) -> tuple[int, bool]:
        assert job.path is not None
        locale = written_locale(job.path) if names_locale(job.path) else None
        return language_fit(locale or src, src) or 0, locale is not None

    by_output: dict[str, list[Job]] = {}
    for job in (*found.jobs, *found.empty):
        by_output.setdefault(str(resolved(Path(job.output or ""))), []).append(job)
    for jobs in by_output.values():
        if len(jobs) < 2:
            continue
        ranked = sorted(jobs, key=fit)
        best, second = ranked[:2]
        if fit(best) == fit(second):
            raise InputError(
                f"{best.path} and {second.path} would both be translated into {best.output}; "
                f"move one aside, or translate it alone: ltmt translate {second.path} -o FILE"
            )
        for job in ranked[1:]:
            assert job.path is not None
            found.other_locales.append(
                f"{job.path.relative_to(found.folder)}: {written_locale(job.path) or src}"
            )
            for kept in (found.jobs, found.empty):
                kept[:] = [other for other in kept if other is not job]


def _in_other_language_folder(folder: Path, name: Path, src: str) -> bool:
    """Whether ``name`` (a file's path relative to ``folder``) lies in a folder named for
    another language than ``src`` (:func:`~ltmt.formats.path_languages.language_folder`:
    ``de/common.json`` in ``locales``, ``de.lproj/Localizable.strings``)."""
    from ltmt.formats.common import same_language
    from ltmt.formats.path_languages import language_folder

    named = language_folder(name, resolved(folder).name)
    return named is not None and not same_language(named[1], src)


def _satellite(path: Path, src: str) -> str:
    """Why ``path`` is skipped as another language's translation beside its source-language
    file (``Strings.fr.resx``, ``Messages_fr.properties``), or "" where it is none."""
    from ltmt.formats.path_languages import satellite_language
    from ltmt.language_detection import language_name

    named = satellite_language(path, src)
    if named is None:
        return ""
    return (
        f"{path} is named for {language_name(named)} ({named}), a translation of the "
        f"{language_name(src)} file beside it; translate that one"
    )


def _existing_outputs(out: Path, existing: list[Path]) -> str:
    """Why a run into ``out`` again writes nothing: its ``existing`` outputs (PO catalogs of an
    earlier run, which hold both languages) may hold reviewed translations, which a run into
    them would replace; each is continued by filling it in place, as a file's run is."""
    first = existing[0]
    return (
        f"{out} holds {counted(len(existing), 'catalog')} already, which may hold reviewed "
        f"translations that this run would replace ({first_few(existing)}); continue each by "
        f"filling it in place (ltmt translate {first} -o {first}), or give a new output folder"
    )


def _refused_files(folder: Path, refusals: list[str]) -> InputError:
    """The one error of a folder with files that cannot be translated (``refusals``: each
    one's error): every one is named, so that one run shows all there is to fix (the first
    stopped the run, and the next was found once it was fixed)."""
    if len(refusals) == 1:
        return InputError(refusals[0])
    return InputError(
        f"{folder}: {len(refusals)} files cannot be translated, so none was; fix or move them "
        f"and translate the folder again: {' | '.join(refusals)}"
    )


def _nothing_to_translate(found: FolderJob, tgt: str, language_error: str) -> InputError:
    """The error for a folder with no file to translate, led by the language mismatch where
    files or Xcode bundles were of other languages: that, not a missing file, is what to fix
    (a ``fr.xcloc``, or a bundle whose XLIFF says another language than its manifest)."""
    folder = found.folder
    if found.other_bundles:
        names = ", ".join(path.name for path in found.other_bundles)
        return InputError(
            f"{folder}: its Xcode bundles are for other languages than {tgt} ({names}), and "
            f"nothing else in it is to be translated; give a model for their languages with "
            f"--model, or export the bundles for {tgt} from Xcode"
        )
    if language_error:
        return InputError(f"{folder}: its files are of another language pair: {language_error}")
    if found.language_folders:  # locales/de alone: German's folder, with no English one
        names = first_few(path.relative_to(folder) for path in found.language_folders)
        return InputError(
            f"{folder}: no file to translate in it; its files are in other languages' folders "
            f"than the source's ({names}): translations, not sources; give the folder of "
            "the source language's files, or its language with --src-lang"
        )
    if unread := unread_kind_hints(found):  # AsciiDoc pages: what to translate instead
        return InputError(f"{folder}: no file to translate in it; {'; '.join(unread)}")
    return InputError(
        f"{folder}: no file to translate in it (files of a known format with text: .po, "
        f".xliff, .ts, strings.xml, .properties, .json, .strings, .yml, .ftl, .md, .html, "
        f".epub, .docx, .pptx, .xlsx, .srt, .xcloc ...)"
    )


def _warn_of_outputs_named_for_other_languages(found: FolderJob, src: str, tgt: str) -> None:
    """Warn, once for the folder, of its translations whose paths name another language than
    ``tgt`` (``locales/en/common.json``, ``app_en.arb``, Android's default ``values``): a
    folder run writes each file at its place under the output folder, so a project's source
    files given whole keep their language's names, where the app loads them for that
    language (:func:`~ltmt.formats.path_languages.other_language_files`)."""
    from ltmt.formats.locale_files import file_locale, names_locale
    from ltmt.formats.path_languages import ends_in_own_name, other_language_files
    from ltmt.language_detection import language_name

    def own_name(path: Path) -> bool:  # db_ha.properties, is.json alone, it.yml rooted in en:
        if names_locale(path) and not ends_in_own_name(path):
            return file_locale(path, src) is None
        return ends_in_own_name(path)

    outputs = {Path(str(job.output)).relative_to(found.output): job.path for job in found.jobs}
    own_names = [output for output, path in outputs.items() if path is not None and own_name(path)]
    named = other_language_files(outputs, tgt, own_names, resolved(found.folder).name)
    if named:
        language = language_name(tgt)
        warn(
            f"{counted(len(named), f'{language} translation')} would keep a path "
            f"named for another language, where the app shows them to its users: "
            f"{first_few(named)}; translate each language's folder or file into the {language} "
            f"one instead (for example locales/en -o locales/{tgt}, res/values -o "
            f"res/values-{tgt})"
        )


def _check_bundle_languages(bundle: XclocBundle, src: str, tgt: str) -> None:
    from ltmt.formats.xcloc import MANIFEST

    if not bundle.translates(src, tgt):
        pair = f"{bundle.source_locale or '?'}→{bundle.target_locale}"
        raise InputError(
            f"{bundle.path} is an Xcode bundle for {pair} (its {MANIFEST}), but this run "
            f"translates {src}→{tgt}; give a model for its languages with --model, or export "
            f"the bundle for {tgt} from Xcode"
        )


def _check_output_folder(folder: Path, out: Path, src: str, tgt: str) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"--output {out} is a file; a folder is translated into a folder")
    if not out.parent.is_dir():
        raise InputError(
            f"cannot write into {out}: directory {out.parent} does not exist; create it first"
        )
    inside, source = resolved(out), resolved(folder)
    if inside == source or source in inside.parents:
        where = "is the folder itself" if inside == source else f"is inside the folder {folder}"
        raise InputError(
            f"--output {out} {where}; give a folder beside it "
            f"(its translations would be translated again){_template_beside(folder, src, tgt)}"
            f"{_res_into_itself(folder, tgt)}{_language_folder_beside(folder, src, tgt)}"
        )


def _language_folder_beside(folder: Path, src: str, tgt: str) -> str:
    """How a folder of one folder per language (i18next's ``locales/en/``, ``locales/de/``) is
    translated: its ``src`` folder into the ``tgt`` one beside it, or "" where it has no
    folder named ``src``."""
    source = folder / src
    if not source.is_dir():
        return ""
    return (
        f"; or translate its {src} folder into the {tgt} one beside it: "
        f"ltmt translate {source.as_posix()} -o {(folder / tgt).as_posix()}"
    )


def _res_into_itself(folder: Path, tgt: str) -> str:
    """How an Android resource folder is translated into itself (``values`` into
    ``values-de`` beside it: ``-o res/values-de`` was refused as inside ``res``), or ""."""
    from ltmt.formats.android_res import android_qualifier, is_res_folder

    if not is_res_folder(folder):
        return ""
    return (
        f"; or translate it into itself (-o {folder}), which writes values/ translated into "
        f"values-{android_qualifier(tgt)}/ beside it"
    )


def _template_beside(folder: Path, src: str, tgt: str) -> str:
    """How a Flutter project's ARB template (of language ``src``) in ``folder`` is translated
    into ``tgt`` beside itself (a file at a time: its translations are not sources), or ""."""
    from ltmt.formats.arb_locale import translation_not_source
    from ltmt.formats.locale_files import beside_name

    arb = sorted(folder.glob("*.arb"))
    templates = [path for path in arb if not translation_not_source(path, src)]
    if not templates:
        return ""
    template = templates[0]
    return (
        "; an ARB template is translated beside itself as a file: "
        f"ltmt translate {template} -o {beside_name(template, tgt)}"
    )
