"""The ICD-10 (МКБ-10) classification: look a code up, check it, search by code or words, walk the tree.

The classification ships as ``shared/reference_data/icd10.json.gz`` (built by ``tools/build_icd10.py``;
sources and licences in ``shared/reference_data/README.md``). It is read once, at first use, into
memory with its search index (about 0.1 s, once per process; a workstation may call ``catalogue()``
on a worker thread at start-up); every function here is then pure and fast: a lookup takes
microseconds, a search well under a millisecond on the full classification. No Qt, no database.

What a doctor types is forgiven where the meaning is certain and tried in order where it is not:

* ``j06.9``, ``J06,9``, ``J 06.9``, ``J069``, ``J06.9*`` (asterisk and dagger marks dropped);
* a Cyrillic letter that looks like the Latin one (``К35.8``, ``О80`` with a Cyrillic К and О);
* the Russian keyboard layout left on: ``о06ю9`` is what ``j06.9`` gives on ЙЦУКЕН (``о`` is the J
  key, ``ю`` the full-stop key, ``б`` the comma key).

A capital Cyrillic look-alike is read first as the letter it looks like (someone typed ``О`` on
purpose: ``О06.9`` → O06.9), a small one first as the key it sits on (``о06.9`` → J06.9, the layout
left on); the other reading is tried when the first is not a code. ``search`` returns both readings.

Kinds: a *chapter* (``I``…``XXII``) holds *blocks* (``A00-A09``; blocks may nest), a block holds
*categories* (``A00``), a category may hold *subcategories* (``A00.0``, a few ``B18.00``). Only
categories and subcategories are codes; a diagnosis takes a *billable* one: a code with nothing
under it (``J06.9``, ``I10``, not ``J06``), still in use.
"""

from __future__ import annotations

import bisect
import gzip
import heapq
import json
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

CHAPTER = "chapter"
BLOCK = "block"
CATEGORY = "category"
SUBCATEGORY = "subcategory"
_CODE_KINDS = frozenset((CATEGORY, SUBCATEGORY))
DATA_FILE = "icd10.json.gz"

_MAX_QUERY = 256  # characters of a search looked at
_MAX_WORDS = 12  # words of a search looked at
_MAX_CODE_INPUT = 48  # a code typed longer than this is not a code


@dataclass(frozen=True, slots=True)
class Icd10Entry:
    code: str  # "J06.9"; a block "J00-J06"; a chapter "X"
    kind: str  # chapter | block | category | subcategory
    parent: str | None
    chapter: str  # the chapter it is in ("X"); a chapter's own code
    span: str  # the codes it covers: "J00-J99" for chapter X, "J00-J06" for a block, the code itself
    name_en: str
    name_ru: str  # empty when the shipped data has no Russian name for it
    actual: bool  # False: withdrawn from use (the Russian НСИ marks a few)
    leaf: bool  # nothing under it

    @property
    def name(self) -> str:
        """The Russian name where the data has one, the English one otherwise."""
        return self.name_ru or self.name_en

    @property
    def is_code(self) -> bool:
        return self.kind in _CODE_KINDS

    @property
    def billable(self) -> bool:
        """A code a diagnosis may carry: a category or subcategory with nothing under it, in use."""
        return self.kind in _CODE_KINDS and self.leaf and self.actual


@dataclass(frozen=True, slots=True)
class Icd10Source:
    name: str
    language: str
    version: str
    licence: str


# --- what people type ---------------------------------------------------------------------------

# Cyrillic letters that look like Latin ones (capitals; small ones are folded up first).
_LOOKALIKE = {"А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P",
              "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S"}
