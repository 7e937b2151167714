"""``ltmt glossary`` end to end: import/add/list/export/delete/suggest and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt import Memory
from ltmt.cli import main
from ltmt.memory.freed_pages import COMPACT_NOTE
from ltmt.terminology.terms import Term


def ltmt(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ltmt ARGS`` in-process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main.run(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def store_of_u1(tmp_path: Path, pairs: list[tuple[str, str]]) -> str:
    """A store at ``tmp_path/store`` where user ``u1`` has the memory ``pairs``: its path."""
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.import_pairs("u1", pairs)
    return store


def test_import_list_export_delete(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("source,target,note,case\nrepository,Depot,,\nGit,Git,,yes\n", "utf-8")
    code, out, _ = ltmt(
        capsys, "glossary", "import", str(csv_file), "-u", "u1", "--memory-dir", store
    )
    assert code == 0 and "2 added" in out
    code, out, _ = ltmt(
        capsys,
        "glossary",
        "add",
        "-u",
        "u1",
        "--source",
        "file",
        "--target",
        "Datei",
        "--memory-dir",
        store,
    )
    assert code == 0
    code, out, _ = ltmt(capsys, "glossary", "list", "-u", "u1", "--json", "--memory-dir", store)
    assert [t["source"] for t in json.loads(out)] == ["file", "Git", "repository"]
    exported = tmp_path / "out.tsv"
    code, out, _ = ltmt(
        capsys, "glossary", "export", "-u", "u1", "-o", str(exported), "--memory-dir", store
    )
    assert code == 0 and exported.read_text("utf-8").splitlines()[2] == "Git\tGit\t\tyes"
    tbx = tmp_path / "out.tbx"
    code, out, _ = ltmt(
        capsys, "glossary", "export", "-u", "u1", "-o", str(tbx), "--memory-dir", store
    )
    assert code == 0 and "exported 3 terms" in out and "<termEntry" in tbx.read_text("utf-8")
    code, out, _ = ltmt(capsys, "glossary", "import", str(tbx), "-u", "u2", "--memory-dir", store)
    assert code == 0 and "3 added" in out
    with Memory(store) as memory:
        assert memory.glossary("u2").terms() == memory.glossary("u1").terms()
    code, out, _ = ltmt(capsys, "glossary", "delete", "git", "-u", "u1", "--memory-dir", store)
    assert code == 0 and "deleted 1" in out
    code, out, err = ltmt(capsys, "glossary", "delete", "gti", "-u", "u1", "--memory-dir", store)
    assert (code, out) == (1, "")
    assert err == "ltmt: error: u1 has no glossary term 'gti'; nothing deleted\n"
    argv = ["glossary", "delete", "gti", "repository", "-u", "u1", "--memory-dir", store]
    code, out, err = ltmt(capsys, *argv)  # one found: deleted, the other named
    assert code == 0 and "deleted 1" in out and "u1 has no glossary term 'gti'" in err
    with Memory(store) as memory:
        assert [t.source for t in memory.glossary("u1").terms()] == ["file"]


def test_a_csvs_gender_column_is_imported_listed_and_exported(tmp_path: Path, capsys):
    """The Godot trial: the genders table lacks "Inventar"; the glossary says it is neuter."""
    store = str(tmp_path / "store")
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("source,target,gender\ninventory,Inventar,das\n", "utf-8")
    code, _, _ = ltmt(
        capsys, "glossary", "import", str(csv_file), "-u", "u1", "--memory-dir", store
    )
    assert code == 0
    code, out, _ = ltmt(capsys, "glossary", "list", "-u", "u1", "--memory-dir", store)
    assert out == "inventory\tInventar [n]\n"
    exported = tmp_path / "out.csv"
    code, _, _ = ltmt(
        capsys, "glossary", "export", "-u", "u1", "-o", str(exported), "--memory-dir", store
    )
    assert exported.read_text("utf-8") == "source,target,note,case,gender\ninventory,Inventar,,,n\n"
    csv_file.write_text("source,target,gender\ninventory,Inventar,neutrum\n", "utf-8")
    code, _, err = ltmt(
        capsys, "glossary", "import", str(csv_file), "-u", "u1", "--memory-dir", store
    )
    assert (code, err) == (
        1,
        "ltmt: error: g.csv line 2: gender 'neutrum' is not one of m, f, n or der, die, das; "
        "write one or leave it empty\n",
    )


def test_a_term_found_only_in_capitals_or_as_a_label_is_listed_so(tmp_path: Path, capsys):
    """IFU trial: nothing said that 'REF' and 'CAUTION' match only in capitals, or as a label
    ("Caution: ...")."""
    store = str(tmp_path / "store")
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("source,target\nREF,REF\nCAUTION,VORSICHT\nfile,Datei\n", "utf-8")
    ltmt(capsys, "glossary", "import", str(csv_file), "-u", "u1", "--memory-dir", store)
    code, out, _ = ltmt(capsys, "glossary", "list", "-u", "u1", "--memory-dir", store)
    assert (code, out) == (
        0,
        "CAUTION\tVORSICHT [capitals, or as a label]\nfile\tDatei\n"
        "REF\tREF [capitals, or as a label]\n",
    )
    code, out, _ = ltmt(capsys, "glossary", "list", "-u", "u1", "--json", "--memory-dir", store)
    assert [row.get("capitals_or_label") for row in json.loads(out)] == [True, None, True]


def test_listing_a_user_without_terms_says_so(tmp_path: Path, capsys):
    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "Open", "Öffnen")
    code, out, err = ltmt(
        capsys, "glossary", "list", "-u", "u1", "--memory-dir", str(tmp_path / "store")
    )
    assert (code, out) == (0, "")
    assert err == "ltmt: u1 has no glossary terms in this store\n"


@pytest.mark.parametrize(
    "args",
    [["list"], ["export", "-o", "g.csv"], ["delete", "repository"], ["delete", "--all"]],
)
def test_an_unknown_user_is_an_error_naming_the_users(tmp_path: Path, capsys, args):
    """A typo in --user is said, not answered with an empty glossary (or an empty export)."""
    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "Open", "Öffnen")
    args = [str(tmp_path / a) if a.endswith(".csv") else a for a in args]
    code, out, err = ltmt(
        capsys, "glossary", *args, "-u", "nobody", "--memory-dir", str(tmp_path / "store")
    )
    assert (code, out) == (1, "")
    assert err == (
        f"ltmt: error: no user 'nobody' in memory store {tmp_path / 'store'} (its users: u1)\n"
    )
    assert not (tmp_path / "g.csv").exists()


def test_an_encrypted_store_takes_its_key_file(tmp_path: Path, capsys):
    store, key = str(tmp_path / "store"), str(tmp_path / "store.key")
    assert ltmt(capsys, "memory", "keygen", "-o", key)[0] == 0
    add = ("glossary", "add", "-u", "u1", "--source", "repository", "--target", "Depot")
    assert ltmt(capsys, *add, "--memory-dir", store, "--key-file", key)[0] == 0
    code, out, _ = ltmt(
        capsys, "glossary", "list", "-u", "u1", "--memory-dir", store, "--key-file", key
    )
    assert (code, out) == (0, "repository\tDepot\n")
    assert b"Depot" not in (tmp_path / "store" / "data.mdb").read_bytes()
    code, _, err = ltmt(capsys, "glossary", "list", "-u", "u1", "--memory-dir", store)
    assert code == 1 and err.startswith(f"ltmt: error: memory store {store} is encrypted; pass")


def test_a_bad_row_is_one_line_and_imports_nothing(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    bad = tmp_path / "g.csv"
    bad.write_text("repository,Depot\nbranch\n", "utf-8")
    code, _, err = ltmt(capsys, "glossary", "import", str(bad), "-u", "u1", "--memory-dir", store)
    assert code == 1
    assert err.strip() == (
        "ltmt: error: g.csv line 2: a term needs a source and a target "
        "(expected source, target[, note[, case]])"
    )
    with Memory(store) as memory:
        assert memory.glossary("u1").terms() == []
    code, _, err = ltmt(capsys, "glossary", "delete", "-u", "u1", "--memory-dir", store)
    assert code == 1 and "pass --all" in err


def test_a_glossary_whose_columns_read_swapped_is_refused_unless_told(tmp_path: Path, capsys):
    # German sources imported silently into an English → German glossary; a header row of
    # language codes became a term, then was refused: now its columns are read by name
    store = str(tmp_path / "store")
    swapped = tmp_path / "g.csv"
    swapped.write_text(
        "de,en\nDatei,file\nOrdner,folder\nEinstellungen,settings\nDrucker,printer\n", "utf-8"
    )
    args = ("glossary", "import", str(swapped), "-u", "u1", "--memory-dir", store)
    assert ltmt(capsys, *args)[0] == 0
    code, out, _ = ltmt(capsys, "glossary", "list", "-u", "u1", "--memory-dir", store)
    assert out.splitlines()[0] == "file\tDatei"
    args = (*args, "--replace")
    swapped.write_text(swapped.read_text("utf-8").partition("\n")[2], "utf-8")  # no header
    code, _, err = ltmt(capsys, *args)
    assert (code, err) == (
        1,
        f"ltmt: error: {swapped}: 4 of 4 rows read as German first and English second: target "
        "terms first; a glossary of en to de has its source terms first: swap the columns; "
        "nothing was imported (--no-language-check imports it as it is)\n",
    )
    code, out, _ = ltmt(capsys, *args, "--no-language-check")
    assert (code, out) == (
        0,
        "imported g.csv into u1's glossary: 4 added, 0 replaced, 0 unchanged, 4 removed first; "
        "4 terms\n",
    )


def test_suggest_keeps_a_term_the_user_entered_unless_replace(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    pairs = [(f"Save the file {n}", f"Datei {n} speichern") for n in range(612)]
    pairs.append(("Open the last file", "Die letzte Akte öffnen"))
    with Memory(store) as memory:
        memory.import_pairs("u1", pairs)
        memory.glossary("u1").add("file", "Akte", note="my own")
    argv = ["glossary", "suggest", "-u", "u1", "--limit", "1", "--memory-dir", store]
    code, out, err = ltmt(capsys, *argv, "--accept")
    assert code == 0
    assert out == "file\tDatei\t612/613 segments (99.8%)\t(glossary: Akte)\n"
    assert err.endswith(
        "accepted into u1's glossary: 0 added, 0 replaced; 1 term of the glossary kept (file; "
        "--replace takes the suggestions instead)\n"
    )
    with Memory(store) as memory:
        assert memory.glossary("u1").terms() == [Term("file", "Akte", "my own")]
    code, out, err = ltmt(capsys, *argv, "--accept", "--replace")
    assert code == 0
    assert err.endswith("accepted into u1's glossary: 0 added, 1 replaced\n")
    with Memory(store) as memory:
        assert [t.target for t in memory.glossary("u1")] == ["Datei"]


def test_suggest_shows_evidence_and_accepts(tmp_path: Path, capsys):
    store = store_of_u1(
        tmp_path,
        [
            ("Push to the repository", "In das Depot übertragen"),
            ("The repository is empty", "Das Depot ist leer"),
            ("Clone a repository", "Ein Depot klonen"),
        ],
    )
    code, out, _ = ltmt(
        capsys, "glossary", "suggest", "-u", "u1", "--accept", "--memory-dir", store
    )
    assert code == 0 and "repository\tDepot\t3/3 segments (100%)" in out
    with Memory(store) as memory:
        assert [t.target for t in memory.glossary("u1")] == ["Depot"]
    code, _, err = ltmt(capsys, "glossary", "suggest", "-u", "nobody", "--memory-dir", store)
    assert code == 1 and "'nobody' has no memory" in err
    code, _, err = ltmt(
        capsys, "glossary", "suggest", "-u", "u1", "--replace", "--memory-dir", store
    )
    assert (code, err) == (
        1,
        "ltmt: error: --replace works with --accept (it says which term wins)\n",
    )
    argv = ["glossary", "suggest", "-u", "u1", "--min-segments", "4", "--memory-dir", store]
    code, out, err = ltmt(capsys, *argv)
    assert (code, out) == (0, "")
    assert err == (
        "0 of 0 suggestions\nltmt: no term that u1's memory translates the same way in at least "
        "4 segments (80% of them); lower --min-segments or --min-consistency to see weaker "
        "evidence\n"
    )


def test_suggest_nouns_only_leaves_out_adverbs_that_start_sentences(tmp_path: Path, capsys):
    store = store_of_u1(
        tmp_path,
        [
            ("However, the file is open", "Jedoch ist die Datei geöffnet"),
            ("However, it failed", "Jedoch ist es fehlgeschlagen"),
            ("However, nothing changed", "Jedoch hat sich nichts geändert"),
            ("The push failed, however", "Das Übertragen ist jedoch fehlgeschlagen"),
            ("Save the file", "Die Datei speichern"),
            ("Close the file", "Die Datei schließen"),
        ],
    )
    argv = ["glossary", "suggest", "-u", "u1", "--memory-dir", store]
    code, out, _ = ltmt(capsys, *argv)
    assert code == 0 and "however\tJedoch" in out
    code, out, _ = ltmt(capsys, *argv, "--nouns-only")
    assert (code, out) == (0, "file\tDatei\t3/3 segments (100%)\n")


def test_suggest_nouns_only_accepts_no_code_glued_word_nor_a_neighbours_target(
    tmp_path: Path, capsys
):
    # user trial s72: "cnot → Energie" (from "§cNot") and "enough → Energie" were accepted,
    # and "§cNot a valid target." became "§Energie Kein gültiges Ziel."
    store = store_of_u1(
        tmp_path,
        [
            ("§cNot enough energy!", "§cNicht genug Energie!"),
            ("§cNot enough energy! Needs %s FE.", "§cNicht genug Energie! Benötigt %s FE."),
            ("§7Right-click to fire a laser.", "§7Rechtsklick, um einen Laser abzufeuern."),
            ("§7Right-click to open the guide.", "§7Rechtsklick, um das Handbuch zu öffnen."),
        ],
    )
    argv = ["glossary", "suggest", "-u", "u1", "--min-segments", "2", "--memory-dir", store]
    code, out, _ = ltmt(capsys, *argv, "--nouns-only", "--accept")
    assert (code, out) == (0, "energy\tEnergie\t2/2 segments (100%)\n")
    with Memory(store) as memory:
        assert {t.source: t.target for t in memory.glossary("u1")} == {"energy": "Energie"}


def test_suggest_help_does_not_promise_nouns_only_is_safe_unread(capsys):
    code, out, _ = ltmt(capsys, "glossary", "suggest", "--help")
    flat = " ".join(out.replace("│", " ").split())
    assert code == 0 and "the likeliest to be right, still worth reading before --accept" in flat
    assert "unseen" not in flat


# a terminologist's memory: compounds translate phrases ("infusion pump": "Infusionspumpe")
DEVICE_TM = (
    "Switch off the infusion pump before cleaning.\tSchalten Sie die Infusionspumpe vor der Reinigung aus.\n"
    "The infusion pump shows the flow rate.\tDie Infusionspumpe zeigt die Förderrate an.\n"
    "Connect the catheter to the infusion pump.\tVerbinden Sie den Katheter mit der Infusionspumpe.\n"
    "The flow rate must not exceed 50 ml/h.\tDie Förderrate darf 50 ml/h nicht überschreiten.\n"
    "Check the flow rate every hour.\tÜberprüfen Sie die Förderrate jede Stunde.\n"
    "Remove the catheter carefully.\tEntfernen Sie den Katheter vorsichtig.\n"
    "Flush the catheter with saline.\tSpülen Sie den Katheter mit Kochsalzlösung.\n"
    "The occlusion alarm indicates a blocked line.\tDer Okklusionsalarm zeigt eine blockierte Leitung an.\n"
    "Silence the occlusion alarm.\tSchalten Sie den Okklusionsalarm stumm.\n"
    "An occlusion alarm stops the infusion.\tEin Okklusionsalarm stoppt die Infusion.\n"
    "Store the infusion pump in a dry place.\tLagern Sie die Infusionspumpe an einem trockenen Ort.\n"
    "The catheters are sterile.\tDie Katheter sind steril.\n"
)


def test_suggest_nouns_only_accepts_the_phrases_compounds_translate(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    tm = tmp_path / "tm.tsv"
    tm.write_text(DEVICE_TM, "utf-8")
    assert ltmt(capsys, "memory", "import", str(tm), "-u", "u1", "--memory-dir", store)[0] == 0
    argv = ["glossary", "suggest", "-u", "u1", "--nouns-only", "--accept", "--memory-dir", store]
    code, out, err = ltmt(capsys, *argv)
    assert code == 0 and err.endswith("accepted into u1's glossary: 4 added, 0 replaced\n")
    assert out == (
        "catheter\tKatheter\t4/4 segments (100%)\n"
        "infusion pump\tInfusionspumpe\t4/4 segments (100%)\n"
        "flow rate\tFörderrate\t3/3 segments (100%)\n"
        "occlusion alarm\tOkklusionsalarm\t3/3 segments (100%)\n"
    )
    with Memory(store) as memory:
        accepted = {t.source: t.target for t in memory.glossary("u1")}
    # "pump" → "Infusionspumpe" would have put the infusion pump into every other pump
    assert accepted == {
        "catheter": "Katheter",
        "infusion pump": "Infusionspumpe",
        "flow rate": "Förderrate",
        "occlusion alarm": "Okklusionsalarm",
    }


def test_translate_follows_the_stored_and_the_per_run_glossary(
    tmp_path: Path, capsys, tiny_model_dir
):
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.glossary("u1").add("cat", "Katze")
    source = tmp_path / "in.txt"
    source.write_text("the cat and the file\n", "utf-8")
    per_run = tmp_path / "run.tsv"
    per_run.write_text("file\tDatei\n", "utf-8")
    model = str(tiny_model_dir)
    args = ("translate", str(source), "--model", model, "--memory-dir", store, "--beam", "1")
    code, out, _ = ltmt(capsys, *args, "-u", "u1", "--glossary", str(per_run))
    assert code == 0 and "Katze" in out and "Datei" in out
    code, out, _ = ltmt(capsys, *args, "-u", "u1", "--no-user-glossary")
    assert code == 0 and "Katze" not in out
    code, _, err = ltmt(capsys, *args, "--glossary", str(tmp_path / "missing.csv"))
    assert code == 1 and "missing.csv does not exist" in err


def test_eval_consistency_reports_term_accuracy(tmp_path: Path, capsys):
    files = {
        "src": "Push to the repository %s\nOpen the file\n",
        "ref": "In das Depot %s übertragen\nDatei öffnen\n",
        "hyp": "Ins Repository %s übertragen\nDateien öffnen\n",
        "g.csv": "repository,Depot\nfile,Datei\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    args = ["eval", *(f"--{n}={tmp_path / n}" for n in ("hyp", "ref")), "--consistency"]
    code, out, _ = ltmt(
        capsys, *args, f"--src={tmp_path / 'src'}", f"--glossary={tmp_path / 'g.csv'}"
    )
    assert code == 0 and "term accuracy  50.00% (1/2)" in out and "placeholders 100.00%" in out
    code, _, err = ltmt(capsys, *args)
    assert code == 1 and "--consistency needs --src" in err
    # a mistyped --memory-dir or --user is an error, not n/a scores (and makes no store)
    typo = tmp_path / "typo"
    code, _, err = ltmt(
        capsys, *args, f"--src={tmp_path / 'src'}", "-u", "u1", "--memory-dir", str(typo)
    )
    assert code == 1 and err.startswith(f"ltmt: error: no memory store at {typo}: check")
    assert not typo.exists()


def test_a_csv_import_or_add_keeps_the_forbidden_targets_of_a_tbx_import(
    tmp_path: Path, capsys
) -> None:
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.glossary("u1").add_terms(
            [Term("Agreement", "Vertrag", forbidden=("Vereinbarung",)), Term("Customer", "Kunde")]
        )
    notes = tmp_path / "note.csv"
    notes.write_text("source,target,note\nAgreement,Vertrag,defined term\n", "utf-8")
    code, out, _ = ltmt(capsys, "glossary", "import", str(notes), "-u", "u1", "--memory-dir", store)
    assert code == 0 and "0 added, 1 replaced" in out
    add = ["glossary", "add", "-u", "u1", "--memory-dir", store, "--source", "Agreement"]
    assert ltmt(capsys, *add, "--target", "Vertrag", "--note", "§ 1")[0] == 0
    with Memory(store) as memory:
        assert memory.glossary("u1").terms()[0].forbidden == ("Vereinbarung",)
    code, _, err = ltmt(capsys, *add, "--target", "Vereinbarung")
    assert code == 0 and err.startswith("ltmt: note: 'Vereinbarung' was a target not to use")
    with Memory(store) as memory:
        assert memory.glossary("u1").terms()[0].forbidden == ()


def test_add_refuses_a_repeated_target(tmp_path: Path, capsys) -> None:
    store = str(tmp_path / "store")
    code, out, err = ltmt(
        capsys, "glossary", "add", "-u", "u1", "--memory-dir", store,
        "--source", "Agreement", "--target", "Vertrag", "--target", "Vereinbarung",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err.startswith("ltmt: error: --target was given 2 times ('Vertrag', 'Vereinbarung')")
    assert not Path(store).exists()


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["order", "Bestellung"], '--source "order" --target "Bestellung"'),
        (["order"], '--source "SOURCE" --target "TARGET"'),
    ],
)
def test_add_given_terms_as_arguments_says_to_name_them(tmp_path: Path, capsys, words, said):
    """``glossary add --user sap1 "order" "Bestellung"`` said "Missing option '--source'"."""
    store = str(tmp_path / "store")
    code, out, err = ltmt(
        capsys, "glossary", "add", "--user", "sap1", *words, "--memory-dir", store
    )
    assert (code, out) == (1, "")
    assert err == (
        f"ltmt: error: glossary add takes --source and --target: ltmt glossary add --user sap1 "
        f"{said}\n"
    )
    assert not Path(store).exists()


def test_importing_an_empty_file_with_replace_keeps_the_glossary(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    terms, empty = tmp_path / "g.csv", tmp_path / "empty.csv"
    terms.write_text("repository,Depot\n", "utf-8")
    empty.write_text("source,target\n", "utf-8")
    assert ltmt(capsys, "glossary", "import", str(terms), "-u", "u1", "--memory-dir", store)[0] == 0
    code, out, err = ltmt(
        capsys, "glossary", "import", str(empty), "-u", "u1", "--replace", "--memory-dir", store
    )
    assert (code, out) == (1, "")
    assert err == "ltmt: error: empty.csv: no terms found (an empty file, or only a header)\n"
    with Memory(store) as memory:
        assert [t.target for t in memory.glossary("u1").terms()] == ["Depot"]


def test_delete_can_name_the_case_sensitive_or_the_any_case_term(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.import_pairs("u1", [("a", "b")])
        memory.glossary("u1").add("Tag", "Tag", case_sensitive=True)
        memory.glossary("u1").add("tag", "Etikett")
    argv = ["glossary", "delete", "TAG", "-u", "u1", "--memory-dir", store]
    assert ltmt(capsys, *argv, "--case-sensitive")[0] == 1  # no case-sensitive "TAG"
    code, out, _ = ltmt(capsys, *argv, "--case-insensitive")
    assert (code, out) == (0, f"deleted 1 term of u1; {COMPACT_NOTE}\n")
    with Memory(store) as memory:
        assert memory.glossary("u1").terms() == [Term("Tag", "Tag", case_sensitive=True)]
    code, _, err = ltmt(capsys, "glossary", "delete", "--all", "--case-sensitive", *argv[3:])
    assert code == 1 and "--all deletes every term" in err
    # a term named with --all: which was meant? nothing deleted
    code, _, err = ltmt(capsys, "glossary", "delete", "tag", "--all", "--yes", *argv[3:])
    assert (code, err) == (
        1,
        "ltmt: error: --all deletes every term; name terms to delete, or pass --all alone\n",
    )
    with Memory(store) as memory:
        assert len(memory.glossary("u1")) == 1
    # "Git" case-insensitive when only the case-sensitive term is there: the message says so
    code, _, err = ltmt(capsys, "glossary", "delete", "tag", *argv[3:], "--case-insensitive")
    assert (code, err) == (
        1,
        "ltmt: error: u1 has no glossary term 'tag' (a case-sensitive one is there: drop "
        "--case-insensitive); nothing deleted\n",
    )


def test_deleting_a_whole_glossary_needs_yes(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.import_pairs("u1", [("a", "b")])
        memory.glossary("u1").add("tag", "Etikett")
    argv = ["glossary", "delete", "--all", "-u", "u1", "--memory-dir", store]
    code, out, err = ltmt(capsys, *argv)
    assert (code, out) == (2, "")
    assert "refusing to delete u1's glossary (1 term) without --yes" in err
    with Memory(store) as memory:
        assert len(memory.glossary("u1")) == 1
    assert ltmt(capsys, *argv, "--yes")[:2] == (0, f"deleted 1 term of u1; {COMPACT_NOTE}\n")


def test_a_csv_export_says_it_leaves_out_the_targets_not_to_use(tmp_path: Path, capsys):
    """A TBX's deprecated terms were dropped from a CSV export without a word."""
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.glossary("med").add_terms(
            [
                Term("instructions for use", "Gebrauchsanweisung", forbidden=("Anleitung",)),
                Term("flow rate", "Förderrate"),
            ]
        )
    out = tmp_path / "exp.csv"
    args = ("glossary", "export", "-u", "med", "--memory-dir", store)
    code, _, err = ltmt(capsys, *args, "-o", str(out))
    assert (code, err) == (
        0,
        "ltmt: warning: CSV has no column for targets not to use: those of 1 term are left out "
        "(export to .tbx keeps them)\n",
    )
    code, _, err = ltmt(capsys, *args, "-o", str(tmp_path / "exp.tbx"))
    assert (code, err) == (0, "")


