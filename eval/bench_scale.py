"""``make bench-scale``: a municipality's archive on this machine — printed measurements, never asserted.

Renders N meetings of Greve's FirstAgenda JSON (``../shared/corpus/greve``, else the copy in ``eval/corpus/greve``)
to PDFs in the layouts of ``eval/render`` (layout by turn), plus ``--copies`` re-dated copies of each in other
layouts (to reach 50,000 chunks), and measures:

- before/after on a sample of the same meetings: ingest with the PyTorch fp32 embedder vs the default (OpenVINO);
- ingest of everything with ``referat ingest`` (one call): wall time, pages/s, passages/s, peak RSS, size on disk;
- the server (``referat serve``) over that index: RSS, warm ``/api/ask`` latency p50/p95 over fixed questions, and
  one upload of an unseen ~30-page meeting through ``/api/documents``, end to end;
- the same server measurements with the vectors in a local ``chroma run`` server (``REFERAT_CHROMA_URL``).

python -m eval.bench_scale --n 20            # a few minutes
python -m eval.bench_scale --copies 3        # all 285 meetings + 3 re-dated copies: > 50,000 chunks
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from eval.load import _free_port
from eval.metrics import percentile
from eval.render.layouts import LAYOUTS
from eval.render.pdf import render
from eval.render.source import SourceMeeting, load_meeting

SHARED_GREVE = Path("../shared/corpus/greve")
REPO_GREVE = Path("eval/corpus/greve")
ADMIN_KEY = "bench-scale"
# Fixed questions of the kinds politicians and staff ask; only their latency is measured here.
QUESTIONS = [
    "Hvad besluttede udvalget om budgettet for 2024?",
    "Hvem er formand for udvalget?",
    "Hvornår blev lokalplanen for Greve Strand behandlet?",
    "Hvad koster renoveringen af skolerne?",
    "Hvilke tilskud blev bevilget til foreningerne?",
    "Hvorfor blev ansøgningen afslået?",
    "Hvad er status på klimaplanen?",
    "Hvor mange børn venter på en plads i daginstitution?",
    "Hvad har byrådet besluttet om trafiksikkerhed?",
    "Hvilke medlemmer havde afbud til mødet?",
    "Hvad blev besluttet om ældreplejen?",
    "Hvor stor er anlægsbevillingen til cykelstier?",
    "Hvad indstiller administrationen om kvalitetsrapporten?",
    "Hvornår skal den nye idrætshal stå færdig?",
    "Hvad skete der med sagen om vandforsyningen?",
    "Hvilke høringssvar kom der til planstrategien?",
]


def _python() -> str:
    return sys.executable


def _referat(*arguments: str) -> list[str]:
    return [_python(), "-m", "api.cli", *arguments]


def _pages(pdf: bytes) -> int:
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def render_corpus(meetings: list[Path], copies: int, out: Path) -> tuple[list[list[Path]], list[int]]:
    """Each meeting in a layout by turn; copy k is the same minutes moved back k×4 years (new bytes, same text).
    Returns the PDFs and their page counts per round: the originals first, then each round of copies. Rendered on
    every core; a PDF already in ``out`` (an earlier run with the same --workdir) is kept."""
    from concurrent.futures import ProcessPoolExecutor

    out.mkdir(parents=True, exist_ok=True)
    jobs = [(path, number, copy, out) for copy in range(copies + 1) for number, path in enumerate(meetings)]
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        done = list(pool.map(_render_one, jobs, chunksize=4))
    rounds: list[list[Path]] = [[] for _ in range(copies + 1)]
    pages = [0] * (copies + 1)
    for (_, _, copy, _), (target, page_count) in zip(jobs, done, strict=True):
        rounds[copy].append(target)
        pages[copy] += page_count
    return rounds, pages


def _render_one(job: tuple[Path, int, int, Path]) -> tuple[Path, int]:
    path, number, copy, out = job
    meeting = _redated(load_meeting(path), copy)
    layout = LAYOUTS[number % len(LAYOUTS)]
    target = out / f"{layout.name}_{meeting.start:%Y-%m-%d}_{path.stem}-{copy}.pdf"
    if target.is_file():
        try:
            return target, _pages(target.read_bytes())
        except Exception:  # a PDF cut short by an interrupted run: rendered again below
            target.unlink()
    rendering = render(meeting, layout)
    target.write_bytes(rendering.pdf)
    return target, rendering.page_count


def unseen_meeting(meetings: list[Path], copy: int, out: Path, pages: int = 30) -> Path:
    """The upload into the full index: the meeting whose PDF is nearest ``pages`` pages, re-dated to a date no
    ingested copy has and printed in another layout — new bytes, a new document."""
    best: tuple[int, Path] | None = None
    for path in meetings[:40]:
        meeting = _redated(load_meeting(path), copy)
        layout = LAYOUTS[copy % len(LAYOUTS)]
        rendering = render(meeting, layout)
        if best is None or abs(rendering.page_count - pages) < best[0]:
            out.mkdir(parents=True, exist_ok=True)
            target = out / f"{layout.name}_{meeting.start:%Y-%m-%d}_{path.stem}-upload.pdf"
            target.write_bytes(rendering.pdf)
            best = (abs(rendering.page_count - pages), target)
        if best[0] <= 2:
            break
    assert best is not None
    return best[1]


def _redated(meeting: SourceMeeting, copy: int) -> SourceMeeting:
    return dataclasses.replace(meeting, start=meeting.start - dt.timedelta(weeks=209 * copy)) if copy else meeting


def ingest(
    paths: list[Path], data_dir: Path, env: dict[str, str], milestones: tuple[int, ...] = ()
) -> tuple[float, float, list[float]]:
    """One ``referat ingest`` of ``paths`` (in this order) in a child process: wall seconds, the child's peak RSS
    in GB, and the seconds at which the registry first held each number of complete documents in ``milestones``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    command = _referat("ingest", *map(str, paths), "--data-dir", str(data_dir))
    with (data_dir.parent / f"ingest-{data_dir.name}.log").open("w") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        reached = _follow(process, data_dir / "registry.sqlite", milestones, started)
    if process.returncode:
        raise RuntimeError(f"referat ingest stoppede med kode {process.returncode} (se {log.name})")
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:
        print("  (top-RSS er en tidligere underproces'; denne er ikke målt for sig)")
    return wall, peak / 1024 / 1024, reached


