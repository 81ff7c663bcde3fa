"""The paragraph matcher and the Markdown splitter (pure Python, no database).

Real-world text: the draft report of the Working Group on Improvements to the IGF
(/work/shared/reference/igf-documents/003_*.txt), the same text the demo uses.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from igf.consultations.blocks import HEADING, LIST, NOTE, PARAGRAPH, TABLE, split_blocks
from igf.consultations.matching import match_paragraphs
from igf.consultations.wordiff import DELETE, EQUAL, INSERT, word_diff

REFERENCE = Path("/work/shared/reference/igf-documents")

# Distinct sentences: a property test needs paragraphs that are not all alike.
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
paragraph = st.lists(words, min_size=4, max_size=30).map(" ".join)
documents = st.lists(paragraph, min_size=1, max_size=25, unique=True)


def real_paragraphs() -> list[str]:
    """The numbered paragraphs of the Working Group's draft report, without their numbers."""
    text = next(REFERENCE.glob("003_*.txt")).read_text(encoding="utf-8")
    parts = re.split(r"\n\s*\n|\n(?=\d+\. )", text)
    return [re.sub(r"^\d+\.\s*", "", p.strip()) for p in parts if len(p.strip()) > 60]


@settings(max_examples=200, deadline=None)
@given(documents)
def test_unchanged_document_maps_every_paragraph_to_itself(texts: list[str]) -> None:
    matches = match_paragraphs(texts, texts)
    assert [m.old for m in matches] == list(range(len(texts)))
    assert all(m.similarity == 1.0 for m in matches)


@settings(max_examples=200, deadline=None)
@given(documents, st.randoms(use_true_random=False))
def test_shuffled_document_maps_each_paragraph_to_its_moved_copy(
    texts: list[str], rng: random.Random
) -> None:
    order = list(range(len(texts)))
    rng.shuffle(order)
    shuffled = [texts[i] for i in order]
    matches = match_paragraphs(texts, shuffled)
    assert [m.old for m in matches] == order


@settings(max_examples=100, deadline=None)
@given(documents, documents)
def test_every_old_paragraph_is_continued_at_most_once(old: list[str], new: list[str]) -> None:
    taken = [m.old for m in match_paragraphs(old, new) if m.old is not None]
    assert len(taken) == len(set(taken))


def test_edited_paragraph_keeps_its_identity() -> None:
    old = real_paragraphs()
    target = next(i for i, p in enumerate(old) if "Working Group" in p and len(p) > 200)
    new = list(old)
    new[target] = old[target].replace("Working Group", "Group") + " It said so twice."
    matches = match_paragraphs(old, new)
    assert matches[target].old == target
    score = matches[target].similarity
    assert score is not None
    assert 0.8 < score < 1.0


def test_moved_paragraph_keeps_its_identity_where_it_went() -> None:
    old = real_paragraphs()
    new = list(old)
    moved = new.pop(3)
    new.insert(20, moved)
    matches = match_paragraphs(old, new)
    assert matches[20].old == 3
    assert [m.old for m in matches].count(3) == 1


def test_split_paragraph_keeps_identity_in_one_half_and_origin_in_both() -> None:
    old = real_paragraphs()
    target = next(i for i, p in enumerate(old) if p.count(". ") >= 2)
    sentences = old[target].split(". ")
    half = len(sentences) // 2
    first, second = ". ".join(sentences[:half]) + ".", ". ".join(sentences[half:])
    new = [*old[:target], first, second, *old[target + 1 :]]
    matches = match_paragraphs(old, new)
    halves = matches[target : target + 2]
    assert sorted(m.old for m in halves if m.old is not None) == [target]
    assert [m.origins for m in halves] == [(target,), (target,)]


def test_merged_paragraphs_list_both_origins() -> None:
    old = real_paragraphs()
    merged = f"{old[10]} {old[11]}"
    new = [*old[:10], merged, *old[12:]]
    matches = match_paragraphs(old, new)
    assert matches[10].old in (10, 11)
    assert matches[10].origins == (10, 11)
    assert all(m.old not in (10, 11) for i, m in enumerate(matches) if i != 10)


def test_rewritten_paragraph_is_new_and_the_rest_still_match() -> None:
    old = real_paragraphs()
    new = list(old)
    new[7] = "The secretariat will publish a calendar of open consultations every January."
    matches = match_paragraphs(old, new)
    assert matches[7].old is None
    assert matches[7].origins == ()
    assert [m.old for i, m in enumerate(matches) if i != 7] == [
        i for i in range(len(old)) if i != 7
    ]


def test_chinese_paragraphs_are_compared_character_by_character() -> None:
    old = ["互联网治理论坛应当更加开放和包容", "秘书处负责筹备年度会议"]
    new = ["秘书处负责筹备年度会议和闭会期间工作", "互联网治理论坛应当更加开放、透明和包容"]
    assert [m.old for m in match_paragraphs(old, new)] == [1, 0]


def test_blocks_of_a_draft() -> None:
    text = (
        "# Outcomes\n\nFirst paragraph\ncontinues here.\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nSubheading\n----------\n\n"
        "```\ncode\n\nstill code\n```\n\n<sup>1</sup> A note.\n"
    )
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH, LIST, TABLE, HEADING, "code", NOTE]
    assert blocks[1].text == "First paragraph\ncontinues here."
    assert blocks[4].text == "## Subheading"
    assert [b.numbered for b in blocks] == [False, True, True, True, False, True, False]


def test_blocks_survive_control_characters_and_windows_line_ends() -> None:
    blocks = split_blocks("One\x00 para\r\n\r\nTwo\x07 para\r\n")
    assert [b.text for b in blocks] == ["One para", "Two para"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_word_diff_gives_back_both_texts(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.op in (EQUAL, DELETE)) == old
    assert "".join(s.text for s in segments if s.op in (EQUAL, INSERT)) == new


def test_word_diff_marks_whole_words() -> None:
    segments = word_diff("the forum should change", "the forum must change")
    assert [(s.op, s.text) for s in segments] == [
        (EQUAL, "the forum "),
        (DELETE, "should"),
        (INSERT, "must"),
        (EQUAL, " change"),
    ]


def test_commented_view_pages_never_split_a_paragraph() -> None:
    from igf.consultations.queries import commented_pages  # noqa: PLC0415

    pages = commented_pages([0, 40, 70, 500, 10, 10, 0], per_page=100)
    assert [(p.number, p.first, p.last) for p in pages] == [(1, 0, 1), (2, 2, 2), (3, 3, 3),
                                                            (4, 4, 6)]  # fmt: skip
    assert commented_pages([], per_page=100) == []
    assert [(p.first, p.last) for p in commented_pages([0] * 5, per_page=100)] == [(0, 4)]
