package graph

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"

	dg "github.com/dominikbraun/graph"
)

// Graph is a directed precedent graph. Its model is a
// github.com/dominikbraun/graph graph (see Model) over a compact Store;
// the methods here read that store directly, in a deterministic order.
//
// Cycles are never rejected: cases of one term cite each other, and
// resolution errors make loops of their own.
type Graph struct {
	store   *Store
	model   dg.Graph[string, Node]
	docs    []docRecord
	reasons map[int32][]Count // by position in docs
}

// docRecord is a DocStat kept compactly, for corpora of millions of
// documents.
type docRecord struct {
	id                   string
	node                 int32
	opinion, name, court uint32 // interned in the store
	year                 int32
	n                    [nStats]int32
	// fingerprint tells copies of one document apart from different
	// documents (see Builder.Add); source ranks where its identity came
	// from (see sourceRank).
	fingerprint uint64
	source      uint8
	long        bool // the text is long enough to tell copies by
}

// The counts of a docRecord, in DocStat's order.
const (
	statCitations = iota
	statEdges
	statUnresolved
	statSelf
	statStatutes
	statDuplicates
	nStats
)

// DocStat is what happened to one document's citations while building.
type DocStat struct {
	Doc     string // the document id
	Node    string // the node the document became part of
	Opinion string
	// Citations counts the citations found; Edges those counted in an
	// edge's weight. The rest are Unresolved short forms, citations of the
	// case itself (SelfCites), Statutes (citations of statutes when they
	// are not nodes, and of the authorities that never are: the record,
	// law reviews and treatises), and
	// Duplicates: citations another document of the same case already
	// counts (a combined record beside the opinions one by one, or one
	// case held twice).
	Citations  int
	Edges      int
	Unresolved int
	SelfCites  int
	Statutes   int
	Duplicates int
	// Reasons counts why short forms stayed unresolved.
	Reasons []Count
}

func nodeHash(n Node) string { return n.ID }

// New returns an empty graph.
func New() *Graph { return newGraph(NewStore()) }

func newGraph(s *Store) *Graph {
	return &Graph{
		store: s,
		model: dg.NewWithStore(nodeHash, dg.Store[string, Node](s), dg.Directed(), dg.Weighted()),
	}
}

// Model returns the graph as a dominikbraun/graph Graph, for its
// algorithms (paths, components, topological orders). Edge data is in
// Properties.Data as an Edge. Changes through the model are changes to g,
// except that node counts are only refreshed by Recount.
func (g *Graph) Model() dg.Graph[string, Node] { return g.model }

// Store returns the storage under the model.
func (g *Graph) Store() *Store { return g.store }

// AddNode adds a node; its ID must be new and non-empty.
func (g *Graph) AddNode(n Node) error {
	if err := g.model.AddVertex(n); err != nil {
		return fmt.Errorf("node %q: %w", n.ID, err)
	}
	return nil
}

// AddEdge adds the edge e.From → e.To; both nodes must exist and the edge
// must be new. Counts are refreshed by Recount.
func (g *Graph) AddEdge(e Edge) error {
	if err := g.model.AddEdge(e.From, e.To, dg.EdgeWeight(e.Weight), dg.EdgeData(e)); err != nil {
		return fmt.Errorf("edge %q → %q: %w", e.From, e.To, err)
	}
	return nil
}

// MergeEdge adds e, or when the edge exists, adds e's citations to it:
// weights add up, and so do counts of equal pins, signals and opinions;
// parentheticals and pages are appended unless already there.
func (g *Graph) MergeEdge(e Edge) error {
	old, err := g.model.Edge(e.From, e.To)
	if errors.Is(err, dg.ErrEdgeNotFound) {
		return g.AddEdge(e)
	}
	if err != nil {
		return fmt.Errorf("edge %q → %q: %w", e.From, e.To, err)
	}
	m := old.Properties.Data.(Edge)
	m.merge(&e)
	if err := g.model.UpdateEdge(e.From, e.To, dg.EdgeWeight(m.Weight), dg.EdgeData(m)); err != nil {
		return fmt.Errorf("edge %q → %q: %w", e.From, e.To, err)
	}
	return nil
}

func (e *Edge) merge(o *Edge) {
	e.Weight += o.Weight
	e.Pins = mergeCounts(e.Pins, o.Pins)
	e.Signals = mergeCounts(e.Signals, o.Signals)
	e.Opinions = mergeCounts(e.Opinions, o.Opinions)
	e.Parentheticals = appendNew(e.Parentheticals, o.Parentheticals...)
	e.Pages = appendNew(e.Pages, o.Pages...)
}

func mergeCounts(a, b []Count) []Count {
	for _, c := range b {
		a = addCount(a, c.Value, c.N)
	}
	return a
}

