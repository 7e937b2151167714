"""The ``ltmt`` entry point: registers the command groups and turns LtmtError into exit code 1."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from ltmt.cli.json_failures import JsonFailures, json_report_on_stdout, json_requested
from ltmt.cli.markup import HELP_MARKUP
from ltmt.environment import unknown_setting_warning, unknown_settings
from ltmt.errors import ChoiceError, LtmtError
from ltmt.numpy_dispatch import prefer_numpy_avx2
from ltmt.outputs import ReaderLeft

try:  # typer ≥ 0.22 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]

app = typer.Typer(
    name="ltmt",
    help="Memory-augmented machine translation: MarianMT with a per-user translation memory.",
    no_args_is_help=True,
    rich_markup_mode=HELP_MARKUP,
    context_settings={"help_option_names": ["-h", "--help"]},  # inherited by every command
    add_completion=False,
    pretty_exceptions_enable=False,
)


class CommandLogFormat(logging.Formatter):
    """What the library logs reads like the command's own lines: ``ltmt: warning: ...``."""

    def format(self, record: logging.LogRecord) -> str:
        return f"ltmt: {record.levelname.lower()}: {record.getMessage()}"


def configure_logging() -> None:
    """Say the library's warnings on stderr as the command's own lines (``ltmt: warning: ...``):
    in the command's process, and in a process spawned to do part of its work, which starts
    without it (``memory check``'s)."""
    handler = logging.StreamHandler()
    handler.setFormatter(CommandLogFormat())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


def _version(value: bool) -> None:
    if value:
        from ltmt import __version__

        typer.echo(f"ltmt {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print ltmt's version and exit."
    ),
) -> None:
    """Memory-augmented machine translation: MarianMT with a per-user translation memory."""


def _register() -> None:
    if app.registered_groups:  # run() was called before in this process (tests call it often)
        return
    from ltmt.cli import train

    app.add_typer(train.app, name="train")
    for module_name in (
        "translate",
        "memory",
        "glossary",
        "evaluate",
        "bench",
        "serve",
        "keys",
        "formats",
        "qa",
    ):
        try:
            module = __import__(f"ltmt.cli.{module_name}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"ltmt.cli.{module_name}":
                raise
            continue
        module.register(app)


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point: exit 0 on success, 1 with a one-line message on bad input,
    2 with a one-line message on a command line that does not parse (a typo in an option, a
    value not among its choices, options that need one another), 130 on Ctrl-C (143 on
    SIGTERM). A command given ``--json`` says any of these as its report instead,
    ``{"error": "..."}`` (:class:`~ltmt.cli.json_failures.JsonFailures`), with the same
    status."""
    _utf8_output()
    configure_logging()
    for name in unknown_settings():  # a mistyped LTMT_KEY_FILE must not go unnoticed
        typer.echo(unknown_setting_warning(name), err=True)
    said = ""  # what an interrupted command says it left undone
    failures = JsonFailures(requested=False)  # --json: a failure is the report, as JSON
    try:
        prefer_numpy_avx2()  # before anything imports numpy
        _register()
        words = sys.argv[1:] if argv is None else argv
        if "--json" in words:  # click's command tree, built again only where it is asked
            root = typer.main.get_command(app)
            failures.requested = json_requested(root, words)
            failures.to_stdout = json_report_on_stdout(root, words)  # translate's: on stderr
        with _termination_as_interrupt() as termination:
            code = app(args=argv, prog_name="ltmt", standalone_mode=False, obj=failures)
        if code == 130 and termination.is_set():  # typer returns an interrupt's 130
            code = 143
        sys.stdout.flush()  # a reader that left is said here, not at the interpreter's exit
    except (BrokenPipeError, ReaderLeft):
        _reader_left()
    except ChoiceError as exc:  # a value not among its choices: as click's own bad values
        _say_error(str(exc), failures)
        sys.exit(2)
    except LtmtError as exc:
        _say_error(str(exc), failures)
        sys.exit(1)
    except click_errors.NoArgsIsHelpError as exc:  # `ltmt`, `ltmt memory`: the help
        typer.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
        sys.exit(0)
    except click_errors.UsageError as exc:
        _say_error(usage_message(exc, argv), failures)
        sys.exit(exc.exit_code)
    except click_errors.ClickException as exc:
        _say_error(exc.format_message(), failures)
        sys.exit(exc.exit_code)
    except Terminated:
        code = 143
    except (KeyboardInterrupt, typer.Abort):
        code = 130
    except InterruptedSaying as exc:
        code, said = (143 if exc.terminated else 130), f": {exc.note}"
    if code in (130, 143):
        stopped = f"{'terminated' if code == 143 else 'interrupted'}{said}"
        if not failures.said(stopped):
            typer.echo(f"ltmt: {stopped}", err=True)
        leave_now(code)
    sys.exit(code if isinstance(code, int) else 0)  # as click's standalone mode does


def _say_error(message: str, failures: JsonFailures) -> None:
    """Say the run's error: as its JSON report where ``--json`` asked for one (alone, as a
    report that a script parses is), else as the one line ``ltmt: error: MESSAGE``."""
    if not failures.said(message):
        typer.echo(f"ltmt: error: {message}", err=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM (``timeout``, ``docker stop``, systemd) as the command sees it: an interrupt, so
    that what Ctrl-C saves is saved (a translation's finished chunks and its progress file); the
    command then exits 143, as a process SIGTERM ended does."""


