package export

import (
	"github.com/citegraph/citegraph/extract"

	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/citegraph/citegraph/graph"
)

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

func (c rgb) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.r, c.g, c.b) }

// courtPalette is the Okabe–Ito colour-blind-safe set, strongest hues
// first, so the most frequent courts get the most distinct colours.
var courtPalette = []rgb{
	{0x00, 0x72, 0xb2}, // blue
	{0xd5, 0x5e, 0x00}, // vermillion
	{0x00, 0x9e, 0x73}, // bluish green
	{0xcc, 0x79, 0xa7}, // reddish purple
	{0xe6, 0x9f, 0x00}, // orange
	{0x56, 0xb4, 0xe9}, // sky blue
	{0xf0, 0xe4, 0x42}, // yellow
}

// otherColor is for courts past the palette and for nodes with no court.
var otherColor = rgb{0x99, 0x99, 0x99}

// courtKey names a legend entry: a court, or "other" for the rest.
type courtKey struct {
	court string // "" for other / unknown
	color rgb
	n     int
}

// courtColors gives each of the most frequent courts its own colour (ties
// broken by name, so the assignment is deterministic) and returns the
// legend in palette order; every other node gets otherColor.
func courtColors(nodes []*graph.Node) (map[string]rgb, []courtKey) {
	freq := map[string]int{}
	for _, n := range nodes {
		freq[n.Court]++
	}
	var courts []string
	for c := range freq {
		if c != "" {
			courts = append(courts, c)
		}
	}
	slices.SortFunc(courts, func(a, b string) int {
		return cmp.Or(freq[b]-freq[a], cmp.Compare(a, b))
	})
	colors := map[string]rgb{}
	var legend []courtKey
	other := freq[""]
	for i, c := range courts {
		if i < len(courtPalette) {
			colors[c] = courtPalette[i]
			legend = append(legend, courtKey{court: c, color: courtPalette[i], n: freq[c]})
		} else {
			other += freq[c]
		}
	}
	if other > 0 {
		legend = append(legend, courtKey{color: otherColor, n: other})
	}
	return colors, legend
}

func colorOf(colors map[string]rgb, court string) rgb {
	if c, ok := colors[court]; ok {
		return c
	}
	return otherColor
}

// sizeMeasure resolves Options.SizeBy against what the graph has.
func sizeMeasure(nodes []*graph.Node, by string) string {
	if by != "" {
		return by
	}
	for _, n := range nodes {
		if _, ok := n.Scores["pagerank"]; ok {
			return "pagerank"
		}
	}
	return "citations"
}

// measure is a node's value for a measure: its score, or, for the two
// counting measures the graph always has, the count itself.
func measure(n *graph.Node, m string) float64 {
	if f, ok := n.Scores[m]; ok && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	switch m {
	case "indegree":
		return float64(n.CitingCases)
	case "citations":
		return float64(n.TimesCited)
	}
	return 0
}

// relSizes maps each node's measure onto [0,1] from the smallest value to
// the largest, by square root, so that area, not radius, grows with the
// measure. (Min-max, because measures such as PageRank vary little in
// absolute terms; the legend shows the actual values.)
func relSizes(nodes []*graph.Node, m string) []float64 {
	out := make([]float64, len(nodes))
	lo, hi := measureRange(nodes, m)
	if hi > lo {
		for i, n := range nodes {
			out[i] = math.Sqrt((measure(n, m) - lo) / (hi - lo))
		}
	}
	return out
}

// measureRange is the smallest and largest value of a measure.
func measureRange(nodes []*graph.Node, m string) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, n := range nodes {
		v := measure(n, m)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// courtLabel names a court in a legend, a tooltip or a cluster: its short
// name ("9th Cir.", "S.D.N.Y.") when the court table knows the id, else
// the court as the graph has it.
func courtLabel(court string) string {
	if c, ok := extract.LookupCourt(court); ok {
		return c.Short
	}
	return court
}
