package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
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
		{[]string{"--sample", "--around", "Imbler v. Pachtmann"}, 1, `no case "Imbler v. Pachtmann" in the graph; did you mean Imbler v. Pachtman (424 U.S. 409, 1976)`},
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

// --around takes a case's name as well as its citation, and means the same
// in rank, build and render: the neighbourhood of the case, with the
// scores of the whole graph (--local-scores: of the neighbourhood).
func TestAroundMeansTheSameEverywhere(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	score := func(rows [][]string, id string) string {
		for _, r := range rows[1:] {
			if r[1] == id {
				return r[4]
			}
		}
		t.Fatalf("%s not ranked: %v", id, rows)
		return ""
	}
	mustRun(t, "rank", "-q", "--sample", "-n", "0", "-f", "csv", "-o", p("all.csv"))
	whole := score(readCSV(t, p("all.csv")), "424 U.S. 409")
	for _, around := range []string{"Imbler v. Pachtman", "imbler v pachtman", "424 U. S. 409"} {
		mustRun(t, "rank", "-q", "--sample", "-n", "0", "--around", around, "-f", "csv", "-o", p("around.csv"))
		rows := readCSV(t, p("around.csv"))
		if got := score(rows, "424 U.S. 409"); got != whole {
			t.Errorf("rank --around %q: Imbler's PageRank %s, the whole graph's %s", around, got, whole)
		}
		if len(rows) != 1+2 {
			t.Errorf("rank --around %q lists %d cases, want Imbler and the sample", around, len(rows)-1)
		}
	}
	mustRun(t, "build", "-q", "--sample", "--around", "Imbler v. Pachtman", "-o", p("around.json"))
	var nl nodeLink
	if err := json.Unmarshal(readFile(t, p("around.json")), &nl); err != nil {
		t.Fatal(err)
	}
	for _, n := range nl.Nodes {
		if n["id"] == "424 U.S. 409" {
			if got := strconv.FormatFloat(n["pagerank"].(float64), 'g', -1, 64); got != whole {
				t.Errorf("build --around: Imbler's PageRank %s, the whole graph's %s", got, whole)
			}
		}
	}
	mustRun(t, "render", "-q", "--sample", "--around", "Imbler v. Pachtman", "-o", p("around.svg"))
	mustRun(t, "rank", "-q", "--sample", "-n", "0", "--around", "Imbler v. Pachtman", "--local-scores", "-f", "csv", "-o", p("local.csv"))
	if got := score(readCSV(t, p("local.csv")), "424 U.S. 409"); got == whole {
		t.Errorf("--local-scores gives the whole graph's score %s", got)
	}
}
