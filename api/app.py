"""The HTTP service: ``create_app(settings)``. Thin routes: request model → one call → response model."""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, File, Header, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import service
from api.schemas import (
    AskRequest,
    CaseTimeline,
    DocumentDetail,
    DocumentSummary,
    ErrorResponse,
    Health,
    Readiness,
    UploadResult,
)
from api.uploads import UploadJobs, UploadStatus, upload_result
from ingestion.errors import ReferatError
from retrieval.assistant import Assistant
from retrieval.domain import Answer, Filters, Hit
from retrieval.settings import Settings

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
STATUS_BY_CODE = {
    "invalid_question": 400,
    "invalid_case_number": 400,
    "invalid_file_name": 400,
    "document_not_found": 404,
    "unreadable_pdf": 422,
    "encrypted_pdf": 422,
    "no_text_layer": 422,
    "empty_pdf": 422,
    "upload_too_large": 413,
    "upload_job_not_found": 404,
    "model_mismatch": 503,
    "index_unavailable": 503,
    "model_unavailable": 503,
    "llm_unavailable": 503,
}
HTTP_MESSAGES = {
    404: "Adressen findes ikke.",
    405: "Metoden er ikke tilladt for denne adresse.",
}


class AdminDisabled(ReferatError):
    code = "admin_disabled"


class NotAuthorised(ReferatError):
    code = "not_authorised"


class UploadTooLarge(ReferatError):
    code = "upload_too_large"


def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


# Module level: with postponed annotations FastAPI resolves dependency types in the module's namespace.
AssistantDep = Annotated[Assistant, Depends(get_assistant)]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors()[:5]:
        where = ".".join(str(part) for part in problem.get("loc", ()) if part not in ("body", "query", "path"))
        kind = problem.get("type", "")
        if kind == "string_too_long":
            limit = problem.get("ctx", {}).get("max_length")
            parts.append(f"{where} er for lang (højst {limit} tegn)")
        elif kind == "string_too_short":
            parts.append(f"{where} er tom")
        elif kind in ("greater_than_equal", "less_than_equal"):
            context = problem.get("ctx", {})
            limit = context.get("ge", context.get("le"))
            parts.append(f"{where} skal være {'mindst' if kind == 'greater_than_equal' else 'højst'} {limit}")
        elif kind == "missing":
            parts.append(f"{where} mangler")
        elif kind.startswith("date"):
            parts.append(f"{where} er ikke en dato (skriv ÅÅÅÅ-MM-DD)")
        elif kind == "extra_forbidden":
            parts.append(f"{where} er ikke et kendt felt")
        else:
            parts.append(f"{where} har en ugyldig værdi")
    return "Forespørgslen er ugyldig: " + "; ".join(parts) + "."


