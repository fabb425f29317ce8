package extract

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unsafe"
)

// The extractor holds the citations of a text in a compact form while it
// scans and resolves them, and builds a Citation only when one is asked
// for. A Citation is a few hundred bytes of string headers, references
// and slices; a text can hold one citation every four bytes ("Id. Id.
// Id."), so citations held that way cost a hundred times the text. Held
// here a citation costs 32 bytes (all an Id. needs), 108 when it names a
// reporter or a case (24 more for each parallel citation), and no copy of
// any string read from the text: strings are spans of it.

// str is a string of a citation in 8 bytes: the span [off, off+len) of
// the text it was read in, or, for a string the scanner made rather than
// read (a pin with its spacing normalised, a reporter's canonical
// abbreviation), an entry of the store's string table.
type str struct{ off, n uint32 }

const (
	// strTabled marks a str whose off indexes the string table.
	strTabled = 1 << 31
	// strBody marks a span of the running text with its footnotes
	// blanked (see Layout), rather than of the text as given: the two
	// differ where a footnote stands.
	strBody = 1 << 30
	// maxSpan is the longest string held as a span; a longer one (none
	// is, in real text) goes to the string table.
	maxSpan = strBody - 1
)

// cite is one citation in compact form. Offsets are 40 bits (a text of up
// to 1 TiB): 32 in start and end, 8 more in startHi and endHi.
type cite struct {
	start, end uint32
	// pin is the pin cite (Citation.Pin).
	pin str
	// ante is the index of the full (or law) citation the citation
	// resolves to, -1 when none (Citation.Antecedent).
	ante int32
	// more is 1 + the index of the citation's citeMore, 0 when it has
	// none: an Id. needs nothing more than this.
	more uint32
	// kinds holds the Kind in its low four bits and the kind of
	// authority (Citation.Authority; 0 for a case) in its high four.
	kinds uint8
	// signal indexes signalNames.
	signal uint8
	flags  uint8
	// notes holds a reason code (reasonNoEarlier, ...) in its low four
	// bits and a warning code in its high four.
	notes          uint8
	startHi, endHi uint8
	// pinRef says in whose pages the pin counts: 0 for the Ref of the
	// antecedent, k for its k-th parallel citation; with flagSection, the
	// target itself.
	pinRef uint16
}

// Flags of a cite.
const (
	flagNested uint8 = 1 << iota
	flagSuspect
	// flagRepeatable: a full citation that a short form may repeat whole
	// (see resolver.full).
	flagRepeatable
	// flagDated: a court-and-year parenthetical followed the citation.
	flagDated
	// flagNote: the citation was read in a footnote (see Layout).
	flagNote
	// flagSection: an Id. naming another section of the code its
	// antecedent cites ("Id. § 1988(b)"); the target's page is
	// citeMore.section.
	flagSection
	// flagOrder: an order without opinion, on a page of orders (see
	// Citation.order).
	flagOrder
	// flagHistory: the subsequent history of the full citation before it.
	flagHistory
)

// citeMore holds what only some citations have: a reference, a name, a
// court and year, a parenthetical, parallel citations.
type citeMore struct {
	ref cref
	// name is the case name as read; the Citation's CaseName is
	// name[nameCut:] (a supra name matched without its first words,
	// "Charles River Bridge and the West River Bridge, supra" for West
	// River Bridge Co. v. Dix), its Plaintiff and Defendant the sides of
	// name.
	name           str
	court, courtID str
	paren          str
	// section is the target's page under flagSection.
	section str
	// parallel indexes the first of nParallel parallel citations in the
	// store's refs.
	parallel, nParallel uint32
	year                uint16
	// nameCut is at most the length of a name, which is bounded
	// (maxNameWords words of maxWordLen bytes).
	nameCut uint16
}

// maxParallels is the most parallel citations a citation keeps.
const maxParallels = 1<<16 - 1

// cref is a Ref in compact form.
type cref struct{ volume, reporter, page str }

