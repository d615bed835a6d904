"""Language detection: keep Indonesian and regional languages, flag the others, never judge tiny texts."""

from __future__ import annotations

from netral.monitor.fetching import detect_language


def test_it_keeps_indonesian() -> None:
    language = detect_language(
        "Camat Sukamaju terlihat menghadiri acara kampanye calon bupati di lapangan desa pada Sabtu sore bersama "
        "beberapa kepala desa."
    )
    assert (language.code, language.kept) == ("id", True)
    assert language.confidence > 0.5


def test_it_flags_english() -> None:
    language = detect_language(
        "The district head was seen at a campaign rally for the regent candidate on Saturday afternoon."
    )
    assert (language.code, language.kept) == ("en", False)


def test_it_flags_dutch_rather_than_calling_it_indonesian() -> None:
    language = detect_language(
        "De burgemeester was zaterdagmiddag aanwezig bij een verkiezingsbijeenkomst in het dorp."
    )
    assert (language.code, language.kept) == ("nl", False)


def test_it_keeps_javanese() -> None:
    language = detect_language(
        "Pak camat wis teka ning lapangan, nanging ora ngomong karo warga sing padha nonton kampanye."
    )
    assert (language.code, language.kept) == ("jv", True)


def test_it_keeps_sundanese() -> None:
    language = detect_language(
        "Pa camat teu kedah sumping ka acara kampanye, tapi anjeunna geus aya di dinya jeung warga."
    )
    assert (language.code, language.kept) == ("su", True)


def test_it_keeps_banjar() -> None:
    language = detect_language(
        "Pambakal kada handak umpat kampanye, tagal sidin disuruh datang haja lawan bubuhan partai."
    )
    assert (language.code, language.kept) == ("bjn", True)


def test_it_does_not_judge_very_short_texts() -> None:
    assert detect_language("siap pak") == detect_language("") == detect_language("ok 👍")
    assert (detect_language("siap pak").code, detect_language("siap pak").kept) == ("und", True)


def test_it_flags_chinese_even_without_spaces() -> None:
    language = detect_language("区长星期六下午出席了县长候选人的竞选集会，村民们都看到了。")
    assert (language.code, language.kept) == ("zh", False)
