"""Load and fault figures of ``ltmt serve``: latency, throughput, imports under load, crashes, keys.

Starts ``ltmt serve`` on 127.0.0.1 (a free port; nothing else is contacted) over a fresh store
in a temporary folder, with 16 users, each with its own key and, as memory, one dev user's
``memory.jsonl`` (user i gets dev user i mod 5, uploaded through ``/v1/memory/import``). Then:

1. **Load**: the same list of requests (one test segment each, from the user's dev user's
   ``test.jsonl``: UI strings and paragraphs as they come) is sent by 1, 4 and 16 concurrent
   clients; client j sends the requests of users j, j+c, ... with their keys, one at a time.
   Levels run in the order 1, 4, 16, 16, 4, 1 so a drifting host speed affects all alike.
   p50 / p95 latency, segments/s, errors, and the decoder's mean batch per level.
2. **Imports under load**: 2 clients add pairs in batches (and each uploads a file) while 8
   translate; errors, and whether every memory's count is exactly what was added.
3. **kill -9** of the server while 1 client adds batches and 1 uploads a file, then a restart:
   the store must open and hold every acknowledged batch (the one in flight entirely or not at
   all) and the file entirely or not at all.
4. **Refusals**: 1,000 requests with no key, a wrong key, a revoked key, or another user's key
   on a user's endpoints (``?user=``, and LibreTranslate's ``api_key``): all must be refused,
   and no user's memory may change (counts and exports compared before and after).

    flock -x /tmp/ltmt-cpu.lock python eval/bench_server.py --model ltmt/models/default-en-de \\
        --threads 2 --output eval/results/server/bench.json

Every loop is bounded in count and in time (``--phase-seconds``).
"""

from __future__ import annotations

import argparse
import json
import platform
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, REPO, read_jsonl, use_this_checkout, write_json

use_this_checkout()

import httpx  # noqa: E402

from ltmt.memory.keys import KeyRing  # noqa: E402
from ltmt.memory.store import Memory  # noqa: E402
from ltmt.server.process import ServerProcess  # noqa: E402

USERS = 16
LEVELS = (1, 4, 16)
IMPORT_BATCH = 100


@dataclass(frozen=True)
class Request:
    user: int
    segment: str


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def client(url: str, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=url, headers=headers, timeout=120.0)


