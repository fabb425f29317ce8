package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(readFile(t, path))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestRankSampleByCitations(t *testing.T) {
	out := filepath.Join(t.TempDir(), "top.csv")
	mustRun(t, "rank", "--sample", "--by", "citations", "--top", "3", "--format", "csv", "-o", out)
	rows := readCSV(t, out)
	want := [][]string{
		{"rank", "id", "name", "citation", "score"},
		{"1", "424 U.S. 409", "Imbler v. Pachtman", "424 U.S. 409", "31"},
		{"2", "500 U.S. 478", "Burns v. Reed", "500 U.S. 478", "4"},
		{"3", "522 U.S. 118", "Kalina v. Fletcher", "522 U.S. 118", "4"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %v", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %v, want %v", i, rows[i], want[i])
		}
	}
}

// A graph citegraph exported ranks the same as the opinions it came from.
func TestRankOwnGraphMLExport(t *testing.T) {
	src := sharedCorpus(t, "immunity")
	dir := t.TempDir()
	gml := filepath.Join(dir, "immunity.graphml")
	manifest := filepath.Join(src, "manifest.csv")
	mustRun(t, "build", src, "--manifest", manifest, "-o", gml, "-q")
	fromFile, fromCorpus := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	mustRun(t, "rank", gml, "--by", "pagerank", "--top", "5", "--format", "json", "-o", fromFile)
	mustRun(t, "rank", src, "--manifest", manifest, "--by", "pagerank", "--top", "5", "--format", "json", "-o", fromCorpus, "-q")
	if a, b := readFile(t, fromFile), readFile(t, fromCorpus); !bytes.Equal(a, b) {
		t.Errorf("ranking of the export:\n%s\nranking of the opinions:\n%s", a, b)
	}
	var rows []rankRow
	if err := json.Unmarshal(readFile(t, fromFile), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[0].Rank != 1 || rows[0].Score <= rows[4].Score {
		t.Errorf("ranking %+v", rows)
	}
	// As of 1980 only Brady, Giglio, Imbler and what they cite remain.
	asOf := filepath.Join(dir, "1980.csv")
	mustRun(t, "rank", gml, "--by", "indegree", "--as-of", "1980", "--top", "0", "--format", "csv", "-o", asOf)
	for _, r := range readCSV(t, asOf)[1:] {
		switch r[1] {
		case "500 U.S. 478", "509 U.S. 259", "522 U.S. 118", "555 U.S. 335", "563 U.S. 51":
			t.Errorf("as of 1980: %v ranked", r)
		}
	}
}

func TestRankEdgeList(t *testing.T) {
	dir := t.TempDir()
	edges := filepath.Join(dir, "net.tsv")
	if err := os.WriteFile(edges, []byte("# my network\nA\tB\t3\nC\tB\t1\nB\tD\nC\tD\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "top.csv")
	mustRun(t, "rank", edges, "--by", "indegree", "--top", "2", "--format", "csv", "-o", out)
	rows := readCSV(t, out)
	if len(rows) != 3 || rows[1][1] != "B" || rows[1][4] != "2" || rows[2][1] != "D" {
		t.Errorf("rows %v", rows)
	}
	stderr, code := runGraphCmd(t, "rank", edges, "--as-of", "1990")
	if code != 1 || !strings.Contains(stderr, "no case in the graph has a year") {
		t.Errorf("--as-of on an edge list: exit %d, %q", code, stderr)
	}
}

func TestRankErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("a,b,1\nc,d,many\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{bad}, 1, bad + `:2: weight "many"`},
		{[]string{"--by", "fame"}, 2, `unknown --by "fame"`},
		{[]string{"--format", "xml"}, 2, `unknown --format "xml"`},
		{[]string{"--as-of", "1990", "--until", "1990"}, 2, "give one"},
		{[]string{"--damping", "0"}, 2, "--damping"},
		{[]string{"--graph-format", "edgelist", bad, bad}, 2, "exactly one graph file"},
	} {
		stderr, code := runGraphCmd(t, append([]string{"rank", "-o", out}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v left %s behind", tc.args, out)
		}
	}
}
