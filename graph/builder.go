package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
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
	parent []int32
	law    []bool
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
	return &Builder{opt: opt, keys: make(map[string]int32), pack: NewStore(), byKey: make(map[int32]int)}
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
	b.parent = append(b.parent, k)
	b.law = append(b.law, law)
	b.names = append(b.names, nil)
	b.courts = append(b.courts, nil)
	b.years = append(b.years, nil)
	return k
}

func (b *Builder) find(k int32) int32 {
	for b.parent[k] != k {
		b.parent[k] = b.parent[b.parent[k]]
		k = b.parent[k]
	}
	return k
}

func (b *Builder) union(x, y int32) {
	x, y = b.find(x), b.find(y)
	if x != y {
		b.parent[max(x, y)] = min(x, y)
	}
}

// ownKey joins the document's own citations and returns one of them.
func (b *Builder) ownKey(doc *corpus.Document) int32 {
	first := int32(-1)
	for _, written := range doc.Meta.Citations {
		refs := b.opt.Normalize(written)
		keys := make([]string, 0, len(refs))
		for _, r := range refs {
			keys = append(keys, r.String())
		}
		if len(keys) == 0 {
			if s := strings.Join(strings.Fields(written), " "); s != "" {
				keys = append(keys, s)
			}
		}
		for _, s := range keys {
			k := b.key(s, false)
			if first < 0 {
				first = k
			} else {
				b.union(first, k)
			}
		}
	}
	if first < 0 {
		first = b.key("doc:"+doc.ID, false)
	}
	return first
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
		k := b.key(c.Target.String(), law)
		if c.Kind == extract.Full && !law {
			for _, p := range c.Parallel {
				b.union(k, b.key(p.String(), false))
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

// citeOrder ranks a key for the choice of a node's ID; lower is more
// official.
type citeOrder struct {
	class    int
	reporter string
	volume   int
	page     int
	key      string
}

var officialOrder = map[string]int{"U.S.": 0, "S. Ct.": 1, "L. Ed. 2d": 2, "L. Ed.": 3}

func (b *Builder) order(key string) citeOrder {
	o := citeOrder{class: 8, key: key}
	if strings.HasPrefix(key, "doc:") {
		o.class = 9
		return o
	}
	// Keys are "volume reporter page" (or "reporter page" for a code
	// without title): the reporter is what lies between the first and the
	// last space-separated fields.
	f := strings.Fields(key)
	if len(f) < 2 {
		return o
	}
	vol, err := strconv.Atoi(f[0])
	rep := strings.Join(f[1:len(f)-1], " ")
	if err != nil {
		vol, rep = 0, strings.Join(f[:len(f)-1], " ")
	}
	page, _ := strconv.Atoi(f[len(f)-1])
	o.volume, o.page, o.reporter = vol, page, rep
	if c, ok := officialOrder[rep]; ok {
		o.class = c
		return o
	}
	r := b.opt.Reporters.Lookup(rep)
	switch {
	case r == nil:
	case r.Type == extract.CaseReporter:
		o.class = 4
	case r.Type == extract.Neutral:
		o.class = 5
	case r.Type == extract.Database:
		o.class = 6
	default:
		o.class = 7
	}
	return o
}

func compareOrder(a, b citeOrder) int {
	return cmp.Or(cmp.Compare(a.class, b.class), strings.Compare(a.reporter, b.reporter),
		cmp.Compare(a.volume, b.volume), cmp.Compare(a.page, b.page), strings.Compare(a.key, b.key))
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
	// Group keys into nodes.
	members := make(map[int32][]int32)
	for k := range b.keyStr {
		r := b.find(int32(k))
		members[r] = append(members[r], int32(k))
	}
	roots := make([]int32, 0, len(members))
	for r, ks := range members {
		slices.SortFunc(ks, func(x, y int32) int {
			return compareOrder(b.order(b.keyStr[x]), b.order(b.keyStr[y]))
		})
		roots = append(roots, r)
	}
	id := func(r int32) string { return b.keyStr[members[r][0]] }
	slices.SortFunc(roots, func(x, y int32) int { return strings.Compare(id(x), id(y)) })
	nodeOf := make(map[int32]int32, len(roots)) // root → node position
	for i, r := range roots {
		nodeOf[r] = int32(i)
	}
	nodes := make([]Node, len(roots))
	for i, r := range roots {
		n := &nodes[i]
		ks := members[r]
		n.ID = id(r)
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
		docNode[i] = nodeOf[b.find(d.key)]
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
		from, to := docNode[r.doc], nodeOf[b.find(r.key)]
		if from == to {
			g.docs[r.doc].SelfCites += int(r.weight)
			continue
		}
		g.docs[r.doc].Edges += int(r.weight)
		pairs = append(pairs, pairRec{from, to, i})
	}
	slices.SortStableFunc(pairs, func(x, y pairRec) int {
		return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.to, y.to))
	})
	for i := 0; i < len(pairs); {
		p := pairs[i]
		e := b.edge(p.rec)
		for i++; i < len(pairs) && pairs[i].from == p.from && pairs[i].to == p.to; i++ {
			o := b.edge(pairs[i].rec)
			e.merge(&o)
		}
		e.From, e.To = nodes[p.from].ID, nodes[p.to].ID
		if err := g.AddEdge(e); err != nil {
			return nil, err
		}
	}
	g.Recount()
	return g, nil
}

func (b *Builder) edge(rec int) Edge {
	r := b.recs[rec]
	e := Edge{Weight: int(r.weight)}
	b.pack.unpack(r.extra, &e)
	return e
}
