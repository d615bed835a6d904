"""Security headers on every response, a strict CSP, and templates that a strict CSP does not break."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from netral.core.security import SecurityHeadersMiddleware, csp_override

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "netral" / "templates"
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.mark.parametrize(
    "path", ["/", "/wilayah/", "/wilayah/peta/", "/aturan/", "/masuk/", "/admin/login/", "/healthz", "/tidak-ada/"]
)
def test_every_response_carries_the_security_headers(client: Client, path: str) -> None:
    response = client.get(path)
    assert response["Content-Security-Policy"] == STRICT_CSP
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_redirect_and_a_post_answer_carry_them_too(client: Client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Content-Security-Policy"] == STRICT_CSP
    response = client.post("/masuk/", {"username": "x", "password": "y"})
    assert response["Content-Security-Policy"] == STRICT_CSP


def test_the_policy_never_allows_inline_code_or_eval(client: Client, settings: Any) -> None:
    settings.NETRAL_MAP_TILES_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    for path in ("/", "/admin/login/", "/wilayah/peta/"):
        policy = client.get(path)["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy.split("img-src")[0]


def test_a_map_tile_server_is_allowed_for_images_only(client: Client, settings: Any) -> None:
    settings.NETRAL_MAP_TILES_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    policy = client.get("/wilayah/peta/")["Content-Security-Policy"]
    assert "img-src 'self' data: blob: https://*.tile.example.org;" in policy
    assert policy.count("example.org") == 1
    settings.NETRAL_MAP_TILES_URL = "https://tiles.example.net:8443/{z}/{x}/{y}.png"
    assert "img-src 'self' data: blob: https://tiles.example.net:8443;" in client.get("/")["Content-Security-Policy"]


def test_hsts_is_not_sent_without_netral_https(client: Client) -> None:
    assert "Strict-Transport-Security" not in client.get("/", secure=True)


def test_hsts_is_sent_over_https_when_configured(client: Client, settings: Any) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000  # what NETRAL_HTTPS=1 sets
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")


def test_a_view_may_override_directives_with_the_decorator() -> None:
    @csp_override({"img-src": "'self' https://img.example.org"})
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/x"))
    policy = response["Content-Security-Policy"]
    assert "img-src 'self' https://img.example.org;" in policy
    assert "script-src 'self';" in policy  # everything else stays strict


# --- Templates: nothing a strict CSP blocks. Letters (WeasyPrint) and e-mails never reach a browser.
EXEMPT_DIRS = ("cases/letters/", "cases/email/", "letters/", "email/")
INLINE_STYLE = re.compile(r"""\sstyle\s*=""", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"""\son[a-z]+\s*=""", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def csp_offences(text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if INLINE_STYLE.search(line):
            found.append(f"{number}: style attribute")
        if INLINE_HANDLER.search(line):
            found.append(f"{number}: on* event handler")
        if STYLE_ELEMENT.search(line):
            found.append(f"{number}: <style> element")
        if JS_URL.search(line):
            found.append(f"{number}: javascript: URL")
    for match in SCRIPT.finditer(text):
        attributes, body = match.groups()
        is_data = re.search(r"""type\s*=\s*["']application/(ld\+)?json["']""", attributes, re.IGNORECASE)
        if body.strip() and not is_data:
            found.append(f"{text[: match.start()].count(chr(10)) + 1}: inline <script>")
    return found


def test_the_scanner_finds_what_a_strict_csp_blocks() -> None:
    bad = (
        '<p style="color:red">\n<a onclick="x()">\n<script>alert(1)</script>\n<style>p{}</style>\n'
        '<a href="javascript:x()">'
    )
    assert [item.split(": ", 1)[1] for item in csp_offences(bad)] == [
        "style attribute", "on* event handler", "<style> element", "javascript: URL", "inline <script>",
    ]  # fmt: skip
    fine = '<script src="/static/x.js" defer></script>\n<script type="application/json" id="d">{"a": 1}</script>'
    assert csp_offences(fine + '\n<button hx-on="x" data-onclick="y" aria-label="stylesheet">') == []


def test_no_served_template_uses_inline_styles_scripts_or_handlers() -> None:
    offenders = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if relative.startswith(EXEMPT_DIRS):
            continue
        offenders += [f"{relative}:{item}" for item in csp_offences(path.read_text(encoding="utf-8"))]
    assert not offenders, "blocked by the Content-Security-Policy (see docs/security.md):\n" + "\n".join(offenders)
