package graph

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	dg "github.com/dominikbraun/graph"
)

// lineError is an error at one line of a named input.
func lineError(name string, line int, format string, a ...any) error {
	return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, a...))
}

// parseWeight reads an edge weight: a whole number of citations, 0 or
// more ("3", "3.0").
func parseWeight(s string) (int, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, fmt.Errorf("weight %q is not a whole number of citations", s)
	}
	return int(f), nil
}

// loader gathers a graph file's nodes and edges and builds the graph in
// bulk. Edges may name nodes before (or without) their declaration.
type loader struct {
	name     string
	g        *Graph
	declared []bool
	edges    bulk
}

func newLoader(name string) *loader { return &loader{name: name, g: New()} }

// index returns the index of node id, adding a bare node when it is new.
func (l *loader) index(id string, line int) (int32, error) {
	s := l.g.store
	if i, ok := s.lookup(id); ok {
		return i, nil
	}
	if id == "" {
		return 0, lineError(l.name, line, "edge with an empty end")
	}
	if err := s.AddVertex(id, Node{}, dg.VertexProperties{}); err != nil {
		return 0, lineError(l.name, line, "%v", err)
	}
	l.declared = append(l.declared, false)
	i, _ := s.lookup(id)
	return i, nil
}

// declare gives a node its data; a node given twice is an error.
func (l *loader) declare(n Node, line int) (int32, error) {
	if n.ID == "" {
		return 0, lineError(l.name, line, "empty node id")
	}
	i, err := l.index(n.ID, line)
	if err != nil {
		return 0, err
	}
	if l.declared[i] {
		return 0, lineError(l.name, line, "node %q given twice", n.ID)
	}
	l.declared[i] = true
	l.g.store.setNode(i, n)
	return i, nil
}

// edge adds an edge; e carries its attributes (its ends and weight are
// ignored), nil for none.
func (l *loader) edge(from, to int32, weight int, e *Edge, line int) error {
	if weight < 0 || weight > 1<<31-1 {
		return lineError(l.name, line, "edge weight %d out of range", weight)
	}
	b := bulkEdge{from: from, to: to, w: int32(weight)}
	if e != nil {
		off, err := l.g.store.pack(e)
		if err != nil {
			return lineError(l.name, line, "%v", err)
		}
		b.extra = off
	}
	l.edges.add(b)
	return nil
}

// finish sorts the edges into rows, merging repeated edges: weights add
// up, and so do their attributes (see MergeEdge).
func (l *loader) finish() (*Graph, error) {
	s := l.g.store
	merge := func(from int32, recs []edgeRec) (edgeRec, error) {
		var e Edge
		for _, r := range recs {
			o := Edge{Weight: int(r.weight)}
			s.unpack(r.extra, &o)
			e.merge(&o)
		}
		return s.record(recs[0].to, e)
	}
	if err := s.setRows(&l.edges, merge); err != nil {
		return nil, fmt.Errorf("%s: %w", l.name, err)
	}
	l.g.Recount()
	return l.g, nil
}

