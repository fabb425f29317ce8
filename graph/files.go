package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Graph file formats ReadFile understands.
const (
	FormatGraphML  = "graphml"
	FormatEdgeList = "edgelist"
	FormatNodeLink = "nodelink" // networkx's and d3's node-link JSON
	FormatCSV      = "csv"      // citegraph's nodes.csv and edges.csv pair
)

// Formats lists the graph file formats, in the order help text shows them.
var Formats = []string{FormatGraphML, FormatNodeLink, FormatCSV, FormatEdgeList}

// ErrNotGraph says that a file is not a graph file DetectFormat knows.
var ErrNotGraph = errors.New("not a graph file")

// DetectFormat says which graph file format path holds, from its name and,
// where names are shared with opinions, its first bytes:
//
//   - a directory holding nodes.csv and edges.csv, NAME.csv where
//     NAME.nodes.csv and NAME.edges.csv exist (what citegraph build -o
//     NAME.csv writes), or either file of such a pair: FormatCSV;
//   - .graphml, or .xml whose root is <graphml>: FormatGraphML;
//   - .json whose top-level object starts with one of the members of
//     node-link JSON ("directed", "multigraph", "graph", "nodes", "links",
//     "edges"), as networkx, d3 and citegraph write it: FormatNodeLink
//     (other JSON files are opinions);
//   - .csv, .tsv, .edges, .edgelist, .ncol: FormatEdgeList.
//
// Anything else is ErrNotGraph. GEXF is an error of its own: citegraph
// writes it but does not read it.
func DetectFormat(path string) (string, error) {
	if _, _, ok := FindCSVPair(path); ok {
		return FormatCSV, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".graphml":
		return FormatGraphML, nil
	case ".gexf":
		return "", fmt.Errorf("%s: citegraph does not read GEXF; give the graph as GraphML, node-link JSON or CSV", path)
	case ".csv", ".tsv", ".edges", ".edgelist", ".ncol":
		if head(path, isCitationTable) {
			return "", ErrNotGraph // citegraph extract's table: citations, read as opinions
		}
		return FormatEdgeList, nil
	case ".xml":
		if head(path, func(b []byte) bool { return bytes.Contains(b, []byte("<graphml")) }) {
			return FormatGraphML, nil
		}
	case ".json":
		if head(path, isNodeLink) {
			return FormatNodeLink, nil
		}
	}
	return "", ErrNotGraph
}

// head applies test to the first 4 KiB of the file at path; an unreadable
// file is not a graph file (its reader will say what is wrong).
func head(path string, test func([]byte) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, 4096)
	n, _ := io.ReadFull(f, b)
	return test(b[:n])
}

// isCitationTable reports whether a CSV or TSV text starts with the header
// of a table of citations (citegraph extract -f csv): "doc" and "kind"
// columns, which no edge list has.
func isCitationTable(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	fields := bytes.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '\t' || r == '\r' })
	doc, kind := false, false
	for _, f := range fields {
		doc = doc || string(f) == "doc"
		kind = kind || string(f) == "kind"
	}
	return doc && kind
}

// isNodeLink reports whether a JSON text starts as node-link JSON.
func isNodeLink(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	t, err := dec.Token()
	if err != nil {
		return false
	}
	switch t {
	case "directed", "multigraph", "graph", "nodes", "links", "edges":
		return true
	}
	return false
}

// FindCSVPair finds the nodes and edges files of the CSV pair path names (see
// DetectFormat): a folder holding nodes.csv and edges.csv, either file of
// a pair, or the stem name graph.csv for graph.nodes.csv and
// graph.edges.csv. ok is false unless both are regular files.
func FindCSVPair(path string) (nodes, edges string, ok bool) {
	exists := func(p string) bool {
		fi, err := os.Stat(p)
		return err == nil && fi.Mode().IsRegular()
	}
	try := func(n, e string) (string, string, bool) { return n, e, exists(n) && exists(e) }
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return try(filepath.Join(path, "nodes.csv"), filepath.Join(path, "edges.csv"))
	}
	dir, base := filepath.Split(path)
	switch {
	case base == "nodes.csv" || base == "edges.csv":
		return try(filepath.Join(dir, "nodes.csv"), filepath.Join(dir, "edges.csv"))
	case strings.HasSuffix(base, ".nodes.csv"):
		stem := strings.TrimSuffix(path, ".nodes.csv")
		return try(path, stem+".edges.csv")
	case strings.HasSuffix(base, ".edges.csv"):
		stem := strings.TrimSuffix(path, ".edges.csv")
		return try(stem+".nodes.csv", path)
	case strings.HasSuffix(base, ".csv") && !exists(path):
		stem := strings.TrimSuffix(path, ".csv")
		return try(stem+".nodes.csv", stem+".edges.csv")
	}
	return "", "", false
}

// ReadFile reads a graph file in format (one of Formats; "" means
// DetectFormat(path)). For FormatCSV, path names the pair as DetectFormat
// says.
func ReadFile(path, format string) (*Graph, error) {
	if format == "" {
		f, err := DetectFormat(path)
		if errors.Is(err, ErrNotGraph) {
			return nil, fmt.Errorf("%s: %w (want %s)", path, err, strings.Join(Formats, ", "))
		}
		if err != nil {
			return nil, err
		}
		format = f
	}
	if format == FormatCSV {
		nodes, edges, ok := FindCSVPair(path)
		if !ok {
			return nil, fmt.Errorf("%s: no nodes.csv and edges.csv pair here", path)
		}
		return readCSVPairFiles(nodes, edges)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	switch format {
	case FormatGraphML:
		return ReadGraphML(path, r)
	case FormatEdgeList:
		return ReadEdgeList(path, r)
	case FormatNodeLink:
		return ReadNodeLink(path, r)
	}
	return nil, fmt.Errorf("%s: unknown graph format %q (want %s)", path, format, strings.Join(Formats, ", "))
}

func readCSVPairFiles(nodesPath, edgesPath string) (*Graph, error) {
	nf, err := os.Open(nodesPath)
	if err != nil {
		return nil, err
	}
	defer nf.Close()
	ef, err := os.Open(edgesPath)
	if err != nil {
		return nil, err
	}
	defer ef.Close()
	return ReadCSVPair(nodesPath, nf, edgesPath, ef)
}
