"""``make load`` / ``python -m eval.load``: concurrent clients against a real server on loopback.

Starts ``referat serve`` on a free 127.0.0.1 port (traffic never leaves this machine), runs N client
threads asking questions from the dev set for T seconds (bounded), optionally uploads and deletes a PDF in a
loop meanwhile, then prints requests, errors by status, dropped requests and p50/p95/p99 latency.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from eval.metrics import percentile

MAX_SECONDS = 600
DATASET = Path("eval/datasets/dev.jsonl")


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    dropped: int = 0
    uploads: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_ready(base: str, process: subprocess.Popen, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"serveren stoppede under opstart (kode {process.returncode})")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("serveren blev ikke klar i tide")


def _client(base: str, questions: list[str], stop: threading.Event, tally: Tally, offset: int) -> None:
    with httpx.Client(base_url=base, timeout=60) as http:
        index = offset
        while not stop.is_set():
            question = questions[index % len(questions)]
            index += 1
            started = time.perf_counter()
            try:
                response = http.post("/api/ask", json={"question": question})
                status = response.status_code
            except httpx.HTTPError:
                with tally.lock:
                    tally.dropped += 1
                continue
            with tally.lock:
                tally.latencies_ms.append((time.perf_counter() - started) * 1000)
                tally.statuses[status] += 1


def _uploader(base: str, pdf: Path, key: str, stop: threading.Event, tally: Tally) -> None:
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, timeout=300) as http:
        while not stop.is_set():
            try:
                created = http.post(
                    "/api/documents", files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")}, headers=headers
                )
                tally.uploads[f"upload {created.status_code}"] += 1
                if created.status_code == 200:
                    removed = http.delete(f"/api/documents/{created.json()['id']}", headers=headers)
                    tally.uploads[f"delete {removed.status_code}"] += 1
            except httpx.HTTPError:
                tally.uploads["dropped"] += 1


def run(clients: int, seconds: float, upload: Path | None, corpus: Path, data_dir: Path | None) -> Tally:
    seconds = min(seconds, MAX_SECONDS)
    questions = [json.loads(line)["question"] for line in DATASET.read_text(encoding="utf-8").splitlines() if line]
    scratch = Path(tempfile.mkdtemp(prefix="referat-load-"))
    data = data_dir or scratch / "data"
    key = secrets.token_urlsafe(16)
    environment = {**os.environ, "REFERAT_DATA_DIR": str(data), "REFERAT_ADMIN_KEY": key}
    if data_dir is None:
        subprocess.run(
            [sys.executable, "-m", "api.cli", "ingest", str(corpus)],
            env=environment,
            check=False,
            stdout=subprocess.DEVNULL,
        )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    tally = Tally()
    try:
        _wait_ready(base, server)
        stop = threading.Event()
        threads = [threading.Thread(target=_client, args=(base, questions, stop, tally, n * 7)) for n in range(clients)]
        if upload:
            threads.append(threading.Thread(target=_uploader, args=(base, upload, key, stop, tally)))
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)
    return tally


def report(tally: Tally, clients: int, seconds: float) -> None:
    total = sum(tally.statuses.values())
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
    print(f"{clients} klienter i {seconds:.0f} s: {total} forespørgsler ({total / max(seconds, 1):.1f}/s)")
    print(f"status: {dict(sorted(tally.statuses.items()))}; 5xx: {server_errors}; tabte: {tally.dropped}")
    if tally.latencies_ms:
        p50, p95, p99 = (percentile(tally.latencies_ms, share) for share in (0.5, 0.95, 0.99))
        print(f"latens: p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms")
    if tally.uploads:
        print(f"upload/sletning imens: {dict(tally.uploads)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--upload",
        type=Path,
        default=Path("tests/fixtures/syddjurs-puk_2013-06-20_referat.pdf"),
        help="PDF der uploades og slettes i løkke imens (tom streng: ingen upload)",
    )
    parser.add_argument("--no-upload", action="store_true")
    parser.add_argument("--corpus", type=Path, default=Path("tests/fixtures"))
    parser.add_argument("--data-dir", type=Path, default=None, help="Brug et eksisterende indeks i stedet.")
    arguments = parser.parse_args()
    upload = None if arguments.no_upload else arguments.upload
    tally = run(arguments.clients, arguments.seconds, upload, arguments.corpus, arguments.data_dir)
    report(tally, arguments.clients, arguments.seconds)
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
    sys.exit(1 if server_errors or tally.dropped else 0)


if __name__ == "__main__":
    main()
