"""The input ranges of a model's linear layers, measured once on a fixed set of sentence pairs.

:class:`ltmt.model.int8_linear.Int8Linear` quantises its input with one fixed scale per layer,
so that a row's output never depends on the rows decoded beside it. That scale comes from the
largest absolute input each layer sees while the model reads :data:`CALIBRATION_PAIRS` (their
sources through the encoder, their targets through the decoder, teacher-forced, in one padded
batch): a fraction of a second, once per converted model. The pairs were written for ltmt:
interface strings, messages, command-line help and everyday sentences, as users translate.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ltmt.model.hooks import thread_bound

if TYPE_CHECKING:
    import torch
    from torch import nn

CALIBRATION_PAIRS: tuple[tuple[str, str], ...] = (
    ("Open file", "Datei öffnen"),
    ("Save changes before closing?", "Änderungen vor dem Schließen speichern?"),
    ("The file could not be found.", "Die Datei wurde nicht gefunden."),
    ("Delete the selected items?", "Die ausgewählten Elemente löschen?"),
    ("Settings", "Einstellungen"),
    ("Connection to the server failed.", "Die Verbindung zum Server ist fehlgeschlagen."),
    ("Enter your password:", "Geben Sie Ihr Passwort ein:"),
    ("%d files copied", "%d Dateien kopiert"),
    ("Unknown option '%s'", "Unbekannte Option »%s«"),
    ("Print version information and exit.", "Versionsinformationen anzeigen und beenden."),
    (
        "  -v, --verbose    explain what is being done",
        "  -v, --verbose    ausführlich erklären, was getan wird",
    ),
    ("Usage: %s [OPTION]... FILE...", "Aufruf: %s [OPTION]... DATEI..."),
    ("Permission denied", "Zugriff verweigert"),
    ("No such file or directory", "Datei oder Verzeichnis nicht gefunden"),
    ("The signature is valid.", "Die Signatur ist gültig."),
    (
        "Could not read the key from {path}.",
        "Der Schlüssel konnte nicht aus {path} gelesen werden.",
    ),
    ("Do you want to continue? [Y/n]", "Möchten Sie fortfahren? [J/n]"),
    ("Downloading packages...", "Pakete werden heruntergeladen …"),
    ("%s is already the newest version.", "%s ist schon die neueste Version."),
    (
        "Your branch is up to date with 'origin/main'.",
        "Ihr Branch ist auf demselben Stand wie »origin/main«.",
    ),
    (
        "nothing to commit, working tree clean",
        "nichts zu committen, Arbeitsverzeichnis unverändert",
    ),
    ("Search and replace", "Suchen und Ersetzen"),
    ("The operation was cancelled by the user.", "Der Vorgang wurde vom Benutzer abgebrochen."),
    ("Invalid date format: use YYYY-MM-DD.", "Ungültiges Datumsformat: Verwenden Sie JJJJ-MM-TT."),
    ("Show hidden files", "Versteckte Dateien anzeigen"),
    ("Not enough free disk space.", "Nicht genügend freier Speicherplatz."),
    (
        "Restart the application to apply the update.",
        "Starten Sie die Anwendung neu, um das Update anzuwenden.",
    ),
    ("The meeting has been moved to Thursday.", "Das Treffen wurde auf Donnerstag verschoben."),
    ("We are looking forward to your visit.", "Wir freuen uns auf Ihren Besuch."),
    (
        "The children played in the garden all afternoon.",
        "Die Kinder spielten den ganzen Nachmittag im Garten.",
    ),
    (
        "Prices rose by 3.5 percent last year.",
        "Die Preise stiegen im vergangenen Jahr um 3,5 Prozent.",
    ),
    (
        "A man in a red jacket is riding a bicycle down the street.",
        "Ein Mann in einer roten Jacke fährt mit dem Fahrrad die Straße hinunter.",
    ),
    ("I don't know where she lives.", "Ich weiß nicht, wo sie wohnt."),
    (
        "The government announced new measures on Monday.",
        "Die Regierung kündigte am Montag neue Maßnahmen an.",
    ),
    (
        "Please check your internet connection and try again.",
        "Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.",
    ),
    (
        "If the problem persists, contact your system administrator.",
        "Wenn das Problem weiterhin besteht, wenden Sie sich an Ihren Systemadministrator.",
    ),
    ("Translation memory", "Übersetzungsspeicher"),
    (
        "Warning: the key has not been certified with a trusted signature!",
        "Warnung: Der Schlüssel wurde nicht mit einer vertrauenswürdigen Signatur beglaubigt!",
    ),
    ("Press any key to continue.", "Drücken Sie eine beliebige Taste, um fortzufahren."),
    ("The weather will be sunny tomorrow.", "Das Wetter wird morgen sonnig."),
)


def input_ranges(
    model: Any,
    layers: Iterable[nn.Module],
    tokenizer: Any,
    start_id: int,
    pairs: tuple[tuple[str, str], ...] = CALIBRATION_PAIRS,
) -> dict[int, float]:
    """The largest absolute input each module of ``layers`` saw (keyed by ``id(module)``)
    while ``model`` read ``pairs``; the output projection is reached from the decoder's last
    states through ``model.lm_head`` when it is among ``layers``."""
    import torch

    layers = list(layers)
    ranges: dict[int, float] = {id(layer): 0.0 for layer in layers}

    def record(module: nn.Module, inputs: tuple[torch.Tensor, ...]) -> None:
        seen = float(inputs[0].detach().abs().amax())
        ranges[id(module)] = max(ranges[id(module)], seen)

    handles = [layer.register_forward_pre_hook(thread_bound(record)) for layer in layers]
    try:
        with torch.inference_mode():
            sources = tokenizer([s for s, _ in pairs], return_tensors="pt", padding=True)
            targets = tokenizer(
                text_target=[t for _, t in pairs], return_tensors="pt", padding=True
            )
            device = next(model.parameters()).device
            ids, mask = sources["input_ids"].to(device), sources["attention_mask"].to(device)
            target_ids = targets["input_ids"].to(device)
            start = torch.full_like(target_ids[:, :1], start_id)
            # padded as the tokenizer pads
            decoder_input = torch.cat([start, target_ids[:, :-1]], dim=1)
            states = model.get_encoder()(input_ids=ids, attention_mask=mask).last_hidden_state
            hidden = model.get_decoder()(
                input_ids=decoder_input,
                encoder_hidden_states=states,
                encoder_attention_mask=mask,
                use_cache=False,
            ).last_hidden_state
            model.lm_head(hidden)
    finally:
        for handle in handles:
            handle.remove()
    return ranges
