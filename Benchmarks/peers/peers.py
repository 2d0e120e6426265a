#!/usr/bin/env python3
"""Runs a generic search workload through a peer engine and prints the same JSON
object as `hezamatch-bench index`:

    {"engine", "docs", "build_seconds", "index_bytes", "p50_us", "p99_us", "qps", "results"}

Engines:
  tantivy  tantivy 0.27 through its Python binding; analyzer: simple tokenizer,
           lowercase, ASCII folding (so `Kỹ sư` is `ky su`, as HezaMatch's folded
           terms); BM25 k1=1.2 b=0.75 (tantivy's fixed values); `count=False`, so that
           block-max WAND is on.
  fts5     SQLite FTS5, tokenize "unicode61 remove_diacritics 2" (which leaves đ
           alone), ORDER BY rank (bm25), LIMIT k.
  bm25s    bm25s (method "lucene", k1=1.2, b=0.75) over the same folded tokens as
           tantivy; ranked OR only (bm25s has no AND).
  lucene   Lucene 10.5 through a small Java harness (lucene/LuceneBench.java, fetched and
           built by lucene.py): whitespace, lowercase, ASCII folding; BM25Similarity(1.2,
           0.75); top-k with a total-hits threshold of k (block-max pruning on); documents
           flushed in two segments; a warm-up of --warmup-seconds (30) before timing.

Latency: per query, single thread, warm (every query runs once first), the median
of --repeat runs; p50/p99 over the queries.
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata


def fold(text):
    """Lowercase, strip marks, đ -> d: what tantivy's ascii_fold does to Vietnamese."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


TOKEN = re.compile(r"[0-9a-z]+")


def tokens(text):
    return TOKEN.findall(fold(text))


