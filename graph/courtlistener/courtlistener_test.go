package courtlistener

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// files writes an opinions file and a citation map in PostgreSQL's
// dialect: case 10 is held as a combined record (opinion 1) and as its
// lead opinion and dissent (2, 3); cases 20 and 30 as one record each.
func files(t *testing.T) (opinions, citationMap string) {
	t.Helper()
	dir := t.TempDir()
	opinions = filepath.Join(dir, "opinions-2025-01-01.csv")
	citationMap = filepath.Join(dir, "citation-map-2025-01-01.csv")
	write := func(path, content string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(opinions, "id,type,html_with_citations,cluster_id\n"+
		`"1","010combined","<p>x</p>","10"`+"\n"+`"2","020lead","","10"`+"\n"+`"3","040dissent","","10"`+"\n"+
		`"4","010combined","","20"`+"\n"+`"5","010combined","","30"`+"\n")
	write(citationMap, "id,depth,cited_opinion_id,citing_opinion_id\n"+
		`"1","3","4","1"`+"\n"+ // the combined record cites case 20 three times,
		`"2","1","4","2"`+"\n"+ // its lead opinion once
		`"3","1","4","3"`+"\n"+ // and its dissent once: 3 counts, not 5
		`"4","1","5","1"`+"\n"+ // case 30: once in the combined record,
		`"5","2","5","2"`+"\n"+ // twice in the lead: 2
		`"6","1","1","4"`+"\n"+ // case 20 cites case 10
		`"7","1","99","5"`+"\n"+ // an opinion the file lacks
		`"8","4","4","4"`+"\n") // a case citing itself
	return opinions, citationMap
}

func TestReadMapCountsEachCaseOnce(t *testing.T) {
	ops, cm := files(t)
	skip := func(err error) { t.Errorf("skipped: %v", err) }
	opinions, err := corpus.ScanOpinionClusters(ops, corpus.Options{}, skip)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ReadMap(cm, corpus.Options{}, opinions, skip)
	if err != nil {
		t.Fatal(err)
	}
	want := []Pair{{10, 20, 3}, {10, 30, 2}, {20, 10, 1}}
	if len(m.Pairs) != len(want) || m.Rows != 8 || m.Unmapped != 1 {
		t.Fatalf("%+v", m)
	}
	for i, p := range want {
		if m.Pairs[i] != p {
			t.Errorf("pair %d: %+v, want %+v", i, m.Pairs[i], p)
		}
	}
	g, err := m.Graph(nil, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Edge("doc:"+ClusterDoc(10), "doc:"+ClusterDoc(20)); !ok || e.Weight != 3 || g.EdgeCount() != 3 || g.NodeCount() != 3 {
		t.Errorf("graph: %d nodes, %d edges, 10 → 20: %+v", g.NodeCount(), g.EdgeCount(), e)
	}
}

func TestCompare(t *testing.T) {
	ops, cm := files(t)
	opinions, err := corpus.ScanOpinionClusters(ops, corpus.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ReadMap(cm, corpus.Options{}, opinions, nil)
	if err != nil {
		t.Fatal(err)
	}
	// citegraph's graph of three of the opinions: case 10 cites case 20,
	// and a case no opinion read belongs to; case 20 cites case 30.
	b := graph.NewBuilder(graph.Options{})
	for _, d := range []struct {
		id, cite, text string
	}{
		{"courtlistener:1", "100 U.S. 1", "See Foo v. Bar, 200 U.S. 2 (1900); Baz v. Qux, 400 U.S. 4 (1901)."},
		{"courtlistener:4", "200 U.S. 2", "See Quux v. Corge, 300 U.S. 3 (1902)."},
		{"courtlistener:5", "300 U.S. 3", "Nothing is cited here."},
	} {
		doc := &corpus.Document{ID: d.id, Text: d.text, Meta: corpus.Meta{Citations: []string{d.cite}, Opinion: "combined"}}
		if err := b.Add(doc, extract.Extract(d.text)); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	c := Compare(g, m, opinions)
	if c.Both != 1 || c.OnlyTheirs != 2 || c.OnlyOurs != 1 || c.OursOutside != 1 || c.TheirsOutside != 1 || c.SameWeight != 0 {
		t.Fatalf("%+v", c)
	}
	// The pair in both has depth 3; only CourtListener's have 2 and 1.
	if c.ByDepth[2].Both != 1 || c.ByDepth[1].OnlyTheirs != 1 || c.ByDepth[0].OnlyTheirs != 1 || c.ByDepth[0].OnlyOurs != 1 {
		t.Errorf("by depth: %+v", c.ByDepth)
	}
	want := []Disagreement{{"100 U.S. 1", "300 U.S. 3", 0, 2}, {"200 U.S. 2", "100 U.S. 1", 0, 1}, {"200 U.S. 2", "300 U.S. 3", 1, 0}}
	for i, d := range want {
		if i >= len(c.Disagreements) || c.Disagreements[i] != d {
			t.Errorf("disagreements %+v, want %+v", c.Disagreements, want)
			break
		}
	}
	if c.Recall() != 1.0/3 || c.Precision() != 0.5 {
		t.Errorf("recall %v, precision %v", c.Recall(), c.Precision())
	}
}
