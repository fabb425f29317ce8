package graph

import (
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
)

// Gonum returns a view of g as a gonum weighted directed graph, reading
// the store in place (nothing is copied). Gonum node ids are the store's
// dense node indices: use GonumID and GonumNode to translate. Weights are
// the citation counts. The view is valid until g changes.
func (g *Graph) Gonum() gg.WeightedDirected {
	g.store.settle()
	return gonumView{g.store}
}

// GonumID returns the gonum id of the node id.
func (g *Graph) GonumID(id string) (int64, bool) {
	i, ok := g.store.lookup(id)
	return int64(i), ok
}

// GonumNode returns the node id of a gonum id.
func (g *Graph) GonumNode(gid int64) (string, bool) {
	if !g.store.valid(gid) {
		return "", false
	}
	return g.store.ids[gid], true
}

func (s *Store) valid(gid int64) bool {
	return gid >= 0 && gid < int64(len(s.ids)) && s.ids[gid] != ""
}

type gonumView struct{ s *Store }

var _ gg.WeightedDirected = gonumView{}

func (v gonumView) Node(id int64) gg.Node {
	if !v.s.valid(id) {
		return nil
	}
	return simple.Node(id)
}

func (v gonumView) Nodes() gg.Nodes {
	order := v.s.sorted()
	return &nodeIter{n: len(order), at: func(k int) int32 { return order[k] }}
}

func (v gonumView) From(id int64) gg.Nodes {
	if !v.s.valid(id) {
		return gg.Empty
	}
	to, _, _ := v.s.row(int32(id))
	return &nodeIter{n: len(to), at: func(k int) int32 { return to[k] }}
}

func (v gonumView) To(id int64) gg.Nodes {
	if !v.s.valid(id) {
		return gg.Empty
	}
	from, _ := v.s.inRow(int32(id))
	return &nodeIter{n: len(from), at: func(k int) int32 { return from[k] }}
}

func (v gonumView) weight(uid, vid int64) (int32, bool) {
	if !v.s.valid(uid) || !v.s.valid(vid) {
		return 0, false
	}
	k := v.s.findRow(int32(uid), int32(vid))
	if k < 0 {
		return 0, false
	}
	return v.s.outW[k], true
}

func (v gonumView) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := v.weight(uid, vid)
	return ok
}

func (v gonumView) HasEdgeBetween(xid, yid int64) bool {
	return v.HasEdgeFromTo(xid, yid) || v.HasEdgeFromTo(yid, xid)
}

func (v gonumView) Edge(uid, vid int64) gg.Edge { return v.WeightedEdge(uid, vid) }

func (v gonumView) WeightedEdge(uid, vid int64) gg.WeightedEdge {
	w, ok := v.weight(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: float64(w)}
}

// Weight follows gonum's simple graphs: a node's weight to itself is its
// self-loop's, or 0; a missing edge reports false.
func (v gonumView) Weight(xid, yid int64) (float64, bool) {
	w, ok := v.weight(xid, yid)
	if !ok && xid == yid && v.s.valid(xid) {
		return 0, true
	}
	return float64(w), ok
}

// nodeIter walks n node indices without copying the list they come from.
type nodeIter struct {
	n, pos int
	at     func(k int) int32
}

func (it *nodeIter) Next() bool {
	if it.pos >= it.n {
		return false
	}
	it.pos++
	return true
}

func (it *nodeIter) Len() int { return it.n - it.pos }

func (it *nodeIter) Reset() { it.pos = 0 }

func (it *nodeIter) Node() gg.Node {
	if it.pos == 0 || it.pos > it.n {
		return nil
	}
	return simple.Node(it.at(it.pos - 1))
}
