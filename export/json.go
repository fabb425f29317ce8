package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"strconv"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/graph"
)

// jsonCount is one item of a counted list ("pins", "signals", "opinions").
type jsonCount struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// jsonValue gives a value its natural JSON type: lists stay arrays.
func jsonValue(k kind, v value) any {
	switch k {
	case kString:
		return v.s
	case kInt:
		return v.i
	case kDouble:
		return v.f
	case kBool:
		return v.b
	case kList:
		return v.list
	}
	out := make([]jsonCount, len(v.counts))
	for i, c := range v.counts {
		out[i] = jsonCount{c.Value, c.N}
	}
	return out
}

// jsonObject is an item's attributes plus the given fixed members. Keys
// come out sorted (encoding/json sorts maps), which keeps output
// deterministic.
func jsonObject[T any](item T, attrs []attr[T], fixed ...string) map[string]any {
	m := make(map[string]any, len(attrs)+len(fixed)/2)
	for _, a := range attrs {
		if v, ok := a.get(item); ok {
			m[a.name] = jsonValue(a.kind, v)
		}
	}
	for i := 0; i+1 < len(fixed); i += 2 {
		m[fixed[i]] = fixed[i+1]
	}
	return m
}

// jsonLines writes a JSON document whose arrays of nodes and edges hold one
// object per line, so that large exports stay readable and diffable.
type jsonLines struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONLines(w io.Writer) *jsonLines {
	j := &jsonLines{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	// Names hold & and <; there is no HTML page to protect here.
	j.enc.SetEscapeHTML(false)
	return j
}

func (j *jsonLines) raw(s string) { j.w.WriteString(s) }

// value writes v compactly, without the encoder's trailing newline.
func (j *jsonLines) value(v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(v); j.err == nil {
		j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	}
}

// jsonSeq writes the items of a sequence as array does.
func jsonSeq[T any](j *jsonLines, indent string, items iter.Seq[T], item func(T) any) {
	n := 0
	for v := range items {
		if n == 0 {
			j.raw("[\n")
		} else {
			j.raw(",\n")
		}
		j.raw(indent + "  ")
		j.value(item(v))
		n++
	}
	if n == 0 {
		j.raw("[]")
		return
	}
	j.raw("\n" + indent + "]")
}

// array writes n items as `[\n  item,\n  item\n]`.
func (j *jsonLines) array(indent string, n int, item func(i int) any) {
	if n == 0 {
		j.raw("[]")
		return
	}
	j.raw("[\n")
	for i := range n {
		j.raw(indent + "  ")
		j.value(item(i))
		if i < n-1 {
			j.raw(",")
		}
		j.raw("\n")
	}
	j.raw(indent + "]")
}

func (j *jsonLines) close() error {
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// WriteNodeLink writes g as node-link JSON, the form networkx's
// node_link_graph and d3's force layout read: {"directed", "multigraph",
// "graph", "nodes": [{"id", ...}], "links": [{"source", "target", ...}]}.
// Lists are arrays; counted lists are arrays of {"value", "n"}.
func WriteNodeLink(w io.Writer, g Source) error {
	s, err := streamOf(g)
	if err != nil {
		return err
	}
	sc := s.sc
	j := newJSONLines(w)
	j.raw(`{"directed": true, "multigraph": false, "graph": {"name": "citegraph"},` + "\n")
	j.raw(`"nodes": `)
	jsonSeq(j, "", s.nodes, func(n *graph.Node) any { return jsonObject(n, sc.nodes, "id", n.ID) })
	j.raw(",\n" + `"links": `)
	jsonSeq(j, "", s.edges, func(e *graph.Edge) any { return jsonObject(e, sc.edges, "source", e.From, "target", e.To) })
	if *s.err != nil {
		return *s.err
	}
	j.raw("}\n")
	return j.close()
}

// WriteCytoscape writes g as Cytoscape.js elements JSON, which Cytoscape
// desktop imports as .cyjs: {"elements": {"nodes": [{"data": {"id",
// ...}}], "edges": [{"data": {"id", "source", "target", ...}}]}}.
func WriteCytoscape(w io.Writer, g Source) error {
	s, err := draw.Collect(g)
	if err != nil {
		return err
	}
	sc := schemaOf(s)
	j := newJSONLines(w)
	j.raw(`{"format_version": "1.0", "generated_by": "citegraph", "target_cytoscapejs_version": "~2.1",` + "\n")
	j.raw(`"data": {"name": "citegraph"},` + "\n" + `"elements": {` + "\n" + `  "nodes": `)
	j.array("  ", len(s.Nodes), func(i int) any {
		return map[string]any{"data": jsonObject(s.Nodes[i], sc.nodes, "id", s.Nodes[i].ID)}
	})
	j.raw(",\n" + `  "edges": `)
	j.array("  ", len(s.Edges), func(i int) any {
		e := s.Edges[i]
		return map[string]any{"data": jsonObject(e, sc.edges, "id", "e"+strconv.Itoa(i), "source", e.From, "target", e.To)}
	})
	j.raw("\n}}\n")
	return j.close()
}