def _follow(process: subprocess.Popen, registry: Path, milestones: tuple[int, ...], started: float) -> list[float]:
    """Poll the registry while the ingest runs: when did it first hold each number of complete documents?"""
    import sqlite3

    reached: list[float] = []
    while process.poll() is None:
        time.sleep(1)
        if len(reached) < len(milestones) and registry.is_file():
            try:
                with sqlite3.connect(f"file:{registry}?mode=ro", uri=True, timeout=1) as connection:
                    done = connection.execute("SELECT COUNT(*) FROM documents WHERE status = 'complete'").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            while len(reached) < len(milestones) and done >= milestones[len(reached)]:
                reached.append(time.perf_counter() - started)
    return reached


def index_counts(data_dir: Path, backend: str = "auto") -> dict[str, int]:
    """Documents, chunks, embedded passages (chunks + sentences) and whether Chroma, BM25 and registry agree."""
    from retrieval.index import Index
    from retrieval.settings import Settings

    index = Index.open(Settings(data_dir=data_dir, backend=backend))
    documents, chunks = index.counts()
    sentences = 0
    for path in (data_dir / "documents").glob("*.chunks.json"):
        offsets = json.loads(path.read_text(encoding="utf-8")).get("sentence_offsets") or [0]
        sentences += offsets[-1]
    consistent = chunks == index._collection.count() == len(index._bm25.ids)
    index.close()
    return {"documents": documents, "chunks": chunks, "passages": chunks + sentences, "consistent": int(consistent)}


def disk_size(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1024 / 1024


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serveren stoppede (kode {process.returncode})")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} svarede ikke inden for {seconds:.0f} s")


def _rss_gb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024 / 1024
    return float("nan")