def test_an_omegat_txt_export_has_no_header_and_no_empty_columns(tmp_path: Path, capsys):
    """``-o glossary.txt`` wrote a TSV with a header, which OmegaT loads as a term, and an
    empty case column: a .txt is OmegaT's glossary, source<TAB>target[<TAB>comment]."""
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.glossary("u1").add_terms(
            [
                Term("invoice", "Rechnung", note="not Faktura"),
                Term("customer", "Kunde"),
                Term("Git", "Git", case_sensitive=True),
            ]
        )
    out = tmp_path / "glossary.txt"
    args = ("glossary", "export", "-u", "u1", "--memory-dir", store, "-o", str(out))
    code, _, err = ltmt(capsys, *args)
    assert (code, err) == (
        0,
        "ltmt: warning: OmegaT's glossary has no case column: the case-sensitive flags of 1 "
        "term are left out (export to .tsv or .tbx keeps them)\n",
    )
    assert sorted(out.read_text("utf-8").splitlines()) == [
        "Git\tGit",
        "customer\tKunde",
        "invoice\tRechnung\tnot Faktura",
    ]
    code, out_text, _ = ltmt(
        capsys, "glossary", "import", str(out), "-u", "u2", "--memory-dir", store
    )
    assert code == 0 and "3 added" in out_text


