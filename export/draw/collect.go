package draw

import (
	"fmt"
	"iter"

	"github.com/citegraph/citegraph/graph"
)

// Source is a graph to draw or export; *graph.Graph is one. Both sequences
// must be deterministic (the graph package yields nodes by id and edges by
// source, then target) and every edge's endpoints must be among the nodes.
type Source interface {
	Nodes() iter.Seq[graph.Node]
	Edges() iter.Seq[graph.Edge]
}

// Snapshot is a Source read into slices, for writers that need indexes or
// several passes.
type Snapshot struct {
	Nodes []*graph.Node
	Edges []*graph.Edge
	Index map[string]int // node id → position in Nodes
}

// Collect reads g once, checking that every edge's endpoints are nodes, so
// that no writer emits a dangling reference. It fails on a node id given
// twice or an edge to a node g does not have.
func Collect(g Source) (*Snapshot, error) {
	s := &Snapshot{Index: map[string]int{}}
	for n := range g.Nodes() {
		if _, dup := s.Index[n.ID]; dup {
			return nil, fmt.Errorf("graph has node %q twice", n.ID)
		}
		s.Index[n.ID] = len(s.Nodes)
		s.Nodes = append(s.Nodes, &n)
	}
	for e := range g.Edges() {
		for _, end := range []string{e.From, e.To} {
			if _, ok := s.Index[end]; !ok {
				return nil, fmt.Errorf("graph has an edge %q → %q to a node it does not have", e.From, e.To)
			}
		}
		s.Edges = append(s.Edges, &e)
	}
	return s, nil
}
