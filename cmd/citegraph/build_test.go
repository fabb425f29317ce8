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

// runGraphCmd runs the citegraph command line with args and returns what
// it wrote on standard error and its exit status.
func runGraphCmd(t *testing.T, args ...string) (stderr string, code int) {
	t.Helper()
	root := newRoot()
	var errb bytes.Buffer
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		errb.WriteString(err.Error())
	}
	return errb.String(), exitCode(err)
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	stderr, code := runGraphCmd(t, args...)
	if code != 0 {
		t.Fatalf("citegraph %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return stderr
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// nodeLink is the part of a node-link JSON export the tests read.
type nodeLink struct {
	Nodes []map[string]any `json:"nodes"`
	Links []struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Weight int    `json:"weight"`
	} `json:"links"`
}

func TestBuildSample(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sample.json")
	stderr := mustRun(t, "build", "--sample", "-o", out)
	if !strings.Contains(stderr, "9 cases (1 in the corpus), 8 edges") {
		t.Errorf("summary: %q", stderr)
	}
	var g nodeLink
	if err := json.Unmarshal(readFile(t, out), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 9 || len(g.Links) != 8 {
		t.Fatalf("%d nodes, %d links", len(g.Nodes), len(g.Links))
	}
	weights := map[string]int{}
	for _, l := range g.Links {
		if l.Source != "555 U.S. 335" {
			t.Errorf("link from %s", l.Source)
		}
		weights[l.Target] = l.Weight
	}
	if weights["424 U.S. 409"] != 31 || weights["373 U.S. 83"] != 1 {
		t.Errorf("weights %v", weights)
	}
	for _, n := range g.Nodes {
		for _, m := range []string{"pagerank", "authority", "hub"} {
			if _, ok := n[m]; !ok {
				t.Errorf("node %v has no %s", n["id"], m)
			}
		}
	}
	// --sample is the same as no input, and the output is byte-identical.
	again := filepath.Join(dir, "again.json")
	mustRun(t, "build", "--sample", "-o", again, "-q")
	if !bytes.Equal(readFile(t, out), readFile(t, again)) {
		t.Error("two builds of the sample differ")
	}
}

func TestBuildImmunityWithFiltersAndReport(t *testing.T) {
	src := sharedCorpus(t, "immunity")
	manifest := filepath.Join(src, "manifest.csv")
	dir := t.TempDir()
	all, near, report := filepath.Join(dir, "all.json"), filepath.Join(dir, "imbler.json"), filepath.Join(dir, "docs.csv")
	mustRun(t, "build", src, "--manifest", manifest, "-o", all, "-q")
	mustRun(t, "build", src, "--manifest", manifest, "-o", near, "--report", report,
		"--around", "Imbler v. Pachtman", "--depth", "1", "--min-weight", "2")
	// The neighbourhood is Imbler and every case joined to it by an edge
	// of at least two citations, with the edges among them.
	var whole, part nodeLink
	for path, g := range map[string]*nodeLink{all: &whole, near: &part} {
		if err := json.Unmarshal(readFile(t, path), g); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]bool{"424 U.S. 409": true}
	for _, l := range whole.Links {
		if l.Weight >= 2 && (l.Source == "424 U.S. 409" || l.Target == "424 U.S. 409") {
			want[l.Source], want[l.Target] = true, true
		}
	}
	if len(part.Nodes) != len(want) || len(want) < 5 {
		t.Errorf("%d nodes around Imbler, want %d", len(part.Nodes), len(want))
	}
	for _, n := range part.Nodes {
		if !want[n["id"].(string)] {
			t.Errorf("%v is not next to Imbler", n["id"])
		}
	}
	for _, l := range part.Links {
		if l.Weight < 2 || !want[l.Source] || !want[l.Target] {
			t.Errorf("link %s → %s (weight %d) kept", l.Source, l.Target, l.Weight)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(readFile(t, report))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 || strings.Join(rows[0], ",") != "doc,node,opinion,citations,edges,unresolved,self_cites,statutes,duplicates,unresolved_reasons" {
		t.Errorf("report: %d rows, header %v", len(rows), rows[0])
	}
}

func sharedCorpus(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus %s not available", dir)
	}
	return dir
}

// A failing build writes nothing, and says why.
func TestBuildErrorsLeaveNoFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.graphml")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--sample", "--around", "999 U.S. 1"}, 1, `no case "999 U.S. 1"`},
		{[]string{"--measures", "fame"}, 2, `unknown measure "fame"`},
		{[]string{"--format", "bmp"}, 2, "bmp"},
		{[]string{"--since", "2000", "--until", "1990"}, 2, "--since 2000 is after --until 1990"},
		{[]string{"--sample", "x.txt"}, 2, "--sample takes no input"},
	} {
		stderr, code := runGraphCmd(t, append([]string{"build", "-o", out}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v left %s behind", tc.args, out)
		}
	}
}

