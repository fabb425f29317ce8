package export

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// duckDBScript runs SQL queries given as arguments with DuckDB's Node
// client and prints each result as a JSON array of row objects, one a
// line (numbers as strings, as the client's JSON form gives them).
const duckDBScript = `
const { createRequire } = require('module');
const { DuckDBInstance } = createRequire(process.env.DUCKDB_MODULES + '/')('@duckdb/node-api');
(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  for (const q of process.argv.slice(2)) {
    const r = await c.runAndReadAll(q);
    console.log(JSON.stringify(r.getRowObjectsJson()));
  }
})().catch(e => { console.error(e.message); process.exit(1); });
`

// duckDB returns a function that runs queries in DuckDB, through its Node
// client (@duckdb/node-api, installed by .ci/run under
// $CITEGRAPH_DUCKDB, else /tmp/citegraph-duckdb); the test skips when
// Node or the client is absent.
func duckDB(t *testing.T) func(queries ...string) [][]map[string]any {
	t.Helper()
	dir := os.Getenv("CITEGRAPH_DUCKDB")
	if dir == "" {
		dir = "/tmp/citegraph-duckdb"
	}
	modules := filepath.Join(dir, "node_modules")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(modules, "@duckdb", "node-api")); err != nil || serr != nil {
		t.Skipf("DuckDB's Node client not installed (node: %v; npm install --prefix %s @duckdb/node-api)", err, dir)
	}
	script := filepath.Join(t.TempDir(), "duckdb.cjs")
	if err := os.WriteFile(script, []byte(duckDBScript), 0o644); err != nil {
		t.Fatal(err)
	}
	return func(queries ...string) [][]map[string]any {
		t.Helper()
		cmd := exec.Command(node, append([]string{script}, queries...)...)
		cmd.Env = append(os.Environ(), "DUCKDB_MODULES="+modules)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("duckdb: %v: %s", err, stderr.String())
		}
		var results [][]map[string]any
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			var rows []map[string]any
			if err := json.Unmarshal([]byte(line), &rows); err != nil {
				t.Fatalf("duckdb output %q: %v", line, err)
			}
			results = append(results, rows)
		}
		return results
	}
}

// columnTypes reads DuckDB's DESCRIBE result as name → type.
func columnTypes(rows []map[string]any) map[string]string {
	types := map[string]string{}
	for _, r := range rows {
		types[r["column_name"].(string)] = r["column_type"].(string)
	}
	return types
}

