"""`record`: entries link into a chain, live and die with their transaction, and hold only small plain data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from netral.accounts.models import User
from netral.audit.chain import GENESIS, compute_hash
from netral.audit.models import AuditEntry
from netral.audit.services import record
from netral.geo.models import Region


def test_record_outside_a_transaction_is_refused() -> None:
    # No django_db mark: the connection is in autocommit, as in a view that forgot transaction.atomic().
    with pytest.raises(transaction.TransactionManagementError, match=r"transaction\.atomic"):
        record(None, "case.registered")


@pytest.mark.django_db
def test_entries_link_each_to_the_previous_one_from_genesis(recorded: Callable[[int], list[AuditEntry]]) -> None:
    first, second, third = recorded(3)
    assert [first.sequence, second.sequence, third.sequence] == [1, 2, 3]
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    stored = AuditEntry.objects.get(sequence=2)
    assert compute_hash(stored.link()) == stored.hash == second.hash


@pytest.mark.django_db
def test_an_entry_recorded_in_a_rolled_back_transaction_vanishes_with_it(
    recorded: Callable[[int], list[AuditEntry]],
) -> None:
    def register_then_fail() -> None:
        with transaction.atomic():
            record(None, "case.registered", object_id="lost")
            raise RuntimeError("the change being recorded failed")

    recorded(1)
    with pytest.raises(RuntimeError):
        register_then_fail()
    assert list(AuditEntry.objects.values_list("object_id", flat=True)) == ["1"]
    assert recorded(1)[0].sequence == 2  # and the sequence stays gapless


@pytest.mark.django_db
def test_an_entry_names_its_object_actor_and_region() -> None:
    user = User.objects.create_user("pengawas.banjar", full_name="Siti Rahmah")
    region = Region.objects.get(code="63.03")
    with transaction.atomic():
        entry = record(user, "region.viewed", obj=region, region_code="63.03", data={"reason": "uji"})
    entry.refresh_from_db()
    assert (entry.actor, entry.actor_label) == (user, "pengawas.banjar")
    assert (entry.object_type, entry.object_id) == ("geo.region", "63.03")
    assert entry.data == {"reason": "uji"}


@pytest.mark.django_db
def test_the_public_and_the_system_are_labelled_as_such() -> None:
    with transaction.atomic():
        public = record(AnonymousUser(), "report.submitted")
        system = record(None, "deadline.passed")
    assert (public.actor_id, public.actor_label) == (None, "publik")
    assert (system.actor_id, system.actor_label) == (None, "sistem")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "kwargs", "message"),
    [
        ("registered", {}, "dotted"),
        ("case.registered", {"region_code": "63.3"}, "Kemendagri code"),
        ("case.registered", {"data": {"password": "x"}}, "secrets"),
        ("case.registered", {"data": {"nested": {"receipt_code": "x"}}}, "secrets"),
        ("case.registered", {"data": {"score": 0.5}}, "floats"),
        ("case.registered", {"data": {"text": "x" * 5000}}, "limited"),
    ],
)
def test_record_refuses_what_does_not_belong_in_the_log(action: str, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message), transaction.atomic():
        record(None, action, **kwargs)  # type: ignore[arg-type]
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_an_unsaved_object_cannot_be_recorded() -> None:
    with pytest.raises(ValueError, match="after saving it"), transaction.atomic():
        record(None, "user.created", obj=User(username="belum-disimpan"))