@contextmanager
def running(command: list[str], env: dict[str, str], ready_url: str, log: Path) -> Iterator[subprocess.Popen]:
    with log.open("w") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(ready_url, process)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def serve_and_measure(data_dir: Path, env: dict[str, str], upload: Path, label: str) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**env, "REFERAT_ADMIN_KEY": ADMIN_KEY, "REFERAT_UPLOAD_WAIT_S": "120"}
    started = time.perf_counter()
    command = _referat("serve", "--port", str(port), "--data-dir", str(data_dir))
    with running(command, env, f"{base}/readyz", data_dir.parent / f"serve-{label}.log") as server:
        print(
            f"[{label}] server klar på {time.perf_counter() - started:.1f} s, RSS {_rss_gb(server.pid, 'VmRSS'):.2f} GB"
        )
        with httpx.Client(base_url=base, timeout=120) as client:
            for question in QUESTIONS:  # warm-up: the first query of each kind loads documents and vectors
                client.post("/api/ask", json={"question": question}).raise_for_status()
            latencies = []
            for _ in range(2):
                for question in QUESTIONS:
                    began = time.perf_counter()
                    client.post("/api/ask", json={"question": question}).raise_for_status()
                    latencies.append((time.perf_counter() - began) * 1000)
            print(
                f"[{label}] ask, varm: {len(latencies)} spørgsmål, p50 {percentile(latencies, 0.5):.0f} ms, "
                f"p95 {percentile(latencies, 0.95):.0f} ms, middel {statistics.mean(latencies):.0f} ms"
            )
            began = time.perf_counter()
            with upload.open("rb") as handle:
                response = client.post(
                    "/api/documents",
                    files={"file": (upload.name, handle, "application/pdf")},
                    headers={"Authorization": f"Bearer {ADMIN_KEY}"},
                )
            response.raise_for_status()
            body = response.json()
            while response.status_code == 202 and body.get("state") == "running":
                time.sleep(0.2)
                body = client.get(body["status_url"], headers={"Authorization": f"Bearer {ADMIN_KEY}"}).json()
            elapsed = time.perf_counter() - began
            chunks = (body.get("result") or body).get("chunks", "?")
            print(
                f"[{label}] upload af {upload.name} ({_pages(upload.read_bytes())} sider, {chunks} tekststykker): "
                f"{elapsed:.1f} s fra afsendelse til svar"
            )
            now, top = _rss_gb(server.pid, "VmRSS"), _rss_gb(server.pid, "VmHWM")
            print(f"[{label}] server RSS nu {now:.2f} GB, top {top:.2f} GB")


