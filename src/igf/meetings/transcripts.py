"""Reading transcripts: WebVTT, SubRip (SRT) and pasted text, into timed cues. No Django models.

Small on purpose: it reads what captioning services and meeting platforms export (Zoom,
Webex, YouTube, BigBlueButton), keeps who spoke (WebVTT `<v>` voices and "Name:" prefixes),
and refuses malformed timings with the line number, so the uploader can fix the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from igf.core.errors import Invalid

MAX_CUES = 20_000
# Consecutive cues of one speaker join into a paragraph until it is about this long.
PARAGRAPH_LENGTH = 500

_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:\s+.*)?$"
)
_TIMESTAMP = re.compile(r"^(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>\d{2})[.,](?P<ms>\d{1,3})$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"<[^>]*>")
_SSA_TAG = re.compile(r"\{\\[^}]*\}")
# "[00:12:03] Name: text", "00:12:03 Name: text" or "(12:03) text" at the start of a pasted line.
_PASTED_STAMP = re.compile(
    r"^\s*[\[(]?(?P<stamp>(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s*[-\u2013\u2014]?\s*(?P<rest>.*)$"
)
_SPEAKER = re.compile(r"^(?P<name>[^\s:][^:]{0,60}?):\s+(?P<text>\S.*)$", re.DOTALL)


class TranscriptError(Invalid):
    """The text is not a transcript this module can read (400); the message says where and
    why, on the form's file or text field."""


@dataclass(frozen=True)
class Cue:
    start_ms: int | None
    end_ms: int | None
    speaker: str
    text: str


def timestamp_ms(value: str) -> int:
    """Milliseconds from "hh:mm:ss.ttt", "mm:ss.ttt" or "hh:mm:ss,ttt" (SRT)."""
    match = _TIMESTAMP.match(value.strip())
    if match is None:
        raise ValueError(value)
    hours = int(match["h"] or 0)
    minutes, seconds = int(match["m"]), int(match["s"])
    if minutes > 59 or seconds > 59:
        raise ValueError(value)
    millis = int(match["ms"].ljust(3, "0"))
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def format_timestamp(ms: int) -> str:
    """ "1:02:03" or "02:03": the way players show a position."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def _lines(text: str) -> list[str]:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _blocks(lines: list[str]) -> Iterable[tuple[int, list[str]]]:
    """Blank-line separated blocks, each with the number of its first line (1-based)."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def _clean(text: str) -> tuple[str, str]:
    """(speaker, text) of a cue's payload: voice tag or "Name:" taken as the speaker."""
    speaker = ""
    voice = _VOICE.search(text)
    if voice:
        speaker = voice.group(1).strip()
    plain = html.unescape(_TAG.sub("", _SSA_TAG.sub("", text)))
    plain = " ".join(plain.split())
    if not speaker:
        named = _SPEAKER.match(plain)
        if named:
            speaker, plain = named["name"].strip(), named["text"].strip()
    return speaker[:150], plain


def _timing(line: str, number: int) -> tuple[int, int]:
    match = _TIMING.match(line)
    if match is None:
        raise TranscriptError(
            _("Line %(line)s: expected a timing such as 00:01:02.500 --> 00:01:05.000.")
            % {"line": number}
        )
    try:
        start, end = timestamp_ms(match["start"]), timestamp_ms(match["end"])
    except ValueError as error:
        raise TranscriptError(
            _("Line %(line)s: this time is not valid.") % {"line": number}
        ) from error
    if end < start:
        raise TranscriptError(_("Line %(line)s: the cue ends before it starts.") % {"line": number})
    return start, end


def _append(cues: list[Cue], cue: Cue) -> None:
    if len(cues) >= MAX_CUES:
        raise TranscriptError(
            _("The transcript has more than %(count)s cues.") % {"count": MAX_CUES}
        )
    cues.append(cue)


