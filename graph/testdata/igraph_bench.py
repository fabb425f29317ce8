#!/usr/bin/python3
"""Time python-igraph on the edge list of `citegraph bench --graph`.

    citegraph bench --graph 3000000,30000000 --edges /tmp/3m.txt
    /usr/bin/python3 graph/testdata/igraph_bench.py /tmp/3m.txt
    citegraph rank /tmp/3m.txt --top 100 -f csv -o /tmp/top.csv
    /usr/bin/python3 graph/testdata/igraph_bench.py /tmp/3m.txt --compare /tmp/top.csv

It reads the list as igraph reads an edge list of named nodes (NCOL),
merges repeated pairs by summing their weights (as citegraph does), runs
weighted PageRank (damping 0.85) and HITS (hub and authority scores), and
prints the time of each phase and the peak memory of the process. With
--compare it also prints the largest relative difference between
citegraph's PageRank scores of a `rank -f csv` output and igraph's.

Needs Debian's python3-igraph (0.10); not run by the test suite.
"""

import argparse
import csv
import resource
import sys
import time

import igraph


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("edges", help="edge list: source target weight, one a line")
    ap.add_argument("--compare", metavar="CSV", help="citegraph rank -f csv output to check against igraph's PageRank")
    args = ap.parse_args()

    # CPU time is printed beside the wall-clock time, as citegraph bench
    # does: on a shared machine it says what the work costs.
    t, cpu = time.perf_counter(), time.process_time()
    g = igraph.Graph.Read_Ncol(args.edges, names=True, weights="if_present", directed=True)
    g.simplify(multiple=True, loops=False, combine_edges="sum")
    build = time.perf_counter() - t
    print(f"build        {build:.2f} s ({time.process_time() - cpu:.2f} s CPU): {g.vcount()} cases, {g.ecount()} edges")

    t, cpu = time.perf_counter(), time.process_time()
    pr = g.pagerank(weights="weight", damping=0.85)
    pagerank = time.perf_counter() - t
    print(f"pagerank     {pagerank:.2f} s ({time.process_time() - cpu:.2f} s CPU)")

    t, cpu = time.perf_counter(), time.process_time()
    g.hub_score(weights="weight")
    g.authority_score(weights="weight")
    hits = time.perf_counter() - t
    print(f"hits         {hits:.2f} s ({time.process_time() - cpu:.2f} s CPU; hub and authority)")

    top = max(range(g.vcount()), key=pr.__getitem__)
    print(f"total        {build + pagerank + hits:.2f} s (build, pagerank, hits); top pagerank {pr[top]:.6g} ({g.vs[top]['name']})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory  {peak:.0f} MB resident; igraph {igraph.__version__}")

    if args.compare:
        index = {name: i for i, name in enumerate(g.vs["name"])}
        worst, at, n = 0.0, "", 0
        with open(args.compare, newline="") as f:
            for row in csv.DictReader(f):
                ours, theirs = float(row["score"]), pr[index[row["id"]]]
                d = abs(ours - theirs) / theirs
                n += 1
                if d > worst:
                    worst, at = d, row["id"]
        print(f"compare      {n} cases: largest relative difference in PageRank {worst:.3g} (at {at})")


if __name__ == "__main__":
    sys.exit(main())
