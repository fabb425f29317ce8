package graph

import (
	"io"
	"slices"
	"strconv"
	"strings"
)

// ReadCSVPair reads citegraph's CSV export: a nodes file (an "id" column,
// then attributes) and an edges file ("source" and "target" columns, then
// attributes), with plain headers or neo4j-admin's ("id:ID", ":LABEL",
// ":START_ID", ":END_ID", typed columns, arrays split at ";", counted
// lists as a values column and an "_n" column of counts). Attributes are
// read as ReadGraphML reads them; unknown columns are ignored. Edges may
// name nodes the nodes file lacks.
func ReadCSVPair(nodesName string, nodes io.Reader, edgesName string, edges io.Reader) (*Graph, error) {
	l := newLoader(nodesName)
	err := readTable(nodesName, nodes, "id", "", func(row map[string]string, line int) error {
		n := Node{ID: row["id"]}
		for k, v := range row {
			if k == "id" || k == "citegraph_id" || k == "label" && row["name"] != "" {
				continue
			}
			if k == "LABEL" {
				k, v = "kind", strings.ToLower(v)
			}
			if err := setNodeAttr(&n, k, v); err != nil {
				return lineError(nodesName, line, "%v", err)
			}
		}
		_, err := l.declare(n, line)
		return err
	})
	if err != nil {
		return nil, err
	}
	l.name = edgesName
	err = readTable(edgesName, edges, "source", "target", func(row map[string]string, line int) error {
		from, err := l.index(row["source"], line)
		if err != nil {
			return err
		}
		to, err := l.index(row["target"], line)
		if err != nil {
			return err
		}
		var e Edge
		weight := 1
		for k, v := range row {
			if err := setEdgeAttr(&e, &weight, k, v); err != nil {
				return lineError(edgesName, line, "%v", err)
			}
		}
		return l.edge(from, to, weight, &e, line)
	})
	if err != nil {
		return nil, err
	}
	return l.finish()
}

// readTable reads a CSV file with a header, calling row with each record
// by column name. Neo4j headers are read as plain ones ("id:ID" is "id",
// ":START_ID" is "source", ":END_ID" "target", "year:int" "year"), and a
// counted list in two columns ("pins", "pins_n") becomes one text
// ("430 (5); 431"). want1 and want2 are columns the file must have.
func readTable(name string, r io.Reader, want1, want2 string, row func(map[string]string, int) error) error {
	var cols []string
	rec := map[string]string{}
	return readCSV(name, r, ',', func(f []string, line int) error {
		if cols == nil {
			for _, c := range f {
				c = strings.TrimSpace(c)
				switch {
				case c == ":START_ID":
					c = "source"
				case c == ":END_ID":
					c = "target"
				case strings.HasPrefix(c, ":"):
					c = c[1:]
				case strings.Contains(c, ":"):
					c = c[:strings.IndexByte(c, ':')]
				}
				cols = append(cols, c)
			}
			for _, w := range []string{want1, want2} {
				if w != "" && !slices.Contains(cols, w) {
					return lineError(name, line, "no %q column in the header %q", w, strings.Join(f, ","))
				}
			}
			return nil
		}
		clear(rec)
		for k, v := range f {
			if k < len(cols) {
				rec[cols[k]] = v
			}
		}
		for c, v := range rec {
			counts, ok := rec[c+"_n"]
			if !ok {
				continue
			}
			vals, ns := strings.Split(v, ";"), strings.Split(counts, ";")
			if v == "" {
				vals = nil
			}
			parts := make([]string, len(vals))
			for k, item := range vals {
				parts[k] = item
				if k < len(ns) {
					if n, err := strconv.Atoi(ns[k]); err == nil && n > 1 {
						parts[k] += " (" + strconv.Itoa(n) + ")"
					}
				}
			}
			rec[c] = strings.Join(parts, listSep)
			delete(rec, c+"_n")
		}
		if err := row(rec, line); err != nil {
			return err
		}
		return nil
	})
}
