"""The ICD-10 search box: loading the classification and answering what a doctor types.

    python -m bench.icd10 [--rounds 200] [--output bench/results/icd10.json]

Times the first load of the shipped classification (read, unpack, index), lookups of typed codes,
and searches: code prefixes, words, the Russian layout left on, and search-as-you-type (every
prefix of a phrase, as a search box asks while the doctor types). Searches run cold (the prefix
cache emptied before each) and warm. Then again with every name doubled into a second language
(the English names transliterated key by key into Cyrillic), the size the index has once the
Russian МКБ-10 names are merged. No database.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from importlib import resources
from pathlib import Path

from bench.common import emit, latency_stats
from shared.services import icd10
from shared.services.icd10 import Icd10Catalogue

LOOKUPS = ["J06.9", "j06,9", "О06.9", "о06ю9", "К35.8", "I10", "E11.9", "Z00.0", "A00-A09", "X", "J06.7"]
CODE_QUERIES = ["J06", "j0", "о06", "K35,8", "E11.9", "S72", "Z", "U07"]
WORD_QUERIES = [
    "pneumonia", "acute upper resp", "diabetes type 2", "fracture femur", "hypert", "a", "s",
    "essential hypertension", "vitamin B12", "J06 acute", "зтугьщтшф", "nonexistentword",
]
TYPED = "acute upper respiratory infection"


def _time_queries(catalogue: Icd10Catalogue, queries: list[str], rounds: int, cold: bool) -> dict[str, float]:
    samples: list[float] = []
    for _ in range(rounds):
        for q in queries:
            if cold:
                catalogue.clear_search_cache()
            start = time.perf_counter()
            catalogue.search(q)
            samples.append(time.perf_counter() - start)
    return latency_stats(samples)


def _load_document() -> dict:
    data = resources.files("shared.reference_data").joinpath(icd10.DATA_FILE).read_bytes()
    return json.loads(gzip.decompress(data).decode("utf-8"))


def _suite(catalogue: Icd10Catalogue, rounds: int) -> dict:
    typed = [TYPED[:n] for n in range(1, len(TYPED) + 1)]
    lookups: list[float] = []
    for _ in range(rounds):
        for code in LOOKUPS:
            start = time.perf_counter()
            catalogue.lookup(code)
            lookups.append(time.perf_counter() - start)
    return {
        "entries": len(catalogue),
        "indexed_words": catalogue.indexed_words,
        "lookup": latency_stats(lookups),
        "search_code_prefix": _time_queries(catalogue, CODE_QUERIES, rounds, cold=True),
        "search_words_cold": _time_queries(catalogue, WORD_QUERIES, rounds, cold=True),
        "search_words_warm": _time_queries(catalogue, WORD_QUERIES, rounds, cold=False),
        "search_as_you_type_cold": _time_queries(catalogue, typed, max(1, rounds // 4), cold=True),
        "worst_query_cold_ms": max(
            (round(_time_queries(catalogue, [q], 5, cold=True)["max_ms"], 2), q) for q in WORD_QUERIES + typed
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    start = time.perf_counter()
    shipped = icd10.catalogue()
    first_load = time.perf_counter() - start
    loads: list[float] = []
    for _ in range(10):
        start = time.perf_counter()
        document = _load_document()
        Icd10Catalogue(document)
        loads.append(time.perf_counter() - start)

    document = _load_document()
    to_cyrillic = str.maketrans("qwertyuiop[]asdfghjkl;'zxcvbnm,.", "йцукенгшщзхъфывапролджэячсмитьбю")
    for row in document["entries"]:
        row[4] = row[3].lower().translate(to_cyrillic)
    bilingual = Icd10Catalogue(document)

    emit("icd10", {
        "data_bytes": len(resources.files("shared.reference_data").joinpath(icd10.DATA_FILE).read_bytes()),
        "first_load_ms": round(first_load * 1000, 1),
        "load": latency_stats(loads),
        "shipped": _suite(shipped, args.rounds),
        "two_languages": _suite(bilingual, args.rounds),
    }, args.output)


if __name__ == "__main__":
    main()
