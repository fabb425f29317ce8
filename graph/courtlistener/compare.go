package courtlistener

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/graph"
)

// OpinionDoc is the prefix of the ids of documents read from
// CourtListener's opinions (bulk files and API JSON): "courtlistener:"
// and the opinion id.
const OpinionDoc = "courtlistener:"

// Comparison says how the edges of a graph citegraph built from
// CourtListener's opinions agree with CourtListener's citation map, pair
// by pair of cases.
type Comparison struct {
	// Both, OnlyOurs and OnlyTheirs count citing case → cited case pairs
	// between cases of the opinions read.
	Both, OnlyOurs, OnlyTheirs int
	// SameWeight counts the pairs in both whose weight equals
	// CourtListener's depth.
	SameWeight int
	// ByDepth breaks the counts down by depth: CourtListener's for pairs
	// in both and only theirs, citegraph's weight for only ours.
	ByDepth []DepthRow
	// OursOutside counts citegraph's edges to (or from) cases that no
	// opinion read belongs to, which the map cannot hold: not compared.
	OursOutside int
	// TheirsOutside counts the map's pairs with a case none of whose
	// opinions was read (and Unmapped rows of the map): not compared.
	TheirsOutside int
	// Disagreements are the pairs only one side has, by citing then cited
	// case.
	Disagreements []Disagreement
}

// DepthRow is one line of Comparison.ByDepth.
type DepthRow struct {
	Depth                      string // "1", "2", "3–4", "5–9", "10+"
	Both, OnlyTheirs, OnlyOurs int
}

// Disagreement is a pair one side has and the other lacks.
type Disagreement struct {
	Citing, Cited string // node ids of citegraph's graph
	Ours, Theirs  int    // weight and depth; 0 on the side that lacks it
}

// Recall is the share of CourtListener's pairs that citegraph has.
func (c *Comparison) Recall() float64 { return ratio(c.Both, c.Both+c.OnlyTheirs) }

// Precision is the share of citegraph's pairs that CourtListener has.
func (c *Comparison) Precision() float64 { return ratio(c.Both, c.Both+c.OnlyOurs) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

var depthBuckets = []struct {
	label string
	upTo  int
}{{"1", 1}, {"2", 2}, {"3–4", 4}, {"5–9", 9}, {"10+", int(^uint(0) >> 1)}}

func bucket(depth int) int {
	for i, b := range depthBuckets {
		if depth <= b.upTo {
			return i
		}
	}
	return len(depthBuckets) - 1
}

// Compare compares g, built from CourtListener opinions whose documents
// are "courtlistener:" and the opinion id, with m. Cases are compared as
// nodes of g: each cluster is the node its documents became (several
// clusters of one case are one node; a cluster whose documents became
// several nodes, which happens to documents without a citation of their
// own, is the first).
func Compare(g *graph.Graph, m *Map, opinions *corpus.OpinionClusters) *Comparison {
	// The node of each cluster read, and the canonical node of each node
	// that holds a cluster.
	type clusterNode struct {
		cluster int64
		node    string
	}
	var byCluster []clusterNode
	for d := range g.Documents() {
		op, err := strconv.ParseInt(strings.TrimPrefix(d.Doc, OpinionDoc), 10, 64)
		if err != nil || !strings.HasPrefix(d.Doc, OpinionDoc) {
			continue
		}
		if c, _, ok := opinions.Cluster(op); ok {
			byCluster = append(byCluster, clusterNode{c, d.Node})
		}
	}
	slices.SortStableFunc(byCluster, func(a, b clusterNode) int { return cmp.Compare(a.cluster, b.cluster) })
	canon := map[string]string{}
	for i, cn := range byCluster {
		if i > 0 && byCluster[i-1].cluster == cn.cluster {
			byCluster[i].node = byCluster[i-1].node
		}
		if _, ok := canon[cn.node]; !ok {
			canon[cn.node] = byCluster[i].node
		}
	}
	nodeOf := func(cluster int64) (string, bool) {
		i, ok := slices.BinarySearchFunc(byCluster, cluster, func(cn clusterNode, c int64) int { return cmp.Compare(cn.cluster, c) })
		if !ok {
			return "", false
		}
		return byCluster[i].node, true
	}

	c := &Comparison{ByDepth: make([]DepthRow, len(depthBuckets)), TheirsOutside: m.Unmapped}
	for i, b := range depthBuckets {
		c.ByDepth[i].Depth = b.label
	}
	type pair struct {
		from, to string
		w        int
	}
	sum := func(ps []pair) []pair {
		slices.SortFunc(ps, func(a, b pair) int { return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to)) })
		out := ps[:0]
		for _, p := range ps {
			if n := len(out); n > 0 && out[n-1].from == p.from && out[n-1].to == p.to {
				out[n-1].w += p.w
			} else {
				out = append(out, p)
			}
		}
		return out
	}
	var theirs []pair
	for _, p := range m.Pairs {
		from, ok1 := nodeOf(p.Citing)
		to, ok2 := nodeOf(p.Cited)
		switch {
		case !ok1 || !ok2:
			c.TheirsOutside++
		case from != to:
			theirs = append(theirs, pair{from, to, p.Depth})
		}
	}
	var ours []pair
	for e := range g.Edges() {
		from, ok1 := canon[e.From]
		to, ok2 := canon[e.To]
		switch {
		case !ok1 || !ok2:
			c.OursOutside++
		case from != to:
			ours = append(ours, pair{from, to, e.Weight})
		}
	}
	theirs, ours = sum(theirs), sum(ours)
	for i, j := 0, 0; i < len(theirs) || j < len(ours); {
		var order int
		switch {
		case i == len(theirs):
			order = 1
		case j == len(ours):
			order = -1
		default:
			order = cmp.Or(cmp.Compare(theirs[i].from, ours[j].from), cmp.Compare(theirs[i].to, ours[j].to))
		}
		switch {
		case order == 0:
			c.Both++
			c.ByDepth[bucket(theirs[i].w)].Both++
			if theirs[i].w == ours[j].w {
				c.SameWeight++
			}
			i, j = i+1, j+1
		case order < 0:
			c.OnlyTheirs++
			c.ByDepth[bucket(theirs[i].w)].OnlyTheirs++
			c.Disagreements = append(c.Disagreements, Disagreement{Citing: theirs[i].from, Cited: theirs[i].to, Theirs: theirs[i].w})
			i++
		default:
			c.OnlyOurs++
			c.ByDepth[bucket(ours[j].w)].OnlyOurs++
			c.Disagreements = append(c.Disagreements, Disagreement{Citing: ours[j].from, Cited: ours[j].to, Ours: ours[j].w})
			j++
		}
	}
	return c
}
