package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// Options configures a Builder.
type Options struct {
	// Statutes makes statutes (and Id. citations that resolve to them)
	// nodes and edges; without it they are only counted.
	Statutes bool
	// Normalize turns one of a document's own citations as its source
	// wrote it ("424 U. S. 409") into canonical references, the parallel
	// citations it names included. Nil means extract.Extract's reading of
	// the string; a string it finds no citation in is kept with its
	// spacing collapsed.
	Normalize func(citation string) []extract.Ref
	// Reporters decides which citation names a node (see Builder); nil
	// means extract.DefaultReporters().
	Reporters *extract.Reporters
}

// Builder turns documents and their citations into a Graph.
//
// A node is a case, not a citation string. Every citation seen is a key;
// the keys of one full citation and its parallel citations, and the keys
// of a document's own citations, are joined (union-find), and each joined
// set is one node. A document's node is the node of its own citations, so
// the documents of one case (majority, concurrence, dissent records) are
// one node, and so is every citation that names the case.
//
// A node's ID is the most official of its citations, by this order: U.S.,
// S. Ct., L. Ed. 2d, L. Ed., then other case reporters, neutral citations,
// database numbers (WL, LEXIS) and strings no reporter was found in, each
// group by reporter, volume and page. The order depends only on the set of
// citations, not on the order documents come in, so an ID changes only
// when new documents show the case under a more official citation. A
// document with no citation of its own is "doc:" and its ID.
//
// Name, court and year of a case come from its corpus document when there
// is one, otherwise from the full citations to it: the value given most
// often, ties going to the smallest.
//
// Add is not safe for concurrent use: call it in a deterministic order
// (for example the order of the input files) to get the same graph every
// time.
type Builder struct {
	opt Options

	keys   map[string]int32
	keyStr []string
	law    []bool
	// same weighs the statements that two keys name one case: how many
	// citations give them as parallel, or certain.
	same map[[2]int32]int64
	// Tallies of what full citations say of each key.
	names  []tally // interned strings
	courts []tally // interned strings
	years  []tally

	docs []docInfo
	recs []citeRec
	pack *Store // string table and arena for the records' attributes

	// Reused between calls of Add.
	pending []pendingEdge
	byKey   map[int32]int
}

type tally []struct{ v, n int32 }

func (t tally) add(v, n int32) tally {
	for k := range t {
		if t[k].v == v {
			t[k].n += n
			return t
		}
	}
	return append(t, struct{ v, n int32 }{v, n})
}

type docInfo struct {
	key  int32
	meta corpus.Meta
	stat DocStat
}

// citeRec is everything one document says about one key.
type citeRec struct {
	doc, key int32
	weight   int32
	extra    uint32
}

type pendingEdge struct {
	key int32
	e   Edge
}

// NewBuilder returns an empty Builder.
func NewBuilder(opt Options) *Builder {
	if opt.Reporters == nil {
		opt.Reporters = extract.DefaultReporters()
	}
	if opt.Normalize == nil {
		opt.Normalize = normalizeByExtract
	}
	return &Builder{opt: opt, keys: make(map[string]int32), pack: NewStore(), byKey: make(map[int32]int),
		same: make(map[[2]int32]int64)}
}

func normalizeByExtract(s string) []extract.Ref {
	for _, c := range extract.Extract(s) {
		if c.Kind == extract.Full {
			return append([]extract.Ref{c.Ref}, c.Parallel...)
		}
	}
	return nil
}

func (b *Builder) key(s string, law bool) int32 {
	if k, ok := b.keys[s]; ok {
		return k
	}
	k := int32(len(b.keyStr))
	b.keys[s] = k
	b.keyStr = append(b.keyStr, s)
	b.law = append(b.law, law)
	b.names = append(b.names, nil)
	b.courts = append(b.courts, nil)
	b.years = append(b.years, nil)
	return k
}

