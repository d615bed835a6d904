"""One error body everywhere: `{"error": {"code": ..., "message": <Indonesian>, "detail": ...}}`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

from netral.core.ratelimit import RateLimited

__all__ = ["ERRORS", "ApiError", "ErrorBody", "ErrorOut", "install_error_handlers"]

MESSAGES = {
    400: ("bad_request", "Permintaan tidak valid."),
    401: ("unauthenticated", "Token tidak ada, tidak dikenal, dicabut atau kedaluwarsa."),
    403: ("forbidden", "Token tidak memiliki cakupan izin untuk tindakan ini."),
    404: ("not_found", "Data tidak ditemukan."),
    409: ("conflict", "Tindakan ditolak."),
    422: ("invalid", "Isian tidak valid."),
    413: ("too_large", "Permintaan terlalu besar."),
    429: ("rate_limited", "Terlalu banyak permintaan; coba lagi nanti."),
}


class ErrorBody(Schema):
    code: str
    message: str
    detail: Any = None


class ErrorOut(Schema):
    error: ErrorBody


# The error responses every authenticated operation may answer (declared so the schema tells the whole truth).
ERRORS: dict[int, type[ErrorOut]] = dict.fromkeys((400, 401, 403, 404, 422, 429), ErrorOut)


class ApiError(HttpError):
    """An error with its own code and Indonesian message (e.g. a refused case transition)."""

    def __init__(self, status_code: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(status_code, message)
        self.code = code
        self.detail = detail


def _body(status: int, code: str = "", message: str = "", detail: Any = None) -> dict[str, Any]:
    default_code, default_message = MESSAGES.get(status, ("error", "Terjadi kesalahan."))
    return {"error": {"code": code or default_code, "message": message or default_message, "detail": detail}}


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, **body: Any) -> HttpResponse:
        return api.create_response(request, _body(status, **body), status=status)

    # ninja types a handler's exception as "the exception or its class"; only instances ever arrive.
    def on_http_error(request: HttpRequest, exc: HttpError | type[HttpError]) -> HttpResponse:
        assert isinstance(exc, HttpError)
        if isinstance(exc, ApiError):
            return respond(request, exc.status_code, code=exc.code, message=exc.message, detail=exc.detail)
        if isinstance(exc, (AuthenticationError, AuthorizationError)):
            return respond(request, exc.status_code)
        return respond(request, exc.status_code, detail=exc.message)

    def on_validation_error(request: HttpRequest, exc: ValidationError | type[ValidationError]) -> HttpResponse:
        assert isinstance(exc, ValidationError)
        detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors]
        return respond(request, 422, detail=detail)

    def on_not_found(request: HttpRequest, exc: Http404 | type[Http404]) -> HttpResponse:
        return respond(request, 404)

    def on_rate_limited(request: HttpRequest, exc: RateLimited | type[RateLimited]) -> HttpResponse:
        assert isinstance(exc, RateLimited)
        response = respond(request, 429, detail={"retry_after": exc.retry_after})
        response["Retry-After"] = str(exc.retry_after)
        return response

    # A body Django cannot parse (broken multipart, too many fields or files, over DATA_UPLOAD_MAX_MEMORY_SIZE)
    # fails before the view: answer with the API's body, not Django's HTML 400 page.
    def on_unreadable_body(request: HttpRequest, exc: Exception | type[Exception]) -> HttpResponse:
        return respond(request, 413 if isinstance(exc, RequestDataTooBig) else 400)

    api.add_exception_handler(HttpError, on_http_error)
    for unreadable in (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
        api.add_exception_handler(unreadable, on_unreadable_body)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(RateLimited, on_rate_limited)
