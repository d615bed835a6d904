"""The region tables mirrored into the database by the post-migrate loader and `netral geo load`."""

from __future__ import annotations

import pytest

from netral.core.models import ReferenceDataset
from netral.geo.loading import DATASET, load_regions
from netral.geo.models import Level, Region, RegionAlias

pytestmark = pytest.mark.django_db


def test_migrate_loads_every_region_level() -> None:
    assert Region.objects.level_counts() == {
        "provinsi": 38,
        "kabupaten_kota": 514,
        "kecamatan": 7285,
        "desa": 83762,
    }


def test_regions_carry_parent_chain_and_province_time_zone() -> None:
    aluh_aluh = Region.objects.select_related("parent__parent").get(code="63.03.01")
    assert aluh_aluh.canonical_name == "Aluh Aluh"
    assert aluh_aluh.parent is not None and aluh_aluh.parent.canonical_name == "Kabupaten Banjar"
    assert aluh_aluh.parent.parent is not None and aluh_aluh.parent.parent.canonical_name == "Kalimantan Selatan"
    assert aluh_aluh.regency_code == "63.03" and aluh_aluh.province_code == "63"
    assert aluh_aluh.zone_label == "WITA"
    assert Region.objects.get(code="62.71").zone_label == "WIB"
    assert Region.objects.get(code="91").zone_label == "WIT"


def test_canonical_names_follow_the_annotation_spelling() -> None:
    assert Region.objects.get(code="31").canonical_name == "DKI Jakarta"
    assert Region.objects.get(code="62.71").canonical_name == "Kota Palangka Raya"


def test_aliases_point_at_their_regions() -> None:
    assert RegionAlias.objects.get(alias="Batola").region.canonical_name == "Kabupaten Barito Kuala"
    assert RegionAlias.objects.get(alias="Kotim").region.canonical_name == "Kabupaten Kotawaringin Timur"


def test_loading_again_without_changes_writes_nothing() -> None:
    assert ReferenceDataset.objects.get(name=DATASET).rows == 38 + 514 + 7285 + 83762
    assert load_regions() == 0


def test_forced_reload_keeps_rows_and_reactivates_them() -> None:
    Region.objects.filter(code="63.03").update(is_active=False, canonical_name="dirusak")
    assert load_regions(force=True) > 0
    banjar = Region.objects.get(code="63.03")
    assert banjar.is_active and banjar.canonical_name == "Kabupaten Banjar"


def test_region_missing_from_the_data_files_is_kept_but_inactive() -> None:
    province = Region.objects.get(code="63")
    Region.objects.create(
        code="63.99", name="Kabupaten Lama", canonical_name="Kabupaten Lama", type="kabupaten",
        level=Level.KABUPATEN_KOTA, parent=province, province_code="63", regency_code="63.99",
        timezone="Asia/Makassar",
    )  # fmt: skip
    load_regions(force=True)
    assert not Region.objects.get(code="63.99").is_active


def test_within_selects_a_region_and_everything_below_it() -> None:
    banjar = Region.objects.get(code="63.03")
    codes = set(Region.objects.within(banjar).values_list("code", flat=True))
    assert "63.03" in codes and "63.03.01" in codes and "63.03.01.2001" in codes
    assert "63.04" not in codes
