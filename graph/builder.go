package graph

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/fnv"
	"io"
	"iter"
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
	// citations it names included. Nil means Normalizer(nil); a string it
	// finds no citation in is kept with its spacing collapsed.
	Normalize func(citation string) []extract.Ref
	// Reporters decides which citation names a node (see Builder); nil
	// means extract.DefaultReporters().
	Reporters *extract.Reporters
}

// Builder turns documents and their citations into a Graph.
//
// A node is a case, not a citation string. Every citation seen is a key;
// the keys of one full citation and its parallel citations, and the keys
// of a document's own citations, are joined (see groups in identity.go),
// and each joined set is one node. A document's node is the node of its
// own citations, so the documents of one case (majority, concurrence,
// dissent records) are one node, and so is every citation that names the
// case.
//
// A node's ID is the most official of its citations, by this order: U.S.,
// S. Ct., L. Ed. 2d, L. Ed., then other case reporters, neutral citations,
// database numbers (WL, LEXIS) and strings no reporter was found in, each
// group by reporter, volume and page. The order depends only on the set of
// citations, not on the order documents come in, so an ID changes only
// when new documents show the case under a more official citation. A
// document with no citation of its own is "doc:" and its ID.
//
// A case's name is its short case name (see ShortCaseName). Name, court
// and year come from its corpus documents when there are any: those whose
// identity came from the file's format or a manifest before those whose
// identity was read from the text, the value most of them give winning.
// Otherwise they come from the full citations to the case: the value
// given most often, ties going to the longest name, the smallest court
// and year. A case no citation names is named by the citation it is cited
// by most often ("5 Cranch 85"), not by its id, which nobody may have
// written; a statute by its citation.
//
// Nothing depends on the order documents are added: every choice above is
// by count and then by value, records of one citing case are merged in
// the order of their document ids, and Graph.Documents is in that order.
//
// The builder keeps one small record per document and cited case, with
// its attributes packed into the store the graph will use, so a national
// corpus builds in a few gigabytes; Graph sorts them into the store's rows
// once, on every core. Add is not safe for concurrent use.
type Builder struct {
	opt Options
	// store becomes the graph's: it interns the strings and packs the
	// attributes of every record as documents come in.
	store *Store
	done  bool

	keys   map[string]int32
	keyStr []string
	law    []bool
	// same weighs the statements that two keys name one case: how many
	// citations give them as parallel, or certain.
	same map[[2]int32]int64
	// What full citations say of each key: per field, the first value
	// seen and how often; other values in more.
	facts []keyFacts
	more  map[int64]tally
	// cited counts the full citations of each key.
	cited []int32

	docs    []docRecord
	docKey  []int32
	reasons map[int32][]Count
	recs    []citeRec

	// Reused between calls of Add.
	pending []pendingEdge
	byKey   map[int32]int
	refKey  map[extract.Ref]int32
	// slipOf maps the slip key of each document's paged citations to the
	// document's key (see ownKey).
	slipOf map[string]int32
}

// Facts a citation gives about the case it names.
const (
	factName = iota
	factCourt
	factYear
	nFacts
)

type keyFacts [nFacts]struct{ v, n int32 }

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

// citeRec is everything one document says about one cited key (after
// grouping, about one cited node).
type citeRec struct {
	doc, key int32
	weight   int32
	extra    uint32 // packed attributes in the store
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
		opt.Normalize = Normalizer(nil)
	}
	return &Builder{opt: opt, store: NewStore(), keys: make(map[string]int32), same: make(map[[2]int32]int64),
		more: make(map[int64]tally), reasons: make(map[int32][]Count), byKey: make(map[int32]int), refKey: make(map[extract.Ref]int32),
		slipOf: make(map[string]int32)}
}

// Normalizer returns an Options.Normalize that reads a citation with e
// (nil: extract.Extract): the references of the first full citation in
// it, parallel citations included.
func Normalizer(e *extract.Extractor) func(string) []extract.Ref {
	run := extract.Extract
	if e != nil {
		run = e.Extract
	}
	return func(s string) []extract.Ref {
		for _, c := range run(s) {
			if c.Kind == extract.Full {
				return append([]extract.Ref{c.Ref}, c.Parallel...)
			}
		}
		return nil
	}
}