def test_importing_function_word_terms_warns_and_keeps_them(tmp_path: Path, capsys):
    store = str(tmp_path / "store")
    csv_file = tmp_path / "du.csv"
    csv_file.write_text("source,target\nyou,du\nyour,dein\n", "utf-8")
    code, out, err = ltmt(
        capsys, "glossary", "import", str(csv_file), "-u", "u1", "--memory-dir", store
    )
    assert code == 0 and "2 added" in out
    assert err.splitlines()[0] == (
        "ltmt: warning: du.csv: 2 terms with a pronoun, article or function word as source "
        "('you', 'your') not applied in translation: the form of address is no glossary "
        "matter (check it with 'ltmt qa --formality du')"
    )
    with Memory(store) as memory:
        assert [t.source for t in memory.glossary("u1").terms()] == ["you", "your"]


def test_add_sets_a_gender_and_refuses_another_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = str(tmp_path / "store")
    add = ["glossary", "add", "-u", "u1", "--source", "tab", "--target", "Tab"]
    code, _, err = ltmt(capsys, *add, "--gender", "x", "--memory-dir", store)
    assert (code, err) == (
        1,
        "ltmt: error: gender 'x' is not one of m, f, n or der, die, das; write one or leave it "
        "empty\n",
    )
    assert not (tmp_path / "store").exists()
    assert ltmt(capsys, *add, "--gender", "m", "--memory-dir", store)[0] == 0
    with Memory(store) as memory:
        assert memory.glossary("u1").terms() == [Term("tab", "Tab", gender="m")]


