package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// ref parses "424 U.S. 409" for hand-made citations.
func ref(s string) extract.Ref {
	f := strings.Fields(s)
	return extract.Ref{Volume: f[0], Reporter: strings.Join(f[1:len(f)-1], " "), Page: f[len(f)-1]}
}

func full(name, cite string, year int, parallel ...string) extract.Citation {
	c := extract.Citation{Kind: extract.Full, Ref: ref(cite), CaseName: name, Year: year, Antecedent: -1}
	c.Target = c.Ref
	for _, p := range parallel {
		c.Parallel = append(c.Parallel, ref(p))
	}
	return c
}

func short(kind extract.Kind, target, pin string) extract.Citation {
	c := extract.Citation{Kind: kind, Pin: pin}
	if target != "" {
		c.Target = ref(target)
	} else {
		c.Reason = "no antecedent"
	}
	return c
}

// refsOf stands in for the extractor when normalising a document's own
// citations, so that these tests do not depend on it.
func refsOf(s string) []extract.Ref {
	if strings.Count(s, " ") < 2 {
		return nil
	}
	return []extract.Ref{ref(strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "U. S.", "U.S."))}
}

func newTestBuilder(opt Options) *Builder {
	opt.Normalize = refsOf
	return NewBuilder(opt)
}

func doc(id, name, date, opinion string, cites ...string) *corpus.Document {
	return &corpus.Document{ID: id, Meta: corpus.Meta{CaseName: name, Date: date, Opinion: opinion, Court: "scotus", Citations: cites}}
}