// Reasons a short form is unresolved, and warnings; formatted when a
// Citation is made (see reasonText and warningText).
const (
	reasonNone uint8 = iota
	reasonSlipNoName
	reasonNoFullIn
	reasonNoFullOf
	reasonNoteUnmarked
	reasonNoteUnknown
	reasonNoEarlier
	reasonAfterUnresolved
	reasonAmbiguous
	reasonArticle
)

const (
	warnNone uint8 = iota
	warnName
	warnForward
	warnPin
	warnVolume
)

// chunkBits sets the size of the chunks a store's lists grow by.
const chunkBits = 12

// chunks is a list that grows by chunks of 1<<chunkBits elements:
// appending never copies what is held, so a list of n elements takes n
// elements of memory, where a slice grown by append briefly holds more
// than two copies. The first chunk grows as a slice does, so a short list
// costs little.
type chunks[T any] struct {
	c [][]T
	n int
}

func (l *chunks[T]) add(v T) {
	if k := len(l.c); k == 0 || len(l.c[k-1]) == 1<<chunkBits {
		size := 1 << chunkBits
		if k == 0 {
			size = 16
		}
		l.c = append(l.c, make([]T, 0, size))
	}
	last := &l.c[len(l.c)-1]
	*last = append(*last, v)
	l.n++
}

func (l *chunks[T]) at(i int) *T { return &l.c[i>>chunkBits][i&(1<<chunkBits-1)] }

// store holds the citations of one text in compact form.
type store struct {
	// text is the text as given; body is the running text, each
	// footnote blanked (text itself when there are none).
	text, body string
	notes      []Note
	recs       chunks[cite]
	more       chunks[citeMore]
	refs       chunks[cref]
	strs       chunks[string]
	// ambiguous holds, for each short form left unresolved because its
	// name fits several cases (reasonAmbiguous), those cases: few texts
	// have any.
	ambiguous map[int32][]int32
	// recent remembers where strings made elsewhere went in strs, by
	// address: a reporter's abbreviation or a court's id, which the
	// reporter and court tables hold, goes there once however often it
	// is cited. A string made for one citation (a pin with its spacing
	// normalised) gets an entry of its own.
	recent [64]struct {
		p uintptr
		n int
		k uint32
	}
}

func (st *store) len() int { return st.recs.n }

func (st *store) rec(i int) *cite { return st.recs.at(i) }

// moreOf returns the citeMore of citation i, adding one when it has none.
func (st *store) moreOf(i int) *citeMore {
	c := st.rec(i)
	if c.more == 0 {
		st.more.add(citeMore{})
		c.more = uint32(st.more.n)
	}
	return st.more.at(int(c.more) - 1)
}

// moreIf returns the citeMore of citation i, or nil.
func (st *store) moreIf(i int) *citeMore {
	if m := st.rec(i).more; m != 0 {
		return st.more.at(int(m) - 1)
	}
	return nil
}

// str returns the string x holds.
func (st *store) str(x str) string {
	switch {
	case x.n == 0:
		return ""
	case x.n&strTabled != 0:
		return *st.strs.at(int(x.off))
	case x.n&strBody != 0:
		return st.body[x.off : x.off+x.n&maxSpan]
	}
	return st.text[x.off : x.off+x.n]
}

// table holds s in the string table.
func (st *store) table(s string) str {
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	e := &st.recent[(uint64(p)*0x9E3779B97F4A7C15)>>58]
	if e.p != p || e.n != len(s) {
		st.strs.add(s)
		e.p, e.n, e.k = p, len(s), uint32(st.strs.n-1)
	}
	return str{off: e.k, n: strTabled}
}

func (st *store) ref(r cref) Ref {
	return Ref{Volume: st.str(r.volume), Reporter: st.str(r.reporter), Page: st.str(r.page)}
}

func (c *cite) kind() Kind       { return Kind(c.kinds & 15) }
func (c *cite) authority() Kind  { return Kind(c.kinds >> 4) }
func (c *cite) setKind(k Kind)   { c.kinds = c.kinds&0xF0 | uint8(k) }
func (c *cite) setAuth(k Kind)   { c.kinds = c.kinds&15 | uint8(k)<<4 }
func (c *cite) has(f uint8) bool { return c.flags&f != 0 }

