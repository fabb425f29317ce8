package exporttest

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/citegraph/citegraph/graph"
)

// Graph is a hand-made graph, so that the writers can be tested without
// the graph builder. Its nodes and edges must be in the graph package's
// order: nodes by id, edges by source, then target.
type Graph struct {
	NodeList []*graph.Node
	EdgeList []*graph.Edge
}

// Nodes yields the nodes, as a Source does.
func (g Graph) Nodes() iter.Seq[graph.Node] { return values(g.NodeList) }

// Edges yields the edges, as a Source does.
func (g Graph) Edges() iter.Seq[graph.Edge] { return values(g.EdgeList) }

func values[T any](items []*T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, it := range items {
			if !yield(*it) {
				return
			}
		}
	}
}

// Sample is the precedent graph of the project's sample opinion, Van
// de Kamp v. Goldstein, 555 U.S. 335 (2009), and the eight cases it cites,
// in the graph package's order (nodes by id, edges by endpoints).
func Sample() Graph {
	type c struct {
		id, name, court string
		year, weight    int
	}
	cited := []c{
		{"177 F.2d 579", "Gregoire v. Biddle", "ca2", 1949, 2},
		{"373 U.S. 83", "Brady v. Maryland", "scotus", 1963, 1},
		{"405 U.S. 150", "Giglio v. United States", "scotus", 1972, 3},
		{"424 U.S. 409", "Imbler v. Pachtman", "scotus", 1976, 31},
		{"481 F.3d 1170", "Goldstein v. City of Long Beach", "ca9", 2007, 2},
		{"500 U.S. 478", "Burns v. Reed", "scotus", 1991, 4},
		{"509 U.S. 259", "Buckley v. Fitzsimmons", "scotus", 1993, 1},
		{"522 U.S. 118", "Kalina v. Fletcher", "scotus", 1997, 4},
	}
	const citing = "555 U.S. 335"
	g := Graph{}
	vdk := &graph.Node{ID: citing, Name: "Van de Kamp v. Goldstein", Citations: []string{citing, "129 S. Ct. 855"},
		Court: "scotus", Year: 2009, InCorpus: true, Cites: len(cited)}
	total := 0
	for _, x := range cited {
		total += x.weight
	}
	for _, x := range cited {
		g.NodeList = append(g.NodeList, &graph.Node{ID: x.id, Name: x.name, Citations: []string{x.id}, Court: x.court,
			Year: x.year, CitingCases: 1, TimesCited: x.weight,
			Scores: map[string]float64{"pagerank": 0.05 + 0.9*float64(x.weight)/float64(total), "indegree": 1}})
		g.EdgeList = append(g.EdgeList, &graph.Edge{From: citing, To: x.id, Weight: x.weight})
	}
	vdk.Scores = map[string]float64{"pagerank": 0.05, "indegree": 0}
	g.NodeList = append(g.NodeList, vdk)
	slices.SortFunc(g.NodeList, func(a, b *graph.Node) int { return CompareIDs(a.ID, b.ID) })
	imbler := g.EdgeList[3]
	imbler.Pins = []graph.Count{{Value: "430", N: 5}, {Value: "431", N: 3}, {Value: "427-428", N: 1}}
	imbler.Signals = []graph.Count{{Value: "See", N: 4}, {Value: "Cf.", N: 1}}
	imbler.Opinions = []graph.Count{{Value: "majority", N: 31}}
	imbler.Parentheticals = []string{"absolute immunity for initiating a prosecution; and presenting the State's case"}
	imbler.Pages = []string{"341", "342", "343"}
	return g
}