func (b *Builder) key(s string, law bool) int32 {
	if k, ok := b.keys[s]; ok {
		return k
	}
	k := int32(len(b.keyStr))
	b.keys[s] = k
	b.keyStr = append(b.keyStr, s)
	b.law = append(b.law, law)
	b.facts = append(b.facts, keyFacts{})
	b.cited = append(b.cited, 0)
	return k
}

// note records that a full citation of key k gives value v for a fact.
func (b *Builder) note(k int32, fact int, v int32) {
	f := &b.facts[k][fact]
	switch {
	case f.n == 0:
		f.v, f.n = v, 1
	case f.v == v:
		f.n++
	default:
		m := int64(k)*nFacts + int64(fact)
		b.more[m] = b.more[m].add(v, 1)
	}
}

// tallyOf returns everything the full citations of keys said of a fact.
func (b *Builder) tallyOf(keys []int32, fact int) tally {
	var t tally
	for _, k := range keys {
		if f := b.facts[k][fact]; f.n > 0 {
			t = t.add(f.v, f.n)
		}
		for _, e := range b.more[int64(k)*nFacts+int64(fact)] {
			t = t.add(e.v, e.n)
		}
	}
	return t
}

// best returns the most frequent value of t, ties going to the smallest
// by cmpv; ok is false when t is empty.
func best(t tally, cmpv func(a, b int32) int) (int32, bool) {
	if len(t) == 0 {
		return 0, false
	}
	top := t[0]
	for _, e := range t[1:] {
		if e.n > top.n || e.n == top.n && cmpv(e.v, top.v) < 0 {
			top = e
		}
	}
	return top.v, true
}

// volumeYear estimates the year of a case no citation dates from the
// volume of its citations (older opinions seldom give years): the U.S.
// Reports and the other Supreme Court reporters date their volumes.
func volumeYear(citations []string) int {
	for _, c := range citations {
		if ref, ok := extract.ParseRef(c); ok {
			if y, ok := extract.VolumeYear(ref.Reporter, ref.Volume); ok {
				return y
			}
		}
	}
	return 0
}

// unusable says why a citation cannot become part of an edge, or "" when
// it can: it is unresolved; it is a short form whose pin falls outside
// the pages of the case it was resolved to (an Id. after a treatise or a
// committee report, which are not citations the extractor knows, lands on
// the case before them); or it is a slip citation with no page yet and
// neither a parallel citation nor a case name to tell the case.
func unusable(c *extract.Citation) string {
	switch {
	case !c.Resolved():
		if c.Reason == "" {
			return "unresolved"
		}
		return c.Reason
	case c.Suspect && c.Kind != extract.Full:
		return "suspect: pin outside the pages of the case it resolves to"
	case blankPage(c.Target.Page) && len(c.Parallel) == 0 && targetName(c) == "":
		return "slip citation without a page or a case name"
	}
	return ""
}

// targetName is the name of the case a citation refers to where its
// target is a slip cite not yet paged: the extractor's TargetName, which
// it gives every citation resolved to such a case, or, for the full
// citation itself, its name.
func targetName(c *extract.Citation) string {
	if c.TargetName == "" && c.Kind == extract.Full {
		return c.CaseName
	}
	return c.TargetName
}

// Add records one document and the citations extracted from its text, in
// text order. It fails only when the graph outgrows its storage, or after
// Graph.
func (b *Builder) Add(doc *corpus.Document, cites []extract.Citation) error {
	return b.add(doc, len(cites), func(yield func(*extract.Citation) bool) {
		for i := range cites {
			if !yield(&cites[i]) {
				return
			}
		}
	})
}

// AddCitations is Add for the citations of a document as the extractor
// holds them compactly (extract.Extractor.Citations): they are read one
// at a time, so a document's citations never take the memory of a
// []extract.Citation.
func (b *Builder) AddCitations(doc *corpus.Document, cs *extract.Citations) error {
	return b.add(doc, cs.Len(), func(yield func(*extract.Citation) bool) {
		for _, c := range cs.All() {
			if !yield(c) {
				return
			}
		}
	})
}

