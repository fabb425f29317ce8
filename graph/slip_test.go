package graph

import (
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// extractLayout extracts a document's citations with its footnotes, as
// citegraph does.
func extractLayout(t *testing.T, d *corpus.Document) []extract.Citation {
	t.Helper()
	var l extract.Layout
	for _, n := range d.Notes {
		l.Notes = append(l.Notes, extract.Note{Start: n.Start, End: n.End, Mark: n.Mark, Continued: n.Continued})
	}
	cs, err := extract.New(nil).ExtractLayout(d.Text, l)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// The slip opinions of the shared corpus, read with no manifest, as
// `citegraph build ../shared/corpus/slip-pdf` reads them: each is one node
// that knows its name, court, year and slip cite from its first page;
// the edges of June Medical say which of its opinions cite; no node comes
// from a running head.
func TestSlipOpinionGraph(t *testing.T) {
	dir := sharedDir(t, "slip-pdf")
	man, err := corpus.LoadManifest(filepath.Join(dir, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	sort.Strings(files)
	b := NewBuilder(Options{})
	var docs []*corpus.Document
	for _, f := range files {
		ds, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil || len(ds) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, ds[0])
		if err := b.Add(ds[0], extractLayout(t, ds[0])); err != nil {
			t.Fatal(err)
		}
	}
	g := build(t, b)
	nodes := map[string]bool{}
	for st := range g.Documents() {
		var d *corpus.Document
		for _, x := range docs {
			if x.ID == st.Doc {
				d = x
			}
		}
		want, _ := man.Lookup(d)
		n, _ := g.Node(st.Node)
		nodes[st.Node] = true
		slip := strings.TrimSuffix(want.Citations[0], "___")
		if n.Name != want.CaseName || n.Court != "scotus" || n.Year != want.Year() || !n.InCorpus ||
			!slices.ContainsFunc(n.Citations, func(c string) bool { return strings.HasPrefix(c, slip+"___ (") }) {
			t.Errorf("%s: node %+v, want name %q, court scotus, year %d, slip cite %s___", filepath.Base(d.Path), n, want.CaseName, want.Year(), slip)
		}
	}
	if len(nodes) != len(files) {
		t.Errorf("%d documents make %d nodes", len(files), len(nodes))
	}
	// June Medical holds seven opinions (the syllabus, the plurality, a
	// concurrence in the judgment and four dissents): every kind cites.
	june, _ := g.Node("591 U.S. ___ (June v. Russo)")
	opinions := map[string]int{}
	for e := range g.Edges() {
		if e.From == june.ID {
			for _, o := range e.Opinions {
				opinions[o.Value] += o.N
			}
		}
	}
	for _, op := range []string{"syllabus", "plurality", "concurrence", "dissent"} {
		if opinions[op] == 0 {
			t.Errorf("June Medical: no edge from its %s (edges' opinions %v)", op, opinions)
		}
	}
	// A running head would be a node of a volume's blank slip cite with
	// no name, or a self-citation of a document's own slip cite.
	head := regexp.MustCompile(`^\d+ U\.S\. _+$`)
	for n := range g.Nodes() {
		if head.MatchString(n.ID) || strings.Contains(n.Name, "Cite as") {
			t.Errorf("node from a running head: %+v", n)
		}
	}
	for st := range g.Documents() {
		if st.SelfCites > 0 {
			t.Errorf("%s cites itself %d times (running heads read as citations?)", st.Doc, st.SelfCites)
		}
	}
}
