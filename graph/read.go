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
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Graph file formats ReadFile understands.
const (
	FormatGraphML  = "graphml"
	FormatEdgeList = "edgelist"
)

// GraphFormat returns the graph format a file name implies: graphml for
// .graphml, edgelist for .csv, .tsv, .edges, .edgelist; "" otherwise.
func GraphFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".graphml":
		return FormatGraphML
	case ".csv", ".tsv", ".edges", ".edgelist":
		return FormatEdgeList
	}
	return ""
}

// ReadFile reads a graph file in format (FormatGraphML or FormatEdgeList;
// "" means GraphFormat(path)).
func ReadFile(path, format string) (*Graph, error) {
	if format == "" {
		format = GraphFormat(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch format {
	case FormatGraphML:
		return ReadGraphML(path, f)
	case FormatEdgeList:
		return ReadEdgeList(path, f)
	}
	return nil, fmt.Errorf("%s: unknown graph format %q (want %s or %s)", path, format, FormatGraphML, FormatEdgeList)
}

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

// pendingGraph collects nodes and edges in the order a file gives them,
// so that edges may come before the nodes they name.
type pendingGraph struct {
	name  string
	g     *Graph
	edges []pendingLink
}

type pendingLink struct {
	from, to string
	weight   int
	line     int
}

func (p *pendingGraph) node(n Node, line int) error {
	if n.ID == "" {
		return lineError(p.name, line, "empty node id")
	}
	if err := p.g.AddNode(n); err != nil {
		return lineError(p.name, line, "node %q given twice", n.ID)
	}
	return nil
}

// finish adds the edges, creating the nodes only edges name, and merging
// repeated edges by adding their weights.
func (p *pendingGraph) finish(ids func(string) string) (*Graph, error) {
	for _, e := range p.edges {
		from, to := ids(e.from), ids(e.to)
		for _, id := range []string{from, to} {
			if id == "" {
				return nil, lineError(p.name, e.line, "edge with an empty end")
			}
			if _, ok := p.g.store.index[id]; !ok {
				if err := p.g.AddNode(Node{ID: id}); err != nil {
					return nil, lineError(p.name, e.line, "%v", err)
				}
			}
		}
		if err := p.g.MergeEdge(Edge{From: from, To: to, Weight: e.weight}); err != nil {
			return nil, lineError(p.name, e.line, "%v", err)
		}
	}
	p.g.Recount()
	return p.g, nil
}

// ReadEdgeList reads an edge list: one edge a line, "source,target" or
// "source,target,weight", separated by commas (CSV quoting allowed), tabs,
// or, when a line has neither, spaces. Weights are whole numbers of
// citations (1 when absent); a repeated edge adds its weight. Node ids are
// kept as given. Blank lines and lines starting with "#" are skipped. The
// first line is a header when it names its columns (source/from/citing,
// target/to/cited) or its third column is not a number.
func ReadEdgeList(name string, r io.Reader) (*Graph, error) {
	br := bufio.NewReader(r)
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
	p := &pendingGraph{name: name, g: New()}
	first := true
	add := func(f []string, line int) error {
		if len(f) < 2 {
			return lineError(name, line, "want source and target, found %d field(s)", len(f))
		}
		for k := range f {
			f[k] = strings.TrimSpace(f[k])
		}
		if first {
			first = false
			if isHeader(f) {
				return nil
			}
		}
		w := 1
		if len(f) > 2 && f[2] != "" {
			var err error
			if w, err = parseWeight(f[2]); err != nil {
				return lineError(name, line, "%v", err)
			}
		}
		p.edges = append(p.edges, pendingLink{from: f[0], to: f[1], weight: w, line: line})
		return nil
	}
	if comma == 0 {
		sc := bufio.NewScanner(br)
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		for line := 1; sc.Scan(); line++ {
			t := strings.TrimSpace(sc.Text())
			if t == "" || t[0] == '#' {
				continue
			}
			if err := add(strings.Fields(t), line); err != nil {
				return nil, err
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return p.finish(func(s string) string { return s })
	}
	cr := csv.NewReader(br)
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
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, lineError(name, pe.Line, "%v", pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(f) == 1 && strings.TrimSpace(f[0]) == "" {
			continue
		}
		if err := add(f, line); err != nil {
			return nil, err
		}
	}
	return p.finish(func(s string) string { return s })
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
// label (in files without a name attribute), citations ("; "-separated), court, year,
// in_corpus and kind fill the node; weight is the edge's number of
// citations (1 when absent). Other attributes are ignored; nested graphs
// and hyperedges are errors.
func ReadGraphML(name string, r io.Reader) (*Graph, error) {
	dec := xml.NewDecoder(bufio.NewReader(r))
	line := func() int { l, _ := dec.InputPos(); return l }
	keys := map[string]graphmlKey{}
	p := &pendingGraph{name: name, g: New()}
	ids := map[string]string{} // GraphML id → node id
	var (
		depth, graphs int
		sawRoot       bool
		undirected    bool
		node          *Node
		nodeLine      int
		edge          *pendingLink
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
				id, _ := attr(t, "id")
				node, nodeLine = &Node{ID: id}, line()
				ids[id] = id
			case "edge":
				from, _ := attr(t, "source")
				to, _ := attr(t, "target")
				edge = &pendingLink{from: from, to: to, weight: 1, line: line()}
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
				if err := setGraphMLData(node, edge, k, data.String(), ids, hasName); err != nil {
					return nil, lineError(name, line(), "%v", err)
				}
			case "node":
				if node != nil {
					if err := p.node(*node, nodeLine); err != nil {
						return nil, err
					}
					node = nil
				}
			case "edge":
				if edge != nil {
					p.edges = append(p.edges, *edge)
					if undirected {
						p.edges = append(p.edges, pendingLink{from: edge.to, to: edge.from, weight: edge.weight, line: edge.line})
					}
					edge = nil
				}
			}
		}
	}
	if !sawRoot {
		return nil, fmt.Errorf("%s: not GraphML: no <graphml> element", name)
	}
	return p.finish(func(id string) string {
		if real, ok := ids[id]; ok {
			return real
		}
		return id
	})
}

// setGraphMLData applies one <data> element to the node or edge it sits
// in.
func setGraphMLData(node *Node, edge *pendingLink, k graphmlKey, v string, ids map[string]string, hasName bool) error {
	switch {
	case node != nil && k.domain != "edge":
		switch k.name {
		case "citegraph_id":
			if v != "" {
				ids[node.ID] = v
				node.ID = v
			}
		case "name":
			node.Name = v
		case "label":
			if !hasName {
				node.Name = v
			}
		case "citations":
			node.Citations = nil
			for c := range strings.SplitSeq(v, ";") {
				if c = strings.TrimSpace(c); c != "" {
					node.Citations = append(node.Citations, c)
				}
			}
		case "court":
			node.Court = v
		case "kind":
			if strings.TrimSpace(v) == Statute.String() {
				node.Kind = Statute
			}
		case "year":
			if strings.TrimSpace(v) == "" {
				return nil
			}
			y, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || y < 0 || y > 9999 {
				return fmt.Errorf("year %q is not a year", v)
			}
			node.Year = y
		case "in_corpus":
			b, err := strconv.ParseBool(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("in_corpus %q is not true or false", v)
			}
			node.InCorpus = b
		}
	case edge != nil && k.domain != "node" && k.name == "weight":
		w, err := parseWeight(v)
		if err != nil {
			return err
		}
		edge.weight = w
	}
	return nil
}