def parse_webvtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file (W3C WebVTT): header, NOTE/STYLE/REGION blocks skipped."""
    lines = _lines(text)
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0].strip()):
        raise TranscriptError(_("A WebVTT file starts with the line WEBVTT."))
    cues: list[Cue] = []
    for first, lines_of_block in _blocks(lines[1:]):
        block, number = lines_of_block, first + 1
        head = block[0].strip()
        if head.startswith(("NOTE", "STYLE", "REGION")):
            continue
        if "-->" not in head:
            if len(block) > 1 and "-->" in block[1]:  # a cue identifier comes first
                block, number = block[1:], number + 1
            elif not cues:
                continue  # header metadata such as "Kind: captions"
            else:
                _timing(head, number)  # raises with the line number
        start, end = _timing(block[0], number)
        speaker, payload = _clean("\n".join(block[1:]))
        if payload:
            _append(cues, Cue(start, end, speaker, payload))
    return cues


def parse_srt(text: str) -> list[Cue]:
    """The cues of a SubRip file: index, "00:00:01,000 --> 00:00:02,000", text lines."""
    cues: list[Cue] = []
    for first, lines_of_block in _blocks(_lines(text)):
        block, number = lines_of_block, first
        if "-->" not in block[0]:
            if not block[0].strip().isdigit() or len(block) < 2:
                raise TranscriptError(
                    _("Line %(line)s: expected a cue number and a timing.") % {"line": number}
                )
            block, number = block[1:], number + 1
        start, end = _timing(block[0], number)
        speaker, payload = _clean("\n".join(block[1:]))
        if payload:
            _append(cues, Cue(start, end, speaker, payload))
    if not cues:
        raise TranscriptError(_("No cue was found in this file."))
    return cues


def parse_text(text: str) -> list[Cue]:
    """Pasted text: one paragraph per cue; a leading [hh:mm:ss] stamp and "Name:" are kept."""
    cues: list[Cue] = []
    for _first, block in _blocks(_lines(text)):
        for raw in _paragraphs(block):
            paragraph = raw
            start_ms: int | None = None
            stamp = _PASTED_STAMP.match(paragraph)
            if stamp and ":" in stamp["stamp"]:
                try:
                    start_ms = timestamp_ms(
                        stamp["stamp"] if re.search(r"[.,]\d+$", stamp["stamp"]) else
                        stamp["stamp"] + ".000"
                    )  # fmt: skip
                    paragraph = stamp["rest"]
                except ValueError:
                    start_ms = None
            speaker, payload = _clean(paragraph)
            if payload:
                _append(cues, Cue(start_ms, None, speaker, payload))
    if not cues:
        raise TranscriptError(_("The transcript is empty."))
    return cues


def _paragraphs(block: list[str]) -> list[str]:
    """A block's lines, split again wherever a line starts with its own timestamp."""
    paragraphs: list[str] = []
    for line in block:
        starts_new = bool(_PASTED_STAMP.match(line)) and re.match(r"^\s*[\[(]?\d", line)
        if starts_new or not paragraphs:
            paragraphs.append(line.strip())
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line.strip()}"
    return paragraphs


def parse(text: str, source_format: str) -> list[Cue]:
    """Cues from `text` in `source_format` ("webvtt", "srt" or "text")."""
    if "\x00" in text:
        raise TranscriptError(_("The transcript contains characters that are not text."))
    parser = {"webvtt": parse_webvtt, "srt": parse_srt, "text": parse_text}.get(source_format)
    if parser is None:
        raise TranscriptError(_("Choose WebVTT, SRT or plain text."))
    return parser(text)


def rows(cues: Iterable[Cue]) -> Iterator[dict[str, Any]]:
    """The cues as the fields of stored cue rows, numbered in order: a meeting's transcript
    and a session's store them alike."""
    for position, cue in enumerate(cues):
        yield {
            "position": position,
            "start_ms": cue.start_ms,
            "end_ms": cue.end_ms,
            "speaker": cue.speaker[:150],
            "text": cue.text,
        }


def guess_format(name: str, text: str) -> str:
    """The format of an uploaded file, from its first line, else its name."""
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return "webvtt"
    if name.lower().endswith(".srt") or re.match(r"^\ufeff?\s*\d+\s*\n\s*\d", text):
        return "srt"
    if name.lower().endswith(".vtt"):
        return "webvtt"
    return "text"


@dataclass(frozen=True)
class Paragraph:
    """Consecutive cues of one speaker, read as one paragraph that starts at `start_ms`."""

    start_ms: int | None
    speaker: str
    text: str


def paragraphs(cues: Iterable[Cue]) -> list[Paragraph]:
    """Join consecutive cues of the same speaker, so captions read as prose."""
    result: list[Paragraph] = []
    for cue in cues:
        last = result[-1] if result else None
        if last is not None and cue.speaker == last.speaker and len(last.text) < PARAGRAPH_LENGTH:
            result[-1] = Paragraph(last.start_ms, last.speaker, f"{last.text} {cue.text}")
        else:
            result.append(Paragraph(cue.start_ms, cue.speaker, cue.text))
    return result
