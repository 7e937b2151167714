"""The ``/v1/glossary`` API and the per-request glossary, on a real ``ltmt serve``."""

from __future__ import annotations

from ltmt.terminology.matching import renders

TBX_WITHOUT_GERMAN = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="en"><tig><term>repository</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_add_list_translate_import_delete(api):
    # the first translation of the session may convert the model for the fast path: minutes
    # on a busy machine
    with api.client(api.key("gloria"), timeout=300.0) as client:
        added = client.post(
            "/v1/glossary", json={"terms": [{"source": "repository", "target": "Depot"}]}
        ).json()
        assert added == {"user": "gloria", "added": 1, "replaced": 0, "unchanged": 0}
        listed = client.get("/v1/glossary").json()
        assert listed["terms"] == [
            {"source": "repository", "target": "Depot", "note": "", "case_sensitive": False}
        ]

        body = {"segments": ["the repository is empty"], "fusion": "none"}
        [stored] = client.post("/v1/translate", json=body).json()["translations"]
        assert renders("Depot", stored["text"]), stored

        per_request = {
            **body,
            "segments": ["the cat sat"],
            "glossary": [{"source": "cat", "target": "Katze"}],
        }
        [cat] = client.post("/v1/translate", json=per_request).json()["translations"]
        assert renders("Katze", cat["text"]), cat
        assert len(client.get("/v1/glossary").json()["terms"]) == 1  # not stored

        csv = "source,target\nfile,Datei\ncat,Katze,,yes\n"
        imported = client.post("/v1/glossary/import", files={"file": ("terms.csv", csv)}).json()
        assert (imported["added"], imported["replaced"]) == (2, 0)

        missing = client.delete("/v1/glossary", params={"source": ["nothing"]})
        assert (missing.status_code, missing.json()) == (
            404,
            {"error": "gloria has no glossary term 'nothing'; nothing deleted"},
        )
        deleted = client.delete("/v1/glossary", params={"source": ["file", "nothing"]}).json()
        assert deleted == {"user": "gloria", "deleted": 1, "not_found": ["nothing"]}
        # "cat" is case-sensitive ("cat,Katze,,yes"): not the any-case term asked for
        only_any_case = {"source": ["cat"], "case_sensitive": "false"}
        assert client.delete("/v1/glossary", params=only_any_case).status_code == 404
        # what would have deleted every term: a kind of term with no source, a mistyped
        # filter, a body; each a 422 that deletes nothing
        for refused, message in [
            (
                {"params": {"case_sensitive": "true"}},
                "case_sensitive picks the term of each source given; with no source every term "
                "is deleted: give source, or leave case_sensitive out; nothing deleted",
            ),
            (
                {"params": {"sources": "cat"}},
                "DELETE /v1/glossary takes no parameter 'sources' (its parameters are in /docs); "
                "nothing done",
            ),
            (
                {"content": b'{"source": "cat"}'},
                "DELETE /v1/glossary takes no body (it would delete all, not what the body "
                "names); nothing done",
            ),
        ]:
            answer = client.request("DELETE", "/v1/glossary", **refused)
            assert (answer.status_code, answer.json()) == (422, {"error": message})
        assert len(client.get("/v1/glossary").json()["terms"]) == 2
        assert client.delete("/v1/glossary").json()["deleted"] == 2
        assert client.get("/v1/glossary").json()["terms"] == []


def test_bad_imports_are_refused_whole_and_name_the_upload(api):
    with api.client(api.key("gary")) as client:
        bad_row = "source,target\nfile,Datei\nonly a source\n"
        answer = client.post("/v1/glossary/import", files={"file": ("g.csv", bad_row)})
        assert answer.status_code == 400
        assert answer.json()["error"].startswith("g.csv line 3: a term needs a source and a target")
        tbx = client.post("/v1/glossary/import", files={"file": ("t.tbx", TBX_WITHOUT_GERMAN)})
        assert tbx.status_code == 400
        assert (
            "t.tbx: no term entry has both en and de (term entry 1 has en)" in tbx.json()["error"]
        )
        odd = client.post("/v1/glossary/import", files={"file": ("g.xlsx", "a,b\n")})
        assert (
            odd.status_code == 400
            and "g.xlsx is a spreadsheet; save the sheet as CSV (UTF-8)" in odd.json()["error"]
        )
        assert client.get("/v1/glossary").json()["terms"] == []  # nothing was written


def test_a_swapped_glossary_upload_is_refused_as_the_command_refuses_it(api):
    swapped = "Infusionspumpe,infusion pump\nGebrauchsanweisung,IFU\nHersteller,manufacturer\n"
    with api.client(api.key("greta")) as client:
        answer = client.post("/v1/glossary/import", files={"file": ("g.csv", swapped)})
        assert (answer.status_code, answer.json()["error"]) == (
            400,
            "g.csv: 2 of 3 rows read as German first and English second: target terms first; a "
            "glossary of en to de has its source terms first: swap the columns; nothing was "
            "imported (language_check=false imports it as it is)",
        )
        assert client.get("/v1/glossary").json()["terms"] == []
        told = client.post(
            "/v1/glossary/import",
            files={"file": ("g.csv", swapped)},
            data={"language_check": "false"},
        )
        assert told.status_code == 200 and told.json()["added"] == 3


def test_glossaries_are_per_user(api):
    with api.client(api.key("hanna")) as hanna, api.client(api.key("hugo")) as hugo:
        hanna.post("/v1/glossary", json={"terms": [{"source": "file", "target": "Datei"}]})
        assert hugo.get("/v1/glossary").json() == {"user": "hugo", "terms": []}
        refused = hugo.get("/v1/glossary", params={"user": "hanna"})
        assert refused.status_code == 403


def test_an_upload_s_header_maps_its_columns_by_name(api):
    """``Target,Source`` was imported swapped, with the header as the term Target → Source."""
    upload = (
        "Target,Source,Case\nFörderrate,flow rate,\nInfusionspumpe,infusion pump,\n"
        "Gebrauchsanweisung,instructions for use,\nIV,IV,yes\n"
    )
    with api.client(api.key("gesa")) as client:
        answer = client.post("/v1/glossary/import", files={"file": ("g.csv", upload)})
        assert answer.status_code == 200, answer.text
        terms = client.get("/v1/glossary").json()["terms"]
        assert {(t["source"], t["target"], t["case_sensitive"]) for t in terms} == {
            ("flow rate", "Förderrate", False),
            ("infusion pump", "Infusionspumpe", False),
            ("instructions for use", "Gebrauchsanweisung", False),
            ("IV", "IV", True),
        }
        typo = client.post("/v1/glossary/import", files={"file": ("t.csv", "sourse,traget\na,b\n")})
        assert typo.status_code == 400
        assert "column 'sourse' is not one ltmt reads" in typo.json()["error"]