// TestParquetInDuckDB writes the Supreme Court graph as Parquet and reads
// it back with DuckDB: the row counts, the column types, every edge
// joining its two nodes, the citations of each case against the graph's
// own count, a counted list, and the README's query for the 20 most-cited
// cases.
func TestParquetInDuckDB(t *testing.T) {
	query := duckDB(t)
	g := exporttest.Scotus(t)
	dir := t.TempDir()
	if err := Save(context.Background(), filepath.Join(dir, "graph.parquet"), g, "", Options{}); err != nil {
		t.Fatal(err)
	}
	nodes, edges := filepath.Join(dir, "graph.nodes.parquet"), filepath.Join(dir, "graph.edges.parquet")
	var pinned graph.Edge // an edge with several pins
	for e := range g.Edges() {
		if len(e.Pins) >= 3 {
			pinned = e
			break
		}
	}
	r := query(
		"DESCRIBE SELECT * FROM '"+nodes+"'",
		"DESCRIBE SELECT * FROM '"+edges+"'",
		"SELECT count(*) AS n FROM '"+nodes+"'",
		"SELECT count(*) AS n, sum(weight) AS w FROM '"+edges+"' e JOIN '"+nodes+"' s ON s.id = e.source JOIN '"+nodes+"' t ON t.id = e.target",
		"SELECT count(*) AS n FROM '"+nodes+"' WHERE times_cited <> (SELECT coalesce(sum(weight), 0) FROM '"+edges+"' WHERE target = id)",
		"SELECT [p.value || '×' || p.n FOR p IN pins] AS pins FROM '"+edges+"' WHERE source = '"+pinned.From+"' AND target = '"+pinned.To+"'",
		// The README's query.
		`SELECT n.name, n.citations[1] AS citation, n.year, count(*) AS citing_cases, sum(e.weight) AS citations
		 FROM '`+edges+`' e JOIN '`+nodes+`' n ON n.id = e.target
		 GROUP BY ALL ORDER BY citing_cases DESC, citations DESC LIMIT 20`,
	)
	wantTypes := map[string]string{"id": "VARCHAR", "name": "VARCHAR", "citations": "VARCHAR[]", "year": "BIGINT",
		"in_corpus": "BOOLEAN", "times_cited": "BIGINT", "pagerank": "DOUBLE"}
	for name, typ := range wantTypes {
		if got := columnTypes(r[0])[name]; got != typ {
			t.Errorf("nodes.%s: %s, want %s", name, got, typ)
		}
	}
	counted := `STRUCT("value" VARCHAR, n BIGINT)[]`
	for name, typ := range map[string]string{"source": "VARCHAR", "target": "VARCHAR", "weight": "BIGINT",
		"pins": counted, "signals": counted, "opinions": counted, "parentheticals": "VARCHAR[]", "pages": "VARCHAR[]"} {
		if got := columnTypes(r[1])[name]; got != typ {
			t.Errorf("edges.%s: %s, want %s", name, got, typ)
		}
	}
	weights := 0
	for e := range g.Edges() {
		weights += e.Weight
	}
	if n := r[2][0]["n"]; n != itoa(g.NodeCount()) {
		t.Errorf("%v nodes, want %d", n, g.NodeCount())
	}
	if n, w := r[3][0]["n"], r[3][0]["w"]; n != itoa(g.EdgeCount()) || w != itoa(weights) {
		t.Errorf("%v edges of weight %v join their nodes, want %d of %d", n, w, g.EdgeCount(), weights)
	}
	if n := r[4][0]["n"]; n != "0" {
		t.Errorf("%v nodes whose times_cited is not the sum of their edges", n)
	}
	var want []any
	for _, p := range pinned.Pins {
		want = append(want, p.Value+"×"+itoa(p.N))
	}
	if len(r[5]) != 1 || !equalJSON(r[5][0]["pins"], want) {
		t.Errorf("pins of %s → %s: %v, want %v", pinned.From, pinned.To, r[5], want)
	}
	top := r[6]
	if len(top) != 20 {
		t.Fatalf("top 20: %d rows", len(top))
	}
	for _, row := range top {
		n, err := g.Lookup(row["citation"].(string))
		if err != nil || itoa(n.CitingCases) != row["citing_cases"] || itoa(n.TimesCited) != row["citations"] || row["name"] != n.Name {
			t.Errorf("top 20 row %v; the graph says %+v (%v)", row, n, err)
		}
	}
	t.Logf("most cited: %v", top[0])
}

// TestParquetTextSurvivesDuckDB writes names and lists with every hard
// character and reads them back unchanged (broken UTF-8 excepted, which
// becomes U+FFFD as in every format).
func TestParquetTextSurvivesDuckDB(t *testing.T) {
	query := duckDB(t)
	g := exporttest.Torture()
	dir := t.TempDir()
	if err := Save(context.Background(), dir+string(filepath.Separator), g, Parquet, Options{}); err != nil {
		t.Fatal(err)
	}
	r := query("SELECT id, name, citations FROM '"+filepath.Join(dir, "nodes.parquet")+"' ORDER BY id",
		"SELECT source, target, parentheticals FROM '"+filepath.Join(dir, "edges.parquet")+"' ORDER BY source, target")
	if len(r[0]) != len(g.NodeList) || len(r[1]) != len(g.EdgeList) {
		t.Fatalf("%d nodes, %d edges", len(r[0]), len(r[1]))
	}
	byID := map[string]map[string]any{}
	for _, row := range r[0] {
		byID[row["id"].(string)] = row
	}
	for _, n := range g.NodeList {
		row := byID[n.ID]
		if row == nil {
			t.Errorf("node %q missing", n.ID)
			continue
		}
		name, _ := row["name"].(string)
		if name != validUTF8(n.Name) {
			t.Errorf("node %q: name %q, want %q", n.ID, name, n.Name)
		}
	}
	for _, row := range r[1] {
		if row["source"] == "doc:abc_def:1" && row["target"] == "123 Misc. 2d 45" &&
			!equalJSON(row["parentheticals"], []any{"holding A; and B | C", `"quoted" & <tagged>`}) {
			t.Errorf("parentheticals %v", row["parentheticals"])
		}
	}
}