// ReadEdgeList reads an edge list: one edge a line, "source,target" or
// "source,target,weight", separated by commas (CSV quoting allowed), tabs,
// or, when a line has neither, spaces. Weights are whole numbers of
// citations (1 when absent); a repeated edge adds its weight. Node ids are
// kept as given. Blank lines and lines starting with "#" are skipped. The
// first line is a header when it names its columns (source/from/citing,
// target/to/cited) or its third column is not a number.
//
// The input is streamed: memory holds the graph being built (each id
// once, 16 bytes an edge until the rows are sorted), never the file.
func ReadEdgeList(name string, r io.Reader) (*Graph, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	head, _ := br.Peek(64 << 10)
	// The first line that is neither blank nor a comment decides the
	// separator.
	var comma rune
	for line := range bytes.SplitSeq(head, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		if bytes.IndexByte(t, '\t') >= 0 {
			comma = '\t'
		} else if bytes.IndexByte(t, ',') >= 0 {
			comma = ','
		}
		break
	}
	if comma == 0 {
		return readFieldList(name, br)
	}
	l := newLoader(name)
	first := true
	// header reports whether the first record is a header, to be skipped.
	header := func(f []string) bool {
		h := first && isHeader(f)
		first = false
		return h
	}
	err := readCSV(name, br, comma, func(f []string, line int) error {
		for k := range f {
			f[k] = strings.TrimSpace(f[k])
		}
		switch {
		case len(f) == 1 && f[0] == "":
			return nil
		case len(f) < 2:
			return lineError(name, line, "want source and target, found %d field(s)", len(f))
		case header(f):
			return nil
		}
		w := 1
		if len(f) > 2 && f[2] != "" {
			var err error
			if w, err = parseWeight(f[2]); err != nil {
				return lineError(name, line, "%v", err)
			}
		}
		from, err := l.index(f[0], line)
		if err != nil {
			return err
		}
		to, err := l.index(f[1], line)
		if err != nil {
			return err
		}
		return l.edge(from, to, w, nil, line)
	})
	if err != nil {
		return nil, err
	}
	return l.finish()
}

