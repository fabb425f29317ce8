package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadNodeLink reads node-link JSON, as networkx's node_link_data, d3 and
// citegraph write it: {"directed", "multigraph", "graph", "nodes": [{"id",
// ...}], "links": [{"source", "target", ...}]} ("edges" for "links", as
// networkx 3.4 may write, is read too). Node and edge members are read as
// ReadGraphML reads attributes; lists may be arrays (citegraph's counted
// lists are arrays of {"value", "n"}). Ids may be strings or numbers;
// "source" and "target" name node ids, not positions. A graph with
// "directed": false gets each edge both ways. The nodes and links are
// decoded one at a time, so the file is never held whole.
func ReadNodeLink(name string, r io.Reader) (*Graph, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	fail := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("%s: byte %d: %v", name, se.Offset, err)
		}
		return fmt.Errorf("%s: byte %d: %w", name, dec.InputOffset(), err)
	}
	if t, err := dec.Token(); err != nil {
		return nil, fail(err)
	} else if t != json.Delim('{') {
		return nil, fmt.Errorf("%s: not node-link JSON: no top-level object", name)
	}
	l := newLoader(name)
	directed := true
	sawNodes := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, fail(err)
		}
		switch key, _ := t.(string); key {
		case "directed":
			if err := dec.Decode(&directed); err != nil {
				return nil, fail(fmt.Errorf("directed: %w", err))
			}
		case "nodes", "links", "edges":
			sawNodes = sawNodes || key == "nodes"
			if err := eachElement(dec, func(m map[string]any) error {
				at := int(dec.InputOffset())
				if key == "nodes" {
					return l.nodeLinkNode(m, at)
				}
				return l.nodeLinkEdge(m, at, directed)
			}); err != nil {
				return nil, fail(err)
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, fail(err)
			}
		}
	}
	if !sawNodes {
		return nil, fmt.Errorf("%s: not node-link JSON: no \"nodes\"", name)
	}
	return l.finish()
}

// eachElement decodes the elements of a JSON array one at a time.
func eachElement(dec *json.Decoder, f func(map[string]any) error) error {
	if t, err := dec.Token(); err != nil {
		return err
	} else if t != json.Delim('[') {
		return fmt.Errorf("want an array, found %v", t)
	}
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			return err
		}
		if err := f(m); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// jsonText renders a JSON scalar as the text attribute it stands for.
func jsonText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// jsonList reads a JSON array of scalars, or {"value", "n"} counts, as
// the text ReadGraphML would read ("430 (5); 431").
func jsonList(v []any, sep string) string {
	parts := make([]string, 0, len(v))
	for _, item := range v {
		if m, ok := item.(map[string]any); ok {
			s, _ := jsonText(m["value"])
			if n, ok := m["n"].(json.Number); ok && n.String() != "1" {
				s += " (" + n.String() + ")"
			}
			parts = append(parts, s)
			continue
		}
		if s, ok := jsonText(item); ok {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}

// each applies the members of a node-link object as text attributes.
func each(m map[string]any, set func(name, v string) error) error {
	for k, v := range m {
		var text string
		switch x := v.(type) {
		case []any:
			sep := listSep
			if k == "parentheticals" {
				sep = parentheticalSep
			}
			text = jsonList(x, sep)
		default:
			var ok bool
			if text, ok = jsonText(x); !ok {
				continue
			}
		}
		if err := set(k, text); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) nodeLinkNode(m map[string]any, at int) error {
	id, ok := jsonText(m["id"])
	if !ok || id == "" {
		return fmt.Errorf("node without an id")
	}
	n := Node{ID: id}
	_, named := m["name"]
	err := each(m, func(k, v string) error {
		switch {
		case k == "id", k == "citegraph_id", k == "label" && named:
			return nil
		}
		return setNodeAttr(&n, k, v)
	})
	if err != nil {
		return fmt.Errorf("node %q: %w", id, err)
	}
	_, err = l.declare(n, at)
	return err
}

func (l *loader) nodeLinkEdge(m map[string]any, at int, directed bool) error {
	from, okf := jsonText(m["source"])
	to, okt := jsonText(m["target"])
	if !okf || !okt {
		return fmt.Errorf("link without a source and a target")
	}
	var e Edge
	weight := 1
	if err := each(m, func(k, v string) error { return setEdgeAttr(&e, &weight, k, v) }); err != nil {
		return fmt.Errorf("link %q → %q: %w", from, to, err)
	}
	f, err := l.index(from, at)
	if err != nil {
		return err
	}
	t, err := l.index(to, at)
	if err != nil {
		return err
	}
	if err := l.edge(f, t, weight, &e, at); err != nil {
		return err
	}
	if !directed {
		return l.edge(t, f, weight, &e, at)
	}
	return nil
}