// addCount adds n to the count of v, keeping values in order of first
// appearance.
func addCount(list []Count, v string, n int) []Count {
	for k := range list {
		if list[k].Value == v {
			list[k].N += n
			return list
		}
	}
	return append(list, Count{Value: v, N: n})
}

func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// Recount sets every node's CitingCases, TimesCited and Cites from the
// edges of g.
func (g *Graph) Recount() {
	s := g.store
	s.settle()
	parallelFor(len(s.ids), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			_, w := s.inRow(int32(i))
			var cited int32
			for _, x := range w {
				cited += x
			}
			s.counts[i] = [3]int32{int32(len(w)), cited, int32(s.outStart[i+1] - s.outStart[i])}
		}
	})
}

// NodeCount returns the number of nodes.
func (g *Graph) NodeCount() int { return g.store.live }

// EdgeCount returns the number of edges.
func (g *Graph) EdgeCount() int { return g.store.edges }

// Node returns the node with the given id. Its Citations are shared with
// the graph: copy them before changing them.
func (g *Graph) Node(id string) (Node, bool) {
	i, ok := g.store.lookup(id)
	if !ok {
		return Node{}, false
	}
	return g.store.node(i), true
}

// Nodes yields every node in ascending id order.
func (g *Graph) Nodes() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for _, i := range g.store.sorted() {
			if !yield(g.store.node(i)) {
				return
			}
		}
	}
}

// Edges yields every edge, ordered by citing id, then cited id.
func (g *Graph) Edges() iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		s := g.store
		s.settle()
		for _, i := range s.sorted() {
			for _, k := range s.outSorted(i) {
				if !yield(s.edge(i, s.rec(k))) {
					return
				}
			}
		}
	}
}

// Edge returns the edge from → to.
func (g *Graph) Edge(from, to string) (Edge, bool) {
	s := g.store
	i, j, err := s.pair(from, to)
	if err != nil {
		return Edge{}, false
	}
	r, _, found := s.find(i, j)
	if !found {
		return Edge{}, false
	}
	return s.edge(i, r), true
}

// Has reports whether the graph has a node of that id.
func (g *Graph) Has(id string) bool {
	_, ok := g.store.lookup(id)
	return ok
}

// Out yields the edges from the node id (the cases it cites), by cited id.
func (g *Graph) Out(id string) iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		s := g.store
		i, ok := s.lookup(id)
		if !ok {
			return
		}
		s.settle()
		for _, k := range s.outSorted(i) {
			if !yield(s.edge(i, s.rec(k))) {
				return
			}
		}
	}
}

// In yields the edges into the node id (the cases citing it), by citing id.
func (g *Graph) In(id string) iter.Seq[Edge] {
	return func(yield func(Edge) bool) {
		s := g.store
		j, ok := s.lookup(id)
		if !ok {
			return
		}
		s.settle()
		from, _ := s.inRow(j)
		if !s.ordered {
			s.sorted()
			from = slices.Clone(from)
			slices.SortFunc(from, func(a, b int32) int { return int(s.rank[a]) - int(s.rank[b]) })
		}
		for _, i := range from {
			if !yield(s.edge(i, s.rec(s.findRow(i, j)))) {
				return
			}
		}
	}
}

// Measures returns the names of the scores attached to the nodes, sorted.
func (g *Graph) Measures() []string {
	return slices.Sorted(maps.Keys(g.store.scores))
}

// SetScores attaches a score for measure to every node: scores[id], or 0
// for a node missing from scores. It replaces earlier scores of that
// measure.
func (g *Graph) SetScores(measure string, scores map[string]float64) {
	col := make([]float64, len(g.store.ids))
	for id, v := range scores {
		if i, ok := g.store.lookup(id); ok {
			col[i] = v
		}
	}
	g.store.scores[measure] = col
}

// Score returns the score of the node id for measure.
func (g *Graph) Score(measure, id string) (float64, bool) {
	col, ok := g.store.scores[measure]
	if !ok {
		return 0, false
	}
	i, ok := g.store.lookup(id)
	if !ok {
		return 0, false
	}
	return col[i], true
}

// Documents yields what became of each document's citations, ordered by
// document id (so that the order the documents came in changes nothing);
// nothing for a graph not built from documents.
func (g *Graph) Documents() iter.Seq[DocStat] {
	return func(yield func(DocStat) bool) {
		for i := range g.docs {
			if !yield(g.docStat(i)) {
				return
			}
		}
	}
}

func (g *Graph) docStat(i int) DocStat {
	d := &g.docs[i]
	return DocStat{
		Doc: d.id, Node: g.store.ids[d.node], Opinion: g.store.strs[d.opinion],
		Citations: int(d.n[statCitations]), Edges: int(d.n[statEdges]), Unresolved: int(d.n[statUnresolved]),
		SelfCites: int(d.n[statSelf]), Statutes: int(d.n[statStatutes]), Duplicates: int(d.n[statDuplicates]),
		Reasons: g.reasons[int32(i)],
	}
}
