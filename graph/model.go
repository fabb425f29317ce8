// Package graph holds the precedent graph: cases as nodes, citing case →
// cited case as edges, with how often, where and how each case was cited,
// and the rankings computed over it.
package graph

// NodeKind says what a node stands for.
type NodeKind uint8

// Node kinds. Statutes become nodes only when the builder is asked for them.
const (
	Case NodeKind = iota
	Statute
)

func (k NodeKind) String() string {
	if k == Statute {
		return "statute"
	}
	return "case"
}

// Node is a case (or statute). All parallel citations of a case are one
// node.
type Node struct {
	// ID is stable across runs and across corpora that add documents: the
	// canonical form of the case's first citation ("424 U.S. 409"), for a
	// statute "42 U.S.C. § 1983", and for a corpus document with no
	// citation of its own "doc:" and the document id.
	ID        string
	Kind      NodeKind
	Name      string
	Citations []string // canonical, primary first
	Court     string
	Year      int // 0 when unknown
	InCorpus  bool

	// CitingCases is the number of cases citing this one (in-degree);
	// TimesCited counts every citation, short forms included (weighted
	// in-degree); Cites is the number of cases this one cites.
	CitingCases int
	TimesCited  int
	Cites       int

	// Scores holds the rankings computed so far, by measure name
	// ("pagerank", "authority", "hub", "indegree", "citations",
	// "betweenness").
	Scores map[string]float64
}

// Count is a value and how many times it occurred.
type Count struct {
	Value string
	N     int
}

// Edge is citing case → cited case.
type Edge struct {
	From, To string
	// Weight is the number of citations, counting short forms, supra and
	// id. (CourtListener's "depth").
	Weight int
	// Pins are the pin cites with how often each was cited, in order of
	// first appearance.
	Pins []Count
	// Signals are the introductory signals used ("See", "Cf.", ...).
	Signals []Count
	// Parentheticals are the explanatory parentheticals, in text order.
	Parentheticals []string
	// Opinions says which opinions of the citing case cite
	// ("majority", "concurrence", "dissent", ...).
	Opinions []Count
	// Pages are the pages of the citing opinion where the citations sit
	// (star pages), when known, in text order without repeats.
	Pages []string
}
