"""What the server's endpoints call: the store, the keys, the model behind its batcher.

:class:`Service` is built once per server process. It loads the model once, opens the memory
store once, and starts one decoding thread (:class:`~ltmt.server.batching.Batcher`) that owns
the model; endpoints never decode on the event loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ltmt.errors import ChoiceError, ConfigError
from ltmt.fusion.registry import FUSION_NAMES
from ltmt.memory.keys import KeyRing
from ltmt.memory.store import Memory
from ltmt.model.backbone import Backbone, load_backbone
from ltmt.segments import Translation
from ltmt.server.auth import FAILURES, Authenticator, FailureLimiter
from ltmt.server.batching import Batcher, Preferences
from ltmt.server.config import ServerConfig
from ltmt.server.disconnects import Cancellation
from ltmt.server.downloads import FOLDER as DOWNLOADS
from ltmt.server.downloads import Downloads
from ltmt.server.file_slots import FOLDER as FILE_SLOTS
from ltmt.server.file_slots import FileSlots
from ltmt.server.request_warnings import collected_warnings
from ltmt.server.shared_limits import limit_names, limits_folder
from ltmt.server.user_requests import RequestsPerUser
from ltmt.state_warming import Warmth
from ltmt.terminology.terms import Term
from ltmt.translator import Translator
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.formats.unit_translation import ExactFn

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DecodeOptions:
    """The settings a batch shares; requests with other settings go in another batch.
    ``glossary``: the request's own terms (requests with the same ones share a batch);
    ``exact_reuse``: a 100 % memory match is answered as stored, whatever the fusion."""

    fusion: str
    beam: int
    glossary: tuple[Term, ...] = ()
    exact_reuse: bool = True


@dataclass
class BatchStats:
    batches: int = 0
    requests: int = 0
    segments: int = 0

    def add(self, requests: int, segments: int) -> None:
        self.batches += 1
        self.requests += requests
        self.segments += segments


class Service:
    """The model, the memory store and the keys of one server process."""

    def __init__(self, config: ServerConfig, backbone: Backbone | None = None) -> None:
        self.config = config
        if config.threads:
            import torch

            torch.set_num_threads(config.threads)
        self.backbone = backbone if backbone is not None else load_backbone(config.model)
        self.memory = Memory(config.memory_path, key_file=config.key_file, scan_max=config.scan_max)
        store = self.memory.store
        self.downloads = Downloads(store.path / DOWNLOADS, store.key)
        self.keys = KeyRing(self.memory)
        limits = limits_folder(store.path)  # counted with the other worker processes
        names = limit_names(limits, store.key)
        failures = FailureLimiter(
            config.auth_failures, config.auth_window_s, limits / FAILURES, names
        )
        self.auth = Authenticator(self.keys, failures)
        self.source_lang, self.target_lang = self._languages()
        self.stats = BatchStats()
        self.file_slots = FileSlots(config.files_per_user, limits / FILE_SLOTS, names)
        self.user_requests = RequestsPerUser(config.user_request_limit)
        self._translators: dict[DecodeOptions, Translator] = {}
        self._translators_lock = threading.Lock()
        self.batcher = Batcher(
            self._decode,
            wait_s=config.batch_wait_ms / 1000,
            max_segments=config.max_batch_segments,
            max_chars=config.max_batch_chars,
            on_batch=self.stats.add,
        )

    def close(self) -> None:
        """Finish the queued requests, then release the store (committed data is on disk)."""
        self.batcher.close(timeout=self.config.shutdown_timeout_s)
        self.memory.close()

    def summary(self) -> str:
        """What this process serves, for its log at startup: the model and its fingerprint, the
        store and its users, the limits (no key, token or key file)."""
        config, memory = self.config, self.memory
        encrypted = ", encrypted" if memory.encrypted else ""
        concurrency = (
            f"{config.limit_concurrency} requests in flight"
            if config.limit_concurrency
            else "no limit on requests in flight"
        )
        requests_per_user = (
            f"{counted(config.user_request_limit, 'translate request')}"
            if config.user_request_limit
            else "no limit on translate requests"
        )
        return (
            f"serving model {self.backbone.name} ({self.backbone.fingerprint}), store "
            f"{memory.path} ({self._users()}{encrypted}), limits: "
            f"{config.max_body_bytes / (1 << 20):g} MB, {config.max_segments} segments of "
            f"{config.max_segment_chars} characters a request, "
            f"{counted(config.files_per_user, 'file')} a user at once, "
            f"{requests_per_user} a user at once, "
            f"{config.auth_failures} wrong keys an address in {config.auth_window_s:g} s, "
            f"{concurrency}"
        )

    def _users(self) -> str:
        """The store's users as the startup line counts them: ``11 users with a key, 0 with a
        memory`` (a new deployment's users have keys and nothing stored yet)."""
        with_key = {key.user for key in self.keys.list()}
        return (
            f"{counted(len(with_key), 'user')} with a key, {len(self.memory.users())} with a memory"
        )

    def abandon(self) -> None:
        """Take no more work, without waiting for the batch being decoded (a forced quit: the
        process exits next). The store stays open under the decoder; what is committed is on
        disk."""
        self.batcher.close(timeout=0)

    def forget(self, user: str) -> int:
        """Delete ``user``'s memory and the translated files waiting for their download; how
        many segments the delete found."""
        deleted = self.memory.delete_user(user)
        self.downloads.forget_user(user)
        return deleted.segments if deleted is not None else 0

    def _languages(self) -> tuple[str, str]:
        tokenizer = self.backbone.tokenizer
        source = self.config.src_lang or getattr(tokenizer, "source_lang", None) or "en"
        target = self.config.tgt_lang or getattr(tokenizer, "target_lang", None) or "de"
        return str(source), str(target)

    def options(
        self, fusion: str | None, beam: int | None, glossary: Sequence[Term] = ()
    ) -> DecodeOptions:
        """Checked decoding options (the server's defaults where not given)."""
        fusion = fusion or self.config.fusion
        if fusion not in FUSION_NAMES:
            raise ChoiceError(f"unknown fusion {fusion!r}; choose one of {', '.join(FUSION_NAMES)}")
        beam = beam or self.config.beam
        if beam > self.config.max_beam:
            raise ConfigError(f"beam {beam} is above this server's limit of {self.config.max_beam}")
        if len(glossary) > self.config.max_pairs:
            raise ConfigError(
                f"{len(glossary)} glossary terms in one request; the limit is "
                f"{self.config.max_pairs} (store a large glossary with /v1/glossary)"
            )
        return DecodeOptions(fusion=fusion, beam=beam, glossary=tuple(glossary))

    def without_memory(self) -> DecodeOptions:
        """The options of the model's translation alone: no fusion, and no 100 % match reused
        (``fusion: none`` still answers a 100 % match as stored)."""
        return DecodeOptions(fusion="none", beam=self.config.beam, exact_reuse=False)

    def exact_matches(self, who: str, options: DecodeOptions) -> ExactFn:
        """The 100 % matches of ``who``'s memory as the translator of ``options`` reuses them
        (:func:`ltmt.formats.unit_translation.exact_for_translator`: what replaces a PO entry's
        fuzzy translation, as ``ltmt translate`` does)."""
        from ltmt.formats.unit_translation import exact_for_translator

        return exact_for_translator(self._translator(options), who)

    def _translator(self, options: DecodeOptions) -> Translator:
        """The translator of ``options`` (whatever their glossary), made on its first use.

        The decoding thread and the request threads (exact matches, warming) ask at once: the
        check and the making are one step under a lock, or two first requests each made one
        (a fusion's modules loaded and the model's weights converted twice, one copy kept)."""
        options = replace(options, glossary=())
        translator = self._translators.get(options)
        if translator is not None:  # made already: no lock on the way of every request
            return translator
        with self._translators_lock:
            translator = self._translators.get(options)
            if translator is None:
                translator = Translator(
                    self.backbone,
                    self.memory,
                    fusion=options.fusion,
                    beam=options.beam,
                    exact_reuse=options.exact_reuse,
                    batch_size=self.config.batch_size,
                    top_k=self.config.top_k,
                    target_language=self.config.tgt_lang,  # de-CH: ss for ß
                    warn_unknown_user=False,  # a key holder's empty memory, in the shared log
                )
                self._translators[options] = translator
            return translator

    def warm(self, user: str, fusion: str | None) -> Warmth:
        """Force-decode ``user``'s segments for ``fusion`` (the server's default) now
        (:meth:`ltmt.translator.Translator.warm`), beside the translations running."""
        return self._translator(self.options(fusion, None)).warm(user)

    def _decode(
        self, options: Hashable, requests: Sequence[tuple[str, Sequence[str], Preferences]]
    ) -> list[list[Translation]]:
        assert isinstance(options, DecodeOptions)
        return self._translator(options).translate_for_users(requests, options.glossary, fit=False)

    def translate_segments(
        self,
        user: str,
        texts: Sequence[str],
        options: DecodeOptions,
        cancellation: Cancellation | None = None,
    ) -> list[Translation]:
        """``texts`` translated as ``ltmt translate`` and an uploaded file translate theirs
        (:func:`~ltmt.formats.unit_translation.translate_units`), from a worker thread: each
        fitted to its source (placeholders, edge whitespace, dates), and one with paired tags
        (``<b>Save</b> the file``) translated without them, its tagged words on their own, the
        tags put back (the model left tagged words untranslated). ``fitted`` says where that
        changed the model's output. A tagged text's matches are those of the text as sent (as
        ``/v1/search`` scores it); its method is what made its translation, that of its text
        without the tags: ``exact`` where that text's 100 % match was reused and the tags put
        back (as ``ltmt translate`` counts it), though no match of the tagged text scores 100.
        ``cancellation`` as in :meth:`translate_blocking`."""
        from ltmt.formats.documents import Unit
        from ltmt.formats.unit_translation import answered, translate_units

        def decode(batch: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
            return self.translate_blocking(user, batch, options, prefer, cancellation)

        units = [Unit(str(number), text) for number, text in enumerate(texts)]
        # its warnings (an output cut at the length limit) quote the customer's text: kept out
        # of the log every customer's requests share, as the translator's own are
        with collected_warnings():
            outcomes = translate_units(units, decode)
        return [answered(outcome) for outcome in outcomes]

    def translate_blocking(
        self,
        user: str,
        texts: Sequence[str],
        options: DecodeOptions,
        prefer: Sequence[Mapping[str, Any]] | None = None,
        cancellation: Cancellation | None = None,
    ) -> list[Translation]:
        """The model's translations for code in a worker thread (the document pipeline fits
        them to their sources itself and counts their methods); ``prefer`` as in
        :meth:`ltmt.translator.Translator.translate` (a PO context, a plural form);
        ``cancellation``: the request's, whose client leaving stops the decoding at its next
        piece (:meth:`ltmt.server.disconnects.Cancellation.result`)."""
        future = self.batcher.submit(user, texts, options, prefer)
        translations = future.result() if cancellation is None else cancellation.result(future)
        return list(translations)
