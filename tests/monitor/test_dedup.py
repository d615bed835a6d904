"""Near-duplicate stories: MinHash signatures, LSH band keys and the same-story decision."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from netral.monitor import dedup

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"

ARTICLE = """\
Panitia Pengawas Kecamatan Sungai Rawa memanggil seorang kepala sekolah dasar negeri yang diduga mengajak para guru
mendukung calon bupati nomor urut dua dalam rapat dinas pada Senin pagi.

Ketua Panwascam Sungai Rawa, Hendra Wiguna, mengatakan laporan itu datang dari dua orang guru honorer yang merekam
ajakan tersebut dengan telepon genggam dan menyerahkan rekamannya kepada pengawas desa.

Menurut Hendra, kepala sekolah tersebut berstatus pegawai negeri sipil sehingga wajib menjaga netralitas selama
tahapan pilkada berlangsung, termasuk di dalam rapat dinas dan grup percakapan sekolah.

Pemeriksaan akan dilanjutkan pekan depan dengan memanggil para guru yang hadir sebagai saksi, kemudian hasil kajian
akan diteruskan kepada Badan Kepegawaian Negara apabila unsur pelanggaran terpenuhi.

Hendra meminta seluruh aparatur di wilayahnya tidak ragu melapor apabila menerima tekanan untuk mendukung pasangan
calon tertentu, karena identitas pelapor akan dirahasiakan oleh pengawas pemilu.
"""

SAME_TOPIC_OTHER_ARTICLE = """\
Badan Pengawas Pemilu Kabupaten Tanah Merah menggelar sosialisasi netralitas aparatur sipil negara bagi para camat,
lurah dan kepala dinas di aula kantor bupati pada Rabu siang.

Anggota Bawaslu, Rina Kartika, menjelaskan bahwa aparatur dilarang memberikan dukungan kepada peserta pemilihan,
baik secara langsung maupun melalui unggahan di media sosial pribadi.

Rina juga mengingatkan bahwa pelanggaran netralitas dapat berujung pada sanksi disiplin sedang hingga berat sesuai
peraturan pemerintah tentang disiplin pegawai negeri sipil.

