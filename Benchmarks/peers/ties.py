#!/usr/bin/env python3
"""Explains where HezaMatch's top-k and a peer's differ: for every id the peer ranks in its
top-k that HezaMatch does not, looks for it in HezaMatch's top 2k and compares its score
with HezaMatch's k-th score.

    python3 Benchmarks/peers/ties.py --docs bench-data/docs.jsonl --queries bench-data/queries.txt --engine tantivy

A difference is a tie when the two scores are equal to 1e-6 relative (the peers score in
32-bit floats, HezaMatch in 64-bit fixed point, so documents of equal or nearly equal score
fall on either side of the k-th place); otherwise it is counted as a real difference.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(command):
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--engine", default="tantivy", choices=["tantivy", "lucene"])
    parser.add_argument("--mode", default="or", choices=["or", "and"])
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--bench", default=os.path.join(ROOT, "Benchmarks", ".build", "release", "hezamatch-bench"))
    args = parser.parse_args()
    ours = run([args.bench, "index", "--docs", args.docs, "--queries", args.queries, "--mode", args.mode,
                "--k", str(2 * args.k), "--repeat", "1", "--with-scores"])
    peer = run([sys.executable, os.path.join(HERE, "peers.py"), "--engine", args.engine, "--docs", args.docs,
                "--queries", args.queries, "--mode", args.mode, "--k", str(args.k), "--repeat", "1"])
    compared = same = ties = real = 0
    for ids, scores, theirs in zip(ours["results"], ours["scores"], peer["results"]):
        if not theirs:
            continue
        compared += len(theirs)
        top = set(ids[:args.k])
        kth = scores[min(args.k, len(scores)) - 1] if scores else 0.0
        for doc in theirs:
            if doc in top:
                same += 1
            elif doc in ids and abs(scores[ids.index(doc)] - kth) <= 1e-6 * max(1.0, abs(kth)):
                ties += 1
            else:
                real += 1
    print(json.dumps({"engine": args.engine, "mode": args.mode, "peer_hits": compared, "same": same,
                      "ties_at_kth": ties, "real_differences": real,
                      "agreement": round(same / compared, 4) if compared else None,
                      "agreement_counting_ties": round((same + ties) / compared, 4) if compared else None}))


if __name__ == "__main__":
    sys.exit(main())
