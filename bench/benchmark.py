"""Speed and memory of nutgraf beside bare spaCy and the peers: ``python bench/benchmark.py``.

Benchmarks print numbers; they assert nothing. Each writes ``bench/results/<name>.json``, and
the markdown goes into the README's "Performance" section (``bench:begin``/``bench:end``).

- throughput: nutgraf's full extraction vs bare spaCy ``nlp.pipe`` (full model) on the same
  corpus texts, same batch size and process count, in the same run; 1 and 2 processes.
- stages: time per stage (cleaning, spaCy, each extractor) on the same texts.
- memory: resident memory while 2,000 articles stream through ``extract_many``, in a fresh
  process, at checkpoints (it must not grow with the number of articles).
- peers: textacy's direct quotations vs nutgraf's quotes on the same parses; HTML to body with
  nutgraf, trafilatura alone and newspaper4k on the 181 benchmark pages.
- cluster (``make bench-cluster``): the ingest on a Dask LocalCluster of 1 and 2 worker
  processes, the scheduler's share, the workers' memory, and the single writer's own rate.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import spacy  # noqa: E402

import nutgraf  # noqa: E402
from common import SHARED, Result, table, update_readme  # noqa: E402
from nutgraf import gazetteer  # noqa: E402
from nutgraf.extractors import EXTRACTORS, Context, entities, quotes  # noqa: E402
from nutgraf.nlp import MODEL, load_model  # noqa: E402
from nutgraf.pipeline import prepare  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BENCHMARKS = ["throughput", "stages", "memory", "peers"]
# Run on their own (``make bench-corpus``), to keep ``make bench`` under 15 minutes.
SEPARATE = ["corpus_ingest", "cluster"]
BATCH_SIZE = 32


def corpus(count: int) -> list[tuple[str, str | None]]:
    """``count`` articles, alternating BBC and US political news, as (text, published)."""
    files = [SHARED / "corpus" / name / "articles.jsonl" for name in ("bbc", "polnear-train")]
    streams = [(json.loads(line) for line in path.open(encoding="utf-8")) for path in files]
    mixed = (r for pair in itertools.zip_longest(*streams) for r in pair if r is not None)
    return [(r["text"], r.get("published")) for r in itertools.islice(mixed, count)]


def words(items: list[tuple[str, str | None]]) -> int:
    return sum(len(text.split()) for text, _ in items)


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.1f}"


def throughput(count: int) -> Result:
    items = corpus(count)
    texts = [text for text, _ in items]
    total_words = words(items)
    bare = spacy.load(MODEL)
    list(bare.pipe(texts[:8]))
    list(nutgraf.extract_many(items[:8]))  # warm-up: model, lexicons, first-call caches
    rows, data = [], {}
    for processes in (1, 2):
        started = time.perf_counter()
        list(bare.pipe(texts, batch_size=BATCH_SIZE, n_process=processes))
        spacy_s = time.perf_counter() - started
        started = time.perf_counter()
        list(nutgraf.extract_many(items, n_process=processes, batch_size=BATCH_SIZE))
        nutgraf_s = time.perf_counter() - started
        ratio = spacy_s / nutgraf_s
        rows.append([
            processes, rate(count, nutgraf_s), rate(total_words, nutgraf_s),
            rate(count, spacy_s), rate(total_words, spacy_s), f"{ratio:.2f}",
        ])  # fmt: skip
        data[processes] = {
            "nutgraf_seconds": round(nutgraf_s, 2),
            "spacy_seconds": round(spacy_s, 2),
            "ratio": round(ratio, 3),
        }
    headers = [
        "processes", "nutgraf articles/s", "nutgraf words/s", "bare spaCy articles/s",
        "bare spaCy words/s", "ratio (nutgraf rate / spaCy rate)",
    ]  # fmt: skip
    return Result(
        task="throughput",
        title=f"Throughput, {count} corpus articles ({total_words:,} words), batch {BATCH_SIZE}",
        table=table(headers, rows),
        data={"articles": count, "words": total_words, "by_processes": data},
        notes=[
            "nutgraf: cleaning, language check, spaCy (with `nutgraf.fastpipe`'s exact "
            "equivalents of the attribute ruler and lemmatizer) and every extractor; bare "
            "spaCy: `en_core_web_sm` `nlp.pipe` with all its stock components on the raw texts.",
            "Ratios: "
            + ", ".join(
                f"{p} process{'es' if p > 1 else ''} {d['ratio']:.2f}" for p, d in data.items()
            )
            + f" (command: `python bench/benchmark.py throughput --articles {count}`; machine: "
            f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at the end).",
        ],
    )


GDELT_STAGES = {"tone", "themes", "counts", "gazetteer", "places", "events"}


def stages(count: int) -> Result:
    items = corpus(count)
    nlp = load_model()
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    cleaned = [prepare(text, published) for text, published in items]
    seconds["cleaning and language check"] = time.perf_counter() - started
    started = time.perf_counter()
    docs = [nlp.make_doc(a.body) for a in cleaned]
    seconds["spaCy tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:  # what nlp.pipe does, one component at a time
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=BATCH_SIZE))
        else:
            docs = [component(doc) for doc in docs]
        seconds[f"spaCy {name}"] = time.perf_counter() - started
    gazetteer.index.cache_clear()  # loaded by an earlier benchmark of this run, maybe
    started = time.perf_counter()
    gazetteer.index()
    seconds["gazetteer load (once a process)"] = time.perf_counter() - started
    contexts = [Context(article, doc) for article, doc in zip(cleaned, docs, strict=True)]
    for extractor in EXTRACTORS:  # the pipeline's own order; shared work counts where first used
        started = time.perf_counter()
        for context in contexts:
            context.facts[extractor.name] = extractor.run(context)
        seconds[extractor.name] = time.perf_counter() - started
    total = sum(seconds.values())
    rows = [
        [stage, f"{1000 * s / count:.1f}", f"{100 * s / total:.0f}%"]
        for stage, s in seconds.items()
    ]
    gdelt = sum(v for k, v in seconds.items() if k.split()[0] in GDELT_STAGES)
    ratio = (total - gdelt) / total
    return Result(
        task="stages",
        title=f"Time per stage, {count} corpus articles, one process",
        table=table(["stage", "ms per article", "share"], rows),
        data={
            "articles": count,
            "seconds": {k: round(v, 3) for k, v in seconds.items()},
            "gdelt_extractors_seconds": round(gdelt, 3),
            "throughput_with_over_without": round(ratio, 3),
        },
        notes=[
            f"Throughput with the GDELT-style extractors (tone, themes, counts, gazetteer, "
            f"places, events) over throughput without them, on these texts in this run: "
            f"{ratio:.2f} (they take {100 * gdelt / total:.0f}% of the time; the goal is to "
            f"stay within 20%, a ratio of 0.80 or more)."
        ],
    )


MEMORY_PROBE = """
import json, sys
sys.path.insert(0, {bench!r})
from benchmark import corpus

