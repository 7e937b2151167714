"""Load a Marian checkpoint and its tokenizer: a local directory, a hub id, or the embedded default.

The embedded default (``ltmt/models/default-en-de``) is trained by ``ltmt train base`` and shipped
inside the package, so ltmt translates offline after a plain install. Published OPUS-MT
checkpoints (a local copy or, with network, a hub id such as ``Helsinki-NLP/opus-mt-en-de``) load
through the same code path.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import ConfigError, ModelError
from ltmt.model.cpu import (
    cpu_has_fast_bf16,
    cpu_has_vnni,
    cpu_prefers_int8,
    cpu_prefers_int8_head,
)
from ltmt.model.spm_tokenizer import load_tokenizer
from ltmt.model.weights import (
    check_hub,
    is_int,
    load_hint,
    load_weights,
    native_supported,
    weight_files,
)

if TYPE_CHECKING:
    from ltmt.model.fast_encoder import FastEncoder

logger = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "default-en-de"


class Backbone:
    """A Marian model with its tokenizer and config; the weights load on first use of ``model``.

    ``name`` is what the user asked for (a path or hub id); ``path`` the local directory when known.
    Loading the weights needs torch (about 200 MB of RAM; transformers' model code would add 150
    more, which ``native`` avoids): a run that decodes only through the CTranslate2 fast path
    (:mod:`ltmt.model.ctranslate`) never pays it.
    ``device`` is where the weights go and where every decoding tensor is created.
    ``native``: the weights load into ltmt's own Marian modules (:mod:`ltmt.model.marian`),
    which need neither transformers' model code nor its memory.
    """

    def __init__(
        self,
        model: Any | None,
        tokenizer: Any,
        name: str,
        path: Path | None,
        *,
        config: Any | None = None,
        device: str = "cpu",
        loader: Callable[[], Any] | None = None,
        variant: str = "",
        native: bool = False,
        origin: Backbone | None = None,
    ) -> None:
        if model is None and loader is None:
            raise ModelError(f"model {name}: neither weights nor a way to load them")
        self._model = model
        self._loader = loader
        self._loading = threading.Lock()  # threads decoding batches at once load it once
        self.tokenizer = tokenizer
        self.name = name
        self.path = path
        self.config = config if config is not None else self.model.config
        self._device = device
        self.variant = variant
        # the weights load into ltmt's own Marian modules (:mod:`ltmt.model.marian`)
        self.native = native
        # the backbone a converted copy (``variant``) was made from
        self.origin = origin
        # copies of these weights in another form (``int8``, ``bfloat16``), made once each, so
        # that translators sharing a backbone share them too
        self.variants: dict[str, Backbone] = {}
        # CTranslate2 decoders of these weights (:class:`ltmt.model.engine.Decoder`), one per
        # setting, shared by the translators over this backbone (a server's, a bench's users)
        self.fast_decoders: dict[tuple[Any, ...], Any] = {}
        # the CTranslate2 encoder its fused batches encode with (:meth:`use_fast_encoder`):
        # asked for as (threads, workers, required), made on first use
        self._encoder_wanted: tuple[int, int, bool] | None = None
        self._fast_encoder: FastEncoder | None = None
        self._encoder_loading = threading.Lock()
        self._weights_fingerprint: str | None = None  # weights_fingerprint, once read

    @property
    def model(self) -> Any:
        """The model (loaded now if it was not yet): ltmt's own Marian modules where ``native``
        (:class:`ltmt.model.marian.MarianModel`), else ``MarianMTModel``."""
        if self._model is None:
            with self._loading:
                if self._model is None:
                    assert self._loader is not None
                    self._model = self._loader()
                    self._loader = None
        return self._model

    def use_fast_encoder(self, threads: int, workers: int, required: bool) -> None:
        """Encode through CTranslate2 from now on (:class:`ltmt.model.fast_encoder.FastEncoder`,
        made at the first :meth:`encode`: ``threads`` per batch, ``workers`` batches at once);
        ``required``: a model it cannot convert is an error there, else torch encodes. Once
        asked, for every user of this backbone (the states are torch's to float rounding)."""
        if self._encoder_wanted is None and self._fast_encoder is None:
            self._encoder_wanted = (threads, workers, required)

    @property
    def fast_encoder(self) -> FastEncoder | None:
        """The CTranslate2 encoder :meth:`encode` runs (made now if it was asked for), or
        ``None``: torch's."""
        if self._encoder_wanted is not None:
            with self._encoder_loading:
                if self._encoder_wanted is not None:
                    threads, workers, required = self._encoder_wanted
                    try:
                        from ltmt.model.fast_encoder import fast_encoder_for

                        self._fast_encoder = fast_encoder_for(self, threads, workers)
                    except ModelError as exc:
                        if required:  # still asked for: every encode says why it cannot
                            raise
                        logger.info("encoding with torch: %s", exc)
                    self._encoder_wanted = None
        return self._fast_encoder

    @property
    def encoder_engine(self) -> str:
        """What :meth:`encode` runs: ``ctranslate2`` (made, or asked for and not yet tried) or
        ``torch``; for reports, without making anything."""
        wanted = self._encoder_wanted is not None or self._fast_encoder is not None
        return "ctranslate2" if wanted else "torch"

    def encode(self, input_ids: Any, attention_mask: Any) -> Any:
        """The encoder's last states ``(batch, width, d_model)`` of a right-padded batch of
        token ids: through :attr:`fast_encoder` when there is one, else torch's encoder."""
        fast = self.fast_encoder
        if fast is not None:
            return fast(input_ids, attention_mask)
        encoder = self.model.get_encoder()
        return encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    @property
    def loaded(self) -> bool:
        """Whether the weights are in memory (``model`` was used)."""
        return self._model is not None

    @property
    def device(self) -> Any:
        """The ``torch.device`` of the weights (where decoding tensors must be created)."""
        import torch

        if self._model is not None:
            return next(self._model.parameters()).device
        return torch.device(self._device)

    @property
    def device_name(self) -> str:
        """Where the weights are or will go, index included (``cpu``, ``cuda:1``, ...)."""
        return str(self.device) if self._model is not None else self._device

    @property
    def device_type(self) -> str:
        """``cpu``, ``cuda``, ... without importing torch (for engines that are not torch)."""
        if self._model is not None:
            return str(self.device.type)
        return self._device.split(":")[0]

    @property
    def pad_id(self) -> int:
        return int(self.config.pad_token_id)

    @property
    def eos_id(self) -> int:
        return int(self.config.eos_token_id)

    @property
    def start_id(self) -> int:
        return int(self.config.decoder_start_token_id)

    @property
    def d_model(self) -> int:
        return int(self.config.d_model)

    @property
    def vocab_size(self) -> int:
        return int(self.config.vocab_size)

    @property
    def max_positions(self) -> int:
        return int(getattr(self.config, "max_position_embeddings", 512))

    @property
    def fingerprint(self) -> str:
        """Identifies the weights as they run (``variant`` included): for caches of their
        states (a folder per fingerprint; each state's key holds :attr:`states_fingerprint`)."""
        from hashlib import sha1

        if not self.variant:
            return self.weights_fingerprint
        # int8 weights keep to 7 bits where the CPU lacks VNNI: other states than the same
        # variant's on a CPU with it, in a store two machines share
        return sha1(f"{self.weights_fingerprint}|{self._variant_label}".encode()).hexdigest()[:16]

    @property
    def states_fingerprint(self) -> str:
        """Identifies the states these weights force-decode: :attr:`fingerprint`, and the
        encoder that runs where its states are not torch's (CTranslate2's int8 encoder of int8
        weights, :mod:`ltmt.model.fast_encoder`), settled now (the encoder is made if it was
        asked for), so that a state's key always names the encoder that made it."""
        from hashlib import sha1

        fast = self.fast_encoder
        if fast is None or fast.compute_type == "float32":  # float32: torch's states
            return self.fingerprint
        return sha1(f"{self.fingerprint}|encoder {fast.compute_type}".encode()).hexdigest()[:16]

    @property
    def weights_label(self) -> str:
        """The weights as they run, for reports: ``float32``, ``bfloat16``, ``int8`` ...; int8
        ones say ``(7-bit weights, row-scaled inputs)`` where the CPU lacks VNNI
        (:mod:`ltmt.model.int8_linear`), and ``, encoder CTranslate2 int8`` when their encoder
        runs there (asked for or made; :mod:`ltmt.model.fast_encoder`)."""
        from ltmt.model.fast_encoder import encoder_compute

        label, compute = self._variant_label, encoder_compute(self)
        if compute != "float32" and self.encoder_engine == "ctranslate2":
            label = f"{label}, encoder CTranslate2 {compute}"
        return label

    @property
    def _variant_label(self) -> str:
        if "int8" in self.variant and not cpu_has_vnni():
            return f"{self.variant} (7-bit weights, row-scaled inputs)"
        return self.variant or "float32"

    @property
    def weights_fingerprint(self) -> str:
        """Identifies the weights: a hash of what the model directory's weight, config and
        vocabulary files hold (:func:`model_content_fingerprint`), the same wherever the folder
        lies and however its path is written, after a fresh clone or a ``touch``; another when
        they change. For caches that must be invalidated when they change (states, converted
        models) and for a benchmark's record. Read once per backbone (about 0.1 s for the
        default model's 42 MB) and kept: the weights it loaded do not change under it. A copy
        in another form (``variant``) has its origin's."""
        if self.origin is not None:
            return self.origin.weights_fingerprint
        if self._weights_fingerprint is None:
            from hashlib import sha1

            self._weights_fingerprint = (
                model_content_fingerprint(self.path)
                if self.path is not None
                else sha1(self.name.encode()).hexdigest()[:16]
            )
        return self._weights_fingerprint


# What a model directory holds besides its weights that changes what it computes.
MODEL_CONTENT_FILES = ("config.json", "vocab.json", "source.spm", "target.spm")


def model_content_fingerprint(path: Path) -> str:
    """A hash (16 hex digits) of the names and bytes of the weight files in ``path`` and of its
    :data:`MODEL_CONTENT_FILES` that exist: the same for the same model wherever it lies."""
    from hashlib import sha256

    digest = sha256()
    present = [path / name for name in MODEL_CONTENT_FILES if (path / name).is_file()]
    for file in [*weight_files(path), *present]:
        digest.update(file.name.encode("utf-8") + b"\0")
        with file.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def quantized_int8(backbone: Backbone) -> Backbone:
    """A copy of ``backbone`` whose linear layers are int8 (:mod:`ltmt.model.int8_linear`: one
    scale per output row of a weight, one fixed scale per layer's input; CPU only).

    Embeddings, layer norms and the attention's own products stay float32. The weights are
    quantised on first use, after measuring each layer's input range on a few sentence pairs
    (a fraction of a second for the default model). The copy's ``fingerprint`` differs (its decoder
    states do), so caches of states never mix.
    """
    return _converted(backbone, "float32", ("all",))


def bfloat16_weights(backbone: Backbone, int8_head: bool = False) -> Backbone:
    """A copy of ``backbone`` that runs in bfloat16 (half the weights' memory; faster matrix
    products on CPUs with AMX or AVX-512 BF16, slower on others).

    Weights load from disk straight into bfloat16 on first use; decoding reads log-probabilities
    and fusion distances in float32. The copy's ``fingerprint`` differs (its states do). On a CPU
    its linear layers are packed for oneDNN once (:mod:`ltmt.model.packed`: same outputs, faster
    products). ``int8_head``: its output projection is int8 (:mod:`ltmt.model.int8_linear`).
    """
    return _converted(backbone, "bfloat16", ("head",) if int8_head else ())


def int8_head_weights(backbone: Backbone, int8_encoder: bool = False) -> Backbone:
    """A copy of ``backbone`` (float32) whose output projection is int8
    (:mod:`ltmt.model.int8_linear`); ``int8_encoder``: its encoder's linear layers too. The
    decoder layers stay float32's (and the decoder states too without ``int8_encoder``)."""
    return _converted(backbone, "float32", ("encoder", "head") if int8_encoder else ("head",))


def _converted(backbone: Backbone, dtype_name: str, int8: tuple[str, ...]) -> Backbone:
    """The copy of ``backbone`` in ``dtype_name`` (``bfloat16`` packed where it can be, or
    ``float32``), with int8 linear layers: none (``()``), the output projection (``head``), the
    encoder's (``encoder``, with ``head``) or ``all``; made once per backbone."""
    parts = [dtype_name] if dtype_name != "float32" else []
    parts += ["int8" if part == "all" else f"int8-{part}" for part in int8]
    variant = "+".join(parts)
    if variant in backbone.variants:
        return backbone.variants[variant]
    if int8 and backbone.device_type != "cpu":
        kind = "the int8 output projection" if int8 == ("head",) else "int8 linear layers"
        raise ModelError(f"{kind} run on the CPU, not {backbone.device_type}")
    path = backbone.path

    def load_converted() -> Any:
        import copy

        import torch

        from ltmt.model.packed import can_pack, pack_linear_layers

        dtype = getattr(torch, dtype_name)
        if path is None:  # a copy: the float32 model stays as it is for its other users
            model = copy.deepcopy(backbone.model).to(dtype)
        else:
            config = backbone.config if backbone.native else None
            device = backbone.device_name
            model = load_weights(str(path), backbone.name, True, device, dtype, config)
        calibration = (backbone.tokenizer, backbone.start_id)
        if "all" in int8:
            from ltmt.model.int8_linear import quantise_linear_layers

            quantise_linear_layers(model, *calibration)
            return model
        if "encoder" in int8:  # measured on the float32 layers, before any is replaced
            from ltmt.model.int8_linear import quantise_encoder_layers

            quantise_encoder_layers(model, *calibration)
        if can_pack(model):
            pack_linear_layers(model)
        if "head" in int8:
            from ltmt.model.int8_linear import quantise_output_projection

            quantise_output_projection(model, *calibration)
        return model

    converted = Backbone(
        None,
        backbone.tokenizer,
        backbone.name,
        path,
        config=backbone.config,
        device=backbone.device_name,
        loader=load_converted,
        variant=variant,
        native=backbone.native and path is not None,
        origin=backbone,
    )
    backbone.variants[variant] = converted
    return converted


# Fusion methods whose batches run on converted weights by default: bfloat16 where the CPU has
# native bf16, int8 where it prefers int8 (:func:`ltmt.model.cpu.cpu_prefers_int8`); those
# measured with them (dev users, 2,000 segments): on bfloat16 kNN scored 47.04 BLEU against 47.06
# on float32, the trained combiner 47.36 against 47.40; on int8 kNN 47.09 against 47.14 on
# bfloat16, the trained combiner of session 14 48.18 against 48.24, and with an unrelated memory
# it stays within issue 12's 0.3 BLEU of the base model on int8 too (``docs/results/combiner.md``;
# session 13's combiner did not: -0.34 on multi30k2016). (A converted copy is checked against a
# fusion artifact by the float32 embeddings it was made from:
# :func:`ltmt.fusion.adapter.base_embedding_sha1`.) The attention adapter was not measured on
# either.
CONVERTED_BY_DEFAULT = ("knn", "knn-trained")


def fusion_weights_for(
    backbone: Backbone,
    int8: bool | None,
    bf16: bool | None,
    int8_head: bool = False,
    int8_encoder: bool = False,
) -> Backbone:
    """The backbone fused batches run on: int8 linear layers (``int8``), bfloat16 (``bf16``)
    or ``backbone`` itself; ``int8_head``: with an int8 output projection (not with ``int8``);
    ``int8_encoder``: float32 with the encoder's linear layers and the output projection in
    int8 (neither with ``int8`` nor with ``bf16``).

    ``None`` decides by the CPU, unless ``backbone`` is a converted copy already or runs
    elsewhere: ``int8`` where the CPU prefers it (and neither ``bf16``, ``int8_head`` nor
    ``int8_encoder`` is asked for), else ``bf16`` where it has native bf16, else float32 with
    an int8 output projection where the CPU prefers that
    (:func:`ltmt.model.cpu.cpu_prefers_int8_head`). The int8 encoder is never chosen for the
    user: on an AVX2 CPU it took 12-19 % off cold knn-trained passes for 0.1 BLEU less on the
    dev users (``docs/results/speed.md``, session 21), and since float32 encoders run in
    CTranslate2 (:mod:`ltmt.model.fast_encoder`, session 22) it is no faster there. The caller
    decides ``None`` only for the methods of :data:`CONVERTED_BY_DEFAULT`.
    """
    if int8_encoder and (int8 or bf16):
        other = "int8 linear layers" if int8 else "bfloat16 weights"
        raise ConfigError(f"an int8 encoder runs over float32 weights, not {other}: pick one")
    by_cpu = not backbone.variant and backbone.device_type == "cpu"
    if int8 is None:
        int8 = by_cpu and bf16 is None and not (int8_head or int8_encoder) and cpu_prefers_int8()
    if int8:
        return quantized_int8(backbone)
    if bf16 is None:  # cpu_prefers_int8_head() holds only without native bf16
        bf16 = by_cpu and not int8_encoder and cpu_has_fast_bf16()
        int8_head = int8_head or (by_cpu and not bf16 and cpu_prefers_int8_head())
    if bf16:
        return bfloat16_weights(backbone, int8_head)
    if int8_encoder or int8_head:
        return int8_head_weights(backbone, int8_encoder)
    return backbone


def checked_device(device: str) -> str:
    """``device`` where torch can run on this machine: an unknown name (``gpu``) or a GPU
    torch does not find (``cuda`` with a CPU build) is a :class:`ConfigError` now, not a
    failure at the first input that needs the model. ``cpu`` is taken as it is: checking it
    would import torch, which a run on the fast path without memory never loads."""
    if device == "cpu":
        return device
    import torch

    try:
        kind = torch.device(device).type
    except (RuntimeError, TypeError) as exc:
        raise ConfigError(f"unknown device {device!r}: use cpu, cuda or cuda:N") from exc
    if kind == "cuda" and not torch.cuda.is_available():
        raise ConfigError(
            f"device {device!r}: torch finds no CUDA GPU on this machine (a CPU build, or no "
            "driver); use cpu"
        )
    if kind not in ("cpu", "cuda"):
        raise ConfigError(f"device {device!r}: ltmt runs on cpu or cuda")
    return device


def resolve_model_name(model: str | Path | None) -> str | Path:
    """The directory or hub id to load: ``None`` means the embedded default."""
    if model is None:
        if not (DEFAULT_MODEL_DIR / "config.json").is_file():
            raise ModelError(
                f"the embedded default model is missing from {DEFAULT_MODEL_DIR}; "
                "reinstall ltmt or give a model (--model DIR_OR_HUB_ID; Translator(model=...))"
            )
        return DEFAULT_MODEL_DIR
    return model


def load_backbone(
    model: str | Path | None = None,
    *,
    device: str = "cpu",
    lazy: bool = True,
    native: bool = True,
) -> Backbone:
    """Load a Marian model + tokenizer from a local directory or a hub id (``None``: the default).

    A local directory is loaded with ``local_files_only`` so nothing touches the network; a hub id
    needs the network (or a filled Hugging Face cache). ``lazy``: the tokenizer and config load
    now, the weights on first use of ``Backbone.model``. ``native``: a local directory whose
    config ltmt's own Marian modules reproduce loads into them (:mod:`ltmt.model.marian`; same
    outputs, no transformers model code); ``False``, or anything else, loads ``MarianMTModel``.
    """
    device = checked_device(device)
    if isinstance(model, str) and not model.strip():
        raise ModelError("model is an empty name: give a model directory or a hub id (or None)")
    name = resolve_model_name(model)
    path = Path(name).expanduser()
    local = path.is_dir()
    if not local and path.exists():
        raise ModelError(f"model {name} is a file; give the model's directory")
    if not local and (str(name).startswith((".", "/", "~")) or path.suffix):
        raise ModelError(f"model directory not found: {name}")
    weights = weight_files(path) if local else []
    if local and not ((path / "config.json").is_file() and weights):
        raise ModelError(
            f"cannot load model {name}: it must hold config.json, the weights, "
            "source.spm, target.spm and vocab.json"
        )
    source = str(path if local else name)
    if not local:
        check_hub(source)
    try:
        tokenizer = load_tokenizer(source, local)
        config = _read_config(path) if local else None
        if config is None:
            config = _marian_config(source, local)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RuntimeError) as exc:
        # AttributeError: MarianTokenizer reading a tokenizer_config.json of the wrong shape
        raise ModelError(f"cannot load model {name}: {load_hint(local)}") from exc

    native = native and local and config is not None and native_supported(config)

    def load() -> Any:
        return load_weights(source, str(name), local, device, None, config if native else None)

    return Backbone(
        model=None if lazy else load(),
        tokenizer=tokenizer,
        name=str(name),
        path=path if local else None,
        config=config,
        device=device,
        loader=load,
        native=native,
    )


_CONFIG_KEYS = (
    "pad_token_id",
    "eos_token_id",
    "decoder_start_token_id",
    "d_model",
    "vocab_size",
    "max_position_embeddings",
)


def _marian_config(source: str, local: bool) -> Any:
    """transformers' ``MarianConfig`` (it imports torch: only when config.json lacks keys); a
    field of the wrong type is a ``ValueError``, as a malformed file is."""
    from huggingface_hub.errors import StrictDataclassError
    from transformers import MarianConfig

    try:
        return MarianConfig.from_pretrained(source, local_files_only=local)
    except StrictDataclassError as exc:
        raise ValueError(str(exc)) from exc


def _read_config(path: Path) -> Any | None:
    """The settings decoding needs, read from ``config.json`` without transformers' config class
    (which imports torch); ``None`` when one is missing (then the class fills in defaults)."""
    from types import SimpleNamespace

    try:
        settings = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(settings, dict) or not all(is_int(settings.get(k)) for k in _CONFIG_KEYS):
        return None  # transformers' config class fills in defaults and rejects wrong types
    return SimpleNamespace(**settings)
