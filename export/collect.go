package export

import (
	"fmt"
	"iter"
	"slices"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/graph"
)

// indexed is a Source that knows its measures and its node ids without a
// pass over the nodes; *graph.Graph is one. The writers that need no
// index (GraphML, node-link JSON, CSV) stream such a source, node by node
// and edge by edge, so that writing a graph of a hundred million edges
// holds no second copy of it.
type indexed interface {
	Source
	Measures() []string
	Has(id string) bool
}

// stream is a Source read once, in order, with its schema known first.
type stream struct {
	sc    schema
	nodes iter.Seq[*graph.Node]
	edges iter.Seq[*graph.Edge]
	err   *error // set when an edge names a node the source lacks
}

// streamOf streams g when it is indexed, and collects it otherwise.
func streamOf(g Source) (*stream, error) {
	ix, ok := g.(indexed)
	if !ok {
		s, err := draw.Collect(g)
		if err != nil {
			return nil, err
		}
		return &stream{sc: schemaOf(s), nodes: slices.Values(s.Nodes), edges: slices.Values(s.Edges), err: new(error)}, nil
	}
	st := &stream{sc: schemaFor(ix.Measures()), err: new(error)}
	st.nodes = func(yield func(*graph.Node) bool) {
		for n := range g.Nodes() {
			if !yield(&n) {
				return
			}
		}
	}
	st.edges = func(yield func(*graph.Edge) bool) {
		for e := range g.Edges() {
			if !ix.Has(e.From) || !ix.Has(e.To) {
				*st.err = fmt.Errorf("graph has an edge %q → %q to a node it does not have", e.From, e.To)
				return
			}
			if !yield(&e) {
				return
			}
		}
	}
	return st, nil
}