def create_app(settings: Settings, assistant: Assistant | None = None) -> FastAPI:
    """An app over one index; the model and index are loaded once, at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.assistant = assistant or Assistant(settings)
        app.state.uploads = UploadJobs(app.state.assistant.index.ingest_bytes)
        yield
        app.state.uploads.close()
        if assistant is None:
            app.state.assistant.index.close()

    app = FastAPI(
        title="referat",
        description="Spørg kommunale mødereferater på dansk og få svar med præcise kildehenvisninger.",
        version="0.1.0",
        lifespan=lifespan,
        responses={400: {"model": ErrorResponse}, 404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    )

    @app.middleware("http")
    async def refuse_oversize_uploads(request: Request, call_next):
        """Refuse an upload by its Content-Length before its body is read (the body check stays too)."""
        if request.method == "POST" and request.url.path == "/api/documents":
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_upload_mb * 1024 * 1024 + 64 * 1024:
                return _error(
                    413,
                    "upload_too_large",
                    f"Filen er større end {settings.max_upload_mb} MB. Upload en mindre fil, eller del den op.",
                )
        return await call_next(request)

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.exception_handler(ReferatError)
    async def referat_error(_request: Request, error: ReferatError) -> JSONResponse:
        status = STATUS_BY_CODE.get(error.code, 400)
        if error.code == "admin_disabled":
            status = 403
        elif error.code == "not_authorised":
            status = 401
        return _error(status, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = HTTP_MESSAGES.get(error.status_code, "Forespørgslen kunne ikke behandles.")
        return _error(error.status_code, "http_error", message)

    @app.exception_handler(Exception)
    async def unexpected_error(_request: Request, error: Exception) -> JSONResponse:
        logger.exception("Unhandled error: %s", type(error).__name__)
        return _error(
            500, "internal_error", "Der skete en uventet fejl i referat. Prøv igen; sker det igen, så kontakt driften."
        )

    def require_admin(authorization: Annotated[str | None, Header()] = None) -> None:
        if not settings.admin_key:
            raise AdminDisabled(
                "Upload og sletning er slået fra, fordi der ikke er sat en administratornøgle (REFERAT_ADMIN_KEY)."
            )
        scheme, _, token = (authorization or "").partition(" ")
        valid = scheme.lower() == "bearer" and hmac.compare_digest(token.encode(), settings.admin_key.encode())
        if not valid:
            raise NotAuthorised("Forkert eller manglende administratornøgle. Send 'Authorization: Bearer <nøgle>'.")

    @app.get("/healthz", response_model=Health, tags=["drift"])
    def healthz() -> Health:
        """Processen kører."""
        return Health(status="ok")

    @app.get("/readyz", response_model=Readiness, tags=["drift"])
    def readyz(assistant: AssistantDep) -> Readiness:
        """Indekset er åbent og modellen indlæst; antal dokumenter og tekststykker."""
        documents, chunks = assistant.index.counts()
        return Readiness(
            status="ready",
            index_open=True,
            model_loaded=True,
            model=assistant.index.embedder.name,
            documents=documents,
            chunks=chunks,
        )

    @app.post("/api/ask", response_model=Answer, tags=["spørgsmål"])
    def ask(request: AskRequest, assistant: AssistantDep) -> Answer:
        """Et kort dansk svar, hvor hver påstand har en verificeret kildehenvisning — eller en ærlig afvisning."""
        return assistant.ask(request.question, request.filters, request.top_k, request.previous_questions())

    @app.get("/api/search", response_model=list[Hit], tags=["spørgsmål"])
    def search(
        assistant: AssistantDep,
        q: Annotated[str, Query(min_length=1, max_length=1000, description="Søgetekst.")],
        body: str | None = None,
        date_from: Annotated[dt.date | None, Query(description="ÅÅÅÅ-MM-DD")] = None,
        date_to: Annotated[dt.date | None, Query(description="ÅÅÅÅ-MM-DD")] = None,
        case_number: str | None = None,
        document: str | None = None,
        kind: str | None = None,
        top_k: Annotated[int, Query(ge=1, le=50)] = 10,
    ) -> list[Hit]:
        """Rangerede dagsordenspunkter (punkt, uddrag, sider, score) uden et formuleret svar."""
        filters = Filters.model_validate(
            {
                "body": body,
                "date_from": date_from,
                "date_to": date_to,
                "case_number": case_number,
                "document": document,
                "kind": kind,
            }
        )
        return assistant.search(q, filters, top_k)

    @app.get("/api/documents", response_model=list[DocumentSummary], tags=["dokumenter"])
    def documents(assistant: AssistantDep) -> list[DocumentSummary]:
        """Alle indlæste dokumenter."""
        return [service.summary(record) for record in assistant.index.documents()]

    @app.get("/api/documents/{document_id}", response_model=DocumentDetail, tags=["dokumenter"])
    def document(document_id: str, assistant: AssistantDep) -> DocumentDetail:
        """Et dokument med dets dagsordenspunkter (nummer, titel, type, sagsnummer, sider, beslutning)."""
        return service.detail(assistant.index, document_id)

    @app.get("/api/documents/{document_id}/pdf", response_class=FileResponse, tags=["dokumenter"])
    def document_pdf(document_id: str, assistant: AssistantDep) -> FileResponse:
        """Den originale PDF, vist i browseren (tilføj #page=N for at åbne på en side)."""
        record = assistant.index.resolve(document_id)
        return FileResponse(
            assistant.index.pdf_path(record.id),
            media_type="application/pdf",
            filename=record.file_name,
            content_disposition_type="inline",
        )

    @app.get("/api/cases/{case_number:path}", response_model=CaseTimeline, tags=["sager"])
    def case(case_number: str, assistant: AssistantDep) -> CaseTimeline:
        """Alle dagsordenspunkter med sagsnummeret på tværs af møder, ældste først, med beslutningerne."""
        return service.case_timeline(assistant.index, case_number)

    @app.post(
        "/api/documents",
        response_model=UploadResult,
        tags=["administration"],
        dependencies=[Depends(require_admin)],
        responses={202: {"model": UploadStatus, "description": "Indlæsningen kører stadig (fx OCR af en scanning)."}},
    )
    async def upload(
        request: Request, file: Annotated[UploadFile, File(description="Referatet som PDF.")]
    ) -> UploadResult | JSONResponse:
        """Indlæs en PDF (kræver administratornøgle). Samme fil igen ændrer intet. Er filen ikke indlæst inden
        for REFERAT_UPLOAD_WAIT_S sekunder (en scanning læses med OCR), svares 202 med en status-URL."""
        limit = settings.max_upload_mb * 1024 * 1024
        name = service.clean_file_name(file.filename)
        data = await _read_limited(file, limit, settings.max_upload_mb)
        uploads: UploadJobs = request.app.state.uploads
        job, future = uploads.submit(data, name)
        result = await uploads.wait(future, settings.upload_wait_s)
        if result is None:
            return JSONResponse(status_code=202, content=uploads.status(job).model_dump(mode="json"))
        return upload_result(result)

    @app.get(
        "/api/uploads/{job}",
        response_model=UploadStatus,
        tags=["administration"],
        dependencies=[Depends(require_admin)],
    )
    def upload_status(job: str, request: Request) -> UploadStatus:
        """Hvor langt en upload er nået: running, done (med resultatet) eller failed (med fejlen)."""
        return request.app.state.uploads.status(job)

    @app.delete(
        "/api/documents/{document_id}",
        response_model=DocumentSummary,
        tags=["administration"],
        dependencies=[Depends(require_admin)],
    )
    def delete(document_id: str, assistant: AssistantDep) -> DocumentSummary:
        """Slet et dokument helt (kræver administratornøgle)."""
        return service.summary(assistant.index.delete(document_id))

    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    return app


async def _read_limited(file: UploadFile, limit: int, limit_mb: int) -> bytes:
    chunks, size = [], 0
    while block := await file.read(1 << 20):
        size += len(block)
        if size > limit:
            raise UploadTooLarge(f"Filen er større end {limit_mb} MB. Upload en mindre fil, eller del den op.")
        chunks.append(block)
    return b"".join(chunks)