def test_list_shows_a_terms_forbidden_targets(tmp_path: Path, capsys):
    """Forbidden targets (a TBX's deprecated terms, a term base's Forbidden) were listed
    nowhere but in a TBX export."""
    store = str(tmp_path / "store")
    csv_file = tmp_path / "g.csv"
    csv_file.write_text(
        "term,term_de,Definition,Status\nsign in,anmelden,,Approved\n"
        "sign in,einloggen,,Forbidden\naccount,Konto,profile,Approved\n"
        "account,Benutzerkonto,,Deprecated\naccount,Account,,Forbidden\n",
        "utf-8",
    )
    code, _, _ = ltmt(
        capsys, "glossary", "import", str(csv_file), "-u", "u1", "--memory-dir", store
    )
    assert code == 0
    code, out, _ = ltmt(capsys, "glossary", "list", "-u", "u1", "--memory-dir", store)
    assert out == (
        "account\tKonto  (not: Benutzerkonto, Account)  # profile\n"
        "sign in\tanmelden  (not: einloggen)\n"
    )


def test_add_names_the_target_it_replaces(tmp_path: Path, capsys) -> None:
    """A new target for a stored source replaced 'Kontoauszug' without a word."""
    store = str(tmp_path / "store")
    add = ["glossary", "add", "-u", "fin", "--memory-dir", store, "--source", "statement"]
    assert ltmt(capsys, *add, "--target", "Kontoauszug")[1] == "fin: statement → Kontoauszug\n"
    assert ltmt(capsys, *add, "--target", "Auszug")[1] == (
        "fin: statement → Auszug (was Kontoauszug)\n"
    )
    # the same target again, or a new note for it, replaces no target
    assert ltmt(capsys, *add, "--target", "Auszug", "--note", "bank")[1] == (
        "fin: statement → Auszug\n"
    )


