#!/usr/bin/env python3
"""Runs HezaMatch and its peers on one workload, side by side, and prints a
Markdown table (the one in Benchmarks/README.md) plus the raw JSON lines.

    python3 Benchmarks/peers/compare.py --docs bench-data/docs.jsonl --queries bench-data/queries.txt

Agreement: for each query, the share of tantivy's top-k ids that the engine also
returns in its top-k, averaged over queries with at least one hit.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(command):
    print("$ " + " ".join(command), file=sys.stderr, flush=True)
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def agreement(results, reference):
    shares = [len(set(a) & set(b)) / len(b) for a, b in zip(results, reference) if b]
    return sum(shares) / len(shares) if shares else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--engines", default="hezamatch,tantivy,lucene,bm25s",
                        help="any of hezamatch, tantivy, lucene, bm25s, fts5 (fts5 takes about a second a ranked OR query: run it apart)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query; the median is its latency")
    parser.add_argument("--bench", default=os.path.join(ROOT, "Benchmarks", ".build", "release", "hezamatch-bench"),
                        help="the hezamatch-bench binary (build: swift build -c release --package-path Benchmarks --product hezamatch-bench)")
    args = parser.parse_args()
    engines = args.engines.split(",")
    rows = []
    for mode in ["or", "and"]:
        outputs = {}
        for engine in engines:
            if engine == "hezamatch":
                command = [args.bench, "index", "--docs", args.docs, "--queries", args.queries, "--mode", mode, "--k", str(args.k),
                           "--repeat", str(args.repeat)]
            else:
                command = [sys.executable, os.path.join(HERE, "peers.py"), "--engine", engine, "--docs", args.docs,
                           "--queries", args.queries, "--mode", mode, "--k", str(args.k), "--repeat", str(args.repeat)]
            outputs[engine] = run(command)
        reference = outputs.get("tantivy", {}).get("results")
        for engine, output in outputs.items():
            if "error" in output:
                rows.append((mode, engine, output["error"]))
                continue
            share = agreement(output["results"], reference) if reference else float("nan")
            rows.append((mode, engine, output, share))
            slim = {key: value for key, value in output.items() if key != "results"}
            print(json.dumps(slim, sort_keys=True))
    print()
    print(f"| mode | engine | build s | index MB | p50 µs | p99 µs | QPS | top-{args.k} agreement with tantivy |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        if len(row) == 3:
            print(f"| {row[0]} | {row[1]} | {row[2]} | | | | | |")
            continue
        mode, engine, output, share = row
        print(f"| {mode} | {engine} | {output['build_seconds']:.2f} | {output['index_bytes'] / 1e6:.1f} | "
              f"{output['p50_us']:.0f} | {output['p99_us']:.0f} | {output['qps']:.0f} | {share * 100:.1f}% |")
    print_ratios(rows)


def print_ratios(rows):
    """HezaMatch against the better of tantivy and Lucene in this run, for issue 30's goals: latency p50 and index
    size as HezaMatch ÷ the peer's (lower is better), build speed as the peer's time ÷ HezaMatch's (higher is better)."""
    measured = {(row[0], row[1]): row[2] for row in rows if len(row) == 4}
    lines = []
    for mode in ["or", "and"]:
        ours = measured.get((mode, "hezamatch"))
        peers = {engine: measured[(mode, engine)] for engine in ["tantivy", "lucene"] if (mode, engine) in measured}
        if not ours or not peers:
            continue
        def best(key):
            engine = min(peers, key=lambda name: peers[name][key])
            return engine, peers[engine][key]
        engine, p50 = best("p50_us")
        lines.append(f"| {mode} | p50 | {ours['p50_us']:.0f} / {p50:.0f} µs ({engine}) | {ours['p50_us'] / p50:.2f} × |")
        engine, size = best("index_bytes")
        lines.append(f"| {mode} | index size | {ours['index_bytes'] / 1e6:.2f} / {size / 1e6:.2f} MB ({engine}) | {ours['index_bytes'] / size:.2f} × |")
        if "tantivy" in peers:
            build = peers["tantivy"]["build_seconds"]
            lines.append(f"| {mode} | build speed | {build:.2f} / {ours['build_seconds']:.2f} s (tantivy) | {build / ours['build_seconds']:.2f} × |")
    if lines:
        print()
        print("| mode | figure | HezaMatch / the better peer | ratio |")
        print("|---|---|---|---|")
        print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
