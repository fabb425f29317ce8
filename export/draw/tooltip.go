package draw

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// NodeTooltip is what a drawing shows on hovering over a case, one line
// each: its full name, its citations, court and year, and its counts.
func NodeTooltip(n *graph.Node) []string {
	var lines []string
	if n.Name != "" {
		lines = append(lines, n.Name)
	}
	if len(n.Citations) > 0 {
		lines = append(lines, strings.Join(n.Citations, "; "))
	} else {
		lines = append(lines, n.ID)
	}
	var where []string
	if n.Court != "" {
		where = append(where, CourtLabel(n.Court))
	}
	if n.Year != 0 {
		where = append(where, strconv.Itoa(n.Year))
	}
	if len(where) > 0 {
		lines = append(lines, strings.Join(where, ", "))
	}
	lines = append(lines, fmt.Sprintf("cited %d time%s by %d case%s; cites %d", n.TimesCited, plural(n.TimesCited), n.CitingCases, plural(n.CitingCases), n.Cites))
	return lines
}

// EdgeTooltip is what a drawing shows on hovering over a citation: who
// cites whom how often, then each of the edge's details that is known.
func EdgeTooltip(from, to *graph.Node, e *graph.Edge) []string {
	lines := []string{fmt.Sprintf("%s → %s: %d citation%s", Label(from), Label(to), e.Weight, plural(e.Weight))}
	add := func(name, v string) {
		if v != "" {
			lines = append(lines, name+": "+v)
		}
	}
	add("pins", JoinCounts(e.Pins, "; "))
	add("signals", JoinCounts(e.Signals, "; "))
	add("opinions", JoinCounts(e.Opinions, "; "))
	// Parentheticals often hold semicolons.
	add("parentheticals", strings.Join(e.Parentheticals, " | "))
	add("pages", strings.Join(e.Pages, "; "))
	return lines
}

// JoinCounts writes counts as one string, "430 (5); 431": the count only
// when the item occurred more than once.
func JoinCounts(counts []graph.Count, sep string) string {
	var b strings.Builder
	for i, c := range counts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(c.Value)
		if c.N > 1 {
			b.WriteString(" (")
			b.WriteString(strconv.Itoa(c.N))
			b.WriteByte(')')
		}
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// EdgeWidth is an edge's stroke width in pixels (points in DOT): it grows
// with the logarithm of the weight, so that a case cited thirty times
// stands out without drowning the rest.
func EdgeWidth(weight int) float64 {
	return math.Round((0.8+1.2*math.Log2(float64(max(weight, 1))))*100) / 100
}