// orderAfter reports whether c is an order cited as the subsequent
// history of the full citation just before it, the decision it follows.
func (c *cite) orderAfter() bool { return c.has(flagOrder) && c.has(flagHistory) }
func (c *cite) reason() uint8    { return c.notes & 15 }
func (c *cite) warning() uint8   { return c.notes >> 4 }
func (c *cite) setReason(r uint8) {
	c.notes = c.notes&0xF0 | r
}
func (c *cite) setWarning(w uint8) { c.notes = c.notes&15 | w<<4 }
func (c *cite) resolved() bool     { return c.ante >= 0 }

func (c *cite) startOff() int { return int(c.startHi)<<32 | int(c.start) }
func (c *cite) endOff() int   { return int(c.endHi)<<32 | int(c.end) }

func (c *cite) setSpan(start, end int) {
	c.start, c.startHi = uint32(start), uint8(start>>32)
	c.end, c.endHi = uint32(end), uint8(end>>32)
}

// maxText is the longest text whose offsets a cite holds.
const maxText = 1<<40 - 1

// group returns the k-th citation of citation i's parallel group: its Ref
// for 0, else its (k-1)-th parallel.
func (st *store) group(i, k int) Ref {
	m := st.moreIf(i)
	switch {
	case m == nil:
		return Ref{}
	case k == 0:
		return st.ref(m.ref)
	}
	return st.ref(*st.refs.at(int(m.parallel) + k - 1))
}

// groupLen returns the number of citations in citation i's parallel
// group.
func (st *store) groupLen(i int) int {
	if m := st.moreIf(i); m != nil {
		return 1 + int(m.nParallel)
	}
	return 1
}

// refOf returns citation i's Ref.
func (st *store) refOf(i int) Ref { return st.group(i, 0) }

// name returns citation i's CaseName.
func (st *store) name(i int) string {
	if m := st.moreIf(i); m != nil {
		return st.str(m.name)[m.nameCut:]
	}
	return ""
}

// parties returns the two sides of citation i's name as read.
func (st *store) parties(i int) (plaintiff, defendant string) {
	if m := st.moreIf(i); m != nil {
		return splitParties(st.str(m.name))
	}
	return "", ""
}

func (st *store) pin(i int) string { return st.str(st.rec(i).pin) }

// target returns the case (or statute) citation i refers to, as the first
// citation of its parallel group (Citation.Target): the citation of its
// antecedent's group that the antecedent's pin counts in, which is its
// Ref unless that is a slip cite's blank and a paged parallel is given;
// with flagSection, the section the Id. names.
func (st *store) target(i int) Ref {
	c := st.rec(i)
	if c.ante < 0 {
		return Ref{}
	}
	a := int(c.ante)
	t := st.group(a, int(st.rec(a).pinRef))
	if c.has(flagSection) {
		t.Page = sameAct(t.Page, st.str(st.moreIf(i).section))
	}
	return t
}

// pinRefOf returns the citation in whose pages citation i's pin counts.
func (st *store) pinRefOf(i int) Ref {
	c := st.rec(i)
	if c.has(flagSection) || c.ante < 0 {
		return st.target(i)
	}
	return st.group(int(c.ante), int(c.pinRef))
}

// targetName returns Citation.TargetName of citation i, whose target is
// t: the name of the full citation it resolves to when that is a slip
// cite known only by its volume and name, or an order on a page of
// orders.
func (st *store) targetName(i int, t Ref) string {
	c := st.rec(i)
	if c.ante < 0 || !blankPin(t.Page) && !st.rec(int(c.ante)).has(flagOrder) {
		return ""
	}
	if a := int(c.ante); st.rec(a).orderAfter() && st.name(a) == "" {
		// An order following a decision cited without a name: told by
		// the decision's citation.
		return st.refOf(a - 1).String()
	}
	a := int(c.ante)
	if a != i {
		// Only an Id. naming a section changes its antecedent's target,
		// and a section is never blank.
		if st.rec(a).kind() != Full {
			return ""
		}
	} else if c.kind() != Full {
		return ""
	}
	return st.name(a)
}