// Add records one document and the citations extracted from its text, in
// text order. It fails only when the graph outgrows its storage.
func (b *Builder) Add(doc *corpus.Document, cites []extract.Citation) error {
	d := docInfo{key: b.ownKey(doc), meta: doc.Meta}
	d.stat = DocStat{Doc: doc.ID, Opinion: doc.Meta.Opinion, Citations: len(cites)}
	b.pending = b.pending[:0]
	clear(b.byKey)
	for i := range cites {
		c := &cites[i]
		if !c.Resolved() {
			d.stat.Unresolved++
			if c.Reason != "" {
				d.stat.Reasons = addCount(d.stat.Reasons, c.Reason, 1)
			}
			continue
		}
		law := !c.IsCase()
		if law && !b.opt.Statutes {
			d.stat.Statutes++
			continue
		}
		var k int32
		if law {
			k = b.key(c.Target.String(), true)
		} else {
			k = b.caseKey(c.Target)
		}
		if c.Kind == extract.Full && !law {
			for _, p := range c.Parallel {
				b.assert(k, b.caseKey(p), 1)
			}
			if c.CaseName != "" {
				b.names[k] = b.names[k].add(int32(b.pack.intern(c.CaseName)), 1)
			}
			if c.Court != "" {
				b.courts[k] = b.courts[k].add(int32(b.pack.intern(c.Court)), 1)
			}
			if c.Year != 0 {
				b.years[k] = b.years[k].add(int32(c.Year), 1)
			}
		}
		p, ok := b.byKey[k]
		if !ok {
			p = len(b.pending)
			b.byKey[k] = p
			b.pending = append(b.pending, pendingEdge{key: k})
		}
		e := &b.pending[p].e
		e.Weight++
		if c.Pin != "" {
			e.Pins = addCount(e.Pins, c.Pin, 1)
		}
		if c.Signal != "" {
			e.Signals = addCount(e.Signals, c.Signal, 1)
		}
		if doc.Meta.Opinion != "" {
			e.Opinions = addCount(e.Opinions, doc.Meta.Opinion, 1)
		}
		if c.Parenthetical != "" {
			e.Parentheticals = appendNew(e.Parentheticals, c.Parenthetical)
		}
		if pg := doc.PageAt(c.Start); pg != "" {
			e.Pages = appendNew(e.Pages, pg)
		}
	}
	di := int32(len(b.docs))
	for _, p := range b.pending {
		off, err := b.pack.pack(&p.e)
		if err != nil {
			return fmt.Errorf("%s: %w", doc.ID, err)
		}
		b.recs = append(b.recs, citeRec{doc: di, key: p.key, weight: int32(p.e.Weight), extra: off})
	}
	b.docs = append(b.docs, d)
	return nil
}

// best returns the most frequent value of the joined tallies, ties going
// to the smallest by less; ok is false when they are empty.
func best(ts []tally, cmpv func(a, b int32) int) (int32, bool) {
	var sum tally
	for _, t := range ts {
		for _, e := range t {
			sum = sum.add(e.v, e.n)
		}
	}
	if len(sum) == 0 {
		return 0, false
	}
	top := sum[0]
	for _, e := range sum[1:] {
		if e.n > top.n || e.n == top.n && cmpv(e.v, top.v) < 0 {
			top = e
		}
	}
	return top.v, true
}

