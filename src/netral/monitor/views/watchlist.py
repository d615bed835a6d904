"""The watchlist of a jurisdiction: list, add, deactivate."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from netral.accounts.access import has_capability
from netral.geo.models import Region
from netral.monitor.forms import WatchTermForm
from netral.monitor.services.watchlist import WatchlistRefused, do_add_term, do_deactivate_term, terms_visible_to
from netral.monitor.views.common import PAGE_SIZE, monitor_manager, monitor_staff


@require_http_methods(["GET", "HEAD", "POST"])
@monitor_staff
def watchlist(request: HttpRequest) -> HttpResponse:
    manager = has_capability(request.user, "monitor.sources")
    form = WatchTermForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not manager:
            messages.error(request, _("Anda tidak berwenang mengelola daftar pantau."))
            return redirect("monitor:watchlist")
        if form.is_valid():
            d = form.cleaned_data
            region = Region.objects.filter(code=d["region"]).first() if d["region"] else None
            try:
                term = do_add_term(request.user, kind=d["kind"], term=d["term"], region=region, note=d["note"])
            except WatchlistRefused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("“%(term)s” masuk daftar pantau.") % {"term": term.term})
                return redirect("monitor:watchlist")
    show_all = request.GET.get("tampil") == "semua"
    terms = terms_visible_to(request.user).select_related("region", "owner", "created_by")
    if not show_all:
        terms = terms.filter(active=True)
    page = Paginator(terms.order_by("-active", "kind", "term"), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "manager": manager, "show_all": show_all, "query": ""}
    return render(request, "monitor/watchlist.html", context)


@require_POST
@monitor_manager
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(terms_visible_to(request.user), pk=pk)
    try:
        do_deactivate_term(term, request.user)
    except WatchlistRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("“%(term)s” tidak dipantau lagi.") % {"term": term.term})
    return redirect("monitor:watchlist")
