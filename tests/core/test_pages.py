"""The public pages, the language switch, the health endpoint and the admin, over real HTTP (test client)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_speaks_indonesian_by_default(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == "id"
    body = response.content.decode()
    assert '<html lang="id">' in body
    assert "Apa arti netral?" in body
    assert "7.285" in body or "7,285" in body  # kecamatan count, localised thousands separator


def test_language_switch_to_english_is_remembered(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert "What does neutral mean?" in body


def test_health_endpoint_reports_the_database(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_region_search_finds_an_alias_and_a_hyphenated_kecamatan(client: Client) -> None:
    body = client.get("/wilayah/", {"q": "Batola"}).content.decode()
    assert "Kabupaten Barito Kuala" in body
    body = client.get("/wilayah/", {"q": "Aluh-Aluh"}).content.decode()
    assert "Kecamatan Aluh Aluh" in body and "Kabupaten Banjar" in body


def test_region_search_with_htmx_returns_only_the_results_fragment(client: Client) -> None:
    body = client.get("/wilayah/", {"q": "Kotim"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Kabupaten Kotawaringin Timur" in body
    assert "<html" not in body


def test_region_search_without_match_says_so_in_plain_words(client: Client) -> None:
    body = client.get("/wilayah/", {"q": "Atlantis"}).content.decode()
    assert "Tidak ada wilayah yang cocok" in body


def test_region_search_escapes_what_the_user_typed(client: Client) -> None:
    body = client.get("/wilayah/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_region_detail_shows_children_paginated(client: Client) -> None:
    response = client.get("/wilayah/63.03/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kalimantan Selatan" in body and "Kecamatan Aluh Aluh" in body and "WITA" in body


def test_unknown_region_is_404(client: Client) -> None:
    assert client.get("/wilayah/99.99/").status_code == 404


def test_admin_requires_a_staff_login(client: Client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_lists_reference_data_in_indonesian(admin_client: Client) -> None:
    body = admin_client.get("/admin/geo/region/", {"q": "Barito Kuala"}).content.decode()
    assert "Kabupaten Barito Kuala" in body
    assert "Cari" in body  # Django's own Indonesian admin translation


def test_regions_are_read_only_in_the_admin(admin_client: Client) -> None:
    assert admin_client.get("/admin/geo/region/add/").status_code == 403


def test_login_page_rejects_a_wrong_password_with_a_clear_message(client: Client) -> None:
    response = client.post("/masuk/", {"username": "nobody", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_region_map_page_says_what_the_map_shows(client: Client) -> None:
    body = client.get("/wilayah/peta/").content.decode()
    assert "Natural Earth" in body
    assert "tidak ada data batas kabupaten/kota" in body
    assert "vendor/leaflet/leaflet.js" in body


def test_province_shapes_are_served_as_geojson(client: Client) -> None:
    response = client.get("/wilayah/peta/provinsi.geojson")
    assert response["Content-Type"] == "application/geo+json"
    assert len(response.json()["features"]) == 38


def test_regency_points_of_a_province_come_from_their_centroids(client: Client) -> None:
    data = client.get("/wilayah/peta/63/kabupaten-kota.geojson").json()
    names = {f["properties"]["name"] for f in data["features"]}
    assert len(names) == 13
    assert "Kabupaten Barito Kuala" in names
    lon, lat = next(f for f in data["features"] if f["properties"]["code"] == "63.71")["geometry"]["coordinates"]
    assert -4.5 < lat < -2.5 and 114 < lon < 116  # Banjarmasin


def test_regency_points_need_a_province_code(client: Client) -> None:
    assert client.get("/wilayah/peta/63.03/kabupaten-kota.geojson").status_code == 404


def test_unknown_pages_answer_with_an_indonesian_404_page(client: Client) -> None:
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_public_pages_answer_head_requests_for_monitors(client: Client) -> None:
    for url in ("/", "/healthz", "/wilayah/", "/aturan/", "/lapor/", "/statistik/"):
        assert client.head(url).status_code == 200, url
