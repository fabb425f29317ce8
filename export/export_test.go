package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

func TestFormatFromPath(t *testing.T) {
	dir := t.TempDir()
	for path, want := range map[string]string{
		"g.dot": DOT, "G.GV": DOT, "out/g.graphml": GraphML, "g.gexf": GEXF, "g.json": JSON, "g.cyjs": Cytoscape,
		"g.csv": CSV, "g.svg": SVG, "g.png": PNG, "csvdir/": CSV, dir: CSV,
	} {
		got, err := FormatFromPath(path)
		if err != nil || got != want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"g.txt", "graph", "-"} {
		if _, err := FormatFromPath(path); err == nil {
			t.Errorf("FormatFromPath(%q) accepted", path)
		} else if path != "-" && !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name %s", err, path)
		}
	}
}

func TestWriteFormats(t *testing.T) {
	g := exporttest.Sample()
	var buf bytes.Buffer
	if err := Write(&buf, g, "pdf", Options{}); err == nil || !strings.Contains(err.Error(), "pdf") {
		t.Errorf("unknown format: %v", err)
	}
	if err := Write(&buf, g, CSV, Options{}); !errors.Is(err, ErrTwoFiles) {
		t.Errorf("CSV to one writer: %v", err)
	}
	if err := Write(&buf, g, DOT, Options{Cluster: "year"}); err == nil {
		t.Error("DOT accepted clustering by year")
	}
	if buf.Len() != 0 {
		t.Errorf("failed writes wrote %d bytes", buf.Len())
	}
}

func TestSaveCSVPairs(t *testing.T) {
	g := exporttest.Sample()
	dir := t.TempDir()
	if err := Save(context.Background(), filepath.Join(dir, "neo")+"/", g, "", Options{Neo4j: true}); err != nil {
		t.Fatal(err)
	}
	nodes, err := os.ReadFile(filepath.Join(dir, "neo", "nodes.csv"))
	if err != nil || !bytes.HasPrefix(nodes, []byte("id:ID,:LABEL,")) {
		t.Errorf("neo/nodes.csv: %v %.40q", err, nodes)
	}
	edges, err := os.ReadFile(filepath.Join(dir, "neo", "edges.csv"))
	if err != nil || !bytes.HasPrefix(edges, []byte(":START_ID,:END_ID,:TYPE,")) {
		t.Errorf("neo/edges.csv: %v %.40q", err, edges)
	}
	if err := Save(context.Background(), filepath.Join(dir, "graph.csv"), g, "", Options{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"graph.nodes.csv", "graph.edges.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if err := Save(context.Background(), Stdout, g, CSV, Options{}); err == nil {
		t.Error("CSV to standard output accepted")
	}
}

// TestBadGraphLeavesNoFile: a graph with an edge to a missing node is an
// error, and the file it was to replace stays as it was.
func TestBadGraphLeavesNoFile(t *testing.T) {
	g := exporttest.Sample()
	g.EdgeList = append(g.EdgeList, &graph.Edge{From: "555 U.S. 335", To: "1 U.S. 1", Weight: 1})
	g2 := exporttest.Sample()
	g2.NodeList = append(g2.NodeList, g2.NodeList[0])
	dir := t.TempDir()
	for _, f := range Formats {
		path := filepath.Join(dir, "g."+f)
		os.WriteFile(path, []byte("old"), 0o644)
		for _, bad := range []exporttest.Graph{g, g2} {
			err := Save(context.Background(), path, bad, "", Options{})
			if err == nil {
				t.Errorf("%s: bad graph accepted", f)
			}
			if f == CSV {
				continue
			}
			if got, _ := os.ReadFile(path); string(got) != "old" {
				t.Errorf("%s: old file replaced by %q", f, got)
			}
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(Formats) {
		t.Errorf("directory holds %d files, want %d (no temporaries, no CSV pair)", len(ents), len(Formats))
	}
}

// TestDeterministic: the same graph gives byte-identical files.
func TestDeterministic(t *testing.T) {
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture(), "synthetic": exporttest.Synthetic(300, 700)} {
		for _, f := range Formats {
			if f == CSV {
				for _, neo := range []bool{false, true} {
					var a, b, c, d bytes.Buffer
					WriteCSVNodes(&a, g, Options{Neo4j: neo})
					WriteCSVNodes(&b, g, Options{Neo4j: neo})
					WriteCSVEdges(&c, g, Options{Neo4j: neo})
					WriteCSVEdges(&d, g, Options{Neo4j: neo})
					if !bytes.Equal(a.Bytes(), b.Bytes()) || !bytes.Equal(c.Bytes(), d.Bytes()) {
						t.Errorf("%s: CSV differs between runs", name)
					}
				}
				continue
			}
			if f == Parquet {
				var a, b, c, d bytes.Buffer
				for _, err := range []error{WriteParquetNodes(&a, g), WriteParquetNodes(&b, g), WriteParquetEdges(&c, g), WriteParquetEdges(&d, g)} {
					if err != nil {
						t.Fatal(err)
					}
				}
				if !bytes.Equal(a.Bytes(), b.Bytes()) || !bytes.Equal(c.Bytes(), d.Bytes()) {
					t.Errorf("%s: Parquet differs between runs", name)
				}
				continue
			}
			opts := Options{ByYear: true, Cluster: "court"}
			if !bytes.Equal(write(t, g, f, opts), write(t, g, f, opts)) {
				t.Errorf("%s: %s differs between runs", name, f)
			}
		}
	}
}

func TestNMToken(t *testing.T) {
	seen := map[string]string{}
	for _, id := range []string{"424 U.S. 409", "424_U.S._409", "42 U.S.C. § 1983", "doc:1", "doc:3A:1", "a b", "a_b", "", ":", "Ω"} {
		tok := nmtoken(id)
		if !nmtokenASCII.MatchString(tok) {
			t.Errorf("nmtoken(%q) = %q, not an NMTOKEN", id, tok)
		}
		if other, dup := seen[tok]; dup {
			t.Errorf("nmtoken(%q) = nmtoken(%q) = %q", id, other, tok)
		}
		seen[tok] = id
	}
	if got := nmtoken("424 U.S. 409"); got != "424_U.S._409" {
		t.Errorf("nmtoken keeps citations readable: got %q", got)
	}
}
