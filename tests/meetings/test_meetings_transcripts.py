"""The transcript reader: WebVTT, SRT and pasted text into timed cues; bad input refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from igf.meetings.transcripts import (
    Cue,
    TranscriptError,
    format_timestamp,
    guess_format,
    paragraphs,
    parse,
    parse_srt,
    parse_text,
    parse_webvtt,
    timestamp_ms,
)

VTT = """\ufeffWEBVTT - IGF MAG call
Kind: captions
Language: en

NOTE recorded by the captioning service

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Chengetai Masango>Good morning, <i>everyone</i>.</v>

00:04.500 --> 00:00:07.000
<v.loud Anna Lee>We start with item 1 &amp; item 2.

3
01:02:03.250 --> 01:02:05.000
Thank you.
"""

SRT = """1\r
00:00:01,000 --> 00:00:02,500\r
<i>Chair:</i> Welcome to the call.\r
\r
2\r
00:00:03,000 --> 00:00:06,000\r
{\\an8}Let us begin\r
with the agenda.\r
"""


def test_webvtt_cues_keep_times_voices_and_plain_text() -> None:
    cues = parse_webvtt(VTT)
    assert cues == [
        Cue(1000, 4500, "Chengetai Masango", "Good morning, everyone."),
        Cue(4500, 7000, "Anna Lee", "We start with item 1 & item 2."),
        Cue(3723250, 3725000, "", "Thank you."),
    ]


def test_srt_cues_with_crlf_italics_and_positioning_tags() -> None:
    assert parse_srt(SRT) == [
        Cue(1000, 2500, "Chair", "Welcome to the call."),
        Cue(3000, 6000, "", "Let us begin with the agenda."),
    ]


def test_pasted_text_keeps_stamps_and_speakers() -> None:
    cues = parse_text(
        "[00:01:02] Chair: Good morning.\ncontinued here\n\n(1:02:03) Anna: Yes.\n\nNo stamp."
    )
    assert cues == [
        Cue(62000, None, "Chair", "Good morning. continued here"),
        Cue(3723000, None, "Anna", "Yes."),
        Cue(None, None, "", "No stamp."),
    ]


@pytest.mark.parametrize(
    ("text", "source_format", "message"),
    [
        ("00:00:01.000 --> 00:00:02.000\nHi", "webvtt", "starts with the line WEBVTT"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHi", "webvtt", "ends before it starts"),
        ("WEBVTT\n\n1\n00:00:05.000 --> 00:00:06.000\nHi\n\noops\nmore", "webvtt", "Line 7"),
        ("1\n00:00:01,000 -> 00:00:02,000\nHi", "srt", "Line 2: expected a timing"),
        ("1\n00:61:01,000 --> 00:62:02,000\nHi", "srt", "not valid"),
        ("hello\nworld", "srt", "Line 1: expected a cue number"),
        ("", "srt", "No cue"),
        ("   \n\n", "text", "empty"),
        ("a\x00b", "text", "not text"),
        ("x", "docx", "Choose WebVTT"),
    ],
)
def test_bad_transcripts_are_refused_with_where_and_why(
    text: str, source_format: str, message: str
) -> None:
    with pytest.raises(TranscriptError, match=message) as caught:
        parse(text, source_format)
    assert caught.value.status == 400  # what was sent cannot be read as it is


def test_timestamps_read_and_written() -> None:
    assert timestamp_ms("01:02:03.5") == 3723500
    assert timestamp_ms("02:03,040") == 123040
    assert format_timestamp(3723500) == "1:02:03"
    assert format_timestamp(123040) == "02:03"
    with pytest.raises(ValueError, match="x"):
        timestamp_ms("x")


def test_format_is_recognised_from_content_then_name() -> None:
    assert guess_format("call.txt", "WEBVTT\n\n") == "webvtt"
    assert guess_format("call.srt", "1\n00:00") == "srt"
    assert guess_format("call", "1\n00:00:01,000 --> 00:00:02,000") == "srt"
    assert guess_format("call.vtt", "") == "webvtt"
    assert guess_format("notes.txt", "Hello") == "text"


def test_consecutive_cues_of_a_speaker_read_as_one_paragraph() -> None:
    cues = [
        Cue(1000, 2000, "Anna", "One."),
        Cue(2000, 3000, "Anna", "Two."),
        Cue(3000, 4000, "Ben", "Three."),
    ]
    result = paragraphs(cues)
    assert [(p.start_ms, p.speaker, p.text) for p in result] == [
        (1000, "Anna", "One. Two."),
        (3000, "Ben", "Three."),
    ]


TIMING_LINES = st.sampled_from(
    ["WEBVTT", "00:00:01.000 --> 00:00:02.000", "1", "", "NOTE x", "<v A>hi</v>", "-->",
     "99:99:99.999 --> 00:00:00.000", "00:01,5 --> 00:02,5", "[00:00:03] Name: text", "\ufeff"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.one_of(TIMING_LINES, st.text(max_size=40)), max_size=30),
    source_format=st.sampled_from(["webvtt", "srt", "text"]),
)
def test_any_text_gives_cues_or_a_transcript_error(lines: list[str], source_format: str) -> None:
    try:
        cues = parse("\n".join(lines), source_format)
    except TranscriptError:
        cues = []
    for cue in cues:
        assert cue.text.strip()
        assert cue.start_ms is None or cue.start_ms >= 0
        assert cue.end_ms is None or cue.start_ms is None or cue.end_ms >= cue.start_ms