// add records doc and its n citations, which cites yields in text order;
// a yielded citation is valid only until the next.
func (b *Builder) add(doc *corpus.Document, n int, cites iter.Seq[*extract.Citation]) error {
	if b.done {
		return errors.New("graph: Builder.Add after Graph")
	}
	di := int32(len(b.docs))
	s := b.store
	d := docRecord{id: doc.ID, opinion: s.intern(doc.Meta.Opinion), name: s.intern(ShortCaseName(doc.Meta.CaseName)),
		court: s.intern(cmp.Or(extract.NormalizeCourt(doc.Meta.Court), doc.Meta.Court)), year: int32(doc.Meta.Year()),
		source: sourceRank(doc.Meta.Source), long: len(doc.Text) >= minCopyText}
	d.n[statCitations] = int32(n)
	fp := newFingerprint(doc)
	b.docKey = append(b.docKey, b.ownKey(doc))
	b.pending = b.pending[:0]
	clear(b.byKey)
	clear(b.refKey)
	for c := range cites {
		fingerprintCite(fp, c)
		if reason := unusable(c); reason != "" {
			d.n[statUnresolved]++
			b.reasons[di] = addCount(b.reasons[di], reason, 1)
			continue
		}
		law := !c.IsCase()
		if law && (!b.opt.Statutes || c.Authority() != extract.Law) {
			// The record and secondary sources are never nodes.
			d.n[statStatutes]++
			continue
		}
		var k int32
		if law {
			k = b.key(c.Target.String(), true)
		} else {
			k = b.caseKey(c.Target, targetName(c), c.TargetName != "")
			for _, p := range c.Parallel {
				if k >= 0 {
					break
				}
				k = b.caseKey(p, "", false)
			}
		}
		if c.Kind == extract.Full && !law {
			b.cited[k]++
			for _, p := range c.Parallel {
				if pk := b.caseKey(p, c.CaseName, c.TargetName != ""); pk >= 0 {
					b.assert(k, pk, 1)
				}
			}
			if c.CaseName != "" {
				b.note(k, factName, int32(s.intern(c.CaseName)))
			}
			if court := cmp.Or(c.CourtID, c.Court); court != "" {
				b.note(k, factCourt, int32(s.intern(court)))
			}
			if c.Year != 0 {
				b.note(k, factYear, int32(c.Year))
			}
		}
		e := b.pendingFor(k)
		e.Weight++
		if c.Pin != "" {
			e.Pins = addCount(e.Pins, c.Pin, 1)
		}
		if c.Signal != "" {
			e.Signals = addCount(e.Signals, c.Signal, 1)
		}
		// The opinion of the citation's part when the document holds
		// several (a slip opinion), else the document's.
		opinion := doc.Meta.Opinion
		if p, ok := doc.PartAt(c.Start); ok {
			opinion = p.Opinion
		}
		if opinion != "" {
			e.Opinions = addCount(e.Opinions, opinion, 1)
		}
		if c.Parenthetical != "" {
			e.Parentheticals = appendNew(e.Parentheticals, c.Parenthetical)
		}
		if pg := doc.PageAt(c.Start); pg != "" {
			e.Pages = appendNew(e.Pages, pg)
		}
	}
	d.fingerprint = fp.Sum64()
	for i := range b.pending {
		p := &b.pending[i]
		off, err := s.pack(&p.e)
		if err != nil {
			return fmt.Errorf("%s: %w", doc.ID, err)
		}
		b.recs = append(b.recs, citeRec{doc: di, key: p.key, weight: int32(p.e.Weight), extra: off})
	}
	b.docs = append(b.docs, d)
	return nil
}

// newFingerprint starts the hash of what makes a document itself: its
// opinion, its text and (see fingerprintCite) the citations found in it.
// Two documents of one case with the same fingerprint are one document
// held twice (under two names, or in two folders), and its citations
// count once.
func newFingerprint(doc *corpus.Document) hash.Hash64 {
	h := fnv.New64a()
	io.WriteString(h, doc.Meta.Opinion)
	h.Write([]byte{0})
	io.WriteString(h, doc.Text)
	return h
}

// fingerprintCite adds one citation to a document's fingerprint.
func fingerprintCite(h hash.Hash64, c *extract.Citation) {
	var buf [2*binary.MaxVarintLen64 + 1]byte
	b := binary.AppendUvarint(buf[:0], uint64(c.Start))
	b = binary.AppendUvarint(b, uint64(c.End))
	h.Write(append(b, byte(c.Kind)))
	io.WriteString(h, c.Target.String())
	io.WriteString(h, c.Pin)
	h.Write([]byte{0})
}

