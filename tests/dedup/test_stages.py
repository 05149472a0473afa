"""The staged cross-shard deduplication, end to end on documents held in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dedup.helpers import dedup, words
from thresher.dedup.config import DedupConfig, KeepRule, MinHashConfig
from thresher.document import Document


def _corpus() -> list[Document]:
    docs = [Document(id=f"d{i}", text=" ".join(words(i)), url=f"http://site.org/{i}") for i in range(40)]
    near = words(1)
    near[150] = "changed"
    near[151] = "too"
    docs += [
        Document(id="exact-of-d0", text=" ".join(words(0)).upper() + " !!", url="http://b.org/x"),
        Document(id="near-of-d1", text=" ".join(near)),
        Document(id="url-of-d2", text="a different page altogether", url="https://www.site.org/2/"),
        Document(id="exact-of-d0-again", text=" ".join(words(0))),
    ]
    return docs


def test_exact_near_and_url_duplicates(tmp_path: Path) -> None:
    verdicts, plan = dedup(_corpus(), tmp_path)
    assert verdicts["exact-of-d0"] == ("exact_duplicate", "d0")
    assert verdicts["exact-of-d0-again"] == ("exact_duplicate", "d0")
    assert verdicts["near-of-d1"] == ("near_duplicate", "d1")
    assert verdicts["url-of-d2"] == ("url_duplicate", "d2")
    assert verdicts["d0"] == {"dedup_cluster": "d0", "dedup_cluster_size": 3}
    assert verdicts["d1"] == {"dedup_cluster": "d1", "dedup_cluster_size": 2}
    assert verdicts["d5"] == {}
    assert plan.to_json()["dropped"] == {
        "exact_duplicate": 2,
        "near_duplicate": 1,
        "url_duplicate": 1,
    }


@pytest.mark.parametrize("verify", ["exact", "signature", "none"])
def test_same_result_for_1_2_and_4_shards(tmp_path: Path, verify: str) -> None:
    config = DedupConfig(partitions=3, minhash=MinHashConfig(verify=verify))  # type: ignore[arg-type]
    results = [dedup(_corpus(), tmp_path / str(n), config, shards=n)[0] for n in (1, 2, 4)]
    assert results[0] == results[1] == results[2]
    assert sum(isinstance(v, tuple) for v in results[0].values()) == 4


def test_number_of_partitions_does_not_change_the_result(tmp_path: Path) -> None:
    one = dedup(_corpus(), tmp_path / "a", DedupConfig(partitions=1))[0]
    many = dedup(_corpus(), tmp_path / "b", DedupConfig(partitions=7))[0]
    assert one == many


def test_keep_rules(tmp_path: Path) -> None:
    text = " ".join(words(3))
    docs = [
        Document(id="short", text=text, meta={"date": "2020-01-01", "quality_score": 0.2}),
        Document(id="long", text=text + " " + text[:40], meta={"date": "2019-01-01"}),
        Document(id="new", text=text + " ", meta={"date": "2024-05-01T10:00:00Z", "quality_score": 0.9}),
    ]
    kept = {}
    for rule in KeepRule:
        verdicts, _ = dedup(docs, tmp_path / rule, DedupConfig(keep=rule, url=False))
        kept[rule] = [doc_id for doc_id, v in verdicts.items() if isinstance(v, dict)]
    assert kept == {
        KeepRule.FIRST: ["short"],
        KeepRule.LONGEST: ["long"],
        KeepRule.NEWEST: ["new"],
        KeepRule.QUALITY: ["new"],
    }


def test_url_keep_rule_newest(tmp_path: Path) -> None:
    docs = [
        Document(id="old", text="first version", url="http://x.org/a", meta={"date": "2020-01-01"}),
        Document(id="newer", text="second version", url="http://x.org/a/", meta={"date": 1700000000}),
        Document(id="undated", text="third version", url="https://x.org/a"),
    ]
    verdicts, _ = dedup(docs, tmp_path)
    assert verdicts["old"] == ("url_duplicate", "newer")
    assert verdicts["undated"] == ("url_duplicate", "newer")
    assert verdicts["newer"] == {"dedup_cluster": "newer", "dedup_cluster_size": 3}


def test_thousands_of_identical_documents_make_one_cluster(tmp_path: Path) -> None:
    text = " ".join(words(9))
    docs = [Document(id=f"copy{i}", text=text) for i in range(3000)]
    docs.append(Document(id="other", text=" ".join(words(10))))
    verdicts, plan = dedup(docs, tmp_path, shards=3)
    assert verdicts["copy0"] == {"dedup_cluster": "copy0", "dedup_cluster_size": 3000}
    assert all(verdicts[f"copy{i}"] == ("exact_duplicate", "copy0") for i in range(1, 3000))
    assert verdicts["other"] == {}
    assert plan.clusters.largest == 3000


def test_empty_and_one_word_documents(tmp_path: Path) -> None:
    docs = [
        Document(id="empty1", text=""),
        Document(id="blank", text="  \n ... "),
        Document(id="hello1", text="Hello"),
        Document(id="hello2", text="hello!"),
        Document(id="bye", text="bye"),
    ]
    verdicts, plan = dedup(docs, tmp_path)
    # no words at all: the same (empty) normalised text, exact duplicates of each other
    assert verdicts["blank"] == ("exact_duplicate", "empty1")
    assert verdicts["hello2"] == ("exact_duplicate", "hello1")
    assert verdicts["bye"] == {}
    assert plan.without_words == 2


def test_chains_of_near_duplicates_join_one_cluster(tmp_path: Path) -> None:
    base = words(4)
    chain = []
    current = list(base)
    for step in range(4):
        current = list(current)
        current[20 + 60 * step] = f"edit{step}"
        chain.append(Document(id=f"v{step}", text=" ".join(current)))
    verdicts, _ = dedup(chain, tmp_path)
    assert verdicts["v0"] == {"dedup_cluster": "v0", "dedup_cluster_size": 4}
    assert {verdicts[f"v{i}"] for i in (1, 2, 3)} == {("near_duplicate", "v0")}


def test_fifty_megabyte_document_is_kept(tmp_path: Path) -> None:
    base = " ".join(f"token{i} filler{i % 31}" for i in range(9973))
    big = (base + " ") * (50_000_000 // len(base) + 1)
    docs = [Document(id="big", text=big), Document(id="small", text=base[:5000])]
    verdicts, plan = dedup(docs, tmp_path)
    assert verdicts == {"big": {}, "small": {}}
    assert plan.documents == 2


def test_local_engine_with_two_workers_gives_the_serial_result(tmp_path: Path) -> None:
    from tests.dedup.helpers import split
    from thresher.dedup.filtering import apply_plan
    from thresher.dedup.runner import plan_dedup
    from thresher.document import Drop
    from thresher.engines.local import LocalEngine

    serial, _ = dedup(_corpus(), tmp_path / "serial", shards=3)
    sources = split(_corpus(), 3)
    plan_dedup(sources, tmp_path / "pool", DedupConfig(partitions=4), map_fn=LocalEngine(2).map)
    pooled = {}
    for source in sources:
        for item, drop in apply_plan(source, tmp_path / "pool"):
            assert isinstance(item, Document)
            pooled[item.id] = (
                (drop.reason, drop.detail)
                if isinstance(drop, Drop)
                else {k: v for k, v in item.meta.items() if k.startswith("dedup")}
            )
    assert pooled == serial