// Graph files are inputs of build, rank and render alike: what build
// writes, in any graph format, the three commands read back as the same
// graph, and build converts between formats.
func TestGraphFilesAsInputEverywhere(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	mustRun(t, "build", "-q", "--sample", "-o", p("g.csv"))
	mustRun(t, "build", "-q", "--sample", "-o", p("g.graphml"))
	mustRun(t, "rank", "-q", p("g.csv"), "--by", "citations", "-f", "csv", "-o", p("from-csv.csv"))
	mustRun(t, "rank", "-q", "--sample", "--by", "citations", "-f", "csv", "-o", p("from-opinion.csv"))
	if a, b := readFile(t, p("from-csv.csv")), readFile(t, p("from-opinion.csv")); !bytes.Equal(a, b) {
		t.Errorf("rank of the CSV pair differs from rank of the opinion:\n%s\n%s", a, b)
	}
	// Conversions, each read back by the next command.
	mustRun(t, "build", "-q", p("g.graphml"), "-o", p("g.json"))
	mustRun(t, "build", "-q", p("g.json"), "-o", p("g2.csv"))
	mustRun(t, "build", "-q", p("g2.csv"), "-o", p("g2.graphml"))
	var nl nodeLink
	if err := json.Unmarshal(readFile(t, p("g.json")), &nl); err != nil {
		t.Fatal(err)
	}
	if len(nl.Nodes) != 9 || len(nl.Links) != 8 {
		t.Errorf("GraphML → JSON: %d nodes, %d links; want the sample's 9 and 8", len(nl.Nodes), len(nl.Links))
	}
	for _, f := range []string{"g.csv", "g2.csv"} {
		for _, part := range []string{".nodes.csv", ".edges.csv"} {
			name := strings.TrimSuffix(f, ".csv") + part
			if a, b := readFile(t, p("g"+part)), readFile(t, p(name)); !bytes.Equal(a, b) {
				t.Errorf("%s differs after GraphML → JSON → CSV", name)
			}
		}
	}
	// Filters apply to graph files, and render draws them.
	mustRun(t, "build", "-q", p("g.graphml"), "--top", "3", "--by", "citations", "-o", p("top.json"))
	if err := json.Unmarshal(readFile(t, p("top.json")), &nl); err != nil || len(nl.Nodes) != 3 {
		t.Errorf("--top 3 on a graph file: %d nodes, %v", len(nl.Nodes), err)
	}
	mustRun(t, "render", "-q", p("g.csv"), "-o", p("g.svg"))
	// A graph file is not an opinion, and is not mixed with opinions.
	if stderr, code := runGraphCmd(t, "build", p("g.graphml"), "../../../shared/corpus/sample", "-o", p("x.json")); code != 2 || !strings.Contains(stderr, "graph file") {
		t.Errorf("graph file among opinions: exit %d, %s", code, stderr)
	}
	if stderr, code := runGraphCmd(t, "build", p("g.graphml"), "--report", p("r.csv"), "-o", p("x.json")); code != 2 {
		t.Errorf("--report of a graph file: exit %d, %s", code, stderr)
	}
	mustRun(t, "build", "-q", "--sample", "-o", p("g.gexf"))
	if stderr, code := runGraphCmd(t, "build", p("g.gexf"), "-o", p("x.json")); code != 1 || !strings.Contains(stderr, "GEXF") {
		t.Errorf("GEXF input: exit %d, %s", code, stderr)
	}
}
