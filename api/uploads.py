"""Uploads as jobs: a PDF is read and indexed off the request, and the request waits only so long.

A text PDF is indexed in seconds, but a scan is read with OCR at several seconds a page. So every upload runs
in one worker thread (one at a time: the index has one writer anyway), and the request waits for it up to
``Settings.upload_wait_s``. Done by then: the answer is the upload's result (or its error), as always. Not done:
``202 Accepted`` with a status URL, ``GET /api/uploads/{job}``, that reports ``running``, then ``done`` with the
result or ``failed`` with the error. The job runs to its end whatever the client does; a crash or kill while it
runs leaves the index as it was (parsing and OCR touch nothing; writing is atomic, see ``retrieval.index``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Literal

from pydantic import BaseModel, Field

from api import service
from api.schemas import ErrorBody, UploadResult
from ingestion.errors import ReferatError
from retrieval.index import IngestResult

logger = logging.getLogger(__name__)

# Finished jobs kept for their status URL; the oldest are forgotten first.
KEEP_FINISHED = 200


class UploadJobNotFound(ReferatError):
    code = "upload_job_not_found"


class UploadStatus(BaseModel):
    job: str
    file_name: str
    state: Literal["running", "done", "failed"]
    status_url: str
    result: UploadResult | None = Field(default=None, description="When done: what was indexed.")
    error: ErrorBody | None = Field(default=None, description="When failed: what was wrong, in Danish.")


class UploadJobs:
    """The upload worker and the jobs it has run."""

    def __init__(self, ingest: Callable[[bytes, str], IngestResult]) -> None:
        self._ingest = ingest
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upload")
        self._jobs: OrderedDict[str, tuple[str, Future[IngestResult]]] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, data: bytes, file_name: str) -> tuple[str, Future[IngestResult]]:
        job = uuid.uuid4().hex
        future = self._pool.submit(self._ingest, data, file_name)
        with self._lock:
            self._jobs[job] = (file_name, future)
            self._forget_old()
        return job, future

    async def wait(self, future: Future[IngestResult], seconds: float) -> IngestResult | None:
        """The job's result if it finishes within ``seconds`` (its error is raised); None if it is still running."""
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout=seconds)
        except TimeoutError:
            return None

    def status(self, job: str) -> UploadStatus:
        with self._lock:
            entry = self._jobs.get(job)
        if entry is None:
            raise UploadJobNotFound(
                f"Uploadjobbet {job[:64]} findes ikke (eller er glemt efter en genstart). Se dokumentlisten."
            )
        file_name, future = entry
        status = UploadStatus(job=job, file_name=file_name, state="running", status_url=status_url(job))
        if not future.done():
            return status
        error = future.exception()
        if error is None:
            return status.model_copy(update={"state": "done", "result": upload_result(future.result())})
        if isinstance(error, ReferatError):
            body = ErrorBody(code=error.code, message=error.message)
        else:
            logger.error("upload %s failed", job, exc_info=error)
            body = ErrorBody(code="internal_error", message="Indlæsningen fejlede uventet; se serverens log.")
        return status.model_copy(update={"state": "failed", "error": body})

    def close(self) -> None:
        """Let a running job finish (its write is atomic either way) and stop the worker."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [job for job, (_, future) in self._jobs.items() if future.done()]
        for job in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[job]


def status_url(job: str) -> str:
    return f"/api/uploads/{job}"


def upload_result(result: IngestResult) -> UploadResult:
    return UploadResult(
        **service.summary(result.document).model_dump(),
        status=result.status,
        ocr_pages=result.ocr_pages,
        unread_pages=result.unread_pages,
    )
