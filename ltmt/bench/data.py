"""The test sets a benchmark runs on: per-user folders and general-domain parallel files.

A users folder holds ``USER.memory.jsonl`` + ``USER.test.jsonl`` per user (one JSON object a
line with ``source`` and ``target``). A general folder holds ``NAME.SRC`` + ``NAME.TGT`` plain
text files, aligned line by line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ltmt.errors import InputError, NoPairsError
from ltmt.evaluate import read_lines
from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)

MEMORY_SUFFIX = ".memory.jsonl"
TEST_SUFFIX = ".test.jsonl"


@dataclass(frozen=True)
class TestSet:
    """Test segments to translate for ``user`` with ``memory`` imported into a fresh store.

    ``name`` names the set in reports (the user for a users folder, the file stem for a general
    set); ``memory_origin`` is the file the memory came from.
    """

    name: str
    user: str
    sources: tuple[str, ...]
    references: tuple[str, ...]
    memory: tuple[PairRecord, ...]
    memory_origin: str

    __test__ = False  # not a pytest class, despite the name


def read_jsonl_pairs(path: Path, what: str = "test") -> list[PairRecord]:
    """The pairs of a memory or test file, in any format the registry reads (JSON Lines for the
    benchmark's own folders; blank lines skipped). ``what`` names the file in the not-found
    message."""
    from ltmt.formats.pairs import read_pairs

    if not path.is_file():
        raise InputError(f"{what} file not found: {path}")
    return list(read_pairs(path))


def read_memory(path: Path, user: str) -> tuple[PairRecord, ...]:
    """The pairs of ``user``'s memory file; none (a cold-start user, benchmarked with an empty
    memory, said in a warning) where it holds no pair: a new user is a case to measure, not an
    error that stops the run."""
    try:
        return tuple(read_jsonl_pairs(path, "memory"))
    except NoPairsError:
        logger.warning(
            "user %s: %s holds no pairs: benchmarked with no memory (a cold start)", user, path
        )
        return ()


def scorable_pairs(pairs: list[PairRecord], user: str, path: Path) -> list[PairRecord]:
    """The test ``pairs`` a score can use: those with an empty source or reference (nothing to
    translate, or nothing to score against) and those flagged ``fuzzy`` (a translation not yet
    reviewed, left out as a memory import leaves it) are left out; one warning counts them,
    and the pairs that name another user than ``user`` (scored, but likely misplaced)."""
    kept = [p for p in pairs if p.source.strip() and p.target.strip() and not _fuzzy(p)]
    empty = sum(1 for p in pairs if not p.source.strip() or not p.target.strip())
    fuzzy = len(pairs) - len(kept) - empty
    misplaced = [p for p in kept if p.metadata.get("user", user) != user]
    problems = []
    if empty:
        problems.append(f"left out {empty} with an empty source or reference")
    if fuzzy:
        problems.append(f"left out {fuzzy} flagged fuzzy")
    if misplaced:
        others = ", ".join(sorted({str(p.metadata["user"]) for p in misplaced}))
        problems.append(f"scored {len(misplaced)} that name another user ({others})")
    if problems:
        logger.warning("user %s: %s: %s", user, path, "; ".join(problems))
    return kept


def _fuzzy(pair: PairRecord) -> bool:
    return pair.metadata.get("fuzzy") is True


def find_users(users_dir: Path, limit: int | None = None) -> list[TestSet]:
    """One :class:`TestSet` per ``USER.memory.jsonl`` + ``USER.test.jsonl`` pair, sorted by user."""
    if not users_dir.is_dir():
        raise InputError(f"users folder not found: {users_dir}")
    memories = {p.name[: -len(MEMORY_SUFFIX)]: p for p in users_dir.glob(f"*{MEMORY_SUFFIX}")}
    tests = {p.name[: -len(TEST_SUFFIX)]: p for p in users_dir.glob(f"*{TEST_SUFFIX}")}
    for user in sorted(set(memories) ^ set(tests)):
        missing = TEST_SUFFIX if user in memories else MEMORY_SUFFIX
        logger.warning("skipping user %s: no %s%s in %s", user, user, missing, users_dir)
    users = sorted(set(memories) & set(tests))
    if not users:
        raise InputError(f"no USER{MEMORY_SUFFIX} + USER{TEST_SUFFIX} pairs in {users_dir}")
    sets = []
    for user in users:
        test = scorable_pairs(read_jsonl_pairs(tests[user]), user, tests[user])[:limit]
        sets.append(
            TestSet(
                name=user,
                user=user,
                sources=tuple(r.source for r in test),
                references=tuple(r.target for r in test),
                memory=read_memory(memories[user], user),
                memory_origin=memories[user].name,
            )
        )
    return sets


def find_general_sets(
    general_dir: Path,
    memory_file: Path,
    source_lang: str,
    target_lang: str,
    limit: int | None = None,
) -> list[TestSet]:
    """One :class:`TestSet` per ``NAME.SRC`` + ``NAME.TGT`` pair, all with ``memory_file``'s pairs.

    The memory's user is the file's user name (``git`` for ``git.memory.jsonl``).
    """
    if not general_dir.is_dir():
        raise InputError(f"general test folder not found: {general_dir}")
    memory = tuple(read_jsonl_pairs(memory_file, "memory"))
    user = memory_file.name.removesuffix(MEMORY_SUFFIX).removesuffix(".jsonl")
    sets = []
    for source_path in sorted(general_dir.glob(f"*.{source_lang}")):
        target_path = source_path.with_suffix(f".{target_lang}")
        if not target_path.is_file():
            logger.warning("skipping %s: no %s beside it", source_path, target_path.name)
            continue
        sources = read_lines(source_path, "source")
        references = read_lines(target_path, "reference")
        if len(sources) != len(references):
            raise InputError(
                f"{source_path} has {len(sources)} lines but {target_path} has {len(references)}"
            )
        sets.append(
            TestSet(
                name=source_path.stem,
                user=user,
                sources=tuple(sources[:limit]),
                references=tuple(references[:limit]),
                memory=memory,
                memory_origin=memory_file.name,
            )
        )
    if not sets:
        raise InputError(f"no NAME.{source_lang} + NAME.{target_lang} pairs in {general_dir}")
    return sets
