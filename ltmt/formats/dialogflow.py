"""Dialogflow ES agent files (an agent export's zip, unpacked), read as JSON files
(:mod:`ltmt.formats.jed` dispatches to them) and recognised by their content:

- an intent, ``intents/<name>.json``: an object with a ``name`` and ``responses``, each a list
  of ``messages``; the responses of every language are in this one file, each message with its
  ``lang``. Only the ``speech`` of a text response (``"type": "0"``) of the source language is
  text: a copy of the message with ``"lang": "de"`` and its speech translated is added after
  it (the English one kept). The intent's name, contexts, parameters, events, actions and ids
  are the agent's machinery: copied. An intent that has messages of the target language
  already is translated (with ``--overwrite`` they are made anew). Other messages (suggestion
  chips, cards) are copied and counted in a warning: translate them in the console.
- an intent's training phrases, ``intents/<name>_usersays_<lang>.json``: a list of phrases,
  each a ``data`` list of parts (``text``, and for an annotated entity value ``alias``,
  ``meta``, ``userDefined``). A phrase is one segment, its annotated parts paired tags
  (``I want a <g id="2">large</g> pizza``), so that the German words of the entity value are
  annotated; the parts are split anew from the translation, each annotated part keeping its
  ``alias``, ``meta`` and ``userDefined``. A phrase's ``id`` is its own (a UUID) in each
  language's file: the German phrase gets a new one, the same on each run (a UUID5 of the
  English id), and ``"lang"`` is the target language. A phrase whose translation lost a tag
  is written unannotated, counted in a warning.
- the agent's settings, ``agent.json`` (its ``language`` and ``supportedLanguages``), and an
  entity type's, ``entities/<name>.json`` (its ``name``, ``isEnum`` ...): no text, copied as
  written, but the target language added to ``supportedLanguages`` where the agent lacks it
  (else Dialogflow does not read the German files). A folder run of an agent writes them, and
  ``package.json``, into its output folder so (:func:`copy_settings`).
- an entity's entries, ``entities/<name>_entries_<lang>.json``: a list of ``value`` and
  ``synonyms``; the ``value`` is the reference value the agent's fulfilment receives, kept in
  English, and the synonyms (what users say) translated, duplicates dropped.

Files of one language per file (one ``_usersays_``/``_entries_`` file per language, a
phrase's id its own in each) cannot be paired with their translation by position or id, so a
memory import of one is refused; an intent file holding both languages' messages gives pairs,
a source message's speech with the next target-language message's of the same response and
type, where both have as many variations.

The layout is that of an agent export (Dialogflow ES, "Export and import agents"; described
in "Dissecting the Dialogflow agent ZIP file", botflo.com: one userSays file per locale, every
locale's responses in the intent's one file; ``agent.json`` and ``package.json``, a version alone,
beside the ``intents`` and ``entities`` folders).
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import NoPairsError
from ltmt.formats.common import atomic_write, lang_matches, written_like
from ltmt.formats.documents import FilledByKey, Unit
from ltmt.segments import PairRecord
from ltmt.wording import counted

logger = logging.getLogger(__name__)

WHAT = "a Dialogflow agent file"
_TEXT_TYPE = ("0", 0)  # a text response's message type, as exports write it
_TAG = re.compile(r'<g id="(\d+)">(.*?)</g>', re.DOTALL)


def kind(data: Any) -> str | None:
    """What Dialogflow file ``data`` (a parsed JSON file) is: ``intent``, ``usersays``,
    ``entries``, ``agent`` (``agent.json``), ``entity`` (an entity type's settings), or ``None``
    (module docstring)."""
    if isinstance(data, dict):
        if isinstance(data.get("language"), str) and isinstance(
            data.get("supportedLanguages"), list
        ):
            return "agent"
        if isinstance(data.get("name"), str) and isinstance(data.get("isEnum"), bool):
            return "entity"
        responses = data.get("responses")
        if (
            isinstance(data.get("name"), str)
            and isinstance(responses, list)
            and responses
            and all(isinstance(r, dict) and isinstance(r.get("messages"), list) for r in responses)
        ):
            return "intent"
        return None
    if not isinstance(data, list) or not data or not all(isinstance(i, dict) for i in data):
        return None
    if all(
        isinstance(item.get("data"), list)
        and all(
            isinstance(part, dict) and isinstance(part.get("text"), str) for part in item["data"]
        )
        for item in data
    ):
        return "usersays"
    if all(
        isinstance(item.get("value"), str)
        and isinstance(item.get("synonyms"), list)
        and all(isinstance(s, str) for s in item["synonyms"])
        for item in data
    ):
        return "entries"
    return None


def is_agent_folder(folder: Path) -> bool:
    """Whether ``folder`` is a Dialogflow agent export, unpacked: its ``agent.json`` beside an
    ``intents`` folder."""
    return (Path(folder) / "agent.json").is_file() and (Path(folder) / "intents").is_dir()


def copy_settings(path: Path, target: Path, tgt_lang: str) -> None:
    """A file of an agent folder with nothing to translate (``agent.json``, ``package.json``,
    an entity type's settings) written to ``target`` as it is, but ``agent.json`` with
    ``tgt_lang`` among its ``supportedLanguages`` (:meth:`DialogflowDocument.save`): a folder
    run's output zipped is an agent to import."""
    raw = Path(path).read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except ValueError:  # no JSON (a notes file beside the agent's): copied as well
        data = None
    if kind(data) == "agent":
        DialogflowDocument(Path(path), raw, data, tgt_lang=tgt_lang).save(Path(target))
    else:
        atomic_write(Path(target), raw)


def tagged(parts: list[dict[str, Any]]) -> str:
    """A phrase's ``data`` parts as one segment, each annotated part (one with an ``alias`` or
    ``meta``) a paired tag numbered by its place (``<g id="2">large</g>``)."""
    return "".join(
        f'<g id="{n}">{part["text"]}</g>' if _annotated(part) else part["text"]
        for n, part in enumerate(parts, 1)
    )


def _annotated(part: Mapping[str, Any]) -> bool:
    return bool(part.get("alias") or part.get("meta"))


def split(text: str, parts: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The parts of ``text``, a translation of the phrase of ``parts`` (:func:`tagged`): plain
    text between tags unannotated, each tag's text with its source part's ``alias``, ``meta``
    and ``userDefined``; ``None`` where the translation does not hold each tag once."""
    annotated = [str(n) for n, part in enumerate(parts, 1) if _annotated(part)]
    if sorted(found.group(1) for found in _TAG.finditer(text)) != sorted(annotated):
        return None
    out: list[dict[str, Any]] = []
    done = 0
    for found in _TAG.finditer(text):
        if found.start() > done:
            out.append({"text": text[done : found.start()], "userDefined": False})
        source = parts[int(found.group(1)) - 1]
        out.append({**source, "text": found.group(2)})
        done = found.end()
    if done < len(text):
        out.append({"text": text[done:], "userDefined": False})
    return out


def _phrase_id(source_id: Any, tgt_lang: str) -> str:
    """A translated phrase's id: its own, the same on every run (module docstring)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"dialogflow-phrase:{source_id}:{tgt_lang}"))


def _speech(message: Mapping[str, Any]) -> list[str]:
    speech = message.get("speech")
    if isinstance(speech, str):
        return [speech]
    return [s for s in speech if isinstance(s, str)] if isinstance(speech, list) else []


def _is_text(message: Any, lang: str) -> bool:
    return (
        isinstance(message, dict)
        and message.get("type", "0") in _TEXT_TYPE
        and lang_matches(str(message.get("lang", "")), lang)
        and "speech" in message
    )


class DialogflowDocument(FilledByKey):
    """A Dialogflow agent file to translate (module docstring)."""

    format = "json"

    def __init__(
        self, path: Path, raw: bytes, data: Any, src_lang: str = "en", tgt_lang: str = "de"
    ) -> None:
        self.path = Path(path)
        self.raw, self.data = raw, data
        self.kind = kind(data)
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.translations: dict[str, str] = {}
        self.overwrite = False

    def units(self) -> list[Unit]:
        units: list[Unit] = []
        if self.kind == "usersays":
            for p, phrase in enumerate(self.data):
                units.append(Unit(f"/{p}", tagged(phrase["data"])))
        elif self.kind in ("agent", "entity"):
            pass  # the agent's settings: no text
        elif self.kind == "entries":
            for e, entry in enumerate(self.data):
                for s, synonym in enumerate(entry["synonyms"]):
                    units.append(Unit(f"/{e}/synonyms/{s}", synonym, context=entry["value"]))
        else:
            for place, message in self._source_messages():
                for v, text in enumerate(_speech(message)):
                    units.append(Unit(f"{place}/speech/{v}", text))
        return [unit for unit in units if unit.source.strip()]

    def _source_messages(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The source language's text messages of the intent, by place."""
        for r, response in enumerate(self.data["responses"]):
            for m, message in enumerate(response["messages"]):
                if _is_text(message, self.src_lang):
                    yield f"/responses/{r}/messages/{m}", message

    def _translated_already(self) -> bool:
        return self.kind == "intent" and any(
            _is_text(message, self.tgt_lang)
            for response in self.data["responses"]
            for message in response["messages"]
        )

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """Every unit (a phrase, a synonym, a speech variation); none of an intent that has
        the target language's messages already, unless ``overwrite``."""
        self.overwrite = overwrite
        if self._translated_already() and not overwrite:
            return []
        return self.units()

    def save(self, out_path: Path) -> None:
        if self.kind == "entity" or (self.kind == "agent" and self._supports_target()):
            atomic_write(Path(out_path), self.raw)  # as written
            return
        if self.kind == "agent":
            languages = [*self.data["supportedLanguages"], self.tgt_lang]
            data: Any = {**self.data, "supportedLanguages": languages}
        elif self.kind == "usersays":
            data = self._phrases()
        elif self.kind == "entries":
            data = self._entries()
        else:
            data = self._intent()
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        atomic_write(Path(out_path), written_like(self.raw, text))

    def _supports_target(self) -> bool:
        """Whether ``agent.json`` names the target language: its ``language`` or one of its
        ``supportedLanguages``."""
        named = [self.data["language"], *self.data["supportedLanguages"]]
        return any(lang_matches(str(lang), self.tgt_lang) for lang in named)

    def _phrases(self) -> list[dict[str, Any]]:
        phrases, lost = [], 0
        for p, phrase in enumerate(self.data):
            text = self.translations.get(f"/{p}")
            if text is None:
                continue  # (left out: its source is no text)
            parts = split(text, phrase["data"])
            if parts is None:
                lost += 1
                parts = [{"text": _TAG.sub(r"\2", text), "userDefined": False}]
            out = {**phrase, "data": parts, "lang": self.tgt_lang}
            if "id" in phrase:
                out["id"] = _phrase_id(phrase["id"], self.tgt_lang)
            phrases.append(out)
        if lost:
            logger.warning(
                "%s: %s lost an entity annotation in translation and %s written unannotated: "
                "annotate them in the Dialogflow console",
                self.path,
                counted(lost, "training phrase"),
                "is" if lost == 1 else "are",
            )
        return phrases

    def _entries(self) -> list[dict[str, Any]]:
        entries = []
        for e, entry in enumerate(self.data):
            synonyms = [
                self.translations.get(f"/{e}/synonyms/{s}", synonym)
                for s, synonym in enumerate(entry["synonyms"])
            ]
            entries.append({**entry, "synonyms": list(dict.fromkeys(synonyms))})
        return entries

    def _intent(self) -> dict[str, Any]:
        if not self.translations:
            return self.data  # (translated already: as it is)
        others = 0
        responses = []
        for r, response in enumerate(self.data["responses"]):
            messages: list[Any] = []
            for m, message in enumerate(response["messages"]):
                if self.overwrite and _is_text(message, self.tgt_lang):
                    continue  # made anew below, from the source's
                messages.append(message)
                place = f"/responses/{r}/messages/{m}"
                if _is_text(message, self.src_lang):
                    messages.append(self._translated_message(place, message))
                elif isinstance(message, dict) and lang_matches(
                    str(message.get("lang", "")), self.src_lang
                ):
                    others += 1
            responses.append({**response, "messages": messages})
        if others:
            logger.warning(
                "%s: %s of another type than text (suggestion chips, cards) kept in English "
                "only: translate them in the Dialogflow console",
                self.path,
                counted(others, "response message"),
            )
        return {**self.data, "responses": responses}

    def _translated_message(self, place: str, message: dict[str, Any]) -> dict[str, Any]:
        speech = message["speech"]
        texts = [speech] if isinstance(speech, str) else list(speech)
        done = [
            self.translations.get(f"{place}/speech/{v}", text) if isinstance(text, str) else text
            for v, text in enumerate(texts)
        ]
        return {
            **message,
            "lang": self.tgt_lang,
            "speech": done[0] if isinstance(speech, str) else done,
        }


def read_pairs(
    path: Path,
    data: Any,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    **_: Any,
) -> Iterator[PairRecord]:
    """The pairs of the Dialogflow intent file ``path`` (its parsed ``data``): each source
    message's speech beside the next target-language message's of its response (module
    docstring); a training phrase or entries file is a :class:`NoPairsError` (a folder import
    skips it)."""
    src, tgt = src_lang or "en", tgt_lang or "de"
    if kind(data) in ("agent", "entity"):
        raise NoPairsError(f"{path}: a Dialogflow agent's settings hold no text to import")
    if kind(data) != "intent":
        raise NoPairsError(
            f"{path}: Dialogflow training phrases and entity entries of two languages are not "
            "aligned (each language's file has its own phrases): import the intent files, "
            "whose responses hold both languages, or a TSV of pairs"
        )
    pairs: list[PairRecord] = []
    for r, response in enumerate(data["responses"]):
        messages = response["messages"]
        targets = [m for m in messages if _is_text(m, tgt)]
        for m, message in enumerate(messages):
            if not _is_text(message, src) or not targets:
                continue
            target = targets.pop(0)
            sources, texts = _speech(message), _speech(target)
            if len(sources) != len(texts):
                continue
            for v, (source, text) in enumerate(zip(sources, texts, strict=True)):
                if source.strip() and text.strip():
                    where = f"{path}: /responses/{r}/messages/{m}/speech/{v}"
                    pairs.append(PairRecord(source, text, where, {}))
    return iter(pairs)
