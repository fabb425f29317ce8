package export

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/export/draw"
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
	s, err := draw.Collect(g)
	if err != nil {
		return err
	}
	colors, _ := draw.CourtColors(s.Nodes)
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
		c := draw.ColorOf(colors, n.Court)
		label := draw.Label(n)
		lines := []string{label}
		if l := draw.CiteLine(n, label); l != "" {
			lines = append(lines, l)
		}
		fmt.Fprintf(bw, "%s%s [label=%s, tooltip=%s, color=%q, fillcolor=%q];\n",
			indent, dotID(n.ID), dotLines(lines), dotLines(draw.NodeTooltip(n)), c.Hex(), c.Tint(0.82).Hex())
	}
	if opts.Cluster == "court" {
		groups := map[string][]*graph.Node{}
		var courts []string
		for _, n := range s.Nodes {
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
				i, dotLines([]string{draw.CourtLabel(court)}), draw.ColorOf(colors, court).Hex())
			for _, n := range groups[court] {
				writeNode("\t\t", n)
			}
			bw.WriteString("\t}\n")
		}
	} else {
		for _, n := range s.Nodes {
			writeNode("\t", n)
		}
	}
	if opts.ByYear {
		writeYearAxis(bw, s)
	}
	for _, e := range s.Edges {
		fmt.Fprintf(bw, "\t%s -> %s [penwidth=%s, weight=%d, tooltip=%s];\n",
			dotID(e.From), dotID(e.To), formatFloat(draw.EdgeWidth(e.Weight)), max(e.Weight, 1),
			dotLines(draw.EdgeTooltip(s.Nodes[s.Index[e.From]], s.Nodes[s.Index[e.To]], e)))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeYearAxis adds a column of year labels, tied newest → oldest by
// invisible edges (which rankdir=BT draws upwards, like the citations), and
// puts each case on the rank of its year.
func writeYearAxis(bw *bufio.Writer, s *draw.Snapshot) {
	byYear := map[int][]string{}
	for _, n := range s.Nodes {
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
			if _, ok := s.Index[prefix+strconv.Itoa(y)]; ok {
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
