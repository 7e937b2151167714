"""Build a joint SentencePiece vocabulary and the tokenizer files of a standard Marian directory.

The layout matches OPUS-MT checkpoints, so ``MarianTokenizer.from_pretrained`` loads it the same
way: ``source.spm`` and ``target.spm`` (here the same joint model), ``vocab.json`` mapping pieces to
ids with ``</s>`` = 0, ``<unk>`` = 1 and ``<pad>`` = the last id, and the tokenizer config files.
"""

from __future__ import annotations

import io
import json
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

EOS, UNK, PAD = "</s>", "<unk>", "<pad>"


def train_sentencepiece(
    sentences: Iterable[str],
    out_dir: Path,
    vocab_size: int,
    *,
    seed: int = 1,
    input_sentence_size: int = 2_000_000,
) -> Path:
    """Train one joint unigram SentencePiece model on ``sentences``; returns the ``.model`` path.

    The model treats text the way OPUS-MT's do (NFKC normalisation, whitespace folded).
    """
    import sentencepiece as spm

    out_dir.mkdir(parents=True, exist_ok=True)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        input_sentence_size=input_sentence_size,
        shuffle_input_sentence=True,
        seed_sentencepiece_size=1_000_000,
        unk_id=0,
        bos_id=-1,
        eos_id=1,
        pad_id=-1,
        hard_vocab_limit=False,
        num_threads=2,
        minloglevel=2,
    )
    path = out_dir / "joint.spm"
    path.write_bytes(model.getvalue())
    return path


def marian_vocab(spm_path: Path) -> dict[str, int]:
    """Map SentencePiece pieces to Marian ids: ``</s>`` 0, ``<unk>`` 1, ``<pad>`` last."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = {EOS: 0, UNK: 1}
    for piece_id in range(processor.get_piece_size()):
        piece = processor.id_to_piece(piece_id)
        if piece not in vocab and piece not in ("<s>", PAD):
            vocab[piece] = len(vocab)
    vocab[PAD] = len(vocab)
    return vocab


def write_tokenizer_files(spm_path: Path, out_dir: Path) -> int:
    """Write ``source.spm``, ``target.spm``, ``vocab.json`` and tokenizer configs to ``out_dir``.

    Returns the vocabulary size (the model's ``vocab_size``).
    """
    from transformers import MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm"):
        if (out_dir / name).resolve() != spm_path.resolve():
            shutil.copyfile(spm_path, out_dir / name)
    vocab = marian_vocab(spm_path)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), "utf-8")
    tokenizer = MarianTokenizer(
        source_spm=str(out_dir / "source.spm"),
        target_spm=str(out_dir / "target.spm"),
        vocab=str(out_dir / "vocab.json"),
        source_lang="en",
        target_lang="de",
        model_max_length=512,
    )
    tokenizer.save_pretrained(str(out_dir))
    logger.info("wrote tokenizer files (%d pieces) to %s", len(vocab), out_dir)
    return len(vocab)
