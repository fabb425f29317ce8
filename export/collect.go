package export

import (
	"fmt"

	"github.com/citegraph/citegraph/graph"
)

// snapshot is a Source drawn into slices, for writers that need indexes
// or several passes.
type snapshot struct {
	nodes []*graph.Node
	edges []*graph.Edge
	index map[string]int // node id → position in nodes
}

// collect reads g once, checking that every edge's endpoints are nodes, so
// that no writer emits a dangling reference.
func collect(g Source) (*snapshot, error) {
	s := &snapshot{index: map[string]int{}}
	for n := range g.Nodes() {
		if _, dup := s.index[n.ID]; dup {
			return nil, fmt.Errorf("graph has node %q twice", n.ID)
		}
		s.index[n.ID] = len(s.nodes)
		s.nodes = append(s.nodes, &n)
	}
	for e := range g.Edges() {
		for _, end := range []string{e.From, e.To} {
			if _, ok := s.index[end]; !ok {
				return nil, fmt.Errorf("graph has an edge %q → %q to a node it does not have", e.From, e.To)
			}
		}
		s.edges = append(s.edges, &e)
	}
	return s, nil
}