class Bench:
    def __init__(self, args: argparse.Namespace, root: Path) -> None:
        self.args = args
        self.root = root
        self.store = root / "store"
        self.log = root / "server.log"
        dev = sorted(args.users_dir.glob("*.test.jsonl"))
        if not dev:
            raise SystemExit(f"no USER.test.jsonl in {args.users_dir}")
        self.dev_users = [p.name.removesuffix(".test.jsonl") for p in dev]
        self.tests = {
            name: [row["source"] for row in read_jsonl(args.users_dir / f"{name}.test.jsonl")]
            for name in self.dev_users
        }
        self.users = [f"client{i:02d}" for i in range(USERS)]
        with Memory(self.store) as memory:
            ring = KeyRing(memory)
            names = [*self.users, "importer0", "importer1", "batches", "bulk", "victim"]
            self.tokens = {name: ring.create(name)[1] for name in names}
            self.admin = ring.create("admin", admin=True)[1]
        self.server: ServerProcess | None = None

    def dev_of(self, user_index: int) -> str:
        return self.dev_users[user_index % len(self.dev_users)]

    # -- server ------------------------------------------------------------------------------

    def start(self) -> ServerProcess:
        args = ["--model", str(self.args.model), "--memory-dir", str(self.store)]
        args += ["--threads", str(self.args.threads), "--beam", str(self.args.beam)]
        args += ["--fusion", self.args.fusion, "--batch-wait-ms", str(self.args.batch_wait_ms)]
        started = time.perf_counter()
        self.server = ServerProcess.start(args, self.log)
        print(f"server up in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        return self.server

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    def stats(self, user: str) -> int:
        with client(self.url, self.tokens.get(user, self.admin)) as c:
            answer = c.get(
                "/v1/memory/stats", params={"user": user} if user not in self.tokens else None
            )
            answer.raise_for_status()
            return int(answer.json()["segments"])

    def batch_stats(self) -> dict[str, int]:
        with client(self.url) as c:
            return c.get("/health").json()

    # -- setup -------------------------------------------------------------------------------

    def import_memories(self) -> dict[str, Any]:
        started = time.perf_counter()
        added = {}
        for index, user in enumerate(self.users):
            path = self.args.users_dir / f"{self.dev_of(index)}.memory.jsonl"
            with client(self.url, self.tokens[user]) as c:
                answer = c.post("/v1/memory/import", files={"file": (path.name, path.read_bytes())})
                answer.raise_for_status()
                added[user] = answer.json()["added"]
        return {
            "users": len(added),
            "segments": sum(added.values()),
            "seconds": time.perf_counter() - started,
        }

    # -- 1. load -----------------------------------------------------------------------------

    def requests(self) -> list[Request]:
        per_user = self.args.requests // USERS
        out = []
        for round_ in range(per_user):
            for index in range(USERS):
                tests = self.tests[self.dev_of(index)]
                # users of the same dev user read different parts of its test set
                position = (index // len(self.dev_users)) * per_user + round_
                out.append(Request(index, tests[position % len(tests)]))
        return out

    def send_all(self, requests: list[Request], clients: int) -> dict[str, Any]:
        """Client j sends, one at a time, the requests of users j, j + clients, ..."""
        deadline = time.monotonic() + self.args.phase_seconds
        latencies: list[float] = []
        errors: Counter[str] = Counter()
        lock = threading.Lock()

        def run(j: int) -> None:
            mine = [r for r in requests if r.user % clients == j]
            sessions = {
                u: client(self.url, self.tokens[self.users[u]]) for u in {r.user for r in mine}
            }
            try:
                for r in mine:
                    if time.monotonic() > deadline:
                        with lock:
                            errors["not sent: phase time budget spent"] += 1
                        continue
                    started = time.perf_counter()
                    try:
                        answer = sessions[r.user].post(
                            "/v1/translate", json={"segments": [r.segment]}
                        )
                        ok = answer.status_code == 200 and len(answer.json()["translations"]) == 1
                        problem = None if ok else f"HTTP {answer.status_code}"
                    except httpx.HTTPError as exc:
                        problem = type(exc).__name__
                    with lock:
                        if problem:
                            errors[problem] += 1
                        else:
                            latencies.append(time.perf_counter() - started)
            finally:
                for session in sessions.values():
                    session.close()

        before = self.batch_stats()
        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(run, range(clients)))
        seconds = time.perf_counter() - started
        after = self.batch_stats()
        batches = after["batches"] - before["batches"]
        return {
            "clients": clients,
            "requests": len(requests),
            "ok": len(latencies),
            "errors": dict(errors),
            "seconds": seconds,
            "latencies": latencies,
            "batches": batches,
        }

    def load(self) -> dict[str, Any]:
        requests = self.requests()
        warm = self.send_all(requests[:USERS], USERS)  # builds the translator, fills caches
        order = [*LEVELS, *reversed(LEVELS)]
        runs = [self.send_all(requests, clients) for clients in order]
        levels = {}
        for clients in LEVELS:
            mine = [r for r in runs if r["clients"] == clients]
            latencies = [x for r in mine for x in r["latencies"]]
            seconds = sum(r["seconds"] for r in mine)
            ok = sum(r["ok"] for r in mine)
            errors: Counter[str] = Counter()
            for r in mine:
                errors.update(r["errors"])
            levels[str(clients)] = {
                "requests": sum(r["requests"] for r in mine),
                "segments_ok": ok,
                "errors": sum(errors.values()),
                "error_kinds": dict(errors),
                "seconds": round(seconds, 2),
                "segments_per_s": round(ok / seconds, 2),
                "p50_ms": round(1000 * percentile(latencies, 0.5), 1),
                "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
                "mean_requests_per_batch": round(ok / max(1, sum(r["batches"] for r in mine)), 2),
                "segments_per_s_by_run": [round(r["ok"] / r["seconds"], 2) for r in mine],
            }
        one, many = levels["1"]["segments_per_s"], levels[str(LEVELS[-1])]["segments_per_s"]
        return {
            "warm_up_errors": sum(warm["errors"].values()),
            "order": order,
            "levels": levels,
            "throughput_16_vs_1": round(many / one, 2),
        }

    # -- 2. imports while translating --------------------------------------------------------

    def imports_under_load(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.args.phase_seconds
        errors: Counter[str] = Counter()
        added: Counter[str] = Counter()
        expected: Counter[str] = Counter()
        before = {u: self.stats(u) for u in self.users[:8]}
        lock = threading.Lock()

        def importer(k: int) -> None:
            user = f"importer{k}"
            with client(self.url, self.tokens[user]) as c:
                path = self.args.users_dir / f"{self.dev_users[k]}.memory.jsonl"
                answer = c.post("/v1/memory/import", files={"file": (path.name, path.read_bytes())})
                if answer.status_code != 200:
                    errors[f"import HTTP {answer.status_code}"] += 1
                else:
                    with lock:
                        added[user] += answer.json()["added"]
                        expected[user] += answer.json()["added"]
                for n in range(self.args.import_batches):
                    if time.monotonic() > deadline:
                        break
                    pairs = [
                        {
                            "source": f"generated string {k}-{n}-{i} for the import test",
                            "target": f"erzeugte Zeichenkette {k}-{n}-{i}",
                        }
                        for i in range(IMPORT_BATCH)
                    ]
                    answer = c.post("/v1/memory/pairs", json={"pairs": pairs})
                    with lock:
                        if answer.status_code != 200:
                            errors[f"pairs HTTP {answer.status_code}"] += 1
                        else:
                            added[user] += answer.json()["added"]
                            expected[user] += IMPORT_BATCH

        def translator(j: int) -> int:
            user = self.users[j]
            tests = self.tests[self.dev_of(j)]
            sent = 0
            with client(self.url, self.tokens[user]) as c:
                for n in range(self.args.mixed_requests):
                    if time.monotonic() > deadline:
                        break
                    answer = c.post(
                        "/v1/translate", json={"segments": [tests[(n * 7 + j) % len(tests)]]}
                    )
                    sent += 1
                    if answer.status_code != 200:
                        with lock:
                            errors[f"translate HTTP {answer.status_code}"] += 1
            return sent

        started = time.perf_counter()
        with ThreadPoolExecutor(10) as pool:
            imports = [pool.submit(importer, k) for k in range(2)]
            translations = [pool.submit(translator, j) for j in range(8)]
            for future in imports:
                future.result()
            translated = sum(f.result() for f in translations)
        counts = {u: self.stats(u) for u in ("importer0", "importer1")}
        after = {u: self.stats(u) for u in self.users[:8]}
        return {
            "seconds": round(time.perf_counter() - started, 2),
            "translate_requests": translated,
            "errors": sum(errors.values()),
            "error_kinds": dict(errors),
            "import_counts": counts,
            "import_counts_expected": dict(expected),
            "import_counts_exact": counts == dict(added) == dict(expected),
            "translating_users_unchanged": before == after,
        }

    # -- 3. kill -9 during imports, restart --------------------------------------------------

    def crash(self) -> dict[str, Any]:
        assert self.server is not None
        acknowledged: list[int] = []
        file_status: list[int] = []
        bulk = "".join(
            json.dumps(
                {"source": f"bulk string {i} to import", "target": f"Massenzeichenkette {i}"}
            )
            + "\n"
            for i in range(self.args.bulk_pairs)
        ).encode()

        def batches() -> None:
            with client(self.url, self.tokens["batches"]) as c:
                for n in range(10_000):
                    pairs = [
                        {
                            "source": f"batch {n} string {i} before the crash",
                            "target": f"Stapel {n} Zeichenkette {i}",
                        }
                        for i in range(IMPORT_BATCH)
                    ]
                    try:
                        answer = c.post("/v1/memory/pairs", json={"pairs": pairs})
                    except httpx.HTTPError:
                        return
                    if answer.status_code == 200:
                        acknowledged.append(answer.json()["added"])

        def upload() -> None:
            with client(self.url, self.tokens["bulk"]) as c:
                try:
                    answer = c.post("/v1/memory/import", files={"file": ("bulk.jsonl", bulk)})
                    file_status.append(answer.status_code)
                except httpx.HTTPError:
                    pass

        workers = [threading.Thread(target=batches), threading.Thread(target=upload)]
        for worker in workers:
            worker.start()
        time.sleep(self.args.kill_after)
        killed_at = time.perf_counter()
        self.server.stop(signal.SIGKILL)
        for worker in workers:
            worker.join()
        started = time.perf_counter()
        self.start()
        restart_s = time.perf_counter() - started
        count, bulk_count = self.stats("batches"), self.stats("bulk")
        committed = sum(acknowledged)
        return {
            "killed_after_s": self.args.kill_after,
            "acknowledged_batches": len(acknowledged),
            "acknowledged_pairs": committed,
            "batches_count_after_restart": count,
            "in_flight_batch_committed": count == committed + IMPORT_BATCH,
            "batches_ok": count in (committed, committed + IMPORT_BATCH),
            "bulk_pairs": self.args.bulk_pairs,
            "bulk_answered": file_status,
            "bulk_count_after_restart": bulk_count,
            "bulk_ok": bulk_count in (0, self.args.bulk_pairs)
            and (bulk_count == self.args.bulk_pairs or not file_status),
            "restart_s": round(restart_s, 2),
            "down_s": round(time.perf_counter() - killed_at, 2),
        }

    # -- 4. refusals -------------------------------------------------------------------------

    def snapshot(self, users: list[str]) -> dict[str, Any]:
        """Each user's count and segments, read from the store directly (the refusals lock this
        address out of the server for a while)."""
        with Memory(self.store) as memory:
            return {
                user: (
                    memory.count(user),
                    [(x.id, x.source, x.target) for x in memory.segments(user)],
                )
                for user in users
            }

    def refusals(self) -> dict[str, Any]:
        victim = self.tokens["victim"]
        with client(self.url, victim) as c:
            c.post(
                "/v1/memory/pairs",
                json={"pairs": [{"source": "secret source", "target": "geheimes Ziel"}]},
            )
        with Memory(self.store) as memory:  # a second process may write keys while it serves
            ring = KeyRing(memory)
            revoked_key, revoked = ring.create("victim")
            ring.revoke(revoked_key.id)
        targets = ["victim", *self.users[:3]]
        before = self.snapshot(targets)
        other = self.tokens[self.users[0]]
        wrong = "ltmt_0123456789ab_" + "x" * 43
        as_other = {"Authorization": f"Bearer {other}"}
        victim_only = {"user": "victim"}
        # (kind, method, path, request options): one of each in turn
        kinds: list[tuple[str, str, str, dict[str, Any]]] = [
            ("other user: stats", "GET", "/v1/memory/stats", {"params": victim_only}),
            (
                "other user: search",
                "GET",
                "/v1/memory/search",
                {"params": {**victim_only, "q": "secret source"}},
            ),
            ("other user: export", "GET", "/v1/memory/export", {"params": victim_only}),
            ("other user: delete", "DELETE", "/v1/memory", {"params": victim_only}),
            (
                "other user: add pairs",
                "POST",
                "/v1/memory/pairs",
                {"params": victim_only, "json": {"pairs": [{"source": "x", "target": "y"}]}},
            ),
            ("no key", "POST", "/v1/translate", {"json": {"segments": ["secret source"]}}),
            (
                "revoked key",
                "GET",
                "/v1/memory/export",
                {"headers": {"Authorization": f"Bearer {revoked}"}},
            ),
            (
                "wrong key: LibreTranslate",
                "POST",
                "/translate",
                {"json": {"q": "secret source", "source": "en", "target": "de", "api_key": wrong}},
            ),
        ]
        attempts = [kinds[i % len(kinds)] for i in range(self.args.refusals)]
        for n, (kind, method, path, options) in enumerate(attempts):
            if kind.startswith("other user"):
                attempts[n] = (kind, method, path, {**options, "headers": as_other})
        # the other user's requests first: a valid key's refusal does not count as a failed
        # attempt, while the wrong keys soon lock the address (429)
        attempts.sort(key=lambda a: not a[0].startswith("other user"))
        codes: dict[str, Counter[int]] = {}
        leaked = 0
        deadline = time.monotonic() + self.args.phase_seconds
        with client(self.url) as c:
            for kind, method, path, options in attempts:
                if time.monotonic() > deadline:
                    break
                answer = c.request(method, path, **options)
                codes.setdefault(kind, Counter())[answer.status_code] += 1
                leaked += "geheimes Ziel" in answer.text
        after = self.snapshot(targets)
        refused = sum(
            n
            for counter in codes.values()
            for code, n in counter.items()
            if code in (401, 403, 429)
        )
        sent = sum(sum(counter.values()) for counter in codes.values())
        return {
            "sent": sent,
            "refused": refused,
            "all_refused": refused == sent == self.args.refusals,
            "codes": {kind: dict(counter) for kind, counter in codes.items()},
            "answers_with_other_users_data": leaked,
            "memories_unchanged": before == after,
        }


def summarise(result: dict[str, Any]) -> str:
    lines = [
        "| clients | segments/s | p50 ms | p95 ms | errors | requests per batch |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for clients, level in result["load"]["levels"].items():
        lines.append(
            f"| {clients} | {level['segments_per_s']} | {level['p50_ms']} | {level['p95_ms']} | "
            f"{level['errors']} | {level['mean_requests_per_batch']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=REPO / "ltmt/models/default-en-de")
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--output", type=Path, default=REPO / "eval/results/server/bench.json")
    parser.add_argument("--threads", type=int, default=2, help="torch threads of the server")
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--fusion", default="auto")
    parser.add_argument("--batch-wait-ms", type=float, default=20.0, help="the server's setting")
    parser.add_argument(
        "--requests", type=int, default=192, help="requests per load level and round"
    )
    parser.add_argument("--mixed-requests", type=int, default=24, help="per translating client")
    parser.add_argument("--import-batches", type=int, default=20, help="per importing client")
    parser.add_argument("--bulk-pairs", type=int, default=50_000)
    parser.add_argument("--kill-after", type=float, default=2.0, help="seconds into the imports")
    parser.add_argument("--refusals", type=int, default=1000)
    parser.add_argument("--phase-seconds", type=float, default=300.0, help="time budget per phase")
    args = parser.parse_args(argv)
    if args.requests < USERS:
        parser.error(f"--requests must be at least {USERS}")
    with tempfile.TemporaryDirectory(prefix="ltmt-bench-server-") as tmp:
        bench = Bench(args, Path(tmp))
        started = time.perf_counter()
        bench.start()
        try:
            setup = bench.import_memories()
            print(
                f"imported {setup['segments']} segments for {setup['users']} users", file=sys.stderr
            )
            load = bench.load()
            print(json.dumps(load["levels"], indent=1), file=sys.stderr)
            mixed = bench.imports_under_load()
            print(json.dumps(mixed), file=sys.stderr)
            crash = bench.crash()
            print(json.dumps(crash), file=sys.stderr)
            refusals = bench.refusals()
            print(json.dumps(refusals), file=sys.stderr)
        finally:
            if bench.server is not None:
                stop_code = bench.server.stop()
            log = bench.log.read_text("utf-8", errors="replace")
    result = {
        "command": " ".join(sys.argv),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "setup": setup,
        "load": load,
        "imports_under_load": mixed,
        "kill_9": crash,
        "refusals": refusals,
        "server_stop_code": stop_code,
        "server_log_tracebacks": log.count("Traceback"),
        "seconds": round(time.perf_counter() - started, 1),
    }
    write_json(args.output, result)
    print(summarise(result))
    print(f"throughput 16 clients / 1 client: {load['throughput_16_vs_1']}x; wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