func build(t *testing.T, b *Builder) *Graph {
	t.Helper()
	g, err := b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func add(t *testing.T, b *Builder, d *corpus.Document, cites ...extract.Citation) {
	t.Helper()
	if err := b.Add(d, cites); err != nil {
		t.Fatal(err)
	}
}

func TestBuilderCountsShortFormsAndKeepsEdgeData(t *testing.T) {
	b := newTestBuilder(Options{})
	d := doc("vdk", "Van de Kamp v. Goldstein", "2009-01-26", "majority", "555 U. S. 335")
	d.Text = strings.Repeat("x", 100)
	d.Pages = []corpus.PageMark{{Offset: 0, Page: "338"}, {Offset: 50, Page: "339"}}
	imbler := full("Imbler v. Pachtman", "424 U.S. 409", 1976, "96 S. Ct. 984")
	imbler.Start = 10
	giglio := full("Giglio v. United States", "405 U.S. 150", 1972)
	giglio.Signal = "See"
	giglio.Parenthetical = "prosecution's duty to disclose"
	id1 := short(extract.ID, "424 U.S. 409", "430")
	id1.Start = 60
	id2 := short(extract.ID, "424 U.S. 409", "430")
	id2.Start = 70
	supra := short(extract.Supra, "405 U.S. 150", "154")
	lost := short(extract.Short, "", "12")
	self := full("Van de Kamp v. Goldstein", "555 U.S. 335", 2009)
	add(t, b, d, imbler, giglio, id1, id2, supra, lost, self)
	g := build(t, b)

	if g.NodeCount() != 3 || g.EdgeCount() != 2 {
		t.Fatalf("%d nodes, %d edges: %v %v", g.NodeCount(), g.EdgeCount(), nodeIDs(g), edgePairs(g))
	}
	e, ok := g.Edge("555 U.S. 335", "424 U.S. 409")
	if !ok {
		t.Fatalf("no edge to Imbler: %v", edgePairs(g))
	}
	if e.Weight != 3 || !slices.Equal(e.Pins, []Count{{"430", 2}}) || !slices.Equal(e.Pages, []string{"338", "339"}) ||
		!slices.Equal(e.Opinions, []Count{{"majority", 3}}) {
		t.Errorf("Imbler edge %+v", e)
	}
	e, _ = g.Edge("555 U.S. 335", "405 U.S. 150")
	if e.Weight != 2 || !slices.Equal(e.Signals, []Count{{"See", 1}}) || !slices.Equal(e.Parentheticals, []string{"prosecution's duty to disclose"}) {
		t.Errorf("Giglio edge %+v", e)
	}
	imb, _ := g.Node("424 U.S. 409")
	if imb.Name != "Imbler v. Pachtman" || imb.Year != 1976 || imb.InCorpus || !slices.Equal(imb.Citations, []string{"424 U.S. 409", "96 S. Ct. 984"}) {
		t.Errorf("Imbler node %+v", imb)
	}
	if imb.CitingCases != 1 || imb.TimesCited != 3 {
		t.Errorf("Imbler counts %+v", imb)
	}
	vdk, _ := g.Node("555 U.S. 335")
	if !vdk.InCorpus || vdk.Year != 2009 || vdk.Cites != 2 {
		t.Errorf("document node %+v", vdk)
	}
	st := slices.Collect(g.Documents())
	want := DocStat{Doc: "vdk", Node: "555 U.S. 335", Opinion: "majority", Citations: 7, Edges: 5, Unresolved: 1, SelfCites: 1,
		Reasons: []Count{{"no antecedent", 1}}}
	if len(st) != 1 || !equalStat(st[0], want) {
		t.Errorf("doc stats %+v, want %+v", st, want)
	}
}

func equalStat(a, b DocStat) bool {
	return a.Doc == b.Doc && a.Node == b.Node && a.Opinion == b.Opinion && a.Citations == b.Citations && a.Edges == b.Edges &&
		a.Unresolved == b.Unresolved && a.SelfCites == b.SelfCites && a.Statutes == b.Statutes && slices.Equal(a.Reasons, b.Reasons)
}

// A case cited only by its S. Ct. citation in one document and by both in
// another is one node, named by its U.S. citation; a corpus document named
// by a parallel citation joins that node too; its records of several
// opinions become one edge per cited case.
func TestBuilderJoinsParallelCitationsAndDocuments(t *testing.T) {
	b := newTestBuilder(Options{})
	add(t, b, doc("a", "A v. B", "1990", "majority", "500 U.S. 1"), full("Imbler v. Pachtman", "96 S. Ct. 984", 1976))
	add(t, b, doc("b", "C v. D", "1995", "majority", "510 U.S. 1"), full("Imbler v. Pachtman", "424 U.S. 409", 1976, "96 S. Ct. 984", "47 L. Ed. 2d 128"))
	add(t, b, doc("imbler", "Imbler v. Pachtman", "1976-03-02", "majority", "47 L. Ed. 2d 128"))
	add(t, b, doc("b-dissent", "C v. D", "1995", "dissent", "510 U.S. 1"), full("", "47 L. Ed. 2d 128", 0), short(extract.ID, "47 L. Ed. 2d 128", "3"))
	g := build(t, b)
	if got := nodeIDs(g); !slices.Equal(got, []string{"424 U.S. 409", "500 U.S. 1", "510 U.S. 1"}) {
		t.Fatalf("nodes %v", got)
	}
	n, _ := g.Node("424 U.S. 409")
	if !n.InCorpus || !slices.Equal(n.Citations, []string{"424 U.S. 409", "96 S. Ct. 984", "47 L. Ed. 2d 128"}) || n.CitingCases != 2 || n.TimesCited != 4 {
		t.Errorf("Imbler %+v", n)
	}
	e, _ := g.Edge("510 U.S. 1", "424 U.S. 409")
	if e.Weight != 3 || !slices.Equal(e.Opinions, []Count{{"majority", 1}, {"dissent", 2}}) {
		t.Errorf("edge from both opinions %+v", e)
	}
	var nodes []string
	for s := range g.Documents() {
		nodes = append(nodes, s.Node)
	}
	// Documents come in id order: a, b, b-dissent, imbler.
	if !slices.Equal(nodes, []string{"500 U.S. 1", "510 U.S. 1", "510 U.S. 1", "424 U.S. 409"}) {
		t.Errorf("document nodes %v", nodes)
	}
}

// Node ids must not depend on the order documents come in.
func TestBuilderIDsIndependentOfOrder(t *testing.T) {
	docs := []struct {
		d *corpus.Document
		c []extract.Citation
	}{
		{doc("x", "X", "2000", "", "530 U.S. 1"), []extract.Citation{full("Y", "120 S. Ct. 5", 1999), full("Z", "77 F.3d 9", 1996)}},
		{doc("y", "Y", "1999", "", "120 S. Ct. 5", "528 U.S. 7"), nil},
		{doc("w", "W", "2001", "", ""), []extract.Citation{full("Y", "145 L. Ed. 2d 3", 1999, "528 U.S. 7"), full("Z", "77 F.3d 9", 1996)}},
	}
	var first []string
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		b := newTestBuilder(Options{})
		for _, i := range order {
			add(t, b, docs[i].d, docs[i].c...)
		}
		g := build(t, b)
		ids := nodeIDs(g)
		if first == nil {
			first = ids
			if !slices.Equal(ids, []string{"528 U.S. 7", "530 U.S. 1", "77 F.3d 9", "doc:w"}) {
				t.Fatalf("ids %v", ids)
			}
		} else if !slices.Equal(ids, first) {
			t.Errorf("order %v gives ids %v, want %v", order, ids, first)
		}
	}
}