// sourceRank orders where a document's identity came from: the file's
// format or a manifest (2) before the text (1) before nothing (0).
func sourceRank(source string) uint8 {
	switch source {
	case corpus.SourceFormat, corpus.SourceManifest:
		return 2
	case corpus.SourceText:
		return 1
	}
	return 0
}

// pendingFor returns the edge being gathered for key k in the current
// document, reusing the lists of earlier documents.
func (b *Builder) pendingFor(k int32) *Edge {
	if p, ok := b.byKey[k]; ok {
		return &b.pending[p].e
	}
	p := len(b.pending)
	b.byKey[k] = p
	if p < cap(b.pending) {
		b.pending = b.pending[:p+1]
		e := &b.pending[p].e
		*e = Edge{Pins: e.Pins[:0], Signals: e.Signals[:0], Opinions: e.Opinions[:0], Parentheticals: e.Parentheticals[:0], Pages: e.Pages[:0]}
	} else {
		b.pending = append(b.pending, pendingEdge{})
	}
	b.pending[p].key = k
	return &b.pending[p].e
}

// Graph builds the graph of everything added. It ends the build: the
// Builder takes no more documents.
func (b *Builder) Graph() (*Graph, error) {
	if b.done {
		return nil, errors.New("graph: Builder.Graph called twice")
	}
	b.done = true
	b.sortDocs()
	b.joinCopies()
	b.joinSlipKeys()
	groups, groupOf := b.groups()
	b.keys, b.same = nil, nil
	id := func(g int32) string { return b.keyStr[groups[g][0]] }
	order := make([]int32, len(groups))
	for g := range order {
		order[g] = int32(g)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(id(x), id(y)) })
	nodeOf := make([]int32, len(groups)) // group → node index
	for i, g := range order {
		nodeOf[g] = int32(i)
	}
	docsOf := make([][]int32, len(groups))
	for i := range b.docs {
		gr := groupOf[b.docKey[i]]
		docsOf[gr] = append(docsOf[gr], int32(i))
	}
	g := newGraph(b.store)
	s := b.store
	s.reserve(len(order))
	s.cites = slices.Grow(s.cites, len(b.keyStr))
	for _, gr := range order {
		ks := groups[gr]
		n := Node{ID: id(gr)}
		if b.law[ks[0]] {
			n.Kind = Statute
		}
		for _, k := range ks {
			if !strings.HasPrefix(b.keyStr[k], "doc:") {
				n.Citations = append(n.Citations, b.keyStr[k])
			}
		}
		b.identify(&n, ks, docsOf[gr])
		if err := g.AddNode(n); err != nil {
			return nil, err
		}
	}
	for i := range b.docs {
		b.docs[i].node = nodeOf[groupOf[b.docKey[i]]]
	}
	// From here a record's key is the node it cites.
	recs := b.recs[:0]
	for _, r := range b.recs {
		r.key = nodeOf[groupOf[r.key]]
		if r.key == b.docs[r.doc].node {
			b.docs[r.doc].n[statSelf] += r.weight
			continue
		}
		recs = append(recs, r)
	}
	b.recs, b.keyStr, b.facts, b.more, b.cited = nil, nil, nil, nil, nil
	groups, groupOf, nodeOf, docsOf = nil, nil, nil, nil
	if err := b.addEdges(s, recs); err != nil {
		return nil, err
	}
	g.docs, g.reasons = b.docs, b.reasons
	g.Recount()
	return g, nil
}

// sortDocs puts the documents in the order of their ids (then of their
// fingerprints), renumbering everything that points at them, so that the
// order they were added in leaves no trace.
func (b *Builder) sortDocs() {
	perm := make([]int32, len(b.docs))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortStableFunc(perm, func(x, y int32) int {
		dx, dy := &b.docs[x], &b.docs[y]
		return cmp.Or(strings.Compare(dx.id, dy.id), cmp.Compare(dx.fingerprint, dy.fingerprint))
	})
	pos := make([]int32, len(perm)) // old index → new
	docs := make([]docRecord, len(perm))
	keys := make([]int32, len(perm))
	for k, i := range perm {
		pos[i] = int32(k)
		docs[k], keys[k] = b.docs[i], b.docKey[i]
	}
	reasons := make(map[int32][]Count, len(b.reasons))
	for i, r := range b.reasons {
		reasons[pos[i]] = r
	}
	for k := range b.recs {
		b.recs[k].doc = pos[b.recs[k].doc]
	}
	b.docs, b.docKey, b.reasons = docs, keys, reasons
}

