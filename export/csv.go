package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
)

// neo4jTypes are the header type suffixes of neo4j-admin database import.
// Lists become arrays; a counted list becomes two parallel arrays, the
// items and how often each occurred.
var neo4jTypes = map[kind]string{
	kString: "", kInt: ":int", kDouble: ":double", kBool: ":boolean",
	kList: ":string[]", kCounts: ":string[]",
}

// neo4jArraySep is neo4j-admin's default array delimiter, so that the
// import needs no extra option.
const neo4jArraySep = ";"

// neo4jRelType is the relationship type of every edge in the Neo4j import.
const neo4jRelType = "CITES"

// WriteCSVNodes writes the nodes file of a CSV export: one row per node,
// "id" first, then every attribute (lists as delimited strings). With
// opts.Neo4j the header is neo4j-admin's ("id:ID", ":LABEL" Case or
// Statute, typed columns, arrays for lists).
func WriteCSVNodes(w io.Writer, g Source, opts Options) error {
	s, err := streamOf(g)
	if err != nil {
		return err
	}
	attrs := s.sc.nodes
	cw := csv.NewWriter(w)
	header := []string{"id"}
	if opts.Neo4j {
		header = []string{"id:ID", ":LABEL"}
	}
	header = append(header, csvHeader(attrs, opts.Neo4j)...)
	cw.Write(header)
	row := make([]string, 0, len(header))
	for n := range s.nodes {
		row = append(row[:0], validUTF8(n.ID))
		if opts.Neo4j {
			row = append(row, neo4jLabel(n))
		}
		cw.Write(csvRow(row, n, attrs, opts.Neo4j))
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVEdges writes the edges file of a CSV export: "source", "target",
// then every edge attribute. With opts.Neo4j the header is neo4j-admin's
// (":START_ID", ":END_ID", ":TYPE" CITES, typed and array columns).
func WriteCSVEdges(w io.Writer, g Source, opts Options) error {
	s, err := streamOf(g)
	if err != nil {
		return err
	}
	attrs := s.sc.edges
	cw := csv.NewWriter(w)
	header := []string{"source", "target"}
	if opts.Neo4j {
		header = []string{":START_ID", ":END_ID", ":TYPE"}
	}
	header = append(header, csvHeader(attrs, opts.Neo4j)...)
	cw.Write(header)
	row := make([]string, 0, len(header))
	for e := range s.edges {
		row = append(row[:0], validUTF8(e.From), validUTF8(e.To))
		if opts.Neo4j {
			row = append(row, neo4jRelType)
		}
		cw.Write(csvRow(row, e, attrs, opts.Neo4j))
	}
	if *s.err != nil {
		return *s.err
	}
	cw.Flush()
	return cw.Error()
}

func neo4jLabel(n *graph.Node) string {
	if n.Kind == graph.Statute {
		return "Statute"
	}
	return "Case"
}

func csvHeader[T any](attrs []attr[T], neo4j bool) []string {
	var h []string
	for _, a := range attrs {
		if !neo4j {
			h = append(h, a.name)
			continue
		}
		h = append(h, a.name+neo4jTypes[neo4jKind(a)])
		if a.kind == kCounts {
			h = append(h, a.name+"_n:int[]")
		}
	}
	return h
}

// csvRow appends item's attribute cells to row; an unknown value is an
// empty cell, which neo4j-admin imports as no property.
func csvRow[T any](row []string, item T, attrs []attr[T], neo4j bool) []string {
	for _, a := range attrs {
		v, ok := a.get(item)
		switch {
		case !neo4j:
			if ok {
				row = append(row, validUTF8(flat(a.kind, a.sep, v)))
			} else {
				row = append(row, "")
			}
		case neo4jKind(a) == kList:
			row = append(row, neo4jArray(v.list, func(s string) string { return s }))
		case a.kind == kCounts:
			row = append(row,
				neo4jArray(v.counts, func(c graph.Count) string { return c.Value }),
				neo4jArray(v.counts, func(c graph.Count) string { return strconv.Itoa(c.N) }))
		case ok:
			row = append(row, validUTF8(flat(a.kind, a.sep, v)))
		default:
			row = append(row, "")
		}
	}
	return row
}

// neo4jArray joins items with the array delimiter. neo4j-admin has no
// escape for it inside an item, so a ';' within one (rare in citations and
// pins) becomes ','.
func neo4jArray[T any](items []T, str func(T) string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = strings.ReplaceAll(validUTF8(str(it)), neo4jArraySep, ",")
	}
	return strings.Join(parts, neo4jArraySep)
}

// neo4jKind is how an attribute is typed for Neo4j: lists become arrays,
// except those whose items hold semicolons themselves (parentheticals),
// which stay one delimited string.
func neo4jKind[T any](a attr[T]) kind {
	if a.kind == kList && a.sep != listSep {
		return kString
	}
	return a.kind
}

// validUTF8 keeps CSV files readable by strict decoders: each broken byte
// in a name becomes U+FFFD, as in the XML and JSON writers.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune { return r }, s)
}
