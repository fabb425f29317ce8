package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/citegraph/citegraph/graph"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
)

// bulkDir is where testdata/courtlistener-bulk/make.sh put the
// CourtListener bulk files it made from the shared Supreme Court set with
// PostgreSQL ($CITEGRAPH_BULK, else /tmp/citegraph-bulk); the test skips
// when they are absent.
func bulkDir(t *testing.T) string {
	t.Helper()
	if raceDetector {
		t.Skip("a check of the whole bulk files; run without -race")
	}
	sharedCorpus(t, "scotus")
	dir := os.Getenv("CITEGRAPH_BULK")
	if dir == "" {
		dir = "/tmp/citegraph-bulk"
	}
	if files, err := corpus.FindBulkFiles(dir); err != nil || files.Opinions == "" || files.CitationMap == "" {
		t.Skipf("no CourtListener bulk files in %s (make them with testdata/courtlistener-bulk/make.sh, which needs PostgreSQL)", dir)
	}
	return dir
}

// TestBuildCourtListenerBulkIsTheFilesGraph builds the graph of the bulk
// files and of the shared files they were made from, with their manifest,
// and finds the same graph: the same cases with the same citations, the
// same edges with the same weights, pins, opinions and pages. Names,
// courts and years differ only where the two paths take them from
// different sources by design: the bulk files' cluster (made from the
// manifest) outranks the markup's own header, which outranks the manifest
// when files are read.
func TestBuildCourtListenerBulkIsTheFilesGraph(t *testing.T) {
	dir := bulkDir(t)
	scotus := sharedCorpus(t, "scotus")
	out := t.TempDir()
	bulkOut, filesOut := filepath.Join(out, "bulk.json"), filepath.Join(out, "files.json")
	report := filepath.Join(out, "report.csv")
	mustRun(t, "build", "--courtlistener-bulk", dir, "-q", "--measures", "none", "-o", bulkOut, "--report", report)
	mustRun(t, "build", scotus, "--manifest", filepath.Join(scotus, "manifest.csv"), "-q", "--measures", "none", "-o", filesOut)

	// A document with no citation of its own is a node named after the
	// document: its path, or its opinion id.
	docNode, fileOf := map[string]string{}, map[string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "scotus-files.csv"))[1:] {
		docNode["doc:courtlistener:"+r[1]] = "doc:" + filepath.Join(scotus, r[0])
		fileOf["courtlistener:"+r[1]] = r[0]
	}
	manifest := map[string][]string{} // file → name, court, year
	for _, r := range readCSV(t, filepath.Join(scotus, "manifest.csv"))[1:] {
		manifest[r[0]] = []string{strings.Join(strings.Fields(r[1]), " "), r[3], r[4]}
	}
	// The manifest rows of the documents of each case.
	rowsOf := map[string][][]string{}
	for _, r := range readCSV(t, report)[1:] {
		node := r[1]
		if renamed := docNode[node]; renamed != "" {
			node = renamed
		}
		rowsOf[node] = append(rowsOf[node], manifest[fileOf[r[0]]])
	}
	type graphJSON struct {
		Nodes []map[string]any `json:"nodes"`
		Links []map[string]any `json:"links"`
	}
	read := func(path string, rename bool) (map[string]map[string]any, map[string]map[string]any) {
		var g graphJSON
		if err := json.Unmarshal(readFile(t, path), &g); err != nil {
			t.Fatal(err)
		}
		id := func(v any) string {
			if s := v.(string); rename && docNode[s] != "" {
				return docNode[s]
			}
			return v.(string)
		}
		nodes, links := map[string]map[string]any{}, map[string]map[string]any{}
		for _, n := range g.Nodes {
			n["id"] = id(n["id"])
			nodes[n["id"].(string)] = n
		}
		for _, l := range g.Links {
			l["source"], l["target"] = id(l["source"]), id(l["target"])
			// PostgreSQL exports rows in the order they lie in the table,
			// not the order loaded: lists that follow document order
			// are compared as sets.
			for _, v := range l {
				if list, ok := v.([]any); ok {
					slices.SortFunc(list, func(a, b any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
				}
			}
			links[l["source"].(string)+" → "+l["target"].(string)] = l
		}
		return nodes, links
	}
	bulkNodes, bulkLinks := read(bulkOut, true)
	fileNodes, fileLinks := read(filesOut, false)
	if len(bulkNodes) != len(fileNodes) || len(bulkLinks) != len(fileLinks) || len(fileLinks) < 27000 {
		t.Fatalf("bulk: %d cases, %d edges; files: %d cases, %d edges", len(bulkNodes), len(bulkLinks), len(fileNodes), len(fileLinks))
	}
	byRule := 0
	for id, f := range fileNodes {
		b, ok := bulkNodes[id]
		if !ok {
			t.Errorf("case %s: not in the bulk graph", id)
			continue
		}
		for k, col := range map[string]int{"name": 0, "court": 1, "year": 2} {
			if fmt.Sprint(b[k]) == fmt.Sprint(f[k]) {
				continue
			}
			// The value of one of the case's clusters, from the manifest
			// row of one of its documents.
			ok := false
			for _, row := range rowsOf[id] {
				// Names are short names, cut at graph.MaxName.
				ok = ok || b[k] != nil && row[col] != "" && (strings.HasPrefix(row[col], strings.TrimSuffix(fmt.Sprint(b[k]), "…")) ||
					k == "name" && graph.ShortCaseName(row[col]) == fmt.Sprint(b[k]))
			}
			if !ok {
				t.Errorf("case %s: %s %v from the bulk files, %v from the files, manifest %v", id, k, b[k], f[k], rowsOf[id])
			}
			byRule++
			delete(b, k)
			delete(f, k)
		}
		delete(b, "label")
		delete(f, "label")
		if !reflect.DeepEqual(b, f) {
			t.Errorf("case %s:\n bulk  %v\n files %v", id, b, f)
		}
	}
	t.Logf("%d names, courts and years from the cluster rather than the markup", byRule)
	for k, f := range fileLinks {
		if !reflect.DeepEqual(bulkLinks[k], f) {
			t.Errorf("edge %s:\n bulk  %v\n files %v", k, bulkLinks[k], f)
		}
	}
}

// TestCompareCourtListenerMap compares the graph of the bulk files with
// their citation map, made from the links CourtListener put in the
// opinions (groundtruth.jsonl), and checks the counts against those links
// read here independently, as pairs of the cases build reports for their
// documents.
func TestCompareCourtListenerMap(t *testing.T) {
	dir := bulkDir(t)
	scotus := sharedCorpus(t, "scotus")
	// The case (node) of each cluster: that of its first document.
	report := filepath.Join(t.TempDir(), "report.csv")
	mustRun(t, "build", "--courtlistener-bulk", dir, "-q", "--measures", "none", "-o", filepath.Join(t.TempDir(), "g.json"), "--report", report)
	clusterOf := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "scotus-files.csv"))[1:] {
		clusterOf["courtlistener:"+r[1]] = r[2]
	}
	node := map[string]string{}
	for _, r := range readCSV(t, report)[1:] {
		if c := clusterOf[r[0]]; node[c] == "" {
			node[c] = r[1]
		}
	}
	pairs := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(scotus, "groundtruth.jsonl")))), "\n") {
		var rec struct {
			Doc       string `json:"doc"`
			Citations []struct {
				Resolved bool  `json:"resolved"`
				Cited    int64 `json:"cited_cluster_id"`
			} `json:"citations"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		from := node[strings.Split(rec.Doc, "_")[0]]
		for _, c := range rec.Citations {
			if to := node[strconv.FormatInt(c.Cited, 10)]; c.Resolved && to != "" && to != from {
				pairs[from+" → "+to] = true
			}
		}
	}
	diff := filepath.Join(t.TempDir(), "diff.csv")
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{"compare", "--courtlistener-bulk", dir, "-q", "--diff", diff})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	stdout := out.String()
	t.Log("\n" + stdout)
	m := regexp.MustCompile(`all +(\d+) +(\d+) +(\d+)`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no totals in %q", stdout)
	}
	both, theirs, ours := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if both+theirs != len(pairs) {
		t.Errorf("%d + %d of CourtListener's pairs compared, the links hold %d", both, theirs, len(pairs))
	}
	// The README states 99.38% (3,546 of 3,568); extraction may improve.
	if recall := float64(both) / float64(len(pairs)); recall < 0.99 {
		t.Errorf("recall %.4f", recall)
	}
	if rows := readCSV(t, diff); len(rows)-1 != theirs+ours {
		t.Errorf("--diff has %d rows, want %d", len(rows)-1, theirs+ours)
	}
}

// TestRankCourtListenerMap ranks CourtListener's citation map as a graph
// of cases: the most-cited case by number of citing cases is the one the
// links say.
func TestRankCourtListenerMap(t *testing.T) {
	dir := bulkDir(t)
	files, err := corpus.FindBulkFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "rank.csv")
	mustRun(t, "rank", files.CitationMap, "--courtlistener-bulk", dir, "--by", "indegree", "--top", "3", "-f", "csv", "-o", out, "-q")
	rows := readCSV(t, out)
	// Boyd v. United States is cited by more cases of the set than any
	// other, 40 (counted from groundtruth.jsonl).
	if len(rows) != 4 || rows[1][1] != "116 U.S. 616" || rows[1][2] != "Boyd v. United States" || rows[1][4] != "40" {
		t.Errorf("ranking: %v", rows)
	}
	if _, code := runGraphCmd(t, "rank", files.CitationMap); code != 2 {
		t.Errorf("the map without --courtlistener-bulk: exit %d, want 2", code)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestMapStepOnJSONLines runs extraction the way a cluster's map step
// does (Spark's RDD.pipe, Hadoop streaming): JSON-lines documents in on
// standard input, a part at a time, citation records out, with --documents;
// then build makes the graph from the parts (JSON lines, CSV, Parquet) and
// it is byte for byte the graph built from the documents on one machine.
func TestMapStepOnJSONLines(t *testing.T) {
	dir := sharedCorpus(t, "immunity")
	man, err := corpus.LoadManifest(filepath.Join(dir, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	var lines []string
	for _, f := range files {
		docs, err := corpus.ReadFile(f, corpus.Options{Manifest: man})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			b, err := json.Marshal(map[string]any{"id": filepath.Base(f), "text": d.Text, "case_name": d.Meta.CaseName,
				"citations": d.Meta.Citations, "court": d.Meta.Court, "date": d.Meta.Date, "opinion": d.Meta.Opinion})
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(b))
		}
	}
	// A dissent of Imbler known only by its heading, whose caption is
	// fuller than the manifest's name: the manifest's name wins over the
	// text's in the direct build, and must win in the tables' too, which
	// takes each document's identity source through them.
	dissent, err := json.Marshal(map[string]any{"id": "imbler-dissent.txt", "opinion": "dissent", "text": "424 U.S. 409 (1976)\n" +
		"PAUL KERN IMBLER v. RICHARD PACHTMAN, STATE PROSECUTOR, ET AL.\nNo. 74-5435.\n\nMR. JUSTICE WHITE, dissenting.\n\n" +
		"The Court extends the immunity of Pierson v. Ray, 386 U.S. 547, 554 (1967), too far.\n"})
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, string(dissent))
	out := t.TempDir()
	docs := filepath.Join(out, "docs.jsonl")
	if err := os.WriteFile(docs, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	direct := filepath.Join(out, "direct.json")
	mustRun(t, "build", docs, "-q", "-o", direct)

	half := len(lines) / 2
	parts := []string{strings.Join(lines[:half], "\n") + "\n", strings.Join(lines[half:], "\n") + "\n"}
	var jsonl strings.Builder
	byFormat := map[string][]string{}
	for i, part := range parts {
		stdout, stderr, code := runExtract(t, part, "-", "-f", "jsonl", "--documents", "-q")
		if code != 0 {
			t.Fatalf("map step %d: exit %d: %s", i, code, stderr)
		}
		jsonl.WriteString(stdout)
		for _, format := range []string{"csv", "parquet"} {
			path := filepath.Join(out, fmt.Sprintf("part-%d.%s", i, format))
			if _, stderr, code := runExtract(t, part, "-", "-f", format, "--documents", "-q", "-o", path); code != 0 {
				t.Fatalf("map step %d (%s): exit %d: %s", i, format, code, stderr)
			}
			byFormat[format] = append(byFormat[format], path)
		}
	}
	byFormat["jsonl"] = []string{filepath.Join(out, "cites.jsonl")}
	if err := os.WriteFile(byFormat["jsonl"][0], []byte(jsonl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	want := readFile(t, direct)
	if !bytes.Contains(want, []byte(`"id":"424 U.S. 409","in_corpus":true,"kind":"case","label":"Imbler v. Pachtman"`)) {
		t.Fatal("the direct build does not name 424 U.S. 409 by the manifest")
	}
	for format, paths := range byFormat {
		got := filepath.Join(out, format+".json")
		mustRun(t, append(append([]string{"build"}, paths...), "-q", "-o", got)...)
		if !bytes.Equal(readFile(t, got), want) {
			t.Errorf("the graph from the %s tables differs from the graph from the documents", format)
		}
	}
	if _, code := runGraphCmd(t, "build", docs, byFormat["jsonl"][0], "-o", filepath.Join(out, "mixed.json")); code != 2 {
		t.Errorf("opinions and a table together: exit %d, want 2", code)
	}
}

// TestBuildFromParquetCitations: on the Supreme Court set, the graph built
// from extract's Parquet table (with --documents) is byte for byte the
// graph built from the opinions: every citation form, parallel citations
// without a page, slip cites with their names, parts of opinions.
func TestBuildFromParquetCitations(t *testing.T) {
	if raceDetector {
		t.Skip("a check of the whole Supreme Court set; run without -race")
	}
	dir := sharedCorpus(t, "scotus")
	out := t.TempDir()
	man := filepath.Join(dir, "manifest.csv")
	table := filepath.Join(out, "cites.parquet")
	mustRun(t, "extract", dir, "--manifest", man, "--documents", "-f", "parquet", "-o", table, "-q")
	direct, fromTable := filepath.Join(out, "direct.json"), filepath.Join(out, "table.json")
	mustRun(t, "build", dir, "--manifest", man, "-q", "--measures", "none", "-o", direct)
	mustRun(t, "build", table, "-q", "--measures", "none", "-o", fromTable)
	if !bytes.Equal(readFile(t, direct), readFile(t, fromTable)) {
		t.Error("the graph from the Parquet table differs from the graph from the opinions")
	}
}