func TestBuilderStatutesOnlyWhenAsked(t *testing.T) {
	law := extract.Citation{Kind: extract.Law, Ref: extract.Ref{Volume: "42", Reporter: "U.S.C.", Page: "§ 1983"}}
	law.Target = law.Ref
	cites := []extract.Citation{law, full("Imbler v. Pachtman", "424 U.S. 409", 1976)}
	for _, statutes := range []bool{false, true} {
		b := newTestBuilder(Options{Statutes: statutes})
		add(t, b, doc("d", "D", "2009", "", "555 U.S. 335"), cites...)
		g := build(t, b)
		n, ok := g.Node("42 U.S.C. § 1983")
		if ok != statutes || ok && n.Kind != Statute {
			t.Errorf("statutes=%v: statute node %v %+v", statutes, ok, n)
		}
		want := 1
		if statutes {
			want = 2
		}
		if g.EdgeCount() != want {
			t.Errorf("statutes=%v: %d edges", statutes, g.EdgeCount())
		}
		if s := slices.Collect(g.Documents())[0]; statutes == (s.Statutes == 1) {
			t.Errorf("statutes=%v: stats %+v", statutes, s)
		}
	}
}

// Names, courts and years of cited cases come from the majority of the
// citations, ties going to the longest name and the smallest year.
func TestBuilderMostFrequentName(t *testing.T) {
	b := newTestBuilder(Options{})
	add(t, b, doc("1", "", "", "", "1 U.S. 1"), full("Imbler v. Pachtmann", "424 U.S. 409", 1975))
	add(t, b, doc("2", "", "", "", "2 U.S. 1"), full("Imbler v. Pachtman", "424 U.S. 409", 1976))
	add(t, b, doc("3", "", "", "", "3 U.S. 1"), full("Imbler v. Pachtman", "424 U.S. 409", 1976))
	add(t, b, doc("4", "", "", "", "4 U.S. 1"), full("Burns v. Reed", "500 U.S. 478", 1991), full("Burns", "500 U.S. 478", 1990))
	g := build(t, b)
	n, _ := g.Node("424 U.S. 409")
	if n.Name != "Imbler v. Pachtman" || n.Year != 1976 {
		t.Errorf("%+v", n)
	}
	n, _ = g.Node("500 U.S. 478")
	if n.Name != "Burns v. Reed" || n.Year != 1990 {
		t.Errorf("tie: %+v", n)
	}
}

// A case held as a combined record and as its opinions one by one (and a
// second copy of its majority opinion) counts each citation once.
func TestBuilderCountsRepeatedRecordsOnce(t *testing.T) {
	b := newTestBuilder(Options{})
	imbler := full("Imbler v. Pachtman", "424 U.S. 409", 1976)
	id := short(extract.ID, "424 U.S. 409", "430")
	brady := full("Brady v. Maryland", "373 U.S. 83", 1963)
	add(t, b, doc("c", "X", "2000", "combined", "530 U.S. 1"), imbler, id, brady, short(extract.ID, "373 U.S. 83", "87"))
	add(t, b, doc("m", "X", "2000", "majority", "530 U.S. 1"), imbler, id)
	add(t, b, doc("m2", "X", "2000", "majority", "530 U.S. 1"), imbler)
	add(t, b, doc("d", "X", "2000", "dissent", "530 U.S. 1"), imbler)
	g := build(t, b)
	// Imbler: majority 2 + dissent 1 beat the combined record's 2. Lists
	// merge in the order of document ids (c, d, m, m2).
	if e, _ := g.Edge("530 U.S. 1", "424 U.S. 409"); e.Weight != 3 || !slices.Equal(e.Opinions, []Count{{"dissent", 1}, {"majority", 2}}) {
		t.Errorf("Imbler edge %+v", e)
	}
	// Brady: only the combined record has it (the split lacks an opinion).
	if e, _ := g.Edge("530 U.S. 1", "373 U.S. 83"); e.Weight != 2 || !slices.Equal(e.Pins, []Count{{"87", 1}}) {
		t.Errorf("Brady edge %+v", e)
	}
	var dup []int
	for s := range g.Documents() {
		dup = append(dup, s.Duplicates)
		if s.Citations != s.Edges+s.Duplicates+s.Unresolved+s.SelfCites+s.Statutes {
			t.Errorf("%s: citations do not add up: %+v", s.Doc, s)
		}
	}
	if !slices.Equal(dup, []int{2, 0, 0, 1}) {
		t.Errorf("duplicates per document %v", dup)
	}
}

