"""What changed between two releases of a schedule, on plain data (no Django)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

Entries = Mapping[str, Mapping[str, Any]]


def _place(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "room": entry.get("room"),
        "room_name": entry.get("room_name", ""),
        "start": entry.get("start", ""),
        "end": entry.get("end", ""),
    }


def diff_entries(old: Entries, new: Entries) -> dict[str, list[dict[str, Any]]]:
    """Sessions added, removed, moved (time or room) and renamed from `old` to `new`."""
    added = [
        {"id": int(key), "title": new[key].get("title", ""), "to": _place(new[key])}
        for key in sorted(set(new) - set(old), key=int)
    ]
    removed = [
        {"id": int(key), "title": old[key].get("title", ""), "from": _place(old[key])}
        for key in sorted(set(old) - set(new), key=int)
    ]
    moved, renamed = [], []
    for key in sorted(set(old) & set(new), key=int):
        before, after = old[key], new[key]
        if _place(before) != _place(after) and (
            before.get("start") != after.get("start")
            or before.get("end") != after.get("end")
            or before.get("room") != after.get("room")
        ):
            moved.append(
                {
                    "id": int(key),
                    "title": after.get("title", ""),
                    "from": _place(before),
                    "to": _place(after),
                }
            )
        if before.get("title", "") != after.get("title", ""):
            renamed.append(
                {"id": int(key), "title": after.get("title", ""), "old": before.get("title", "")}
            )
    return {"added": added, "removed": removed, "moved": moved, "renamed": renamed}


def changed_ids(changes: Mapping[str, list[Mapping[str, Any]]]) -> set[int]:
    """Sessions whose time, room or presence changed (not a mere new title)."""
    return {
        int(item["id"]) for kind in ("added", "removed", "moved") for item in changes.get(kind, [])
    }


def change_count(changes: Mapping[str, list[Mapping[str, Any]]]) -> int:
    return sum(len(changes.get(k, [])) for k in ("added", "removed", "moved", "renamed"))


def _moment(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def with_datetimes(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Changes with their start and end as datetimes (releases store ISO text)."""
    dated = []
    for item in items:
        copy = dict(item)
        for side in ("from", "to"):
            if side in copy:
                place = dict(copy[side])
                place["start"], place["end"] = (
                    _moment(place.get("start")),
                    _moment(place.get("end")),
                )
                copy[side] = place
        dated.append(copy)
    return dated


def dated_changes(
    changes: Mapping[str, Iterable[Mapping[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    return {kind: with_datetimes(items) for kind, items in changes.items()}
