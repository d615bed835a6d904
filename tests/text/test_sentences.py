"""netral.sentences.v1 alone."""

from __future__ import annotations

from netral.text.model import Doc
from netral.text.sentences import SentenceSplitter


def sentences(text: str) -> list[str]:
    doc = SentenceSplitter()(Doc(raw=text, text=text))
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


def test_it_does_not_split_after_kab_or_degrees() -> None:
    text = "Ketua Bawaslu Kab. Tanah Laut, Fulan, S.H., M.H. membuka acara. Acara berlangsung dua hari."
    assert sentences(text) == [
        "Ketua Bawaslu Kab. Tanah Laut, Fulan, S.H., M.H. membuka acara.",
        "Acara berlangsung dua hari.",
    ]


def test_it_splits_on_line_breaks_and_question_marks() -> None:
    assert sentences("Siapa pelakunya? Belum diketahui\nParagraf baru") == [
        "Siapa pelakunya?",
        "Belum diketahui",
        "Paragraf baru",
    ]


def test_it_does_not_split_before_a_lowercase_word() -> None:
    assert len(sentences("Hal itu disampaikan oleh Drs. Fulan di kantor. Ia hadir.")) == 2
