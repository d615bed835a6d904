"""The one gate of staff pages: login first (a redirect to the login page), then a check of the user, else 404.

404 rather than 403: deny by default, and say nothing about what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from netral.accounts.access import AnyUser, has_capability

View = Callable[..., HttpResponseBase]


def staff_page(check: Callable[[AnyUser], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def with_capability(*capabilities: str) -> Callable[[View], View]:
    """A staff page for users holding any one of `capabilities`."""
    return staff_page(lambda user: any(has_capability(user, c) for c in capabilities))
