"""The authorisation matrix: every URL route × every role of roles.toml × anonymous × an outsider of the same role.

Routes come from Django's resolver at run time (admin and API included), so a new page is checked the day it is
added, and a route missing from the expectation table (`tests/security/routes.py`) fails the suite. Every route is
opened with GET (and HEAD where GET answers 200), and with an empty POST when it answers GET with 405. What must hold:

- no response is ever a server error (5xx);
- public routes answer without a login; staff routes send anonymous visitors to the login page (the API answers
  401 without a token, whoever is signed in);
- a user without the route's capability is refused with 403 or 404, the same code throughout one app;
- the owner side (Bawaslu RI, Bawaslu Provinsi Kalsel, Bawaslu Banjar) reaches the Banjar objects it may see;
- an outsider (the same role in Barito Kuala / Kalimantan Tengah) gets 404 for every Banjar object, never 200.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from tests.security.routes import ADMIN, KNOWN_GAPS, ROUTES, Rule
from tests.security.world import World, build_world

from netral.accounts.models import User
from netral.api.scopes import SCOPES
from netral.api.tokens import TokenRefused, create_token

FULL_OWNERS = ("bawaslu_ri", "bawaslu_provinsi", "bawaslu_kabkota")  # hold every case/monitor/prevention right
REACHED = {200, 204, 301, 302, 304, 405}
PUBLIC_ANSWERS = {200, 204, 301, 302, 304, 400, 404, 405, 429}
DENIED = {403, 404}


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the pattern for an unnamed route
    pattern: str  # the full pattern, e.g. "perkara/<int:pk>/"
    converters: dict[str, str]  # path parameter → converter name ("int", "str", "slug", "path")


def discover(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[Route]:
    """Every route of the URL configuration, recursively through includes."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from discover(entry.url_patterns, prefix + str(entry.pattern), inner)
            continue
        pattern = prefix + str(entry.pattern)
        converters = dict(getattr(entry.pattern, "converters", {}))
        for part in prefix_converters(prefix):
            converters.setdefault(*part)
        key = f"{namespace}{entry.name}" if entry.name else pattern
        yield Route(key, pattern, {name: type(conv).__name__ for name, conv in converters.items()})


def prefix_converters(prefix: str) -> list[tuple[str, str]]:
    import re

    return [(name, kind or "str") for kind, name in re.findall(r"<(?:(\w+):)?(\w+)>", prefix)]


def rule_of(route: Route) -> Rule | None:
    if route.key in ROUTES:
        return ROUTES[route.key]
    return ADMIN if route.key.startswith("admin:") or route.pattern.startswith("admin/") else None


def url_of(route: Route, rule: Rule, world: World) -> str:
    import re

    def fill(match: re.Match[str]) -> str:
        name = match.group(2)
        kind = rule.objects.get(name, "missing")
        if kind == "literal":
            return "accounts"
        return world.values.get(kind, world.values["missing"])

    path = re.sub(r"<(?:(\w+):)?(\w+)>", fill, route.pattern)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "tidak-ada/", path)  # regex routes (the admin's catch-all)
    return "/" + path.replace("^", "").replace("$", "")


def login_as(client: Client, user: User) -> None:
    """The one place a test client becomes a fully signed-in user (two-factor step included, where it exists)."""
    client.force_login(user)
    try:
        from netral.accounts.twofactor import mark_verified
    except ImportError:  # before two-factor login existed
        return
    session = client.session
    mark_verified(session)
    session.save()


@dataclass(frozen=True)
class Who:
    label: str
    user: User | None
    outsider: bool = False


def everyone(world: World) -> list[Who]:
    people = [Who("anonim", None)]
    people += [Who(role, user) for role, user in world.users.items()]
    people += [Who(f"{role} (luar)", user, outsider=True) for role, user in world.outsiders.items()]
    return people


def holds(user: User | None, capabilities: tuple[str, ...]) -> bool:
    if user is None:
        return False
    from netral.accounts.access import has_capability

    return any(has_capability(user, capability) for capability in capabilities)


def answer(client: Client, url: str, **headers: str) -> list[tuple[str, int, str]]:
    """(method, status, Location) of GET, then of HEAD when GET answered 200, or of an empty POST when GET
    answered 405."""
    got = client.get(url, headers=headers)
    answers = [("GET", got.status_code, got.get("Location", ""))]
    if got.status_code == 405:
        posted = client.post(url, {}, headers=headers)
        answers.append(("POST", posted.status_code, posted.get("Location", "")))
    elif got.status_code == 200:  # HEAD must answer like GET; after a redirect or refusal it adds nothing
        head = client.head(url, headers=headers)
        answers.append(("HEAD", head.status_code, head.get("Location", "")))
    return answers


