package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export/draw"
)

var gexfTypes = map[kind]string{
	kString: "string", kInt: "integer", kDouble: "double", kBool: "boolean",
	kList: "string", kCounts: "string",
}

// Node sizes in GEXF, in Gephi's units, area proportional to the measure
// (see draw.Sizer): the largest node does not swallow its neighbours, and
// none is drawn smaller than the minimum, to stay visible.
const gexfMinSize, gexfMaxSize = 4.0, 40.0

// The GEXF versions WriteGEXF writes. What citegraph uses of GEXF (typed
// attributes, viz colour and size, start dates on a dynamic graph) is the
// same in both; they differ in namespaces.
const (
	GEXF13 = "1.3"
	GEXF12 = "1.2"
)

// gexfHeaders are the root elements of each version: 1.3's namespace,
// and 1.2's "draft" one, as its schema and its readers name it.
var gexfHeaders = map[string]string{
	GEXF13: `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`,
	GEXF12: `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">`,
}

// CheckGEXFVersion reports whether v is a GEXF version WriteGEXF writes.
func CheckGEXFVersion(v string) error {
	if _, ok := gexfHeaders[cmp.Or(v, GEXF13)]; !ok {
		return fmt.Errorf("unknown GEXF version %q (want %s or %s)", v, GEXF13, GEXF12)
	}
	return nil
}

// WriteGEXF writes g as GEXF (1.3 unless opts.GEXFVersion says 1.2),
// Gephi's own format: directed, every attribute typed (lists as delimited
// strings), a timeline on which each case appears from its year and each
// citation from the citing case's, nodes sized by opts.SizeBy and
// coloured by court.
func WriteGEXF(w io.Writer, g Source, opts Options) error {
	if err := CheckGEXFVersion(opts.GEXFVersion); err != nil {
		return err
	}
	s, err := draw.Collect(g)
	if err != nil {
		return err
	}
	sc := schemaOf(s)
	colors, _ := draw.CourtColors(s.Nodes)
	m := draw.SizeMeasure(s.Nodes, opts.SizeBy)
	sizer := draw.NewSizer(s.Nodes, m, opts.SizeScale, gexfMaxSize, gexfMinSize)
	// The label and the weight have places of their own in GEXF.
	nodeAttrs := without(sc.nodes, "label")
	edgeAttrs := without(sc.edges, "weight")

	x := xmlWriter{bufio.NewWriter(w)}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.WriteString(gexfHeaders[cmp.Or(opts.GEXFVersion, GEXF13)] + "\n")
	x.WriteString("  <meta>\n    <creator>citegraph</creator>\n    <description>")
	x.text("Precedent graph: citing case → cited case, weight = number of citations; node size by " + m + ", colour by court")
	x.WriteString("</description>\n  </meta>\n")
	x.WriteString(`  <graph defaultedgetype="directed" idtype="string" mode="dynamic" timeformat="date">` + "\n")
	writeGEXFAttrs(x, "node", nodeAttrs)
	writeGEXFAttrs(x, "edge", edgeAttrs)
	x.WriteString("    <nodes")
	x.attr("count", strconv.Itoa(len(s.Nodes)))
	x.WriteString(">\n")
	for i, n := range s.Nodes {
		x.WriteString("      <node")
		x.attr("id", n.ID)
		if l := gexfToken(draw.Label(n)); l != "" {
			x.attr("label", l)
		}
		if validYear(n.Year) {
			x.attr("start", gexfDate(n.Year))
		}
		x.WriteString(">")
		writeAttValues(x, n, nodeAttrs)
		c := draw.ColorOf(colors, n.Court)
		x.WriteString(`<viz:color r="` + strconv.Itoa(int(c.R)) + `" g="` + strconv.Itoa(int(c.G)) + `" b="` + strconv.Itoa(int(c.B)) + `"/>`)
		x.WriteString(`<viz:size value="` + formatFloat(math.Round(sizer.Radius(i)*100)/100) + `"/>`)
		x.WriteString("</node>\n")
	}
	x.WriteString("    </nodes>\n    <edges")
	x.attr("count", strconv.Itoa(len(s.Edges)))
	x.WriteString(">\n")
	for i, e := range s.Edges {
		x.WriteString("      <edge")
		x.attr("id", strconv.Itoa(i))
		x.attr("source", e.From)
		x.attr("target", e.To)
		x.attr("weight", strconv.Itoa(e.Weight))
		if y := s.Nodes[s.Index[e.From]].Year; validYear(y) {
			x.attr("start", gexfDate(y))
		}
		x.WriteString(">")
		writeAttValues(x, e, edgeAttrs)
		x.WriteString("</edge>\n")
	}
	x.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return x.Flush()
}

func writeGEXFAttrs[T any](x xmlWriter, class string, attrs []attr[T]) {
	x.WriteString(`    <attributes class="` + class + `">` + "\n")
	for i, a := range attrs {
		x.WriteString("      <attribute")
		x.attr("id", strconv.Itoa(i))
		x.attr("title", a.name)
		x.attr("type", gexfTypes[a.kind])
		x.WriteString("/>\n")
	}
	x.WriteString("    </attributes>\n")
}

func writeAttValues[T any](x xmlWriter, item T, attrs []attr[T]) {
	x.WriteString("<attvalues>")
	for i, a := range attrs {
		if v, ok := a.get(item); ok {
			x.WriteString(`<attvalue for="` + strconv.Itoa(i) + `"`)
			x.attr("value", flat(a.kind, a.sep, v))
			x.WriteString("/>")
		}
	}
	x.WriteString("</attvalues>")
}

// validYear reports whether a year fits an xsd:date; others stay off the
// timeline.
func validYear(y int) bool { return y > 0 && y <= 9999 }

// gexfDate puts a year on Gephi's timeline as its first day; xsd:date
// needs four digits.
func gexfDate(year int) string {
	y := strconv.Itoa(year)
	if len(y) < 4 {
		y = strings.Repeat("0", 4-len(y)) + y
	}
	return y + "-01-01"
}

// gexfToken makes a label an xsd:token as the schema asks: single spaces,
// none at either end.
func gexfToken(s string) string { return strings.Join(strings.Fields(s), " ") }