// weightBytes is parseWeight without a copy for the common case, digits.
func weightBytes(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 9 {
		return parseWeight(string(b))
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return parseWeight(string(b))
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// readCSV calls add with the fields of each record of a CSV (or, with
// comma '\t', TSV) input; lines starting with "#" are comments.
func readCSV(name string, r io.Reader, comma rune, add func(f []string, line int) error) error {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if comma == '\t' {
		cr.LazyQuotes = true
	}
	for {
		f, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return lineError(name, pe.Line, "%v", pe.Err)
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if err := add(f, line); err != nil {
			return err
		}
	}
}

var (
	sourceNames = []string{"source", "from", "citing", "src"}
	targetNames = []string{"target", "to", "cited", "dst"}
)

func isHeader(f []string) bool {
	named := func(s string, names []string) bool {
		for _, n := range names {
			if strings.EqualFold(s, n) {
				return true
			}
		}
		return false
	}
	if named(f[0], sourceNames) && named(f[1], targetNames) {
		return true
	}
	if len(f) > 2 && f[2] != "" {
		_, err := parseWeight(f[2])
		return err != nil
	}
	return false
}

// graphmlKey is a <key> declaration.
type graphmlKey struct {
	name, domain string
}

// ReadGraphML reads a GraphML file as a directed graph (an undirected one
// gets each edge both ways). Nodes keep their GraphML id, or the
// citegraph_id attribute of citegraph's own exports; the attributes name,
// label (in files without a name attribute), citations ("; "-separated),
// court, year, in_corpus, kind and the scores of the measures fill the
// node; weight is the edge's number of citations (1 when absent), and
// pins, signals, opinions, parentheticals and pages are read back as
// citegraph writes them. Other attributes are ignored; nested graphs and
// hyperedges are errors.
func ReadGraphML(name string, r io.Reader) (*Graph, error) {
	dec := xml.NewDecoder(bufio.NewReader(r))
	line := func() int { l, _ := dec.InputPos(); return l }
	keys := map[string]graphmlKey{}
	l := newLoader(name)
	local := map[string]int32{} // GraphML id → node index
	type link struct {
		from, to string
		weight   int
		data     Edge
		line     int
	}
	var later []link // edges naming nodes not declared yet
	var (
		depth, graphs int
		sawRoot       bool
		undirected    bool
		node          *Node
		graphmlID     string
		nodeLine      int
		edge          *link
		dataKey       string
		data          strings.Builder
		inData        bool
		// A label is the name only in files that have no name attribute.
		hasName bool
	)
	attr := func(el xml.StartElement, local string) (string, bool) {
		for _, a := range el.Attr {
			if a.Name.Local == local {
				return a.Value, true
			}
		}
		return "", false
	}
	addEdge := func(e link) error {
		from, okf := local[e.from]
		to, okt := local[e.to]
		if !okf || !okt {
			later = append(later, e)
			return nil
		}
		return l.edge(from, to, e.weight, &e.data, e.line)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, lineError(name, se.Line, "%s", se.Msg)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				if t.Name.Local != "graphml" {
					return nil, lineError(name, line(), "not GraphML: root element <%s>", t.Name.Local)
				}
				sawRoot = true
				continue
			}
			switch t.Name.Local {
			case "key":
				id, _ := attr(t, "id")
				k := graphmlKey{domain: "all"}
				k.name, _ = attr(t, "attr.name")
				if d, ok := attr(t, "for"); ok {
					k.domain = d
				}
				if k.name == "" {
					k.name = id
				}
				keys[id] = k
				hasName = hasName || k.name == "name" && k.domain != "edge"
			case "graph":
				if graphs++; graphs > 1 || node != nil {
					return nil, lineError(name, line(), "nested or repeated <graph> is not supported")
				}
				d, _ := attr(t, "edgedefault")
				undirected = d == "undirected"
			case "node":
				if node != nil {
					return nil, lineError(name, line(), "<node> inside <node>")
				}
				graphmlID, _ = attr(t, "id")
				node, nodeLine = &Node{ID: graphmlID}, line()
			case "edge":
				from, _ := attr(t, "source")
				to, _ := attr(t, "target")
				edge = &link{from: from, to: to, weight: 1, line: line()}
				if d, ok := attr(t, "directed"); ok {
					undirectedEdge := d == "false"
					if undirectedEdge != undirected {
						return nil, lineError(name, line(), "graphs mixing directed and undirected edges are not supported")
					}
				}
			case "hyperedge":
				return nil, lineError(name, line(), "hyperedges are not supported")
			case "data":
				dataKey, _ = attr(t, "key")
				data.Reset()
				inData = true
			}
		case xml.CharData:
			if inData {
				if data.Len()+len(t) > 1<<20 {
					return nil, lineError(name, line(), "attribute value longer than 1 MiB")
				}
				data.Write(t)
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "data":
				inData = false
				k, ok := keys[dataKey]
				if !ok {
					k = graphmlKey{name: dataKey, domain: "all"}
				}
				var err error
				switch {
				case node != nil && k.domain != "edge":
					if k.name != "label" || !hasName {
						err = setNodeAttr(node, k.name, data.String())
					}
				case edge != nil && k.domain != "node":
					err = setEdgeAttr(&edge.data, &edge.weight, k.name, data.String())
				}
				if err != nil {
					return nil, lineError(name, line(), "%v", err)
				}
			case "node":
				if node != nil {
					if _, dup := local[graphmlID]; dup {
						return nil, lineError(name, nodeLine, "node %q given twice", graphmlID)
					}
					i, err := l.declare(*node, nodeLine)
					if err != nil {
						return nil, err
					}
					local[graphmlID] = i
					node = nil
				}
			case "edge":
				if edge != nil {
					if err := addEdge(*edge); err != nil {
						return nil, err
					}
					if undirected {
						back := *edge
						back.from, back.to = edge.to, edge.from
						if err := addEdge(back); err != nil {
							return nil, err
						}
					}
					edge = nil
				}
			}
		}
	}
	if !sawRoot {
		return nil, fmt.Errorf("%s: not GraphML: no <graphml> element", name)
	}
	for _, e := range later {
		var ends [2]int32
		for k, id := range []string{e.from, e.to} {
			i, ok := local[id]
			if !ok {
				var err error
				if i, err = l.index(id, e.line); err != nil {
					return nil, err
				}
				local[id] = i
			}
			ends[k] = i
		}
		if err := l.edge(ends[0], ends[1], e.weight, &e.data, e.line); err != nil {
			return nil, err
		}
	}
	return l.finish()
}
