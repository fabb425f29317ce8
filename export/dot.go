package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
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
// cases sit above the cases citing them, so time reads downwards. A graph
// of more than DOTLayeredMax cases, unless clustered or on a year axis, is
// written for sfdp instead (see writeDOTSpring).
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
	if len(s.Nodes) > DOTLayeredMax && !opts.ByYear && opts.Cluster == "" {
		writeDOTSpring(bw, s, colors, opts)
		return bw.Flush()
	}
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

// DOTLayeredMax is the largest graph WriteDOT writes for dot's layered
// drawing. dot ranks a graph into layers, and a citation graph has few
// layers and many cases in each: on the 225 cases of the shared immunity
// corpus it drew a strip 21,910 pixels wide and 693 high, and on the
// Supreme Court set (15,000 cases) it did not finish in five minutes.
// Larger graphs are written for sfdp instead (see writeDOTSpring), unless
// the year axis or court clusters, which only dot draws, are asked for.
const DOTLayeredMax = 150

// DOT's spring drawing: circles sized by the measure, in inches, and
// labels for the top cases.
const (
	dotMaxRadius, dotMinRadius = 0.3, 0.03
	dotSpringLabels            = 30
)

// writeDOTSpring writes a large graph for Graphviz's sfdp, its multiscale
// force-directed engine, which lays out tens of thousands of nodes in
// seconds. The graph's layout attribute asks for sfdp, so that dot -Tsvg
// and sfdp -Tsvg draw it alike; overlap=prism spreads overlapping nodes
// apart and edges are straight (splined edges would cost more than the
// layout). Cases are circles whose area is proportional to the size
// measure, coloured by court, with their names as external labels for the
// top dotSpringLabels and in tooltips for all. A comment at the top says
// so and how to get a layered drawing.
func writeDOTSpring(bw *bufio.Writer, s *draw.Snapshot, colors map[string]draw.RGB, opts Options) {
	m := draw.SizeMeasure(s.Nodes, opts.SizeBy)
	sizer := draw.NewSizer(s.Nodes, m, opts.SizeScale, dotMaxRadius, dotMinRadius)
	fmt.Fprintf(bw, "// citegraph: %d cases and %d citations, laid out for sfdp (force-directed):\n", len(s.Nodes), len(s.Edges))
	fmt.Fprintf(bw, "// dot's layered drawing of more than %d cases grows too wide to read and too slow to wait for.\n", DOTLayeredMax)
	bw.WriteString("// The layout attribute below makes `dot -Tsvg` use sfdp too; `sfdp -Tpng` works the same way.\n")
	fmt.Fprintf(bw, "// Circles: area proportional to %s; labels: the top %d. For a layered drawing, write part of\n", draw.MeasureTitle(m), dotSpringLabels)
	bw.WriteString("// the graph (citegraph build --top 100, or --around CASE) or ask for --by-year.\n")
	bw.WriteString("digraph citegraph {\n")
	bw.WriteString("\tgraph [charset=\"UTF-8\", layout=sfdp, overlap=prism, splines=false, outputorder=edgesfirst, forcelabels=true, fontname=\"Helvetica\"];\n")
	bw.WriteString("\tnode [shape=circle, style=filled, fixedsize=true, label=\"\", fontname=\"Helvetica\", fontsize=10, penwidth=0.5];\n")
	bw.WriteString("\tedge [color=\"#4d4d4d66\", arrowsize=0.4];\n")
	top := make([]int, len(s.Nodes))
	for i := range top {
		top[i] = i
	}
	slices.SortStableFunc(top, func(a, b int) int { return cmp.Compare(sizer.Value(b), sizer.Value(a)) })
	labelled := map[int]bool{}
	for _, i := range top[:min(dotSpringLabels, len(top))] {
		labelled[i] = true
	}
	for i, n := range s.Nodes {
		c := draw.ColorOf(colors, n.Court)
		fmt.Fprintf(bw, "\t%s [width=%s, tooltip=%s, color=%q, fillcolor=%q", dotID(n.ID),
			formatFloat(math.Round(2*sizer.Radius(i)*1000)/1000), dotLines(draw.NodeTooltip(n)), c.Shade(0.35).Hex(), c.Hex())
		if labelled[i] {
			fmt.Fprintf(bw, ", xlabel=%s", dotLines([]string{draw.Label(n)}))
		}
		bw.WriteString("];\n")
	}
	for _, e := range s.Edges {
		fmt.Fprintf(bw, "\t%s -> %s [penwidth=%s, tooltip=%s];\n", dotID(e.From), dotID(e.To),
			formatFloat(math.Round(draw.EdgeWidth(e.Weight)*50)/100), dotLines(draw.EdgeTooltip(s.Nodes[s.Index[e.From]], s.Nodes[s.Index[e.To]], e)))
	}
	bw.WriteString("}\n")
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