// Citations of the nominative reporters are the U.S. volumes they became,
// and two decisions cited side by side ("347 U.S. 483, 349 U.S. 294")
// stay two cases, however the extractor groups them.
func TestBuilderNominativeReportersAndConflictingParallels(t *testing.T) {
	b := newTestBuilder(Options{})
	gibbons := full("Gibbons v. Ogden", "9 Wheat. 1", 1824)
	brown := full("Brown v. Board of Education", "347 U.S. 483", 1954, "349 U.S. 294")
	dennis := full("Dennis v. United States", "183 F.2d 201", 1950, "341 U.S. 494")
	add(t, b, doc("x", "X", "1960", "", "361 U.S. 1"), gibbons, brown, dennis)
	add(t, b, doc("g", "Gibbons v. Ogden", "1824", "", "22 U.S. 1"))
	add(t, b, doc("b2", "Brown v. Board of Education", "1955", "", "349 U.S. 294"))
	g := build(t, b)
	want := []string{"183 F.2d 201", "22 U.S. 1", "341 U.S. 494", "347 U.S. 483", "349 U.S. 294", "361 U.S. 1"}
	if got := nodeIDs(g); !slices.Equal(got, want) {
		t.Fatalf("nodes %v, want %v", got, want)
	}
	if n, _ := g.Node("22 U.S. 1"); !n.InCorpus || !slices.Equal(n.Citations, []string{"22 U.S. 1", "9 Wheat. 1"}) || n.CitingCases != 1 {
		t.Errorf("Gibbons %+v", n)
	}
}

func TestBuilderEndsWithGraph(t *testing.T) {
	b := newTestBuilder(Options{})
	add(t, b, doc("a", "A", "2000", "", "530 U.S. 1"), full("B", "500 U.S. 1", 1990))
	build(t, b)
	if err := b.Add(doc("b", "B", "1990", "", "500 U.S. 1"), nil); err == nil {
		t.Error("Add after Graph accepted")
	}
	if _, err := b.Graph(); err == nil {
		t.Error("second Graph accepted")
	}
}

// Short forms whose pin lies outside the cited case, and slip citations
// with no page and no case name, are counted as unresolved, not as edges.
func TestBuilderLeavesOutSuspectAndPagelessCitations(t *testing.T) {
	b := newTestBuilder(Options{})
	d := doc("d", "Doe v. Roe", "2020", "majority", "590 U.S. 1")
	imbler := full("Imbler v. Pachtman", "424 U.S. 409", 1976)
	suspect := short(extract.ID, "424 U.S. 409", "12")
	suspect.Suspect = true
	slip := short(extract.ID, "600 U.S. ___", "")
	slip.Antecedent = -1
	add(t, b, d, imbler, suspect, slip)
	g := build(t, b)
	if g.EdgeCount() != 1 {
		t.Fatalf("edges %v, want only the one to Imbler", edgePairs(g))
	}
	if e, _ := g.Edge("590 U.S. 1", "424 U.S. 409"); e.Weight != 1 {
		t.Errorf("Imbler edge weight %d, want 1 (the suspect Id. left out)", e.Weight)
	}
	st := slices.Collect(g.Documents())
	if len(st) != 1 || st[0].Unresolved != 2 || len(st[0].Reasons) != 2 {
		t.Errorf("doc stats %+v, want 2 unresolved with their reasons", st)
	}
}