// minCopyText is the shortest text whose copies are taken for one case:
// different cases share short orders ("Affirmed.") word for word.
const minCopyText = 1000

// joinCopies makes copies of one document one case, even when they have
// no citation of their own to say so (each is then "doc:" and its own id,
// the least of which becomes the node's).
func (b *Builder) joinCopies() {
	first := make(map[uint64]int32, len(b.docs))
	for i := range b.docs {
		fp := b.docs[i].fingerprint
		if !b.docs[i].long {
			continue
		}
		if j, ok := first[fp]; ok {
			b.assert(b.docKey[j], b.docKey[i], certain)
		} else {
			first[fp] = int32(i)
		}
	}
}

// identify sets the name, court and year of the case of keys ks, whose
// corpus documents are docs (see Builder).
func (b *Builder) identify(n *Node, ks []int32, docs []int32) {
	s := b.store
	byString := func(x, y int32) int { return strings.Compare(s.strs[x], s.strs[y]) }
	// Of two names given equally often, the longer is the fuller caption
	// ("Giglio v. United States" over "Giglio").
	byFullness := func(x, y int32) int { return cmp.Or(cmp.Compare(len(s.strs[y]), len(s.strs[x])), byString(x, y)) }
	if v, ok := best(b.tallyOf(ks, factName), byFullness); ok {
		n.Name = ShortCaseName(s.strs[v])
	}
	if v, ok := best(b.tallyOf(ks, factCourt), byString); ok {
		n.Court = s.strs[v]
	}
	if v, ok := best(b.tallyOf(ks, factYear), cmp.Compare[int32]); ok {
		n.Year = int(v)
	}
	if len(docs) > 0 {
		n.InCorpus = true
		field := func(get func(d *docRecord) int32, cmpv func(a, b int32) int) (int32, bool) {
			var t tally
			rank := uint8(0)
			for _, di := range docs {
				d := &b.docs[di]
				v := get(d)
				switch {
				case v == 0 || d.source < rank:
				case d.source > rank:
					t, rank = t[:0].add(v, 1), d.source
				default:
					t = t.add(v, 1)
				}
			}
			return best(t, cmpv)
		}
		if v, ok := field(func(d *docRecord) int32 { return int32(d.name) }, byFullness); ok {
			n.Name = s.strs[v]
		}
		if v, ok := field(func(d *docRecord) int32 { return int32(d.court) }, byString); ok {
			n.Court = s.strs[v]
		}
		if v, ok := field(func(d *docRecord) int32 { return d.year }, cmp.Compare[int32]); ok {
			n.Year = int(v)
		}
	}
	if n.Name == "" {
		// The citation most often written (ks are most official first, so
		// ties go to the more official). A document known by no citation
		// and no name stays nameless: its id is a file's path, no name.
		top := ks[0]
		for _, k := range ks {
			if b.cited[k] > b.cited[top] {
				top = k
			}
		}
		if !strings.HasPrefix(b.keyStr[top], "doc:") {
			n.Name = b.keyStr[top]
		}
	}
	if n.Year == 0 {
		n.Year = volumeYear(n.Citations)
	}
}