def problems_of(rule: Rule, who: Who, method: str, status: int, location: str) -> str:
    """What is wrong with one answer ("" when nothing)."""
    if status >= 500:
        return "server error"
    if status == 405 and method != "POST":
        return ""  # a POST-only route: its empty POST is judged instead
    if rule.access == "public":
        return "" if status in PUBLIC_ANSWERS else "public route refused"
    login_url = "/admin/login/" if rule.access == "admin" else resolve_url(settings.LOGIN_URL)
    if who.user is None:
        if rule.access == "private":
            return "" if status == 404 else "staff-only object shown to an anonymous visitor"
        return "" if status == 302 and location.startswith(login_url) else "anonymous not sent to login"
    if rule.access == "login":
        return ""
    if rule.access == "admin":
        if who.user.is_staff and holds(who.user, rule.capabilities):
            return "" if status != 403 else "administrator refused"
        redirected = status == 302 and location.startswith(login_url)
        return "" if redirected or status in DENIED else "admin opened by a non-administrator"
    if not holds(who.user, rule.capabilities):
        return "" if status in DENIED else f"opened without {' or '.join(rule.capabilities)}"
    if who.outsider and rule.holds_an_object:
        return "" if status == 404 else "outsider reached another region's object"
    owner_reaches = rule.holds_an_object and rule.reachable and not rule.names_a_missing_object
    if who.label in FULL_OWNERS and owner_reaches and method != "POST" and status not in REACHED:
        return "owner cannot reach own object"
    return ""


@pytest.fixture
def world(db: None, settings: object, tmp_path: object) -> World:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    return build_world()


def test_every_route_is_in_the_expectation_table() -> None:
    unknown = sorted({route.key for route in discover() if rule_of(route) is None})
    assert not unknown, (
        "Routes without an entry in tests/security/routes.py (say who may open them):\n  " + "\n  ".join(unknown)
    )
    stale = sorted(set(ROUTES) - {route.key for route in discover()})
    assert not stale, "Entries in tests/security/routes.py for routes that no longer exist:\n  " + "\n  ".join(stale)


def test_every_route_as_every_role_anonymous_and_outsider(world: World) -> None:
    failures: list[str] = []
    gaps_seen: set[tuple[str, str]] = set()
    denials: dict[str, set[int]] = defaultdict(set)
    checked = 0
    for route in discover():
        rule = rule_of(route)
        if rule is None or rule.access == "api":
            continue
        url = url_of(route, rule, world)
        for who in everyone(world):
            client = Client(raise_request_exception=False)
            if who.user is not None:
                login_as(client, who.user)
            for method, status, location in answer(client, url):
                checked += 1
                problem = problems_of(rule, who, method, status, location)
                if problem and (route.key, who.label) in KNOWN_GAPS:
                    gaps_seen.add((route.key, who.label))
                elif problem:
                    failures.append(f"{problem}: {method} {url} ({route.key}) as {who.label} → {status} {location}")
                if rule.access == "staff" and who.user is not None and not holds(who.user, rule.capabilities):
                    denials[route.key.split(":")[0]].add(status)
    fixed = sorted(set(KNOWN_GAPS) - gaps_seen)
    mixed = {app: sorted(codes) for app, codes in denials.items() if len(codes & DENIED) > 1}
    assert not failures, f"{len(failures)} of {checked} answers break the matrix:\n" + "\n".join(failures)
    assert not mixed, f"apps refusing a missing capability with both 403 and 404: {mixed}"
    assert not fixed, f"known gaps that now pass; remove them from KNOWN_GAPS in tests/security/routes.py: {fixed}"


def api_tokens(world: World) -> list[tuple[Who, str]]:
    """A token with every scope for each user who may hold one (a token never widens its owner's rights)."""
    tokens = []
    for who in everyone(world):
        if who.user is None:
            continue
        try:
            _token, secret = create_token(who.user, name=f"matriks {who.label}", scopes=SCOPES)
        except TokenRefused:
            continue
        tokens.append((who, secret))
    return tokens


def api_problem(
    rule: Rule, who: Who, method: str, status: int, client: Client, url: str, headers: dict[str, str]
) -> str:
    """Like `problems_of` for a token client. A list answers 200 to anyone, but empty outside the holder's rights;
    an empty POST may fail validation (400/422) before any lookup, which tells nothing about the object."""
    if status >= 500:
        return "server error"
    if status == 405 and method != "POST":
        return ""
    if method == "POST" and status in (400, 422):
        return ""
    entitled = holds(who.user, rule.capabilities) or not rule.capabilities
    if not rule.holds_an_object:
        if rule.capabilities and status == 200 and method == "GET" and (not entitled or who.outsider):
            items = client.get(url, headers=headers).json().get("items", [])
            return "" if items == [] else "a list shows objects outside the token's rights"
        return "" if status in REACHED | DENIED | {401} else f"unexpected {status}"
    return problems_of(Rule("staff", rule.capabilities or ("stats.view",), rule.objects), who, method, status, "")


def test_the_api_answers_401_without_a_token_and_404_outside_scope(world: World) -> None:
    failures: list[str] = []
    routes = [(route, rule) for route in discover() if (rule := rule_of(route)) is not None and rule.access == "api"]
    assert routes, "the matrix found no API route"
    session = Client(raise_request_exception=False)
    login_as(session, world.users["bawaslu_kabkota"])
    for route, rule in routes:
        url = url_of(route, rule, world)
        for label, client in (("anonim", Client(raise_request_exception=False)), ("sesi tanpa token", session)):
            for method, status, _location in answer(client, url):
                if status != 401 and not (status == 405 and method != "POST"):
                    failures.append(f"{method} {url} ({route.key}) as {label} → {status}, expected 401")
        for who, secret in api_tokens(world):
            client = Client(raise_request_exception=False)
            headers = {"Authorization": f"Bearer {secret}"}
            for method, status, _location in answer(client, url, **headers):
                problem = api_problem(rule, who, method, status, client, url, headers)
                if problem:
                    failures.append(f"{problem}: {method} {url} ({route.key}) as {who.label} → {status}")
    assert not failures, "\n".join(failures)
