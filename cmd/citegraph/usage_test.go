package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run the built command as a user would, from a shell: piped
// input, a terminal, files on disk.

// runBin runs the binary with stdin and returns its outputs and exit
// status.
func runBin(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return o.String(), e.String(), cmd.ProcessState.ExitCode()
}

const brown = "Brown v. Board of Education, 347 U.S. 483, 495 (1954).\n"

// Every command reads piped standard input; none falls back to the sample.
func TestPipedInput(t *testing.T) {
	piped := "See " + brown
	out, stderr, code := runBin(t, piped, "build", "-f", "json")
	var g nodeLink
	if err := json.Unmarshal([]byte(out), &g); code != 0 || err != nil {
		t.Fatalf("build: exit %d, %v: %s", code, err, stderr)
	}
	if len(g.Links) != 1 || g.Links[0].Target != "347 U.S. 483" || strings.Contains(out, "Goldstein") {
		t.Errorf("build of piped input gave %+v", g.Links)
	}
	out, _, code = runBin(t, piped, "rank", "--by", "citations", "--format", "csv")
	if code != 0 || !strings.Contains(out, "347 U.S. 483") || strings.Contains(out, "424 U.S. 409") {
		t.Errorf("rank: exit %d: %s", code, out)
	}
	out, _, code = runBin(t, piped, "extract", "-f", "jsonl")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"doc":"-"`) {
		t.Errorf("extract: exit %d: %s", code, out)
	}
	// --sample is the sample, and says nothing about it.
	out, stderr, code = runBin(t, "", "build", "--sample", "-f", "json", "-q")
	if code != 0 || !strings.Contains(out, "Imbler") || stderr != "" {
		t.Errorf("--sample: exit %d, stderr %q", code, stderr)
	}
}

// On a terminal with no input named, a command runs on the sample and
// says so in one line.
func TestTerminalWithoutInputUsesSampleWithNotice(t *testing.T) {
	bin := binary(t)
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is needed for a terminal")
	}
	out := filepath.Join(t.TempDir(), "x.json")
	cmd := exec.Command("script", "-qec", bin+" build -o "+out, "/dev/null")
	var screen bytes.Buffer
	cmd.Stdout = &screen
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, screen.String())
	}
	if !strings.Contains(screen.String(), "no input given: running on the embedded sample opinion (Van de Kamp v. Goldstein)") {
		t.Errorf("no notice on the terminal:\n%s", screen.String())
	}
	if !strings.Contains(string(readFile(t, out)), "Imbler") {
		t.Error("the graph is not the sample's")
	}
}

// Errors that stop: nothing read, an output that cannot be written, a
// picture format that is not one; each exits with one clear line and
// writes nothing.
func TestErrorsThatStop(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	skipped := writeFiles(t, map[string]string{"a.txt": " \n", "b.json": "{"})
	out := filepath.Join(dir, "g.graphml")
	for _, tc := range []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"build", empty, "-o", out}, 1, "no opinion read: " + empty + " holds no document files (.htm, .html,"},
		{"", []string{"build", skipped, "-o", out}, 1, "no opinion read: read 0 documents from 2 files"},
		{"", []string{"extract", skipped, "-o", out}, 1, "no opinion read"},
		{"", []string{"build", "-", "-o", out}, 1, "no opinion read"},
		{brown, []string{"build", "-o", filepath.Join(dir, "missing", "g.graphml")}, 2, "folder " + filepath.Join(dir, "missing") + " does not exist"},
		{brown, []string{"extract", "-o", filepath.Join(dir, "missing", "c.csv")}, 2, "does not exist"},
		{brown, []string{"rank", "-o", filepath.Join(dir, "missing", "r.csv")}, 2, "does not exist"},
		{brown, []string{"build", "-f", "csv"}, 2, "CSV is two files"},
		{brown, []string{"render", "-o", filepath.Join(dir, "x.jpg")}, 2, `render draws pictures: svg, png, html (from the -o extension or --format), not ".jpg"`},
		{brown, []string{"build", "--encoding", "klingon", "-o", out}, 2, `unknown encoding "klingon"`},
	} {
		_, stderr, code := runBin(t, tc.stdin, tc.args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		last := lines[len(lines)-1]
		if code != tc.code || !strings.Contains(last, tc.want) {
			t.Errorf("%v: exit %d, last line %q; want exit %d and %q", tc.args, code, last, tc.code, tc.want)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("failed runs left files: %d entries in %s", len(ents), dir)
	}
}

// --version names the version and, in a git checkout, the commit.
func TestVersion(t *testing.T) {
	out, _, code := runBin(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "citegraph ") || !strings.Contains(out, "\ncommit ") {
		t.Fatalf("exit %d: %q", code, out)
	}
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	if fi, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !fi.IsDir() {
		t.Skip("a git worktree: the Go toolchain stamps commits only in a checkout with a .git folder")
	}
	head, _ := exec.Command("git", "rev-parse", "HEAD").Output()
	if !strings.Contains(out, "commit "+strings.TrimSpace(string(head))) {
		t.Errorf("--version %q does not name HEAD %s", out, head)
	}
}

// Shell completion offers the values of --format, --by, --layout and
// --court.
func TestCompletionOfFlagValues(t *testing.T) {
	g := filepath.Join(t.TempDir(), "s.graphml")
	mustRun(t, "build", "--sample", "-q", "-o", g)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"build", "--format", ""}, []string{"graphml", "gexf", "csv"}},
		{[]string{"extract", "--format", ""}, []string{"jsonl", "table"}},
		{[]string{"render", "--format", ""}, []string{"svg", "png"}},
		{[]string{"rank", "--by", ""}, []string{"pagerank", "betweenness"}},
		{[]string{"render", "--layout", ""}, []string{"timeline", "force"}},
		{[]string{"rank", g, "--court", ""}, []string{"scotus", "ca9"}},
	} {
		out, _, code := runBin(t, "", append([]string{"__complete"}, tc.args...)...)
		got := strings.Split(out, "\n")
		for _, w := range tc.want {
			if code != 0 || !containsLine(got, w) {
				t.Errorf("%v: %q offered, want %q among them", tc.args, got, w)
			}
		}
		if tc.args[0] == "render" && tc.args[1] == "--format" && containsLine(got, "graphml") {
			t.Errorf("render offers graph formats: %q", got)
		}
	}
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// A .txt opinion that opens with a bracket is text; a Latin-1 or
// Windows-1252 file and a UTF-16 file are read, and --encoding forces one.
func TestTextSniffingAndEncodingsFromTheCommandLine(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"note.txt":   "[EDITORS' NOTE: THIS PAGE CONTAINS HEADNOTES.]\n" + brown,
		"latin1.txt": "Caf\xe9 Corp. v. Nu\xf1ez, 347 U.S. 483 (1954).\n",
		"cp1252.txt": "\x93Brown v. Board of Education,\x94 347 U.S. 483 (1954).\n",
		"utf16.txt":  "\xff\xfe" + utf16le(brown),
		"latin2.txt": "Ko\xb9ice v. Board of Education, 347 U.S. 483 (1954).\n",
	})
	out, stderr, code := runBin(t, "", "extract", dir, "-f", "jsonl")
	if code != 0 || strings.Count(out, "\n") != 5 || strings.Contains(stderr, "skipped") {
		t.Fatalf("exit %d, %d records:\n%s", code, strings.Count(out, "\n"), stderr)
	}
	for _, want := range []string{`"case_name":"Café Corp. v. Nuñez"`, `"doc":"` + filepath.Join(dir, "note.txt"), `"doc":"` + filepath.Join(dir, "utf16.txt")} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
	out, _, _ = runBin(t, "", "extract", filepath.Join(dir, "latin2.txt"), "-f", "jsonl", "--encoding", "iso-8859-2")
	if !strings.Contains(out, `"case_name":"Košice v. Board of Education"`) {
		t.Errorf("--encoding iso-8859-2: %s", out)
	}
	_, stderr, code = runBin(t, "", "extract", filepath.Join(dir, "latin1.txt"), "--encoding", "utf-8")
	if code != 1 || !strings.Contains(stderr, "not UTF-8") {
		t.Errorf("--encoding utf-8 on Latin-1: exit %d: %s", code, stderr)
	}
}

func utf16le(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// readmeNetworkx is the README's Python for loading citegraph's exports:
// the node-link call that works in networkx 2.8 and 3.x alike, and GEXF
// 1.2 for networkx 2.x.
const readmeNetworkx = `
import inspect, json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
links = {"edges": "links"} if "edges" in inspect.signature(nx.node_link_graph).parameters else {}
G = nx.node_link_graph(data, **links)
H = nx.read_gexf(sys.argv[2])
print(nx.__version__, G.number_of_nodes(), G.number_of_edges(), H.number_of_nodes(), H.number_of_edges(), G["555 U.S. 335"]["424 U.S. 409"]["weight"])
`

// Every networkx on the machine (Debian's 2.8 as CI installs it, and any
// newer one on the path) loads the node-link JSON with the README's call
// and the GEXF written with --gexf-version 1.2.
func TestNetworkxOfEveryAge(t *testing.T) {
	dir := t.TempDir()
	js, gexf := filepath.Join(dir, "g.json"), filepath.Join(dir, "g.gexf")
	mustRun(t, "build", "--sample", "-q", "-o", js)
	mustRun(t, "build", "--sample", "-q", "--gexf-version", "1.2", "-o", gexf)
	script := filepath.Join(dir, "load.py")
	if err := os.WriteFile(script, []byte(readmeNetworkx), 0o644); err != nil {
		t.Fatal(err)
	}
	var versions []string
	for _, cand := range []string{"/usr/bin/python3", "python3"} {
		py, err := exec.LookPath(cand)
		if err != nil || exec.Command(py, "-c", "import networkx").Run() != nil {
			continue
		}
		out, err := exec.Command(py, script, js, gexf).CombinedOutput()
		f := strings.Fields(string(out))
		if err != nil || len(f) != 6 {
			t.Errorf("%s: %v\n%s", py, err, out)
			continue
		}
		if strings.Join(f[1:], " ") != "9 8 9 8 31" {
			t.Errorf("networkx %s read %s, want 9 nodes and 8 edges from each, weight 31", f[0], strings.Join(f[1:], " "))
		}
		versions = append(versions, f[0])
	}
	if len(versions) == 0 {
		t.Skip("no python3 with networkx (Debian package python3-networkx)")
	}
	t.Logf("networkx versions checked: %v", versions)
}

// The README's quick start is true: its first command, run as it says
// from the repository root, prints the block the README shows and writes
// the GraphML; the README's picture is what its command draws.
func TestQuickStartOutputMatchesREADME(t *testing.T) {
	readme := string(readFile(t, "../../README.md"))
	const marker = "<!-- quickstart-output"
	at := strings.Index(readme, marker)
	if at < 0 {
		t.Fatal("README has no quick-start output block")
	}
	block := readme[at:]
	block = block[strings.Index(block, "```\n")+4:]
	want := block[:strings.Index(block, "```")]
	if !strings.Contains(readme, "go run ./cmd/citegraph build --sample -o sample.graphml\n") {
		t.Fatal("the README's first command changed: update this test")
	}
	dir := t.TempDir()
	cmd := exec.Command(binary(t), "build", "--sample", "-o", "sample.graphml")
	cmd.Dir = dir
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	if string(got) != want {
		t.Errorf("the command prints\n%s\nthe README shows\n%s", got, want)
	}
	if g := readFile(t, filepath.Join(dir, "sample.graphml")); !bytes.Contains(g, []byte("Imbler v. Pachtman")) {
		t.Error("no GraphML written")
	}

	const draw = "go run ./cmd/citegraph render --sample -o docs/sample-graph.png"
	if !strings.Contains(readme, draw) {
		t.Fatalf("the README does not give %q", draw)
	}
	png := filepath.Join(dir, "sample-graph.png")
	if _, stderr, code := runBin(t, "", "render", "--sample", "-o", png); code != 0 {
		t.Fatal(stderr)
	}
	if !bytes.Equal(readFile(t, png), readFile(t, "../../docs/sample-graph.png")) {
		t.Errorf("docs/sample-graph.png is not what %q draws: run it", draw)
	}
}