# The ЙЦУКЕН key → the Latin letter on the same key of a QWERTY keyboard.
_RU_KEYS = "йцукенгшщзфывапролдячсмить"
_EN_KEYS = "qwertyuiopasdfghjklzxcvbnm"
_LAYOUT = {ru.upper(): en.upper() for ru, en in zip(_RU_KEYS, _EN_KEYS, strict=True)}
_TO_CYRILLIC = str.maketrans("qwertyuiop[]asdfghjkl;'zxcvbnm,.`", "йцукенгшщзхъфывапролджэячсмитьбюё")
_TO_LATIN = str.maketrans("йцукенгшщзхъфывапролджэячсмитьбюё", "qwertyuiop[]asdfghjkl;'zxcvbnm,.`")
_ROMAN_CHAPTERS = frozenset(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII".split()
)
_DASHES = "-‐‑‒–—−"
_MARKS = "*†+!"  # asterisk and dagger codes, and the "+" typed for a dagger
# Between the category and the subcategory (in the patterns below): a full stop, a comma, or what
# their keys give in the Russian layout (ю, б) when pressed with the Latin layout in mind; a letter
# O typed for a zero is forgiven where a real digit stands beside it ("JO6" is J06).
_CODE_SHAPE = re.compile(r"^(\S)([0-9OoОо]{1,2})(?:([.,юбЮБ])?([0-9OoОо]{0,2}))?$")
_CODE_TOKEN = re.compile(r"(?<![\w])([A-Za-zА-Яа-яЁё])([0-9]{1,2})(?:[.,юбЮБ]?([0-9]{1,2}))?(?![\w])")
_PREFIX_SHAPE = re.compile(r"^(\S)([0-9OoОо]{0,2})(?:([.,юбЮБ])([0-9OoОо]{0,2}))?$")
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


def _letter_readings(ch: str) -> list[str]:
    """The Latin letters a typed first character may stand for, the likelier first."""
    if "A" <= ch <= "Z":
        return [ch]
    if "a" <= ch <= "z":
        return [ch.upper()]
    upper = ch.upper()
    looks, key = _LOOKALIKE.get(upper), _LAYOUT.get(upper)
    readings = [looks, key] if ch == upper else [key, looks]
    out: list[str] = []
    for r in readings:
        if r is not None and r not in out:
            out.append(r)
    return out


_O_FOR_ZERO = str.maketrans("OoОо", "0000")


def _digits(text: str) -> str:
    return text.translate(_O_FOR_ZERO)


def _clean_code_input(text: object) -> str | None:
    if not isinstance(text, str) or len(text) > _MAX_CODE_INPUT:
        return None
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "C")
    return text.rstrip(_MARKS).lstrip(_MARKS) or None


def _single_code_readings(text: str) -> list[str]:
    match = _CODE_SHAPE.match(text)
    if match is None:
        return []
    first, head, sep, tail = match.groups()
    if len(head) != 2 or not any(ch.isdigit() for ch in head):
        return []  # "JO6" is J06, but "соо" is no C00
    head, tail = _digits(head), _digits(tail or "")
    suffix = f".{tail}" if tail else ""
    return [f"{letter}{head}{suffix}" for letter in _letter_readings(first)]


def code_readings(text: object) -> list[str]:
    """The canonical forms (``J06.9``, ``A00-A09``, ``XXII``) a typed code may stand for, likelier first.

    Says nothing of whether they exist: ``lookup`` picks the first that does."""
    cleaned = _clean_code_input(text)
    if cleaned is None:
        return []
    if cleaned.upper() in _ROMAN_CHAPTERS and cleaned.isascii():
        return [cleaned.upper()]
    for dash in _DASHES:
        if dash in cleaned:
            parts = cleaned.split(dash)
            if len(parts) != 2:
                return []
            lows = [r for r in _single_code_readings(parts[0]) if "." not in r]
            highs = [r for r in _single_code_readings(parts[1]) if "." not in r]
            return [f"{lo}-{hi}" for lo in lows for hi in highs]
    return _single_code_readings(cleaned)


