package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/graph"
)

// WriteDOT writes g as a Graphviz digraph: nodes labelled with short case
// name, citation and year and tinted by court, edges as wide as their
// weight, names, citations and pins in tooltips. opts.Cluster = "court"
// boxes each court; opts.ByYear lines the cases up on a year axis. Older
// cases sit above the cases citing them, so time reads downwards.
func WriteDOT(w io.Writer, g Source, opts Options) error {
	if opts.Cluster != "" && opts.Cluster != "court" {
		return fmt.Errorf("DOT can cluster by %q only, not %q", "court", opts.Cluster)
	}
	s, err := collect(g)
	if err != nil {
		return err
	}
	colors, _ := courtColors(s.nodes)
	bw := bufio.NewWriter(w)
	bw.WriteString("digraph citegraph {\n")
	bw.WriteString("\tgraph [charset=\"UTF-8\", fontname=\"Helvetica\", rankdir=BT, nodesep=0.25, ranksep=0.45")
	if opts.Cluster != "" && opts.ByYear {
		// Only the new ranking lets rank=same span clusters.
		bw.WriteString(", newrank=true")
	}
	bw.WriteString("];\n")
	bw.WriteString("\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, penwidth=1.2];\n")
	bw.WriteString("\tedge [color=\"#4d4d4d99\", arrowsize=0.6];\n")

	writeNode := func(indent string, n *graph.Node) {
		c := colorOf(colors, n.Court)
		label := shortLabel(n)
		lines := []string{label}
		if l := citeLine(n, label); l != "" {
			lines = append(lines, l)
		}
		fmt.Fprintf(bw, "%s%s [label=%s, tooltip=%s, color=%q, fillcolor=%q];\n",
			indent, dotID(n.ID), dotLines(lines), dotLines(nodeTooltip(n)), c.hex(), tint(c, 0.82).hex())
	}
	if opts.Cluster == "court" {
		groups := map[string][]*graph.Node{}
		var courts []string
		for _, n := range s.nodes {
			if _, ok := groups[n.Court]; !ok {
				courts = append(courts, n.Court)
			}
			groups[n.Court] = append(groups[n.Court], n)
		}
		slices.Sort(courts)
		for i, court := range courts {
			if court == "" {
				// Cases of unknown court stay outside any box.
				for _, n := range groups[court] {
					writeNode("\t", n)
				}
				continue
			}
			fmt.Fprintf(bw, "\tsubgraph cluster_%d {\n\t\tlabel=%s; style=rounded; color=%q; fontname=\"Helvetica\";\n",
				i, dotLines([]string{courtLabel(court)}), colorOf(colors, court).hex())
			for _, n := range groups[court] {
				writeNode("\t\t", n)
			}
			bw.WriteString("\t}\n")
		}
	} else {
		for _, n := range s.nodes {
			writeNode("\t", n)
		}
	}
	if opts.ByYear {
		writeYearAxis(bw, s)
	}
	for _, e := range s.edges {
		fmt.Fprintf(bw, "\t%s -> %s [penwidth=%s, weight=%d, tooltip=%s];\n",
			dotID(e.From), dotID(e.To), formatFloat(edgeWidth(e.Weight)), max(e.Weight, 1),
			dotLines(edgeTooltip(s, e)))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeYearAxis adds a column of year labels, tied newest → oldest by
// invisible edges (which rankdir=BT draws upwards, like the citations), and
// puts each case on the rank of its year.
func writeYearAxis(bw *bufio.Writer, s *snapshot) {
	byYear := map[int][]string{}
	for _, n := range s.nodes {
		if n.Year != 0 {
			byYear[n.Year] = append(byYear[n.Year], n.ID)
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	slices.Reverse(years)
	prefix := "year "
	for {
		clash := false
		for _, y := range years {
			if _, ok := s.index[prefix+strconv.Itoa(y)]; ok {
				clash = true
			}
		}
		if !clash {
			break
		}
		prefix = "_" + prefix
	}
	for i, y := range years {
		id := dotID(prefix + strconv.Itoa(y))
		fmt.Fprintf(bw, "\t%s [label=\"%d\", shape=plaintext, style=\"\", fontsize=11, fontcolor=\"#555555\"];\n", id, y)
		if i > 0 {
			fmt.Fprintf(bw, "\t%s -> %s [style=invis];\n", dotID(prefix+strconv.Itoa(years[i-1])), id)
		}
		fmt.Fprintf(bw, "\t{ rank=same; %s;", id)
		for _, n := range byYear[y] {
			bw.WriteString(" " + dotID(n) + ";")
		}
		bw.WriteString(" }\n")
	}
}

func nodeTooltip(n *graph.Node) []string {
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
		where = append(where, courtLabel(n.Court))
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

func edgeTooltip(s *snapshot, e *graph.Edge) []string {
	from, to := s.nodes[s.index[e.From]], s.nodes[s.index[e.To]]
	lines := []string{fmt.Sprintf("%s → %s: %d citation%s", shortLabel(from), shortLabel(to), e.Weight, plural(e.Weight))}
	for _, a := range without(edgeAttrs, "weight") {
		if v, ok := a.get(e); ok {
			lines = append(lines, a.name+": "+flat(a.kind, a.sep, v))
		}
	}
	return lines
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// edgeWidth grows with the logarithm of the weight: a case cited thirty
// times should stand out without drowning the rest.
func edgeWidth(weight int) float64 {
	return math.Round((0.8+1.2*math.Log2(float64(max(weight, 1))))*100) / 100
}

// shade mixes c with black; f is the share of black.
func shade(c rgb, f float64) rgb {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) * (1 - f))) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// tint mixes c with white; f is the share of white.
func tint(c rgb, f float64) rgb {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v)*(1-f) + 255*f)) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// dotID quotes an identifier. In DOT only \" is an escape inside quotes,
// so a backslash is doubled to keep it from escaping the closing quote;
// control characters, which no case name needs, become spaces.
func dotID(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// entityLike matches what Graphviz would decode as an HTML entity in a
// label; its & is written as &amp; so that the text shows as written.
var entityLike = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// dotLines quotes text lines as one Graphviz escString (label, tooltip):
// backslashes are doubled, since Graphviz expands \N, \G, \l and the like,
// and lines are joined with \n.
func dotLines(lines []string) string {
	for i, l := range lines {
		if strings.Contains(l, "&") {
			l = entityLike.ReplaceAllStringFunc(l, func(m string) string { return "&amp;" + m[1:] })
		}
		q := dotID(l)
		lines[i] = q[1 : len(q)-1]
	}
	return `"` + strings.Join(lines, `\n`) + `"`
}