class InterruptedSaying(Exception):
    """An interrupt (Ctrl-C; SIGTERM where ``terminated``) that its command says more of:
    ``note``, what it left undone ("nothing was imported ..."), after ``ltmt: interrupted``.
    Not a :class:`KeyboardInterrupt`: typer would turn one into a bare exit code 130."""

    def __init__(self, note: str, *, terminated: bool) -> None:
        super().__init__(note)
        self.note = note
        self.terminated = terminated

    @classmethod
    def of(cls, interrupt: KeyboardInterrupt, note: str) -> InterruptedSaying:
        """``interrupt`` (Ctrl-C or :class:`Terminated`), said with ``note``."""
        return cls(note, terminated=isinstance(interrupt, Terminated))


@contextmanager
def _termination_as_interrupt() -> Iterator[threading.Event]:
    """SIGTERM raises :class:`Terminated` while the command runs (in the main thread; the
    previous handler back after), and sets the event this yields: typer turns an interrupt into
    its exit status 130, which the event tells from Ctrl-C's. ``ltmt serve`` and training set
    their own handlers."""
    termination = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield termination
        return

    def terminated(signum: int, frame: object) -> None:
        termination.set()
        raise Terminated

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield termination
    finally:
        signal.signal(signal.SIGTERM, previous)


def _utf8_output() -> None:
    """Standard output written in UTF-8 whatever the locale says (a file's text is UTF-8:
    ``ltmt translate`` to a terminal of the C or a Latin-1 locale failed on its first umlaut,
    the whole run's work lost); standard error's characters the locale cannot write as
    escapes, so that a message is never lost."""
    for stream, options in ((sys.stdout, {"encoding": "utf-8"}), (sys.stderr, {})):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="backslashreplace", **options)


def _reader_left() -> None:
    """Leave quietly, as a command does whose reader closed the pipe (``ltmt ... | head -1``):
    the status a shell gives a command a SIGPIPE ended (141), no traceback, no message."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush has nowhere to fail
    sys.exit(141)


def leave_now(code: int) -> None:
    """Exit at once after an interrupt, the command's own clean-up done (its ``finally`` blocks
    ran as the interrupt went up): the interpreter's exit would wait for the decoding threads
    still running a batch, then tear CTranslate2's thread pool down under them, which aborts
    (``terminate called without an active exception``, exit 134)."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def usage_message(exc: click_errors.UsageError, argv: list[str] | None = None) -> str:
    """A usage error on one line, with where to read the command's options: the command of
    the error's context, else the one ``argv`` names (click gives an option that lacks its
    value no context: ``translate a.txt --output`` pointed at ``ltmt --help``)."""
    message = " ".join(exc.format_message().split())
    if not message.endswith((".", "?")):
        message += "."
    command = exc.ctx.command_path if exc.ctx else named_command(argv)
    return f"{message} See '{command} --help'."


def named_command(argv: list[str] | None) -> str:
    """The command path the leading words of ``argv`` (default: the process's) name, as
    ``ltmt memory search``; ``ltmt`` when they name none."""
    words = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(app)
    path = ["ltmt"]
    for word in words:
        found = getattr(command, "commands", {}).get(word)  # a group's subcommands
        if found is None:
            break
        command = found
        path.append(word)
    return " ".join(path)