// CompareIDs orders node ids as the graph package does: bytewise.
func CompareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Torture holds names and ids with every character that breaks
// careless writers: quotes, backslashes, markup, entities, control
// characters, broken UTF-8, and non-Latin scripts.
func Torture() Graph {
	nodes := []*graph.Node{
		{ID: "123 Misc. 2d 45", Name: "中华人民共和国 v. 日本 ⚖️", Citations: []string{"123 Misc. 2d 45"}, Court: "ny", Year: 1984,
			TimesCited: 1, CitingCases: 1},
		{ID: "42 U.S.C. § 1983", Kind: graph.Statute, Citations: []string{"42 U.S.C. § 1983"}, TimesCited: 2, CitingCases: 1},
		{ID: "424 U.S. 409", Name: "Imbler v. \"Pachtman\" \\ & <Co> AT&T &amp; &#60; x\x01\x0b\tTab\nNewline\rCR \xff end",
			Citations: []string{"424 U.S. 409", "96 S. Ct. 984"}, Court: "scotus", Year: 1976, InCorpus: true,
			TimesCited: 3, CitingCases: 2, Cites: 1, Scores: map[string]float64{"pagerank": 0.4, "id": 7}},
		{ID: "doc:abc_def:1", Name: "Иванов против России", Court: "echr", Year: 2001, InCorpus: true, Cites: 2,
			Scores: map[string]float64{"pagerank": 0.2}},
		{ID: "weird \"id\" \\ back\\", Name: "محمد v. State", Court: "<court & co>", Year: 1950, InCorpus: true, Cites: 2},
	}
	edges := []*graph.Edge{
		{From: "424 U.S. 409", To: "42 U.S.C. § 1983", Weight: 2, Pins: []graph.Count{{Value: "§ (a)\"<&>", N: 2}}},
		{From: "doc:abc_def:1", To: "123 Misc. 2d 45", Weight: 1, Signals: []graph.Count{{Value: "See, e.g.,", N: 1}},
			Parentheticals: []string{"holding A; and B | C", "\"quoted\" & <tagged>"}},
		{From: "doc:abc_def:1", To: "424 U.S. 409", Weight: 5, Pins: []graph.Count{{Value: "430", N: 4}, {Value: "431 n. 3", N: 1}},
			Opinions: []graph.Count{{Value: "majority", N: 4}, {Value: "dissent", N: 1}}, Pages: []string{"12", "13"}},
		{From: "weird \"id\" \\ back\\", To: "424 U.S. 409", Weight: 1},
		{From: "weird \"id\" \\ back\\", To: "42 U.S.C. § 1983", Weight: 3, Signals: []graph.Count{{Value: "Cf.", N: 3}}},
	}
	return Graph{NodeList: nodes, EdgeList: edges}
}

// Synthetic is a deterministic stand-in for a corpus graph of n
// cases and about m citations: reporters, courts and years spread like a
// Supreme Court corpus, each case citing older ones, popular cases more
// often.
func Synthetic(n, m int) Graph {
	rng := rand.New(rand.NewPCG(1, 2))
	courts := []string{"scotus", "scotus", "scotus", "scotus", "ca9", "ca2", "ca5", "cal", "ny", "tex", ""}
	words := []string{"Smith", "Jones", "United States", "Board of Education", "Miller", "State", "Brown", "Doe", "City of Chicago", "Ramírez", "O'Brien", "Müller"}
	g := Graph{}
	for i := range n {
		id := fmt.Sprintf("%d U.S. %d", 1+i%580, 1+(i*37)%900)
		if i >= 580*900 {
			id = fmt.Sprintf("doc:%d", i)
		}
		year := 1790 + i*225/n
		g.NodeList = append(g.NodeList, &graph.Node{
			ID: id, Name: words[rng.IntN(len(words))] + " v. " + words[rng.IntN(len(words))],
			Citations: []string{id}, Court: courts[rng.IntN(len(courts))], Year: year, InCorpus: rng.IntN(4) == 0,
		})
	}
	seen := map[[2]int]bool{}
	for range m {
		from := 1 + rng.IntN(n-1)
		// Cited cases skew towards a few landmarks.
		to := int(float64(from) * math.Pow(rng.Float64(), 2.5))
		if seen[[2]int{from, to}] {
			continue
		}
		seen[[2]int{from, to}] = true
		f, t := g.NodeList[from], g.NodeList[to]
		w := 1 + int(math.Exp(rng.Float64()*3))
		f.Cites++
		t.CitingCases++
		t.TimesCited += w
		g.EdgeList = append(g.EdgeList, &graph.Edge{From: f.ID, To: t.ID, Weight: w,
			Pins: []graph.Count{{Value: strconv.Itoa(100 + rng.IntN(400)), N: w}}, Signals: []graph.Count{{Value: "See", N: 1}}})
	}
	for _, nd := range g.NodeList {
		nd.Scores = map[string]float64{"pagerank": float64(nd.TimesCited+1) / float64(m+n)}
	}
	slices.SortFunc(g.NodeList, func(a, b *graph.Node) int { return CompareIDs(a.ID, b.ID) })
	slices.SortFunc(g.EdgeList, func(a, b *graph.Edge) int {
		if c := CompareIDs(a.From, b.From); c != 0 {
			return c
		}
		return CompareIDs(a.To, b.To)
	})
	return g
}