def load(docs_path, queries_path):
    docs = []
    with open(docs_path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                docs.append((item["id"], item["text"]))
    with open(queries_path, encoding="utf-8") as handle:
        queries = [line.strip() for line in handle if line.strip()]
    return docs, queries


def directory_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def time_queries(queries, run, repeat):
    results = [run(q) for q in queries]  # warm-up, and the results
    latencies, total = [], 0.0
    for q in queries:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter_ns()
            run(q)
            runs.append((time.perf_counter_ns() - start) / 1e3)
        runs.sort()
        latencies.append(runs[len(runs) // 2])
        total += sum(runs)
    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else 0.0

    qps = len(queries) * repeat / (total / 1e6) if total else 0.0
    return results, round(percentile(0.5), 1), round(percentile(0.99), 1), round(qps)


def run_tantivy(docs, queries, args):
    import tantivy

    workdir = tempfile.mkdtemp(prefix="tantivy-bench-")
    try:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("text", stored=False, tokenizer_name="vn",
                               index_option="position" if args.positions else "freq")
        schema = builder.build()
        index = tantivy.Index(schema, path=workdir)
        analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                    .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())
        index.register_tokenizer("vn", analyzer)
        start = time.perf_counter()
        writer = index.writer()
        for doc_id, text in docs:
            writer.add_document(tantivy.Document(id=doc_id, text=text))
        writer.commit()
        writer.wait_merging_threads()
        build = time.perf_counter() - start
        index.reload()
        searcher = index.searcher()
        size = directory_size(workdir)
        conjunction = args.mode == "and"
        id_field = "id"

        def run(q):
            query = index.parse_query(q, ["text"], conjunction_by_default=conjunction)
            hits = searcher.search(query, args.k, count=False).hits
            return [searcher.doc(address)[id_field][0] for _, address in hits]

        def run_timed(q):
            query = index.parse_query(q, ["text"], conjunction_by_default=conjunction)
            return searcher.search(query, args.k, count=False).hits

        results = [run(q) for q in queries]
        _, p50, p99, qps = time_queries(queries, run_timed, args.repeat)
        return {"engine": "tantivy", "docs": len(docs), "build_seconds": round(build, 3), "index_bytes": size,
                "segments": searcher.num_segments, "positions": args.positions,
                "p50_us": p50, "p99_us": p99, "qps": qps, "results": results}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_fts5(docs, queries, args):
    workdir = tempfile.mkdtemp(prefix="fts5-bench-")
    try:
        path = os.path.join(workdir, "fts.sqlite")
        db = sqlite3.connect(path)
        detail = "full" if args.positions else "column"
        db.execute(f"CREATE VIRTUAL TABLE d USING fts5(text, tokenize='unicode61 remove_diacritics 2', detail={detail})")
        start = time.perf_counter()
        with db:
            db.executemany("INSERT INTO d(rowid, text) VALUES (?, ?)", ((n, text) for n, (_, text) in enumerate(docs)))
        build = time.perf_counter() - start
        db.close()
        size = os.path.getsize(path)
        db = sqlite3.connect(path)
        ids = [doc_id for doc_id, _ in docs]
        joiner = " " if args.mode == "and" else " OR "

        def run(q):
            words = ['"' + w.replace('"', '""') + '"' for w in q.split()]
            rows = db.execute("SELECT rowid FROM d WHERE d MATCH ? ORDER BY rank LIMIT ?", (joiner.join(words), args.k))
            return [ids[r[0]] for r in rows]

        results, p50, p99, qps = time_queries(queries, run, args.repeat)
        return {"engine": "fts5", "docs": len(docs), "build_seconds": round(build, 3), "index_bytes": size,
                "positions": args.positions, "p50_us": p50, "p99_us": p99, "qps": qps, "results": results}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_bm25s(docs, queries, args):
    import bm25s

    if args.mode == "and":
        return {"engine": "bm25s", "docs": len(docs), "error": "bm25s has no AND queries"}
    corpus = [tokens(text) for _, text in docs]
    start = time.perf_counter()
    retriever = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    retriever.index(corpus, show_progress=False)
    build = time.perf_counter() - start
    workdir = tempfile.mkdtemp(prefix="bm25s-bench-")
    try:
        retriever.save(workdir)
        size = directory_size(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    ids = [doc_id for doc_id, _ in docs]

    def run(q):
        found, _ = retriever.retrieve([tokens(q)], k=args.k, show_progress=False, n_threads=1)
        return [ids[i] for i in found[0]]

    results, p50, p99, qps = time_queries(queries, run, args.repeat)
    return {"engine": "bm25s", "docs": len(docs), "build_seconds": round(build, 3), "index_bytes": size,
            "positions": False, "p50_us": p50, "p99_us": p99, "qps": qps, "results": results}


def run_lucene(args):
    import lucene

    output = subprocess.run(lucene.command(args), check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["tantivy", "fts5", "bm25s", "lucene"], required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--mode", choices=["or", "and"], default="or")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--positions", action="store_true")
    parser.add_argument("--no-results", action="store_true")
    parser.add_argument("--warmup-seconds", type=float, default=30.0, help="Lucene only: queries run this long before timing")
    parser.add_argument("--segments", type=int, default=2, help="Lucene only: segments the index is merged into")
    parser.add_argument("--lucene-heap", default="2g", help="Lucene only: the JVM's heap (-Xms and -Xmx)")
    parser.add_argument("--ram-buffer-mb", type=int, default=0,
                        help="Lucene only: read and index in one pass, flushing every this many MB (for ten million documents)")
    parser.add_argument("--index", help="Lucene only: keep the index in this directory, and open it there when it is already built")
    args = parser.parse_args()
    if args.engine == "lucene":
        output = run_lucene(args)
    else:
        docs, queries = load(args.docs, args.queries)
        output = {"tantivy": run_tantivy, "fts5": run_fts5, "bm25s": run_bm25s}[args.engine](docs, queries, args)
    output["mode"] = args.mode
    output["k"] = args.k
    if args.no_results:
        output.pop("results", None)
    print(json.dumps(output, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