// A case no citation dates takes the year of its U.S. Reports volume.
func TestBuilderYearFromVolume(t *testing.T) {
	b := newTestBuilder(Options{})
	add(t, b, doc("d", "Doe v. Roe", "1900", "majority", "177 U.S. 1"),
		full("Marbury v. Madison", "5 U.S. 137", 0), full("Smith v. Jones", "100 F.2d 200", 0))
	g := build(t, b)
	if n, _ := g.Node("5 U.S. 137"); n.Year != 1803 {
		t.Errorf("Marbury year %d, want 1803 from its volume", n.Year)
	}
	if n, _ := g.Node("100 F.2d 200"); n.Year != 0 {
		t.Errorf("F.2d case year %d, want unknown", n.Year)
	}
}

// A slip cite with no page names its case by volume and name: two cases of
// one volume stay two nodes, and each joins the document the corpus holds
// under a paged citation of that volume and a name that folds the same.
func TestBuilderSlipCitesByName(t *testing.T) {
	b := newTestBuilder(Options{})
	mallory := full("Mallory v. Norfolk Southern R. Co.", "600 U.S. ___", 2023)
	sffa := full("Students for Fair Admissions, Inc. v. President and Fellows of Harvard College", "600 U.S. ___", 2023)
	again := short(extract.Short, "600 U.S. ___", "")
	again.Antecedent, again.TargetName = -1, "Mallory v. Norfolk Southern R. Co."
	// As the extractor gives a slip cite with a paged parallel: the paged
	// one is the target, the blank one a parallel.
	paged := full("MALLORY v. NORFOLK SOUTHERN RAILWAY CO.", "143 S. Ct. 2028", 2023, "600 U.S. ___")
	add(t, b, doc("d", "Doe v. Roe", "2024", "majority", "601 U.S. 1"), mallory, sffa, again, paged)
	add(t, b, doc("m", "Mallory v. Norfolk Southern Railway Co.", "2023-06-27", "majority", "600 U.S. 122"))
	g := build(t, b)
	if got := edgePairs(g); len(got) != 2 {
		t.Fatalf("edges %v, want one to Mallory and one to SFFA", got)
	}
	e, ok := g.Edge("601 U.S. 1", "600 U.S. 122")
	if !ok || e.Weight != 3 {
		t.Errorf("edge to Mallory %+v (found %v), want weight 3 under its paged citation", e, ok)
	}
	n, ok := g.Node("600 U.S. 122")
	if !ok || !slices.Contains(n.Citations, "143 S. Ct. 2028") || !slices.Contains(n.Citations, "600 U.S. ___ (Mallory v. Norfolk)") {
		t.Errorf("Mallory node %+v", n)
	}
	if n, ok := g.Node("600 U.S. ___ (Students v. President)"); !ok || n.Year != 2023 || !strings.HasPrefix(n.Name, "Students for Fair Admissions") {
		t.Errorf("SFFA node %+v (found %v)", n, ok)
	}
}

