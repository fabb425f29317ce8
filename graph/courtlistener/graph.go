package courtlistener

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/graph"
)

// ClusterDoc is the id of the document that stands for a cluster in Graph.
func ClusterDoc(cluster int64) string { return clusterDocPrefix + strconv.FormatInt(cluster, 10) }

const clusterDocPrefix = "courtlistener-cluster:"

// Graph returns the map as a graph of cases, for ranking: a node per
// cluster the map names, which is the node citegraph's own graph gives the
// case (graph.Builder: its id is the case's most official citation, its
// name, court and year those of the clusters file in bulk, which may be
// nil), and an edge per citing case → cited case weighted by depth.
// Clusters that are one case (the same citations) are one node, their
// edges merged.
func (m *Map) Graph(bulk *corpus.Bulk, opt graph.Options) (*graph.Graph, error) {
	clusters := make([]int64, 0, 2*len(m.Pairs))
	for _, p := range m.Pairs {
		clusters = append(clusters, p.Citing, p.Cited)
	}
	slices.Sort(clusters)
	clusters = slices.Compact(clusters)
	b := graph.NewBuilder(opt)
	for _, c := range clusters {
		doc := &corpus.Document{ID: ClusterDoc(c)}
		if bulk != nil {
			doc.Meta, _ = bulk.Cluster(c)
		}
		if err := b.Add(doc, nil); err != nil {
			return nil, err
		}
	}
	g, err := b.Graph()
	if err != nil {
		return nil, err
	}
	nodes := make([]string, len(clusters))
	for d := range g.Documents() {
		c, _ := strconv.ParseInt(strings.TrimPrefix(d.Doc, clusterDocPrefix), 10, 64)
		i, _ := slices.BinarySearch(clusters, c)
		nodes[i] = d.Node
	}
	node := func(c int64) string {
		i, _ := slices.BinarySearch(clusters, c)
		return nodes[i]
	}
	type edge struct {
		from, to string
		w        int
	}
	edges := make([]edge, 0, len(m.Pairs))
	for _, p := range m.Pairs {
		if from, to := node(p.Citing), node(p.Cited); from != to {
			edges = append(edges, edge{from, to, p.Depth})
		}
	}
	slices.SortFunc(edges, func(a, b edge) int { return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to)) })
	for i := 0; i < len(edges); {
		e := graph.Edge{From: edges[i].from, To: edges[i].to}
		for ; i < len(edges) && edges[i].from == e.From && edges[i].to == e.To; i++ {
			e.Weight += edges[i].w
		}
		if err := g.AddEdge(e); err != nil {
			return nil, err
		}
	}
	g.Recount()
	return g, nil
}