Sosialisasi ditutup dengan penandatanganan pakta integritas oleh seluruh peserta yang hadir sebagai komitmen menjaga
netralitas selama tahapan pilkada serentak.
"""


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def judge(a: str, b: str) -> bool:
    return dedup.same_story(a, b, dedup.signature(a), dedup.signature(b))


def test_constants_fit_together() -> None:
    assert dedup.PERMUTATIONS == 128
    assert dedup.BANDS * dedup.ROWS == dedup.PERMUTATIONS
    assert 0 < dedup.THRESHOLD < 1


def test_normalise_lowercases_drops_punctuation_keeps_digits_and_teaser_lines() -> None:
    text = "Camat X, berinisial AB, dilaporkan (12/3/2024).\nBaca juga: Judul Berita Lain\nEditor: Sutan"
    assert dedup.normalise(text) == ["camat", "x", "berinisial", "ab", "dilaporkan", "12", "3", "2024"]


def test_a_text_made_only_of_a_teaser_line_keeps_its_words() -> None:
    assert dedup.normalise("Baca juga pengumuman ini") == ["baca", "juga", "pengumuman", "ini"]


def test_signature_is_uint32_of_the_permutation_count_and_round_trips_through_bytes() -> None:
    sig = dedup.signature(ARTICLE)
    assert sig.dtype == np.uint32 and sig.shape == (dedup.PERMUTATIONS,)
    stored = dedup.signature_bytes(sig)
    assert len(stored) == 4 * dedup.PERMUTATIONS
    assert np.array_equal(dedup.signature_from_bytes(stored), sig)


def test_signature_from_bytes_refuses_a_wrong_length() -> None:
    with pytest.raises(ValueError, match="bytes"):
        dedup.signature_from_bytes(b"\x00" * 10)


def test_signature_is_the_same_in_another_process() -> None:
    code = (
        "import sys; from netral.monitor import dedup; print(dedup.signature_bytes(dedup.signature(sys.argv[1])).hex())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, ARTICLE], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == dedup.signature_bytes(dedup.signature(ARTICLE)).hex()


def test_band_keys_are_non_negative_63_bit_ints_one_per_band_and_differ_between_bands() -> None:
    keys = dedup.band_keys(dedup.signature(ARTICLE))
    assert len(keys) == dedup.BANDS
    assert all(isinstance(k, int) and 0 <= k < 2**63 for k in keys)
    assert len(set(keys)) == dedup.BANDS
    constant = np.full(dedup.PERMUTATIONS, 7, dtype=np.uint32)  # equal rows in every band: the band index differs
    assert len(set(dedup.band_keys(constant))) == dedup.BANDS


def test_an_empty_text_has_no_band_keys_and_matches_nothing() -> None:
    empty = dedup.signature("  ...  ")
    assert dedup.band_keys(empty) == []
    assert dedup.estimate(empty, dedup.signature("!!")) == 0.0


def test_estimate_is_one_for_the_same_text_and_near_zero_for_another_article() -> None:
    sig = dedup.signature(ARTICLE)
    assert dedup.estimate(sig, dedup.signature(ARTICLE)) == 1.0
    assert dedup.estimate(sig, dedup.signature(SAME_TOPIC_OTHER_ARTICLE)) < 0.1


def test_republication_with_other_boilerplate_teasers_and_title_is_the_same_story() -> None:
    parts = paragraphs(ARTICLE)
    repost = "\n\n".join(
        [
            "Kabar Rawa Pos, Sungai Rawa - " + parts[0],
            "BACA JUGA: Harga Cabai Turun Menjelang Akhir Pekan",
            *parts[1:3],
            "Baca: Jembatan Desa Diresmikan Bupati",
            *parts[3:],
            "Editor: Dimas Pratama",
            "Ikuti berita terkini Kabar Rawa Pos di kanal kami.",
        ]
    )
    assert judge(ARTICLE, repost)


def test_a_dropped_paragraph_swapped_paragraphs_and_small_edits_keep_the_story() -> None:
    parts = paragraphs(ARTICLE)
    edited = "\n\n".join([parts[0], parts[2], parts[1], parts[4]]).replace("Senin pagi", "Senin siang")
    assert judge(ARTICLE, edited)


def test_a_different_article_on_the_same_topic_is_another_story() -> None:
    assert not judge(ARTICLE, SAME_TOPIC_OTHER_ARTICLE)


def test_a_short_message_forwarded_with_a_prefix_is_the_same_story() -> None:
    message = "Ayo semua guru pilih nomor dua besok"
    assert judge(message, "Fwd: " + message)
    assert dedup.shingle_size(len(dedup.normalise(message))) < dedup.SHINGLE


def test_short_messages_with_other_words_are_different_stories() -> None:
    assert not judge("Ayo semua guru pilih nomor dua besok", "Rapat kepala desa ditunda sampai besok sore")


def test_a_short_post_quoting_one_sentence_of_an_article_does_not_join_it() -> None:
    sentence = paragraphs(ARTICLE)[2].replace("\n", " ")
    assert not judge(sentence, ARTICLE)


def test_band_index_finds_the_repost_and_not_the_other_article() -> None:
    index = dedup.BandIndex()
    index.add("original", dedup.signature(ARTICLE))
    index.add("other", dedup.signature(SAME_TOPIC_OTHER_ARTICLE))
    repost = "Kabar Rawa Pos - " + ARTICLE + "\nEditor: Dimas"
    assert index.candidates(dedup.signature(repost)) == {"original"}


# -- the corpus seeds, read at run time --------------------------------------------------------------------------

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="corpus seeds not present")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@needs_seeds
def test_seed_000_and_seed_003_are_different_stories() -> None:
    assert not judge(seed("000"), seed("003"))


@needs_seeds
def test_a_repost_of_a_seed_with_boilerplate_reordered_and_a_dropped_paragraph_is_the_same_story() -> None:
    original = seed("000")
    parts = [p for p in original.splitlines() if p.strip()]
    assert len(parts) >= 5
    reordered = [parts[0], parts[2], parts[1], *parts[3:-1]]  # two swapped, the last dropped
    repost = "Warta Contoh, Banjarmasin -\n\n" + "\n\n".join(reordered) + "\n\nBaca juga: Berita Lain Hari Ini"
    assert judge(original, repost)


@needs_seeds
def test_seed_004_doubled_body_is_the_same_story_as_its_single_body() -> None:
    doubled = seed("004")
    parts = [p for p in doubled.splitlines() if p.strip()]
    repeat = parts.index(parts[1], 2)  # the body starts over at the second occurrence of its second paragraph
    single = "\n".join(parts[:repeat])
    assert judge(doubled, single)
