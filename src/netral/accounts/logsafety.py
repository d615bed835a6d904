"""Keep secrets out of logs and error reports.

Two layers, both configured in settings:

- `SecretScrubbingReporterFilter` (DEFAULT_EXCEPTION_REPORTER_FILTER) with `SecretScrubbingExceptionReporter`
  (DEFAULT_EXCEPTION_REPORTER) masks known secret and identity fields in
  the POST data and query string of Django's error reports (debug pages, the e-mails to ADMINS), even on a view
  that forgot `sensitive_post_parameters`.
- `RedactSecretsFilter` (a logging filter on the console handler) rewrites `name=value` pairs with a secret-looking
  name in any log line, e.g. a request line with `?code=…` written by the development server.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

__all__ = [
    "SECRET_FIELDS",
    "RedactSecretsFilter",
    "SecretScrubbingExceptionReporter",
    "SecretScrubbingReporterFilter",
    "redact",
]

MASK = "********"
#: Form fields that carry a secret (passwords, one-time and receipt codes, tokens) or a reporter's identity.
SECRET_FIELDS = re.compile(
    r"pass|code|token|secret|otp|receipt|key|csrf|reporter_|nik|phone|address",
    re.IGNORECASE,
)
_PAIR = re.compile(
    r"(?<![\w\-])(?P<name>[\w\-]*pass(?:word)?\d?|code|otp|token|[\w\-]*_token|secret|[\w\-]*_secret|receipt[\w\-]*"
    r"|api_key|key|nik)=(?P<value>[^&\s\"']+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """`password=hunter2&next=/` → `password=********&next=/`."""
    return _PAIR.sub(lambda m: f"{m.group('name')}={MASK}", text)


class SecretScrubbingReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        params = super().get_post_parameters(request)
        if request is None or not params:
            return params
        cleaned = params.copy()
        for name in cleaned:
            if SECRET_FIELDS.search(name):
                cleaned[name] = MASK
        return cleaned

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        for name in ("QUERY_STRING", "HTTP_REFERER", "REQUEST_URI", "RAW_URI", "PATH_INFO"):
            if isinstance(meta.get(name), str):
                meta[name] = redact(meta[name])
        return meta


class SecretScrubbingExceptionReporter(ExceptionReporter):
    """The reporter (DEFAULT_EXCEPTION_REPORTER) masks the query string too: the URL line and the GET items."""

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = [
                (name, MASK if SECRET_FIELDS.search(name) else value) for name, value in self.request.GET.items()
            ]
            if isinstance(data.get("request_insecure_uri"), str):
                data["request_insecure_uri"] = redact(data["request_insecure_uri"])
        return data


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