def copy_to_chroma_server(data_dir: Path, target: Path, chroma_url: str) -> None:
    """The same index with its vectors in a Chroma server: registry, BM25 and documents copied, vectors moved
    (embedding everything again would measure the ingest a second time, not the server)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from retrieval.settings import Settings

    shutil.copytree(data_dir, target, ignore=shutil.ignore_patterns("chroma"))
    collection_name = Settings().collection
    same = ChromaSettings(anonymized_telemetry=False, allow_reset=False)  # as the index opened it in this process
    local = chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=same).get_collection(collection_name)
    host, port = chroma_url.removeprefix("http://").split(":")
    remote_client = chromadb.HttpClient(host=host, port=int(port), settings=ChromaSettings(anonymized_telemetry=False))
    remote = remote_client.get_or_create_collection(collection_name, metadata=local.metadata, embedding_function=None)
    ids = local.get(include=[])["ids"]
    for start in range(0, len(ids), 2000):
        page = local.get(ids=ids[start : start + 2000], include=["embeddings", "metadatas", "documents"])
        remote.add(
            ids=page["ids"], embeddings=page["embeddings"], metadatas=page["metadatas"], documents=page["documents"]
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=0, help="meetings (0 = all in the source folder)")
    parser.add_argument("--copies", type=int, default=0, help="re-dated copies of each meeting (same text)")
    parser.add_argument("--sample", type=int, default=8, help="meetings in the before/after comparison")
    parser.add_argument("--source", type=Path, default=SHARED_GREVE if SHARED_GREVE.is_dir() else REPO_GREVE)
    parser.add_argument("--workdir", type=Path, help="keep everything here (default: a temporary folder)")
    parser.add_argument("--no-chroma-server", action="store_true", help="skip the measurement with `chroma run`")
    parser.add_argument("--copy-vectors", nargs=3, metavar=("DATA_DIR", "TARGET", "URL"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.copy_vectors:  # in a fresh process: this one's Chroma client has not seen the server's upload
        data_dir, target, url = arguments.copy_vectors
        copy_to_chroma_server(Path(data_dir), Path(target), url)
        return
    meetings = sorted(arguments.source.glob("*.json"))[: arguments.n or None]
    print(f"Maskine: {platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="referat-scale-") as scratch:
        work = arguments.workdir or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        rounds, round_pages = render_corpus(meetings, arguments.copies, work / "pdfs")
        pdfs, pages = [path for paths in rounds for path in paths], sum(round_pages)
        upload = unseen_meeting(meetings, arguments.copies + 1, work / "upload")
        server_upload = unseen_meeting(meetings, arguments.copies + 2, work / "upload")
        print(
            f"Gengivet: {len(meetings)} møder × {arguments.copies + 1} = {len(pdfs)} PDF'er, {pages} sider "
            f"({time.perf_counter() - started:.0f} s)"
        )
        env = {**os.environ, "PYTHONPATH": str(Path.cwd())}

        sample = rounds[0][: arguments.sample]
        sample_pages = sum(_pages(path.read_bytes()) for path in sample)
        for backend in ("torch", "openvino"):
            data_dir = work / f"sample-{backend}"
            wall, _, _ = ingest(sample, data_dir, {**env, "REFERAT_BACKEND": backend})
            counts = index_counts(data_dir, backend)
            print(
                f"Før/efter, {len(sample)} møder ({sample_pages} sider), REFERAT_BACKEND={backend}: {wall:.0f} s = "
                f"{sample_pages / wall:.2f} sider/s, {counts['passages'] / wall:.1f} passager/s"
            )

        data_dir = work / "data"
        wall, peak, reached = ingest(pdfs, data_dir, env, (len(rounds[0]),))
        counts = index_counts(data_dir)
        if reached:
            print(
                f"Indlæsning af de {len(rounds[0])} møder ({round_pages[0]} sider): {reached[0] / 60:.1f} min = "
                f"{round_pages[0] / reached[0]:.2f} sider/s"
            )
        print(
            f"Indlæsning i alt (én `referat ingest`, {arguments.copies} omdaterede kopier efter originalerne): "
            f"{counts['documents']} dokumenter, {pages} sider, {counts['chunks']} "
            f"tekststykker, {counts['passages']} passager på {wall / 60:.1f} min = {pages / wall:.2f} sider/s, "
            f"{counts['passages'] / wall:.1f} passager/s; top-RSS {peak:.2f} GB; "
            f"på disken {disk_size(data_dir):.0f} MB; "
            f"konsistent (registry = Chroma = BM25): {'ja' if counts['consistent'] else 'NEJ'}"
        )
        serve_and_measure(data_dir, env, upload, "indlejret Chroma")

        if arguments.no_chroma_server:
            return
        port = _free_port()
        chroma_url = f"http://127.0.0.1:{port}"
        chroma = [
            str(Path(_python()).with_name("chroma")),
            "run",
            "--path",
            str(work / "chroma-server"),
            "--port",
            str(port),
        ]
        with running(chroma, env, f"{chroma_url}/api/v2/heartbeat", work / "chroma-server.log"):
            began = time.perf_counter()
            command = [_python(), "-m", "eval.bench_scale", "--copy-vectors", str(data_dir), str(work / "data-server")]
            subprocess.run([*command, chroma_url], env=env, check=True)
            print(f"Vektorer flyttet til Chroma-serveren på {time.perf_counter() - began:.0f} s")
            server_env = {**env, "REFERAT_CHROMA_URL": chroma_url}
            wall, _, _ = ingest(sample, work / "sample-chroma-server", {**server_env, "REFERAT_COLLECTION": "sample"})
            print(f"[Chroma-server] indlæsning af de {len(sample)} møder: {sample_pages / wall:.2f} sider/s")
            serve_and_measure(work / "data-server", server_env, server_upload, "Chroma-server")


if __name__ == "__main__":
    main()