// Orders without opinion share a page of the reports ("cert. denied, 501
// U.S. 1201" for many cases): each is its own case's, told by the name of
// the decision whose history it is, so two cases denied on one page are
// two nodes, and one case's denial cited by two opinions is one.
func TestOrdersPageIsTheCaseItFollows(t *testing.T) {
	b := newTestBuilder(Options{})
	add(t, b, doc("a", "A v. B", "1995", "majority", "515 U.S. 1"), extract.Extract(
		"See Smith v. Jones, 900 F.2d 1, 5 (CA9), cert. denied, 501 U.S. 1201 (1991); Doe v. Roe, 901 F.2d 7 (CA2 1990), cert. dismissed, 501 U.S. 1201 (1991).")...)
	add(t, b, doc("c", "C v. D", "1996", "majority", "516 U.S. 1"), extract.Extract(
		"Smith v. Jones, 900 F.2d 1 (CA9 1990), cert. denied, 501 U.S. 1201, 111 S. Ct. 2890 (1991); Brush v. Commissioner, 85 F.2d 32 (CA2 1936), rev'd, 300 U.S. 352 (1937).")...)
	g := build(t, b)
	smith, ok := g.Node("501 U.S. 1201 (Smith v. Jones)")
	if !ok || smith.Name != "Smith v. Jones" || smith.TimesCited != 2 {
		t.Errorf("Smith's denial %+v (found %v), want one node cited by both opinions", smith, ok)
	}
	if n, ok := g.Node("501 U.S. 1201 (Doe v. Roe)"); !ok || n.Name != "Doe v. Roe" {
		t.Errorf("Doe's dismissal %+v (found %v), want a node of its own", n, ok)
	}
	if _, ok := g.Node("501 U.S. 1201"); ok {
		t.Error("a node for the page of orders itself")
	}
	if n, ok := g.Node("300 U.S. 352"); !ok || n.Name != "Brush v. Commissioner" {
		t.Errorf("a reversal is a decision of its own, under its page: %+v (found %v)", n, ok)
	}

	// Names alike in their first words, denials sub nom., decisions
	// without a name, opinions respecting a denial: each case its node;
	// an opinion on the page that the corpus holds joins its case's order.
	b = newTestBuilder(Options{})
	add(t, b, doc("a", "A v. B", "1995", "majority", "515 U.S. 1"), extract.Extract(
		"See In re Grand Jury Proceedings, 902 F.2d 9 (CA5), cert. denied, 501 U.S. 1202 (1991); In re Grand Jury Subpoena, 903 F.2d 9 (CA1), cert. denied, 501 U.S. 1202 (1991). "+
			"Roe v. Doe, 906 F.2d 20 (CA3 1990), cert. denied sub nom. Roe v. Pennsylvania, 501 U.S. 1202 (1991); Gold v. Silver, 907 F.2d 30 (CA4 1990), cert. denied sub nom. Silver v. Kansas, 501 U.S. 1202 (1991). "+
			"902 F.2d 11 (CA5), cert. denied, 501 U.S. 1203 (1991); 904 F.2d 12 (CA2), cert. dism'd, 501 U.S. 1203 (1991). "+
			"Doe v. Roe, 501 U.S. 1204 (1991) (White, J., dissenting from denial of certiorari); Poe v. Ullman, 501 U.S. 1204 (1991) (Stevens, J., respecting denial of certiorari). "+
			"Smith v. Jones, 900 F.2d 1 (CA9), cert. denied, 501 U.S. 1201 (1991).")...)
	add(t, b, doc("s", "Smith v. Jones", "1991", "dissent", "501 U.S. 1201"))
	g = build(t, b)
	for _, id := range []string{
		"501 U.S. 1202 (In re Grand Jury Proceedings)", "501 U.S. 1202 (In re Grand Jury Subpoena)",
		"501 U.S. 1202 (Roe v. Pennsylvania)", "501 U.S. 1202 (Silver v. Kansas)",
		"501 U.S. 1203 (902 F.2d 11)", "501 U.S. 1203 (904 F.2d 12)",
		"501 U.S. 1204 (Doe v. Roe)", "501 U.S. 1204 (Poe v. Ullman)",
	} {
		if _, ok := g.Node(id); !ok {
			t.Errorf("no node %q", id)
		}
	}
	if e, ok := g.Edge("515 U.S. 1", "501 U.S. 1201"); !ok || e.Weight != 1 {
		t.Errorf("edge to the opinion on the page of orders the corpus holds %+v (found %v)", e, ok)
	}
}

// A case reprinted in a topical reporter is known by its own court's
// citation, whatever the order of the two (issue 15: "18 Ed. Law Rep. 848
// is not, for a case in F.2d").
func TestTopicalReporterIsNeverTheID(t *testing.T) {
	for _, order := range [][2]string{{"721 F.2d 1", "18 Ed. Law Rep. 848"}, {"18 Ed. Law Rep. 848", "721 F.2d 1"}} {
		b := NewBuilder(Options{})
		add(t, b, doc("a", "A v. B", "1990", ""), full("Board of Educ. v. Smith", order[0], 1983, order[1]))
		g := build(t, b)
		var ids []string
		for n := range g.Nodes() {
			ids = append(ids, n.ID)
		}
		if !slices.Contains(ids, "721 F.2d 1") || slices.Contains(ids, "18 Ed. Law Rep. 848") {
			t.Errorf("cited as %v: nodes %v, want the case known as 721 F.2d 1", order, ids)
		}
	}
}