// addEdges turns the records into edges, written straight into the
// store's rows: one model call per edge would look each node up four
// times. Several records of one pair (two documents of a case, or a case
// cited under two of its citations) make one edge (see counted); a lone
// record's packed attributes become the edge's as they are.
func (b *Builder) addEdges(s *Store, recs []citeRec) error {
	from := func(r *citeRec) int32 { return b.docs[r.doc].node }
	// Group the records by citing node, then sort each group by cited
	// node, document and text order (records of one document come in text
	// order, and so do their arena offsets), on every core.
	n := len(s.ids)
	start := make([]int, n+1)
	for i := range recs {
		start[from(&recs[i])+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	byFrom := make([]citeRec, len(recs))
	next := slices.Clone(start[:n])
	for _, r := range recs {
		f := from(&r)
		byFrom[next[f]] = r
		next[f]++
	}
	recs, next = nil, nil
	parallelFor(n, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			slices.SortFunc(byFrom[start[i]:start[i+1]], func(x, y citeRec) int {
				return cmp.Or(cmp.Compare(x.key, y.key), cmp.Compare(x.doc, y.doc), cmp.Compare(x.extra, y.extra))
			})
		}
	})
	var edges bulk
	var use []bool
	for f := range int32(n) {
		row := byFrom[start[f]:start[f+1]]
		for i := 0; i < len(row); {
			j := i + 1
			for j < len(row) && row[j].key == row[i].key {
				j++
			}
			group := row[i:j]
			use = b.counted(group, use)
			first, count := -1, 0
			for k := range group {
				r := &group[k]
				if !use[k] {
					b.docs[r.doc].n[statDuplicates] += r.weight
					continue
				}
				b.docs[r.doc].n[statEdges] += r.weight
				if first < 0 {
					first = k
				}
				count++
			}
			rec := edgeRec{to: group[first].key, weight: group[first].weight, extra: group[first].extra}
			if count > 1 {
				var e Edge
				for k := range group {
					if use[k] {
						o := Edge{Weight: int(group[k].weight)}
						s.unpack(group[k].extra, &o)
						e.merge(&o)
					}
				}
				var err error
				if rec, err = s.record(rec.to, e); err != nil {
					return err
				}
			}
			edges.add(bulkEdge{from: f, to: rec.to, w: rec.weight, extra: rec.extra})
			i = j
		}
	}
	byFrom, start = nil, nil
	return s.setRows(&edges, nil)
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
// two clusters; and a corpus may hold one file twice. A record of a
// document with the fingerprint of an earlier one is that document again,
// and does not count. A document that does not say which opinion it holds
// is taken to hold them all, as a combined record does. Of several
// combined records, or several majority opinions, only the one with the
// most citations counts. The opinions one by one are counted rather than
// the combined record, since they say which opinion cites, unless the
// combined record holds more citations (when some opinion is missing from
// the split). The answer, one flag per record, reuses use.
func (b *Builder) counted(recs []citeRec, use []bool) []bool {
	use = slices.Grow(use[:0], len(recs))[:len(recs)]
	clear(use)
	if len(recs) == 1 {
		use[0] = true
		return use
	}
	opinion := func(r *citeRec) string {
		return cmp.Or(b.store.strs[b.docs[r.doc].opinion], combinedOpinion)
	}
	// A document can cite the case under several of its citations (a slip
	// cite and its parallel): its records count together.
	docWeight := func(doc int32) int32 {
		w := int32(0)
		for k := range recs {
			if recs[k].doc == doc {
				w += recs[k].weight
			}
		}
		return w
	}
	// Records come in document order: a document is a copy when an
	// earlier one has its fingerprint.
	copyOf := func(doc int32) bool {
		for k := range recs {
			if recs[k].doc < doc && b.docs[recs[k].doc].fingerprint == b.docs[doc].fingerprint {
				return true
			}
		}
		return false
	}
	// Of equal weights, the first document wins.
	bestOf := func(op string) (int32, int32) {
		at, w := int32(-1), int32(0)
		for k := range recs {
			if opinion(&recs[k]) == op && !copyOf(recs[k].doc) {
				if dw := docWeight(recs[k].doc); dw > w {
					at, w = recs[k].doc, dw
				}
			}
		}
		return at, w
	}
	whole, wholeW := bestOf(combinedOpinion)
	major, split := bestOf(majorityOpinion)
	for k := range recs {
		if op := opinion(&recs[k]); op != combinedOpinion && op != majorityOpinion && !copyOf(recs[k].doc) {
			split += recs[k].weight
		}
	}
	if whole >= 0 && wholeW > split {
		for k := range recs {
			use[k] = recs[k].doc == whole
		}
		return use
	}
	for k := range recs {
		op := opinion(&recs[k])
		use[k] = op != combinedOpinion && (op != majorityOpinion || recs[k].doc == major) && !copyOf(recs[k].doc)
	}
	return use
}