def _prefix_readings(text: str) -> list[str]:
    """A search typed as the start of a code ("J0", "о06", "J06.", "k35,8") → dotless prefixes."""
    cleaned = _clean_code_input(text)
    if cleaned is None:
        return []
    match = _PREFIX_SHAPE.match(cleaned)
    if match is None:
        return []
    first, head, sep, tail = match.groups()
    if head and not any(ch.isdigit() for ch in head):
        return []  # "со", "по", "ко" begin Russian words, not codes C0, P0, K0
    head, tail = _digits(head), _digits(tail or "")
    if not head and (sep is not None or not ("A" <= first <= "Z" or "a" <= first <= "z")):
        return []  # a lone Cyrillic letter is the start of a word, not of a code
    if sep is not None and len(head) != 2:
        return []
    return [f"{letter}{head}{tail}" for letter in _letter_readings(first)]


# --- the catalogue ------------------------------------------------------------------------------


class Icd10Catalogue:
    """The classification in memory with its indexes. Use the module functions for the shipped one."""

    def __init__(self, document: dict) -> None:
        if document.get("format") != 1:
            raise ValueError("unknown ICD-10 data format")
        self.sources = tuple(
            Icd10Source(s.get("name", ""), s.get("language", ""), s.get("version", ""), s.get("licence", ""))
            for s in document.get("sources", ())
        )
        rows = document["entries"]
        children: dict[str | None, list[str]] = {}
        for code, _kind, parent, *_ in rows:
            children.setdefault(parent, []).append(code)
        self._children = children
        spans: dict[str, str] = {}
        for code, kind, *_ in rows:
            if kind == CHAPTER:
                blocks = children.get(code) or [code]
                spans[code] = f"{blocks[0].split('-')[0]}-{blocks[-1].split('-')[-1]}"
        entries: list[Icd10Entry] = []
        chapter = ""
        for code, kind, parent, name_en, name_ru, actual in rows:
            if kind == CHAPTER:
                chapter = code
            entries.append(Icd10Entry(code, kind, parent, chapter, spans.get(code, code), name_en, name_ru,
                                      bool(actual), code not in children))
        self._entries = entries
        self._by_code = {e.code: i for i, e in enumerate(entries)}
        self._chapters = [i for i, e in enumerate(entries) if e.kind == CHAPTER]
        # Codes by their dotless form, for prefix search.
        keyed = sorted((e.code.replace(".", ""), i) for i, e in enumerate(entries) if e.kind in _CODE_KINDS)
        self._code_keys = [k for k, _ in keyed]
        self._code_ids = [i for _, i in keyed]
        # Words of the names (both languages, folded) → entries.
        postings: dict[str, list[int]] = {}
        lengths: list[int] = []
        first_words: list[tuple[str, ...]] = []
        findall = _WORD.findall
        for i, e in enumerate(entries):
            en = findall(_fold(e.name_en))
            ru = findall(_fold(e.name_ru)) if e.name_ru else []
            firsts = tuple(w[0] for w in (ru, en) if w)
            first_words.append(firsts)
            lengths.append(min(len(ru) or 1 << 10, len(en) or 1 << 10))
            words = set(en)
            words.update(ru)
            # "Vitamin B 12" is also found as "B12".
            words.update(a + b for a, b in zip(en, en[1:], strict=False) if len(a) == 1 and b.isdigit())
            words.update(a + b for a, b in zip(ru, ru[1:], strict=False) if len(a) == 1 and b.isdigit())
            for w in words:
                ids = postings.get(w)
                if ids is None:
                    postings[w] = [i]
                else:
                    ids.append(i)
        self._length = lengths
        self._first_words = first_words
        self._words = sorted(postings)
        self._postings = [postings[w] for w in self._words]
        self._prefix_cache: dict[str, frozenset[int]] = {}
        self._cache_lock = threading.Lock()

    @classmethod
    def from_file(cls, path: str | Path) -> Icd10Catalogue:
        with gzip.open(path, "rb") as f:
            return cls(json.loads(f.read().decode("utf-8")))

    # -- codes --

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[Icd10Entry]:
        """Every entry as the classification reads (chapter, its blocks, their codes, …)."""
        return list(self._entries)

    @property
    def indexed_words(self) -> int:
        return len(self._words)

    def clear_search_cache(self) -> None:
        """Forgets the word prefixes looked up so far (the benchmark's cold searches)."""
        with self._cache_lock:
            self._prefix_cache.clear()

    @property
    def has_russian(self) -> bool:
        return any(s.language == "ru" for s in self.sources)

    def lookup(self, code: object) -> Icd10Entry | None:
        """The entry a typed code stands for (codes, blocks and chapters), or None."""
        for reading in code_readings(code):
            i = self._by_code.get(reading)
            if i is not None:
                return self._entries[i]
        return None

    def is_valid_code(self, code: object) -> bool:
        """A category or subcategory of the classification (not a chapter or block)."""
        entry = self.lookup(code)
        return entry is not None and entry.is_code

    def is_leaf(self, code: object) -> bool:
        entry = self.lookup(code)
        return entry is not None and entry.leaf

    def is_billable(self, code: object) -> bool:
        """A code a diagnosis may carry: nothing under it (J06.9, not J06), still in use."""
        entry = self.lookup(code)
        return entry is not None and entry.billable

    def children(self, code: object) -> list[Icd10Entry]:
        entry = self.lookup(code)
        if entry is None:
            return []
        return [self._entries[self._by_code[c]] for c in self._children.get(entry.code, ())]

    def ancestors(self, code: object) -> list[Icd10Entry]:
        """From the chapter down to the parent: [X, J00-J06, J06] for J06.9."""
        entry = self.lookup(code)
        out: list[Icd10Entry] = []
        while entry is not None and entry.parent is not None:
            entry = self._entries[self._by_code[entry.parent]]
            out.append(entry)
        out.reverse()
        return out

    def chapters(self) -> list[Icd10Entry]:
        return [self._entries[i] for i in self._chapters]

    def chapter_of(self, code: object) -> Icd10Entry | None:
        entry = self.lookup(code)
        return None if entry is None else self._entries[self._by_code[entry.chapter]]

    def block_of(self, code: object) -> Icd10Entry | None:
        """The innermost block a code is in (the block itself for a block; None for a chapter)."""
        entry = self.lookup(code)
        while entry is not None and entry.kind != BLOCK:
            entry = None if entry.parent is None else self._entries[self._by_code[entry.parent]]
        return entry

    # -- search --

    def search(self, text: object, limit: int = 50, *, codes_only: bool = True) -> list[Icd10Entry]:
        """Entries matching what was typed in a search box, best first, at most ``limit``.

        The start of a code ("J06", "j06.", "о06", "K35,8") lists the codes it begins, in code order.
        Otherwise every word must begin a word of the name (Russian or English), in any order, case
        and ё/е aside: "остр инф верх" finds J06.9; a code-shaped word among them ("J06 острая")
        narrows to codes it begins. Nothing found, the words are retried as if typed in the other
        keyboard layout ("jcnhfz" → "острая"). ``codes_only`` leaves chapters and blocks out."""
        if not isinstance(text, str) or not isinstance(limit, int) or limit <= 0:
            return []
        text = text[:_MAX_QUERY]
        prefixes = _prefix_readings(text)
        if prefixes:
            found = self._by_code_prefixes(prefixes, limit)
            if found:
                return found
        found = self._by_words(text, limit, codes_only)
        if not found:
            folded = _fold(text)
            swapped = folded.translate(_TO_CYRILLIC if folded.isascii() else _TO_LATIN)
            if swapped != folded:
                found = self._by_words(swapped, limit, codes_only)
        return found

    def _by_code_prefixes(self, prefixes: Iterable[str], limit: int) -> list[Icd10Entry]:
        out: list[Icd10Entry] = []
        seen: set[int] = set()
        for prefix in prefixes:
            start = bisect.bisect_left(self._code_keys, prefix)
            for pos in range(start, len(self._code_keys)):
                if len(out) >= limit or not self._code_keys[pos].startswith(prefix):
                    break
                i = self._code_ids[pos]
                if i not in seen:
                    seen.add(i)
                    out.append(self._entries[i])
        return out

    def _word_ids(self, prefix: str) -> frozenset[int]:
        cached = self._prefix_cache.get(prefix)
        if cached is not None:
            return cached
        lo = bisect.bisect_left(self._words, prefix)
        hi = bisect.bisect_left(self._words, prefix + "\U0010ffff", lo)
        ids = frozenset().union(*self._postings[lo:hi]) if hi > lo else frozenset()
        with self._cache_lock:
            if len(self._prefix_cache) > 4096:
                self._prefix_cache.clear()
            self._prefix_cache[prefix] = ids
        return ids

    def _code_token_ids(self, token: str, letter: str, head: str, tail: str) -> set[int]:
        ids: set[int] = set(self._word_ids(_fold(token)))  # "B12" is also a word of names
        for reading in _letter_readings(letter):
            prefix = f"{reading}{head}{tail}"
            start = bisect.bisect_left(self._code_keys, prefix)
            end = bisect.bisect_left(self._code_keys, prefix + "\U0010ffff", start)
            ids.update(self._code_ids[start:end])
        return ids

    def _by_words(self, text: str, limit: int, codes_only: bool) -> list[Icd10Entry]:
        sets: list[set[int] | frozenset[int]] = []
        rest = text
        for match in list(_CODE_TOKEN.finditer(text))[:_MAX_WORDS]:
            letter, head, tail = match.group(1), match.group(2), match.group(3) or ""
            if len(head) == 2 or not tail:
                sets.append(self._code_token_ids(match.group(0), letter, head, tail))
            rest = rest.replace(match.group(0), " ", 1)
        words = _WORD.findall(_fold(rest))[: max(0, _MAX_WORDS - len(sets))]
        words = [w[:64] for w in words]
        if not sets and not words:
            return []
        sets.extend(self._word_ids(w) for w in words)
        sets.sort(key=len)
        found = set(sets[0])
        for s in sets[1:]:
            if not found:
                break
            found &= s
        if codes_only:
            found = {i for i in found if self._entries[i].kind in _CODE_KINDS}
        if not found:
            return []
        first = words[0] if words else ""
        firsts, length = self._first_words, self._length

        def rank(i: int) -> tuple[int, int, int]:
            leading = 0 if first and any(f.startswith(first) for f in firsts[i]) else 1
            return (leading, length[i], i)

        return [self._entries[i] for i in heapq.nsmallest(limit, found, key=rank)]


