"""Rank a graph with networkx, as the reference for citegraph's rankings.

Reads JSON {"nodes": [id...], "edges": [[from, to, weight]...],
"weighted": bool, "betweenness": bool} on standard input and writes JSON
{measure: {id: score}} on standard output.
"""
import json
import sys

import networkx as nx


def main():
    spec = json.load(sys.stdin)
    g = nx.DiGraph()
    g.add_nodes_from(spec["nodes"])
    for u, v, w in spec["edges"]:
        g.add_edge(u, v, weight=w)
    weight = "weight" if spec["weighted"] else None
    out = {"pagerank": nx.pagerank(g, alpha=0.85, weight=weight, tol=1e-13, max_iter=10000)}
    if not spec["weighted"]:
        # networkx's hits always reads the "weight" attribute.
        for _, _, d in g.edges(data=True):
            d["weight"] = 1
    hub, auth = nx.hits(g, max_iter=10000, tol=1e-13)
    out["hub"], out["authority"] = hub, auth
    if spec.get("betweenness"):
        out["betweenness"] = nx.betweenness_centrality(g, normalized=True)
    json.dump(out, sys.stdout)


main()