// Graph builds the graph of everything added so far. The Builder can go
// on taking documents afterwards.
func (b *Builder) Graph() (*Graph, error) {
	groups, groupOf := b.groups()
	id := func(g int32) string { return b.keyStr[groups[g][0]] }
	order := make([]int32, len(groups))
	for g := range order {
		order[g] = int32(g)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(id(x), id(y)) })
	nodeOf := make([]int32, len(groups)) // group → node position
	for i, g := range order {
		nodeOf[g] = int32(i)
	}
	nodes := make([]Node, len(order))
	for i, gr := range order {
		n := &nodes[i]
		ks := groups[gr]
		n.ID = id(gr)
		if b.law[ks[0]] {
			n.Kind = Statute
		}
		var names, courts, years []tally
		for _, k := range ks {
			if !strings.HasPrefix(b.keyStr[k], "doc:") {
				n.Citations = append(n.Citations, b.keyStr[k])
			}
			names = append(names, b.names[k])
			courts = append(courts, b.courts[k])
			years = append(years, b.years[k])
		}
		byString := func(x, y int32) int { return strings.Compare(b.pack.strs[x], b.pack.strs[y]) }
		if v, ok := best(names, byString); ok {
			n.Name = b.pack.strs[v]
		}
		if v, ok := best(courts, byString); ok {
			n.Court = b.pack.strs[v]
		}
		if v, ok := best(years, func(x, y int32) int { return cmp.Compare(x, y) }); ok {
			n.Year = int(v)
		}
	}
	// What a corpus document says of itself wins over what others say.
	docNode := make([]int32, len(b.docs))
	for i := range b.docs {
		d := &b.docs[i]
		docNode[i] = nodeOf[groupOf[d.key]]
		n := &nodes[docNode[i]]
		if !n.InCorpus {
			n.InCorpus = true
			n.Name = cmp.Or(d.meta.CaseName, n.Name)
			n.Court = cmp.Or(d.meta.Court, n.Court)
			n.Year = cmp.Or(d.meta.Year(), n.Year)
		}
	}
	g := New()
	for _, n := range nodes {
		if err := g.AddNode(n); err != nil {
			return nil, err
		}
	}
	g.docs = make([]DocStat, len(b.docs))
	for i := range b.docs {
		g.docs[i] = b.docs[i].stat
		g.docs[i].Node = nodes[docNode[i]].ID
	}

	// Pair every record with its nodes; several records of one pair (two
	// documents of a case, or a case cited under two of its citations)
	// make one edge.
	type pairRec struct {
		from, to int32
		rec      int
	}
	pairs := make([]pairRec, 0, len(b.recs))
	for i, r := range b.recs {
		from, to := docNode[r.doc], nodeOf[groupOf[r.key]]
		if from == to {
			g.docs[r.doc].SelfCites += int(r.weight)
			continue
		}
		pairs = append(pairs, pairRec{from, to, i})
	}
	slices.SortStableFunc(pairs, func(x, y pairRec) int {
		return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.to, y.to))
	})
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].from == pairs[i].from && pairs[j].to == pairs[i].to {
			j++
		}
		recs := make([]int, j-i)
		for k, p := range pairs[i:j] {
			recs[k] = p.rec
		}
		use := b.counted(recs)
		var e Edge
		for k, p := range pairs[i:j] {
			r := b.recs[p.rec]
			if !use[k] {
				g.docs[r.doc].Duplicates += int(r.weight)
				continue
			}
			g.docs[r.doc].Edges += int(r.weight)
			o := b.edge(p.rec)
			e.merge(&o)
		}
		e.From, e.To = nodes[pairs[i].from].ID, nodes[pairs[i].to].ID
		if err := g.AddEdge(e); err != nil {
			return nil, err
		}
		i = j
	}
	g.Recount()
	return g, nil
}

// Opinions of which a case has only one: a document with one of them
// repeats any other document of the case with the same one.
const (
	combinedOpinion = "combined" // all opinions of a case in one text
	majorityOpinion = "majority"
)

// counted decides which records of one citing case → cited case pair to
// count, so that no citation is counted twice when a corpus holds a case
// more than once. CourtListener, for one, holds cases both as one
// combined record and as their opinions one by one, and some cases under
// two clusters. Of several combined records, or several majority
// opinions, only the one with the most citations counts. The opinions one
// by one are counted rather than the combined record, since they say
// which opinion cites, unless the combined record holds more citations
// (when some opinion is missing from the split).
func (b *Builder) counted(recs []int) []bool {
	use := make([]bool, len(recs))
	bestOf := func(opinion string) (int, int) {
		at, w := -1, 0
		for k, ri := range recs {
			r := b.recs[ri]
			if b.docs[r.doc].meta.Opinion == opinion && int(r.weight) > w {
				at, w = k, int(r.weight)
			}
		}
		return at, w
	}
	whole, wholeW := bestOf(combinedOpinion)
	major, split := bestOf(majorityOpinion)
	for _, ri := range recs {
		r := b.recs[ri]
		if op := b.docs[r.doc].meta.Opinion; op != combinedOpinion && op != majorityOpinion {
			split += int(r.weight)
		}
	}
	if whole >= 0 && wholeW > split {
		use[whole] = true
		return use
	}
	for k, ri := range recs {
		op := b.docs[b.recs[ri].doc].meta.Opinion
		use[k] = op != combinedOpinion && (op != majorityOpinion || k == major)
	}
	return use
}

func (b *Builder) edge(rec int) Edge {
	r := b.recs[rec]
	e := Edge{Weight: int(r.weight)}
	b.pack.unpack(r.extra, &e)
	return e
}
