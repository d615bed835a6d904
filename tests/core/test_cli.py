"""The `netral` command line: help, dispatch, and the commands that need no server."""

from __future__ import annotations

import subprocess
import sys

import pytest

from netral.cli import COMMANDS, main


def test_help_lists_every_command_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps long lines
    for name, (_module, help_line) in COMMANDS.items():
        assert name in out
        assert help_line in out


def test_unknown_command_is_refused_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["terbang"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_pure_commands_start_without_loading_django() -> None:
    code = (
        "import sys; from netral.cli import main; main(['geo', 'stats']); sys.exit(1 if 'django' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "kecamatan" in result.stdout


def test_geo_find_answers_which_kabupaten_holds_a_kecamatan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geo", "find", "Aluh-Aluh"]) == 0
    out = capsys.readouterr().out
    assert "Aluh Aluh (63.03.01)" in out
    assert "Kabupaten Banjar, Kalimantan Selatan" in out


def test_geo_show_prints_the_parent_chain_and_zone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geo", "show", "62.02"]) == 0
    out = capsys.readouterr().out
    assert "Kabupaten Kotawaringin Timur (62.02) — Kalimantan Tengah, WIB" in out
    assert "Kotim" in out


def test_geo_show_reports_an_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geo", "show", "99.99"]) == 1
    assert "tidak ada" in capsys.readouterr().out