// signalNames are the canonical signals a cite's signal indexes; "" is 0.
var signalNames = func() []string {
	names := []string{""}
	seen := map[string]bool{}
	for _, s := range signals {
		if !seen[s.canon] {
			seen[s.canon] = true
			names = append(names, s.canon)
		}
	}
	return names
}()

// signalIndex returns the index of a canonical signal in signalNames.
func signalIndex(canon string) uint8 {
	for i, s := range signalNames {
		if s == canon {
			return uint8(i)
		}
	}
	return 0
}

// reasonText says why citation i is unresolved.
func (st *store) reasonText(i int) string {
	switch st.rec(i).reason() {
	case reasonSlipNoName:
		return "a slip opinion cited with neither page nor case name"
	case reasonNoFullIn:
		return fmt.Sprintf("no full citation in %s starts at or before page %s", keyOf(st.refOf(i)), st.pin(i))
	case reasonNoFullOf:
		return fmt.Sprintf("no full citation of %q", st.name(i))
	case reasonNoteUnmarked:
		return "Id. opens a footnote whose mark in the running text is not located"
	case reasonNoteUnknown:
		return "Id. in a footnote after words no authority was read in, or after a footnote that cites none"
	case reasonNoEarlier:
		return "no earlier authority"
	case reasonAfterUnresolved:
		return "the preceding citation is unresolved"
	case reasonArticle:
		return "an article pin names a code or constitution, not the case before it"
	case reasonAmbiguous:
		var b strings.Builder
		fmt.Fprintf(&b, "ambiguous: %q names", st.name(i))
		for n, k := range st.ambiguous[int32(i)] {
			if n > 0 {
				b.WriteString(" and")
			}
			fmt.Fprintf(&b, " %s", st.refOf(int(k)))
			if n := st.name(int(k)); n != "" {
				fmt.Fprintf(&b, " (%s)", n)
			}
		}
		return b.String()
	}
	return ""
}

// warningText says what looks wrong about citation i's resolution.
func (st *store) warningText(i int) string {
	switch st.rec(i).warning() {
	case warnName:
		return fmt.Sprintf("name %q does not match %s", st.name(i), st.name(int(st.rec(i).ante)))
	case warnForward:
		return forwardWarning
	case warnPin:
		return fmt.Sprintf("pin %s is outside the pages of %s", st.pin(i), st.pinRefOf(i))
	case warnVolume:
		return fmt.Sprintf("volume %s read as a misprint for %s: no case of the volume is cited, and the name and the pin, cited elsewhere, are %s's", st.refOf(i).Volume, st.pinRefOf(i).Volume, st.pinRefOf(i))
	}
	return ""
}

// fill makes citation i, which starts on line line, into c. c's Parallel
// is a new slice, so that a copy of c stays whole when c is filled again.
func (st *store) fill(i, line int, c *Citation) {
	r := st.rec(i)
	src := st.body
	if r.has(flagNote) {
		src = st.text
	}
	start, end := r.startOff(), r.endOff()
	*c = Citation{Kind: r.kind(), Start: start, End: end, Line: line, Text: src[start:end],
		Pin: st.str(r.pin), Signal: signalNames[r.signal], Nested: r.has(flagNested), Suspect: r.has(flagSuspect),
		Antecedent: int(r.ante), authority: r.authority()}
	if m := st.moreIf(i); m != nil {
		c.Ref = st.ref(m.ref)
		if m.nParallel > 0 {
			c.Parallel = make([]Ref, m.nParallel)
			for k := range c.Parallel {
				c.Parallel[k] = st.ref(*st.refs.at(int(m.parallel) + k))
			}
		}
		name := st.str(m.name)
		c.CaseName = name[m.nameCut:]
		c.Plaintiff, c.Defendant = splitParties(name)
		c.Court, c.CourtID, c.Year = st.str(m.court), st.str(m.courtID), int(m.year)
		c.Parenthetical = st.str(m.paren)
	}
	switch {
	case r.ante < 0:
	case int(r.ante) == i && r.pinRef == 0:
		c.Target = c.Ref // a full citation, a statute: itself
	case int(r.ante) == i:
		c.Target = c.Parallel[r.pinRef-1]
	default:
		c.Target = st.target(i)
	}
	c.TargetName = st.targetName(i, c.Target)
	if r.notes != 0 {
		c.Reason, c.Warning = st.reasonText(i), st.warningText(i)
	}
}

