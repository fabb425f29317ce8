package export

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/graph"
)

// kind is the type of an exported attribute; each writer maps it to its
// format's own type names.
type kind uint8

const (
	kString kind = iota
	kInt
	kDouble
	kBool
	kList   // []string
	kCounts // []graph.Count
)

// value is one attribute value; which field is set follows the kind.
type value struct {
	s      string
	i      int
	f      float64
	b      bool
	list   []string
	counts []graph.Count
}

// attr describes one node or edge attribute. get reports false when the
// value is unknown, and the writers then leave it out rather than invent a
// zero.
type attr[T any] struct {
	name string
	kind kind
	sep  string // between list items in formats that flatten lists
	get  func(T) (value, bool)
}

const listSep = "; "

// Parentheticals often hold semicolons, so they get a separator that legal
// prose does not use.
const parentheticalSep = " | "

func str(s string) (value, bool) { return value{s: s}, s != "" }

func list(l []string) (value, bool) { return value{list: l}, len(l) > 0 }

func counts(c []graph.Count) (value, bool) { return value{counts: c}, len(c) > 0 }

// nodeAttrs is the node schema shared by every format; scores follow it,
// one double attribute per measure present in the graph.
var nodeAttrs = []attr[*graph.Node]{
	{name: "label", kind: kString, get: func(n *graph.Node) (value, bool) { return str(draw.Label(n)) }},
	{name: "name", kind: kString, get: func(n *graph.Node) (value, bool) { return str(n.Name) }},
	{name: "kind", kind: kString, get: func(n *graph.Node) (value, bool) { return str(n.Kind.String()) }},
	{name: "citations", kind: kList, sep: listSep, get: func(n *graph.Node) (value, bool) { return list(n.Citations) }},
	{name: "court", kind: kString, get: func(n *graph.Node) (value, bool) { return str(n.Court) }},
	{name: "year", kind: kInt, get: func(n *graph.Node) (value, bool) { return value{i: n.Year}, n.Year != 0 }},
	{name: "in_corpus", kind: kBool, get: func(n *graph.Node) (value, bool) { return value{b: n.InCorpus}, true }},
	{name: "citing_cases", kind: kInt, get: func(n *graph.Node) (value, bool) { return value{i: n.CitingCases}, true }},
	{name: "times_cited", kind: kInt, get: func(n *graph.Node) (value, bool) { return value{i: n.TimesCited}, true }},
	{name: "cites", kind: kInt, get: func(n *graph.Node) (value, bool) { return value{i: n.Cites}, true }},
}

var edgeAttrs = []attr[*graph.Edge]{
	{name: "weight", kind: kInt, get: func(e *graph.Edge) (value, bool) { return value{i: e.Weight}, true }},
	{name: "pins", kind: kCounts, sep: listSep, get: func(e *graph.Edge) (value, bool) { return counts(e.Pins) }},
	{name: "signals", kind: kCounts, sep: listSep, get: func(e *graph.Edge) (value, bool) { return counts(e.Signals) }},
	{name: "opinions", kind: kCounts, sep: listSep, get: func(e *graph.Edge) (value, bool) { return counts(e.Opinions) }},
	{name: "parentheticals", kind: kList, sep: parentheticalSep, get: func(e *graph.Edge) (value, bool) { return list(e.Parentheticals) }},
	{name: "pages", kind: kList, sep: listSep, get: func(e *graph.Edge) (value, bool) { return list(e.Pages) }},
}

// reservedNames are taken by the formats themselves (ids, endpoints).
var reservedNames = []string{"id", "source", "target", "citegraph_id"}

// scoreAttr exposes one ranking measure as a node attribute. Measures are
// named by the graph package; a name that would clash with a fixed
// attribute is prefixed.
func scoreAttr(measure string) attr[*graph.Node] {
	name := measure
	clash := slices.Contains(reservedNames, name)
	for _, a := range nodeAttrs {
		clash = clash || a.name == name
	}
	if clash {
		name = "score_" + measure
	}
	return attr[*graph.Node]{name: name, kind: kDouble, get: func(n *graph.Node) (value, bool) {
		f, ok := n.Scores[measure]
		return value{f: f}, ok && !math.IsNaN(f) && !math.IsInf(f, 0)
	}}
}

// schema is the attribute list of one graph: the fixed node attributes and
// one per score measure any node has, sorted so output is deterministic.
type schema struct {
	nodes []attr[*graph.Node]
	edges []attr[*graph.Edge]
}

func schemaOf(g *draw.Snapshot) schema {
	var measures []string
	seen := map[string]bool{}
	for _, n := range g.Nodes {
		for m := range n.Scores {
			if !seen[m] {
				seen[m] = true
				measures = append(measures, m)
			}
		}
	}
	return schemaFor(measures)
}

// schemaFor is the schema of a graph with these measures.
func schemaFor(measures []string) schema {
	measures = slices.Sorted(slices.Values(measures))
	s := schema{nodes: slices.Clip(nodeAttrs), edges: edgeAttrs}
	for _, m := range measures {
		s.nodes = append(s.nodes, scoreAttr(m))
	}
	return s
}

// flat renders a value as one string, for formats without lists (GraphML,
// GEXF, plain CSV). Counts read "430 (5); 431": the count only when the
// item occurred more than once.
func flat(k kind, sep string, v value) string {
	switch k {
	case kString:
		return v.s
	case kInt:
		return strconv.Itoa(v.i)
	case kDouble:
		return formatFloat(v.f)
	case kBool:
		return strconv.FormatBool(v.b)
	case kList:
		return strings.Join(v.list, sep)
	}
	return draw.JoinCounts(v.counts, sep)
}

// formatFloat writes the shortest form that reads back to the same float.
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// without drops the named attribute, for formats that give it a place of
// its own.
func without[T any](attrs []attr[T], name string) []attr[T] {
	return slices.DeleteFunc(slices.Clone(attrs), func(a attr[T]) bool { return a.name == name })
}
