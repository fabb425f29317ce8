package export

import (
	"bufio"
	"io"
	"strconv"

	"github.com/citegraph/citegraph/graph"
)

var graphmlTypes = map[kind]string{
	kString: "string", kInt: "int", kDouble: "double", kBool: "boolean",
	kList: "string", kCounts: "string",
}

// WriteGraphML writes g as GraphML 1.0, directed, with a typed <key> for
// every node and edge attribute (lists as delimited strings) and Gephi's
// "label" and "weight". GraphML ids must be NMTOKENs, so a node's id is its
// citegraph id encoded by nmtoken, and the id itself is the attribute
// "citegraph_id".
func WriteGraphML(w io.Writer, g Source) error {
	s, err := streamOf(g)
	if err != nil {
		return err
	}
	sc := s.sc
	x := xmlWriter{bufio.NewWriter(w)}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	idAttr := attr[*graph.Node]{name: "citegraph_id", kind: kString, get: func(n *graph.Node) (value, bool) { return value{s: n.ID}, true }}
	nodeAttrs := append([]attr[*graph.Node]{idAttr}, sc.nodes...)
	writeKeys(x, "node", "n", nodeAttrs)
	writeKeys(x, "edge", "e", sc.edges)
	x.WriteString(`  <graph id="citegraph" edgedefault="directed">` + "\n")
	for n := range s.nodes {
		x.WriteString("    <node")
		x.attr("id", nmtoken(n.ID))
		x.WriteString(">")
		writeData(x, "n", n, nodeAttrs)
		x.WriteString("</node>\n")
	}
	for e := range s.edges {
		x.WriteString("    <edge")
		x.attr("source", nmtoken(e.From))
		x.attr("target", nmtoken(e.To))
		x.WriteString(">")
		writeData(x, "e", e, sc.edges)
		x.WriteString("</edge>\n")
	}
	if *s.err != nil {
		return *s.err
	}
	x.WriteString("  </graph>\n</graphml>\n")
	return x.Flush()
}

func writeKeys[T any](x xmlWriter, domain, prefix string, attrs []attr[T]) {
	for i, a := range attrs {
		x.WriteString("  <key")
		x.attr("id", prefix+strconv.Itoa(i))
		x.attr("for", domain)
		x.attr("attr.name", a.name)
		x.attr("attr.type", graphmlTypes[a.kind])
		x.WriteString("/>\n")
	}
}

func writeData[T any](x xmlWriter, prefix string, item T, attrs []attr[T]) {
	for i, a := range attrs {
		v, ok := a.get(item)
		if !ok {
			continue
		}
		x.WriteString(`<data key="`)
		x.WriteString(prefix + strconv.Itoa(i))
		x.WriteString(`">`)
		x.text(flat(a.kind, a.sep, v))
		x.WriteString("</data>")
	}
}