# --- the shipped classification -----------------------------------------------------------------

_default: Icd10Catalogue | None = None
_default_lock = threading.Lock()


def catalogue() -> Icd10Catalogue:
    """The shipped classification, read on first use and kept."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                data = resources.files("shared.reference_data").joinpath(DATA_FILE)
                with data.open("rb") as raw, gzip.GzipFile(fileobj=raw) as f:
                    _default = Icd10Catalogue(json.loads(f.read().decode("utf-8")))
    return _default


def lookup(code: object) -> Icd10Entry | None:
    return catalogue().lookup(code)


def is_valid_code(code: object) -> bool:
    return catalogue().is_valid_code(code)


def is_leaf(code: object) -> bool:
    return catalogue().is_leaf(code)


def is_billable(code: object) -> bool:
    return catalogue().is_billable(code)


def search(text: object, limit: int = 50, *, codes_only: bool = True) -> list[Icd10Entry]:
    return catalogue().search(text, limit, codes_only=codes_only)


def children(code: object) -> list[Icd10Entry]:
    return catalogue().children(code)


def ancestors(code: object) -> list[Icd10Entry]:
    return catalogue().ancestors(code)


def chapters() -> list[Icd10Entry]:
    return catalogue().chapters()


def chapter_of(code: object) -> Icd10Entry | None:
    return catalogue().chapter_of(code)


def block_of(code: object) -> Icd10Entry | None:
    return catalogue().block_of(code)