_DE_FIRST_TBX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="de"><text><body>'
    '<termEntry id="MT-0017"><langSet xml:lang="de"><tig><term>Span</term></tig></langSet>'
    '<langSet xml:lang="en"><tig><term>chip</term></tig></langSet></termEntry>'
    "</body></text></martif>"
)


def test_a_glossary_import_in_the_reverse_pair_is_refused_and_keeps_the_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial tbx, session 72: --src-lang de --tgt-lang en (the help said 'Source language of
    TBX entries', and the termbase's is German) stored 'Span → chip' in an en → de glossary,
    exit 0, and 'span' in English text was translated 'chip'."""
    monkeypatch.setattr("ltmt.model.languages.model_languages", lambda model: ("en", "de"))
    store = str(tmp_path / "store")
    tbx = tmp_path / "termbase.tbx"
    tbx.write_text(_DE_FIRST_TBX, "utf-8")
    reverse = ("glossary", "import", str(tbx), "-u", "mt", "--memory-dir", store)
    reverse += ("--src-lang", "de", "--tgt-lang", "en")
    refusal = (
        "ltmt: error: --src-lang de --tgt-lang en is the reverse of mt's translations, en → de "
        "(the default model's pair): give --src-lang en --tgt-lang de (they pick which of the "
        "file's languages gives the source terms, whatever its own source language); nothing "
        "was imported\n"
    )
    assert ltmt(capsys, *reverse) == (1, "", refusal)
    assert not (tmp_path / "store").exists()  # a refused import makes no store
    assert ltmt(capsys, *reverse[:7])[0] == 0  # the pair of the user's translations
    assert ltmt(capsys, *reverse, "--replace") == (1, "", refusal)  # nothing deleted
    with Memory(store) as memory:
        assert memory.glossary("mt").terms() == [Term("chip", "Span")]


def test_a_glossary_import_of_another_pair_than_the_users_memory_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "store")
    with Memory(store) as memory:
        memory.import_pairs("fr", [("Only here.", "Seulement ici.")], languages=("en", "fr"))
    terms = tmp_path / "g.csv"
    terms.write_text("en,de\nchip,Span\n", "utf-8")
    code, _, err = ltmt(capsys, "glossary", "import", str(terms), "-u", "fr", "--memory-dir", store)
    assert (code, err) == (
        1,
        "ltmt: error: --src-lang en --tgt-lang de is not the pair of fr's translations, en → fr "
        "(its memory's pair), which its glossary is used in: give --src-lang en --tgt-lang fr, "
        "or import the en → de glossary into another user; nothing was imported\n",
    )


def test_the_import_help_says_the_languages_are_the_users_translations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ltmt.cli.glossary import SRC_LANG_HELP

    assert SRC_LANG_HELP == (
        "The language of the source terms: the TBX langSet, or the CSV/TSV column headed so, of "
        "this language (a plain CSV's first column). It must be the language the user is "
        "translated from (their memory's, else the default model's): a reversed pair is refused."
    )


def test_a_glossary_write_that_makes_a_user_close_to_another_says_so(tmp_path: Path, capsys):
    """glossary add|import --user moodel (moodle exists) made a new user without a word
    (session 72): said as memory import says it, the command that undoes it named."""
    store = str(tmp_path / "store")
    ltmt(capsys, "memory", "add", "-u", "moodle", "--source", "a", "--target", "b",
         "--memory-dir", store)  # fmt: skip
    code, out, err = ltmt(
        capsys, "glossary", "add", "-u", "moodel", "--source", "file", "--target", "Datei",
        "--memory-dir", store,
    )  # fmt: skip
    assert (code, out) == (0, "moodel: file → Datei\n")
    assert err == (
        "ltmt: warning: did you mean moodle? (a new user moodel was created; "
        "'ltmt memory delete --user moodel --yes' undoes it)\n"
    )
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("source,target\nfile,Datei\n", "utf-8")
    for user, said in (("Moodle", "moodle, moodel"), ("moodle", None), ("zed", None)):
        code, _, err = ltmt(
            capsys, "glossary", "import", str(csv_file), "-u", user, "--memory-dir", store
        )
        assert code == 0
        warning = (
            f"ltmt: warning: did you mean {said}? (a new user {user} was created; "
            f"'ltmt memory delete --user {user} --yes' undoes it)\n"
        )
        assert (warning in err) == (said is not None) and ("did you mean" in err) == bool(said)