// TestParquetRecordsInDuckDB writes the citations of the sample opinion as
// a Parquet table and reads it back with DuckDB, then with ReadRecords.
func TestParquetRecordsInDuckDB(t *testing.T) {
	query := duckDB(t)
	doc := corpus.Sample()
	cites := extract.Extract(doc.Text)
	path := filepath.Join(t.TempDir(), "cites.parquet")
	err := WriteFile(path, func(w io.Writer) error {
		pw := NewParquetRecordWriter(w)
		rec := DocumentRecord(doc)
		if err := pw.Write(&rec); err != nil {
			return err
		}
		for i := range cites {
			rec := extract.NewRecord(doc.ID, extract.Where{Location: doc.PageAt(cites[i].Start)}, &cites[i])
			if err := pw.Write(&rec); err != nil {
				return err
			}
		}
		return pw.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	r := query("DESCRIBE SELECT * FROM '"+path+"'",
		"SELECT kind, count(*) AS n FROM '"+path+"' GROUP BY kind ORDER BY kind",
		"SELECT count(*) AS n FROM '"+path+"' WHERE target = '424 U.S. 409'",
		"SELECT doc, identity_source FROM '"+path+"' WHERE identity_source <> ''")
	types := columnTypes(r[0])
	for name, typ := range map[string]string{"doc": "VARCHAR", "start": "BIGINT", "parallel": "VARCHAR[]", "nested": "BOOLEAN", "suspect": "BOOLEAN", "identity_source": "VARCHAR"} {
		if types[name] != typ {
			t.Errorf("%s: %s, want %s", name, types[name], typ)
		}
	}
	if len(types) != len(recordColumns) {
		t.Errorf("%d columns, want %d (one per record field)", len(types), len(recordColumns))
	}
	kinds := map[string]int{}
	for _, c := range cites {
		kinds[c.Kind.String()]++
	}
	kinds[DocumentKind] = 1
	for _, row := range r[1] {
		if row["n"] != itoa(kinds[row["kind"].(string)]) {
			t.Errorf("kind %v: %v rows, want %d", row["kind"], row["n"], kinds[row["kind"].(string)])
		}
	}
	if r[2][0]["n"] != "31" {
		t.Errorf("%v citations of Imbler, want 31", r[2][0]["n"])
	}
	// Only the document's record says where its identity came from.
	if len(r[3]) != 1 || r[3][0]["doc"] != doc.ID || r[3][0]["identity_source"] != doc.Meta.Source || doc.Meta.Source == "" {
		t.Errorf("identity sources %v, want the document's %q", r[3], doc.Meta.Source)
	}
	// Read back, the table gives the sample's graph.
	b := graph.NewBuilder(graph.Options{})
	if err := ReadRecords(path, IsRecordTable(path), nil, b.Add); err != nil {
		t.Fatal(err)
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Edge("555 U.S. 335", "424 U.S. 409"); !ok || e.Weight != 31 || g.NodeCount() != 9 || g.EdgeCount() != 8 {
		t.Errorf("graph from the table: %d nodes, %d edges, Imbler %d", g.NodeCount(), g.EdgeCount(), e.Weight)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