// inside reports whether x is a substring of src, and where: the scanner
// slices what it reads from its source, and a string that is such a slice
// is held as a span of the text rather than copied. Comparing addresses is
// the only way to tell a slice of src from an equal string made
// elsewhere; a string made elsewhere lies outside src's bytes, since src
// is immutable.
func inside(src, x string) (int, bool) {
	if len(x) == 0 || len(x) > len(src) {
		return 0, false
	}
	b := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(x)))
	if p < b || p-b > uintptr(len(src)-len(x)) {
		return 0, false
	}
	return int(p - b), true
}

// compact converts what the scanner read into a str: a span when x is a
// slice of its source, else an entry of the string table.
func (s *scanner) compact(x string) str {
	if x == "" {
		return str{}
	}
	if off, ok := inside(s.src, x); ok && len(x) <= maxSpan {
		if abs := s.base + off; abs+len(x) <= 1<<32-1 {
			n := uint32(len(x))
			if s.body {
				n |= strBody
			}
			return str{off: uint32(abs), n: n}
		}
	}
	return s.out.table(x)
}

func (s *scanner) compactRef(r Ref) cref {
	return cref{volume: s.compact(r.Volume), reporter: s.compact(r.Reporter), page: s.compact(r.Page)}
}

// record adds c, as the scanner built it, to the store.
func (s *scanner) record(c *Citation) {
	st := s.out
	r := cite{pin: s.compact(c.Pin), ante: -1, signal: signalIndex(c.Signal)}
	r.setSpan(c.Start, c.End)
	r.setKind(c.Kind)
	r.setAuth(c.authority)
	for _, f := range [...]struct {
		on   bool
		flag uint8
	}{{c.Nested, flagNested}, {c.repeatable, flagRepeatable}, {c.dated, flagDated}, {c.order, flagOrder}, {c.history, flagHistory}} {
		if f.on {
			r.flags |= f.flag
		}
	}
	st.recs.add(r)
	if c.Ref.IsZero() && c.CaseName == "" && c.Court == "" && c.CourtID == "" && c.Year == 0 &&
		c.Parenthetical == "" && len(c.Parallel) == 0 {
		return
	}
	m := st.moreOf(st.len() - 1)
	m.ref = s.compactRef(c.Ref)
	m.name = s.compact(c.CaseName)
	m.court, m.courtID = s.compact(c.Court), s.compact(c.CourtID)
	m.paren = s.compact(c.Parenthetical)
	m.year = uint16(c.Year)
	if len(c.Parallel) > 0 {
		// A group's parallels are of distinct reporters, so they are few;
		// pinRef can count 65,535 of them.
		par := c.Parallel[:min(len(c.Parallel), maxParallels)]
		m.parallel, m.nParallel = uint32(st.refs.n), uint32(len(par))
		for _, p := range par {
			st.refs.add(s.compactRef(p))
		}
	}
}

// run returns the run of text citation i was read in: 0 for the running
// text, k for the k-th footnote, the one its start lies in.
func (st *store) run(i int) int {
	c := st.rec(i)
	if !c.has(flagNote) {
		return 0
	}
	start := c.startOff()
	return sort.Search(len(st.notes), func(k int) bool { return st.notes[k].End > start }) + 1
}

// sortByStart puts the citations of the running text and of the
// footnotes, read one run after another, in order of their start (the
// running text's first where two start together).
func (st *store) sortByStart() {
	all := make([]cite, 0, st.len())
	for i := range st.len() {
		all = append(all, *st.rec(i))
	}
	slices.SortStableFunc(all, func(a, b cite) int { return cmp.Compare(a.startOff(), b.startOff()) })
	st.recs = chunks[cite]{}
	for _, c := range all {
		st.recs.add(c)
	}
}
