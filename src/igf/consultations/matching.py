"""Which paragraph of a new version continues which paragraph of the previous one.

Pure Python, no Django. A paragraph keeps its identity when it is edited, moved or partly
rewritten, so comments and translations follow the right text. The editor can correct the
result afterwards (`services.correct_matching`).

How it works:
1. Identical paragraphs (after normalising case, spacing and Markdown marks) match first,
   in order, wherever they moved.
2. The rest are compared with difflib's ratio over words (characters for Chinese and
   Japanese), the measure difflib documents as "similarity"; pairs at or above the threshold
   are taken greedily, most similar first, nearer positions first on ties.
3. A paragraph left over that is mostly contained in another one was split from it (a new
   identity, derived from the old one) or merged into it (the old identity is listed among
   the new paragraph's origins). If the other one is itself left over, the two are the same
   paragraph, heavily expanded or shortened, and the identity carries over.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from igf.consultations.blocks import plain_text

DEFAULT_THRESHOLD = 0.5
DEFAULT_CONTAINMENT = 0.8
# Below this many words, containment says little ("Yes." is contained in most paragraphs).
MIN_CONTAINED_WORDS = 4

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af\u3040-\u30ff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


@dataclass(frozen=True, slots=True)
class Match:
    """What became of one paragraph of the new version.

    `old` is the paragraph of the previous version whose identity it takes (None: a new
    identity). `origins` lists every previous paragraph whose text went into it.
    """

    old: int | None
    similarity: float | None
    origins: tuple[int, ...]


def tokens(text: str) -> list[str]:
    """Words of a text, case-folded; each Chinese or Japanese character counts as a word."""
    return _TOKEN.findall(plain_text(text).casefold())


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio between two token lists: 1.0 identical, 0.0 nothing in common."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def containment(part: Sequence[str], whole: Sequence[str]) -> float:
    """Share of `part`'s words found, in order, in `whole`."""
    if not part:
        return 0.0
    blocks = SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(part)


def _similar_pairs(
    old_tokens: list[list[str]],
    new_tokens: list[list[str]],
    old_free: list[int],
    new_free: list[int],
    threshold: float,
) -> list[tuple[float, float, int, int]]:
    pairs = []
    n_old, n_new = max(len(old_tokens), 1), max(len(new_tokens), 1)
    for j in new_free:
        b = new_tokens[j]
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(b)
        for i in old_free:
            a = old_tokens[i]
            if not a or not b:
                continue
            matcher.set_seq1(a)
            # Cheap upper bounds first: most pairs are ruled out without the full ratio.
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = matcher.ratio()
            if score >= threshold:
                distance = abs(i / n_old - j / n_new)
                pairs.append((score, distance, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
    return pairs


@dataclass
class _State:
    old_tokens: list[list[str]]
    new_tokens: list[list[str]]
    taken: dict[int, int] = field(default_factory=dict)  # new index -> old index
    scores: dict[int, float] = field(default_factory=dict)
    used_old: set[int] = field(default_factory=set)
    origins: dict[int, set[int]] = field(default_factory=dict)

    def take(self, new: int, old: int, score: float) -> None:
        self.taken[new], self.scores[new] = old, score
        self.used_old.add(old)


def _identical(state: _State, old: Sequence[str], new: Sequence[str]) -> None:
    """Identical paragraphs, in order of appearance (text without words by its raw form)."""

    def signature(words: list[str], raw: str) -> tuple[str, ...]:
        return tuple(words) if words else ("\x00" + raw.strip(),)

    by_text: dict[tuple[str, ...], deque[int]] = defaultdict(deque)
    for i, words in enumerate(state.old_tokens):
        by_text[signature(words, old[i])].append(i)
    for j, words in enumerate(state.new_tokens):
        queue = by_text.get(signature(words, new[j]))
        if queue:
            state.take(j, queue.popleft(), 1.0)


def _best_container(
    part: list[str], wholes: list[list[str]], near: int, *, minimum: float
) -> int | None:
    """The paragraph among `wholes` that contains most of `part` (at least `minimum`)."""
    if len(part) < MIN_CONTAINED_WORDS:
        return None
    needed = Counter(part)
    best: tuple[float, int, int] | None = None
    for index, whole in enumerate(wholes):
        # The shared words bound the containment from above: skip hopeless candidates.
        shared = sum((needed & Counter(whole)).values()) / len(part)
        if shared < minimum or (best is not None and shared < best[0]):
            continue
        score = containment(part, whole)
        candidate = (score, -abs(index - near), index)
        if score >= minimum and (best is None or candidate > best):
            best = candidate
    return best[2] if best is not None else None


def match_paragraphs(
    old: Sequence[str],
    new: Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    contained: float = DEFAULT_CONTAINMENT,
) -> list[Match]:
    """For each paragraph of `new`, the paragraph of `old` it continues (see module doc)."""
    state = _State([tokens(text) for text in old], [tokens(text) for text in new])
    _identical(state, old, new)

    # Similar paragraphs, most similar first.
    old_free = [i for i in range(len(old)) if i not in state.used_old]
    new_free = [j for j in range(len(new)) if j not in state.taken]
    for score, _distance, i, j in _similar_pairs(
        state.old_tokens, state.new_tokens, old_free, new_free, threshold
    ):
        if i not in state.used_old and j not in state.taken:
            state.take(j, i, score)
    state.origins = {j: {i} for j, i in state.taken.items()}

    # Leftover new paragraphs split from (or rewriting) an old one.
    for j in range(len(new)):
        if j in state.taken:
            continue
        source = _best_container(state.new_tokens[j], state.old_tokens, j, minimum=contained)
        if source is None:
            continue
        if source not in state.used_old:
            state.take(j, source, similarity(state.old_tokens[source], state.new_tokens[j]))
        state.origins.setdefault(j, set()).add(source)

    # Leftover old paragraphs merged into (or expanded as) a new one.
    for i in range(len(old)):
        if i in state.used_old:
            continue
        target = _best_container(state.old_tokens[i], state.new_tokens, i, minimum=contained)
        if target is None:
            continue
        if target not in state.taken:
            state.take(target, i, similarity(state.old_tokens[i], state.new_tokens[target]))
        state.origins.setdefault(target, set()).add(i)

    return [
        Match(
            old=state.taken.get(j),
            similarity=round(state.scores[j], 4) if j in state.scores else None,
            origins=tuple(sorted(state.origins.get(j, ()))),
        )
        for j in range(len(new))
    ]