def resident():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines())
    return {{key: int(fields[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM")}}

items = corpus({count})
if {system!r} == "nutgraf":
    import nutgraf
    stream = nutgraf.extract_many(items, batch_size={batch})
else:
    import spacy
    stream = spacy.load({model!r}).pipe((text for text, _ in items), batch_size={batch})
points = []
for done, _ in enumerate(stream, start=1):
    if done % 100 == 0:
        points.append((done, resident()["VmRSS"]))
print(json.dumps({{"points": points, "peak": resident()["VmHWM"]}}))
"""


def memory(count: int) -> Result:
    """Stream the articles through nutgraf and through bare spaCy, each in a fresh process
    (the two side by side, one core each), reading resident memory every 100 articles."""
    probes = {
        system: subprocess.Popen(
            [sys.executable, "-c", MEMORY_PROBE.format(
                bench=str(ROOT / "bench"), count=count, batch=BATCH_SIZE, system=system, model=MODEL
            )],
            stdout=subprocess.PIPE, text=True,
        )
        for system in ("nutgraf", "bare spaCy")
    }  # fmt: skip
    rows, data = [], {}
    for system, probe in probes.items():
        output, _ = probe.communicate()
        measured = json.loads(output.strip().splitlines()[-1])
        done, resident = zip(*measured["points"], strict=True)
        slope = 1000 * statistics.linear_regression(done, resident).slope
        half = len(resident) // 2
        rows.append([
            system, measured["peak"], max(resident[:half]), max(resident[half:]), f"{slope:+.1f}",
        ])  # fmt: skip
        data[system] = {"points": measured["points"], "peak_mb": measured["peak"], "slope": slope}
    headers = [
        "system", "peak resident MB", f"max MB, first {count // 2}", f"max MB, last {count // 2}",
        "trend, MB per 1,000 articles",
    ]  # fmt: skip
    return Result(
        task="memory",
        title=f"Memory, {count} corpus articles streamed in one process",
        table=table(headers, rows),
        data={"articles": count, "systems": data},
        notes=[
            "Resident memory read every 100 articles in a fresh process per system; the trend "
            "is the least-squares slope over those readings. Memory moves with the length of "
            "the articles in the batch at hand; memory that built up with the corpus would show "
            "as a higher maximum in the second half and a positive trend."
        ],
    )


def per_item_ms(run: Callable[[], object], count: int) -> str:
    started = time.perf_counter()
    run()
    return f"{1000 * (time.perf_counter() - started) / count:.2f}"


def peers(count: int) -> Result:
    from textacy.extract.triples import direct_quotations

    from tasks.bodies import DATA, SYSTEMS

    items = corpus(count)
    docs = list(load_model().pipe((prepare(t, p).body for t, p in items), batch_size=BATCH_SIZE))
    found = [entities.extract(doc) for doc in docs]

    def nutgraf_quotes() -> None:
        for doc, ents in zip(docs, found, strict=True):
            quotes.extract(doc, ents)

    def textacy_quotes() -> None:
        for doc in docs:
            try:
                list(direct_quotations(doc))
            except Exception:
                continue

    rows = [
        ["quotes: nutgraf (direct and reported, speakers)", f"{count} articles",
         per_item_ms(nutgraf_quotes, count)],
        ["quotes: textacy `direct_quotations`", f"{count} articles",
         per_item_ms(textacy_quotes, count)],
    ]  # fmt: skip
    pages = [json.loads(line) for line in (DATA / "index.jsonl").read_text().splitlines()]
    htmls = [
        ((DATA / "html" / f"{p['id']}.html").read_text(encoding="utf-8"), p["url"]) for p in pages
    ]
    for name, extract in SYSTEMS.items():

        def bodies(extract: Callable[[str, str], str] = extract) -> None:
            for html, url in htmls:
                extract(html, url)

        rows.append(
            [f"HTML to body: {name}", f"{len(pages)} pages", per_item_ms(bodies, len(pages))]
        )
    return Result(
        task="peers",
        title="Peers on the same inputs",
        table=table(["job", "inputs", "ms each"], rows),
        data={"rows": rows},
        notes=["Quotes are timed on the same spaCy parses (the parse itself not counted)."],
    )


def corpus_ingest(count: int) -> Result:
    """All of ../shared/corpus into a fresh store on every core, then 100 searches."""
    import resource
    import tempfile

    from nutgraf.corpus.ingest import ingest
    from nutgraf.corpus.store import SQLiteStore

    files = [SHARED / "corpus" / name / "articles.jsonl" for name in ("bbc", "polnear-train")]
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(Path(folder) / "news.db")
        summary = ingest(files, store, workers=workers)
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        peak_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        sample = "SELECT data FROM articles WHERE data IS NOT NULL LIMIT 100"
        keywords = (json.loads(row[0])["keywords"] for row in store.db.execute(sample))
        words = [found[0] for found in keywords if found]
        latencies = []
        for query in words[:100]:
            started = time.perf_counter()
            store.search(query, limit=10)
            latencies.append(1000 * (time.perf_counter() - started))
        size_mb = (Path(folder) / "news.db").stat().st_size / 1e6
        store.close()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    rows = [
        ["records read", f"{summary.processed + summary.skipped}"],
        ["stored / near-duplicates / exact copies / rejected",
         f"{summary.stored} / {summary.duplicates} / {summary.copies} / {summary.rejected}"],
        ["ingest time, workers", f"{summary.seconds:.0f} s, {workers}"],
        ["articles per second", f"{summary.rate:.1f}"],
        ["peak memory, writer process / largest worker", f"{peak_self} MB / {peak_worker} MB"],
        ["database size", f"{size_mb:.0f} MB"],
        [f"search latency over {len(latencies)} queries, median / 95th percentile",
         f"{statistics.median(latencies):.1f} ms / {p95:.1f} ms"],
    ]  # fmt: skip
    return Result(
        task="corpus",
        title="Corpus: ingest of all of `../shared/corpus` and full-text search",
        table=table(["measure", "value"], rows),
        data={"summary": summary.__dict__, "latencies_ms": latencies, "workers": workers},
        notes=["Queries: the first keyword of each of 100 stored articles, top 10 by BM25."],
    )


def cluster(count: int) -> Result:
    """``count`` corpus articles (the throughput benchmark's) ingested on a LocalCluster of 1,
    then 2 worker processes (each warmed up as it starts), and, for comparison,
    by the single-machine ingest with as many processes. Then the same tasks doing nothing
    (what the scheduler costs), extract-batch on 2 workers, and ``load`` of its output."""
    import resource
    import tempfile

    from distributed import get_task_stream

    from nutgraf.corpus.batch import load
    from nutgraf.corpus.cluster import (
        PARTITION_SIZE,
        connect,
        extract_batch,
        in_order,
        ingest_on_cluster,
        plan,
    )  # fmt: skip
    from nutgraf.corpus.ingest import ingest
    from nutgraf.corpus.store import SQLiteStore

    def peak_mb() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    def nothing(chunk: object, known: object) -> int:
        return 0

    folder = Path(tempfile.mkdtemp())
    source = folder / "articles.jsonl"
    source.write_text(
        "".join(json.dumps({"text": t, "published": p}) + "\n" for t, p in corpus(count))
    )
    load_average = [os.getloadavg()[0]]
    rows, data = [], {}
    for workers in (1, 2):
        with connect(f"local:{workers}", dashboard=":0") as client:
            started, client_cpu = time.perf_counter(), time.process_time()
            work = plan(client, [source])
            planned = time.perf_counter() - started
            with get_task_stream(client=client) as stream:
                summary = ingest_on_cluster(
                    work, SQLiteStore(folder / f"news-{workers}.db"), client
                )
            seconds = time.perf_counter() - started
            client_cpu = time.process_time() - client_cpu
            busy = sum(
                part["stop"] - part["start"]
                for task in stream.data
                if str(task["key"]).startswith("extract_chunk")
                for part in task["startstops"]
                if part["action"] == "compute"
            ) / (workers * seconds)
            started = time.perf_counter()
            list(in_order(client, nothing, ((chunk, None) for chunk in work.chunks)))
            scheduling = time.perf_counter() - started
            memory = client.run(peak_mb)
            if workers == 2:
                batch = extract_batch(work, folder / "lake", client)
        started = time.perf_counter()
        ingest([source], SQLiteStore(folder / f"local-{workers}.db"), workers=workers)
        local_seconds = time.perf_counter() - started
        load_average.append(os.getloadavg()[0])
        articles = summary.processed
        data[workers] = {
            "articles": articles, "seconds": round(seconds, 2), "plan_seconds": round(planned, 2),
            "tasks": len(work.chunks), "worker_busy_share": round(busy, 3),
            "scheduler_ms_per_article": round(1000 * scheduling / articles, 2),
            "client_cpu_ms_per_article": round(1000 * client_cpu / articles, 1),
            "peak_worker_mb": max(memory.values()), "local_seconds": round(local_seconds, 2),
        }  # fmt: skip
        efficiency = data[1]["seconds"] / (workers * seconds)
        rows.append([
            workers, f"{articles / seconds:.1f}", f"{efficiency:.2f}", f"{busy:.0%}",
            f"{1000 * scheduling / articles:.2f}", f"{1000 * client_cpu / articles:.1f}",
            max(memory.values()), f"{articles / local_seconds:.1f}",
        ])  # fmt: skip
    started = time.perf_counter()
    loaded = load(folder / "lake", SQLiteStore(folder / "loaded.db"))
    load_rate = loaded.processed / (time.perf_counter() - started)
    data["extract_batch_rate"] = round(batch.rate, 2)
    data["load_rate"] = round(load_rate, 1)
    data["load_average"] = [round(value, 2) for value in load_average]
    headers = [
        "workers", "articles/s", "efficiency (rate / (workers × 1-worker rate))",
        "workers busy extracting", "scheduler ms per article", "client (writer) CPU ms per article",
        "peak MB per worker", "single machine, `ingest --workers N`, articles/s",
    ]  # fmt: skip
    return Result(
        task="cluster",
        title=f"Dask LocalCluster, {count} corpus articles, {PARTITION_SIZE} records a task",
        table=table(headers, rows),
        data={"articles": count, "by_workers": data},
        notes=[
            f"extract-batch on 2 workers (they write the Parquet, no store): {batch.rate:.1f} "
            f"articles/s; `load` of its output into a new store (the one writer alone, with the "
            f"Parquet reads): {load_rate:.0f} articles/s. Scheduler: the same tasks doing "
            f"nothing, through the same ordered window. Busy: the tasks' compute time over "
            f"workers × wall time. Client CPU: the command's own process during the run (the "
            f"writer, Dask's client and the LocalCluster's scheduler). The machine's one-minute "
            f"load average (this benchmark's processes included) was "
            f"{', '.join(f'{v:.1f}' for v in load_average)} at the start and after each round. "
            f"Articles: the throughput benchmark's, BBC and US political news alternating."
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("benchmarks", nargs="*", metavar="NAME", help=f"some of {BENCHMARKS}")
    parser.add_argument(
        "--articles", type=int, default=400, help="for throughput, stages and peers"
    )
    parser.add_argument("--memory-articles", type=int, default=2000)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    if unknown := set(args.benchmarks) - set(BENCHMARKS + SEPARATE):
        parser.error(f"unknown {sorted(unknown)}; choose from {BENCHMARKS + SEPARATE}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(BENCHMARKS + SEPARATE, args.articles) | {"memory": args.memory_articles}
    for name in args.benchmarks or BENCHMARKS:
        result: Result = globals()[name](counts[name])
        result.data["machine"] = {"cores": os.cpu_count(), "python": platform.python_version()}
        result.data["markdown"] = result.markdown()
        (RESULTS / f"{name}.json").write_text(json.dumps(result.data, indent=2) + "\n")
        print(result.markdown(), flush=True)
    if not args.no_readme:
        update_readme("bench", [RESULTS / f"{name}.json" for name in BENCHMARKS], "make bench")
        update_readme("corpus", [RESULTS / "corpus_ingest.json"], "make bench-corpus")
        update_readme("cluster", [RESULTS / "cluster.json"], "make bench-cluster")


if __name__ == "__main__":
    main()
