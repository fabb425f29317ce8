package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// maxOpinionPages is the longest span, in pages, a pin may lie past the
// first page of the case it cites before the resolution is called
// suspect. The longest opinions in the U.S. Reports run to about 250
// pages.
const maxOpinionPages = 300

// forwardWarning explains a short form resolved to a full citation that
// comes after it in the text: opinions whose footnotes are printed after
// the body cite a case in full in a footnote and by short form above it.
const forwardWarning = "resolved to a full citation later in the text (footnotes printed after the body?)"

// index finds full citations by the names and volumes a short form may
// use. It holds, under every key, the latest full citation seen.
type index struct {
	cs []Citation
	// byVolume lists full citations by volume and reporter (every
	// citation of a parallel group), one entry a case.
	byVolume map[volumeKey][]int
	// byName finds a full citation by its whole folded name, or by the
	// first word of each side ("railway v virginia").
	byName map[string]int
	// byWord chains full citations by the first word of either side,
	// latest first, for supra names that are the leading words of a side
	// ("Liberty Lobby" for "Anderson v. Liberty Lobby, Inc."): wordHead
	// gives a word's latest link in words, each link the one before.
	wordHead map[string]int
	words    []wordLink
}

type wordLink struct{ cite, prev int }

type volumeKey struct{ volume, reporter string }

func keyOf(ref Ref) volumeKey { return volumeKey{ref.Volume, ref.Reporter} }

func (k volumeKey) String() string { return k.volume + " " + k.reporter }

func newIndex(cs []Citation) *index {
	return &index{cs: cs, byVolume: make(map[volumeKey][]int), byName: make(map[string]int),
		wordHead: make(map[string]int)}
}

// add indexes full citation i.
func (x *index) add(i int) {
	c := &x.cs[i]
	if c.Kind != Full {
		return
	}
	x.addVolume(c.Ref, i)
	for _, p := range c.Parallel {
		x.addVolume(p, i)
	}
	if c.CaseName == "" {
		return
	}
	whole := foldName(c.CaseName)
	x.byName[whole] = i
	p, d, two := strings.Cut(whole, " v ")
	if two {
		x.byName[firstWord(p)+" v "+firstWord(d)] = i
	} else if core := procedureless(whole); core != whole {
		// "In re Gault" is cited again as "Gault".
		x.byName[core] = i
	}
	for _, side := range [2]string{p, d} {
		// "Estate of Thornton" is cited again as "Thornton".
		if w := firstWord(procedureless(side)); w != "" {
			prev, ok := x.wordHead[w]
			if !ok {
				prev = -1
			}
			x.words = append(x.words, wordLink{i, prev})
			x.wordHead[w] = len(x.words) - 1
		}
	}
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// addVolume lists full citation i under its volume. A case cited again
// takes the place of its earlier entry, so a volume's list holds each case
// once and resolution stays linear in the length of the text. The cases
// of a volume not yet paginated all have the blank page: they are told
// apart by name.
func (x *index) addVolume(ref Ref, i int) {
	key := keyOf(ref)
	list := x.byVolume[key]
	for n, k := range list {
		if refIn(&x.cs[k], ref).Page == ref.Page && (!blankPin(ref.Page) || sameCase(&x.cs[k], &x.cs[i])) {
			list[n] = i
			return
		}
	}
	x.byVolume[key] = append(list, i)
}

// sameCase reports whether two full citations with the same blank page
// name the same case.
func sameCase(a, b *Citation) bool {
	return a.CaseName != "" && (foldName(a.CaseName) == foldName(b.CaseName) || nameMatches(a.CaseName, b) || nameMatches(b.CaseName, a))
}

// supra returns the full citation a supra name refers to, or -1, and the
// form of the name that matched.
func (x *index) supra(name string) (int, string) {
	for {
		folded := foldName(name)
		if k, ok := x.byName[folded]; ok {
			return k, name
		}
		if p, d, ok := strings.Cut(folded, " v "); ok {
			// "Railway Express v. Virginia" for "Railway Express Agency,
			// Inc. v. Virginia": the first word of each side.
			if k, ok := x.byName[firstWord(p)+" v "+firstWord(d)]; ok {
				return k, name
			}
			return -1, ""
		}
		if k := x.leadingWords(folded); k >= 0 {
			return k, name
		}
		// "In Imbler, supra": try the name without its first word.
		_, rest, ok := strings.Cut(name, " ")
		if !ok || rest == "" {
			return -1, ""
		}
		name = rest
	}
}

// maxWordChain bounds how many full citations sharing a first word a
// supra name is checked against: a common word ("united") starts many
// names, and a supra cites one of the latest.
const maxWordChain = 64

// leadingWords returns the latest full citation one of whose sides begins
// with the folded name, or -1.
func (x *index) leadingWords(folded string) int {
	l, ok := x.wordHead[firstWord(folded)]
	for n := 0; ok && l >= 0 && n < maxWordChain; n++ {
		k := x.words[l].cite
		if sideStarts(&x.cs[k], folded) {
			return k
		}
		l = x.words[l].prev
	}
	return -1
}

// short returns the full citation in the short cite's volume whose first
// page is the closest at or before the pin (the latest on ties), or -1.
// With byName, the case name must agree too. A case of a volume not yet
// paginated ("587 U.S. ___") has no page to compare: it is found by its
// name, or, for a short cite that gives none, when it is the only one of
// its volume cited so far.
func (x *index) short(c *Citation, byName bool) int {
	pin := firstPage(c.Pin)
	best, bestPage := -1, -1
	blanks, blank := 0, -1
	for _, k := range x.byVolume[keyOf(c.Ref)] {
		f := &x.cs[k]
		if blankPin(refIn(f, c.Ref).Page) {
			switch {
			case c.CaseName != "" && nameMatches(c.CaseName, f):
				return k
			case c.CaseName == "":
				blanks, blank = blanks+1, k
			}
			continue
		}
		if byName && c.CaseName != "" && !nameMatches(c.CaseName, f) {
			continue
		}
		page := firstPage(refIn(f, c.Ref).Page)
		if pin >= 0 && page > pin {
			continue
		}
		if page >= bestPage {
			best, bestPage = k, page
		}
	}
	if best < 0 && blanks == 1 {
		return blank
	}
	return best
}

// repeated returns the earlier full citation with the same first page
// as full citation c, or -1.
func (x *index) repeated(c *Citation) int {
	if blankPin(c.Page) {
		return -1
	}
	for _, k := range x.byVolume[keyOf(c.Ref)] {
		if refIn(&x.cs[k], c.Ref).Page == c.Page {
			return k
		}
	}
	return -1
}

// resolver links every short form to the full citation it refers to, in
// one pass in text order, then a second look for the short forms whose
// full citation comes later in the text.
type resolver struct {
	cs  []Citation
	idx *index
	// last is, for each run of text (the running text and each
	// footnote), the index of its latest authority outside a
	// parenthetical: what an Id. there refers to.
	last []int
	// marks locates each footnote's mark in the running text.
	marks []int
	// later holds the short forms left unresolved by the pass; idAfter
	// the Id.s that followed an unresolved citation, with its index.
	later   []int
	idAfter [][2]int
}

// resolve resolves the citations cs, read in runs of text: the running
// text, then the footnotes, marks[k] giving the offset of the k-th run's
// mark in the running text (-1 when unknown; marks[0] is unused).
func resolve(cs []Citation, marks []int) {
	r := resolver{cs: cs, idx: newIndex(cs), last: make([]int, len(marks)), marks: marks}
	for i := range r.last {
		r.last[i] = -1
	}
	for i := range cs {
		c := &cs[i]
		switch c.Kind {
		case Full:
			r.full(i)
		case Law, Secondary, RecordCite:
			c.Target, c.Antecedent, c.pinRef = c.Ref, i, c.Ref
		case Short:
			r.short(i)
		case Supra:
			r.supra(i)
		case ID:
			r.id(i)
		}
		if !c.Nested {
			r.last[c.run] = i
		}
	}
	r.forward()
}

// full resolves a full citation to itself, or, when it repeats an
// earlier full citation in a form that only short forms take, under a
// shorter name and without its parenthetical ("Griswold, 381 U.S. 479 at
// 485", "Smith, 2019 IL 123456, ¶ 25"), makes it the short form it is.
func (r *resolver) full(i int) {
	c := &r.cs[i]
	if k := r.idx.repeated(c); k >= 0 && c.repeatable && !c.dated && !sameName(c, &r.cs[k]) {
		c.Kind = Short
		r.link(c, k)
		r.checkPin(c)
		return
	}
	c.Target, c.Antecedent, c.pinRef = c.Ref, i, c.Ref
	if blankPin(c.Page) {
		// A slip opinion not yet paginated: the case is its paged
		// parallel when one is given, otherwise its volume and name.
		for _, p := range c.Parallel {
			if !blankPin(p.Page) {
				c.Target, c.pinRef = p, p
				break
			}
		}
		if blankPin(c.Target.Page) {
			if c.CaseName == "" {
				c.Target, c.Antecedent = Ref{}, -1
				c.Reason = "a slip opinion cited with neither page nor case name"
				return
			}
			c.TargetName = c.CaseName
		}
	}
	r.checkPin(c)
	r.idx.add(i)
}

// sameName reports whether a repeated full citation c gives the whole
// name of the earlier one f, as a full citation does.
func sameName(c, f *Citation) bool {
	return c.CaseName != "" && foldName(c.CaseName) == foldName(f.CaseName)
}

// forward resolves the short forms whose full citation comes later in the
// text, now that the index holds every full citation: opinions whose
// footnotes are printed after the body cite a case in full in a footnote
// and by short form above it. Then the Id.s that followed them.
func (r *resolver) forward() {
	for _, i := range r.later {
		c := &r.cs[i]
		k := -1
		if c.Kind == Supra {
			k, _ = r.idx.supra(c.CaseName)
		} else {
			k = r.idx.short(c, true)
		}
		if k > i {
			r.link(c, k)
			c.Warning = forwardWarning
		}
	}
	for _, p := range r.idAfter {
		c, prev := &r.cs[p[0]], &r.cs[p[1]]
		if prev.Resolved() {
			r.linkID(c, prev)
		}
	}
}

// refIn returns the citation of full citation f in the same reporter as
// ref (the first page a short cite through a parallel reporter counts
// from).
func refIn(f *Citation, ref Ref) Ref {
	if f.Ref.Volume == ref.Volume && f.Ref.Reporter == ref.Reporter {
		return f.Ref
	}
	for _, p := range f.Parallel {
		if p.Volume == ref.Volume && p.Reporter == ref.Reporter {
			return p
		}
	}
	return f.Ref
}

// short resolves "424 U. S., at 430": the earlier full citation in the
// same volume whose first page is the closest at or before the pin, and
// whose name agrees when the short cite gives one.
func (r *resolver) short(i int) {
	c := &r.cs[i]
	best := r.idx.short(c, true)
	if best < 0 && c.CaseName != "" {
		// The name read before the cite may be prose, not a name: the
		// volume and the pin still identify the case.
		if best = r.idx.short(c, false); best >= 0 {
			c.Warning = fmt.Sprintf("name %q does not match %s", c.CaseName, r.cs[best].CaseName)
		}
	}
	if best < 0 {
		c.Reason = fmt.Sprintf("no full citation in %s starts at or before page %s", keyOf(c.Ref), c.Pin)
		r.later = append(r.later, i)
		return
	}
	r.link(c, best)
	c.pinRef = refIn(&r.cs[best], c.Ref)
	if c.Warning == "" {
		r.checkPin(c)
	}
}

// supra resolves "Imbler, supra" to the latest earlier full citation whose
// name the supra name matches.
func (r *resolver) supra(i int) {
	c := &r.cs[i]
	k, name := r.idx.supra(c.CaseName)
	if k < 0 {
		c.Reason = fmt.Sprintf("no full citation of %q", c.CaseName)
		r.later = append(r.later, i)
		return
	}
	r.link(c, k)
	c.CaseName = name
	if c.Volume != "" {
		// "Ghirardo, supra, 8 Cal.4th at p. 800": the pin counts in the
		// reporter named.
		c.pinRef = refIn(&r.cs[k], c.Ref)
	}
	r.checkPin(c)
}

// id resolves Id. and Ibid. to the immediately preceding authority.
func (r *resolver) id(i int) {
	c := &r.cs[i]
	last := r.last[c.run]
	if last < 0 && c.run > 0 {
		// An Id. opening a footnote repeats the authority the running
		// text cites before the footnote's mark.
		if last = r.beforeMark(r.marks[c.run]); last < 0 {
			c.Reason = "Id. opens a footnote, and no authority of the running text precedes the footnote's mark (or the mark is not located)"
			return
		}
	}
	switch {
	case last < 0:
		c.Reason = "no earlier authority"
		return
	}
	prev := &r.cs[last]
	if !prev.Resolved() {
		c.Reason = "the preceding citation is unresolved"
		r.idAfter = append(r.idAfter, [2]int{i, last})
		return
	}
	r.linkID(c, prev)
}

// maxMarkLookback bounds the citations looked at, back from a footnote's
// mark, for the authority of the running text before it.
const maxMarkLookback = 256

// beforeMark returns the latest citation of the running text, outside
// parentheticals, that starts before offset mark, or -1.
func (r *resolver) beforeMark(mark int) int {
	if mark < 0 {
		return -1
	}
	i := sort.Search(len(r.cs), func(i int) bool { return r.cs[i].Start >= mark })
	for n := 0; i > 0 && n < maxMarkLookback; n++ {
		i--
		if c := &r.cs[i]; c.run == 0 && !c.Nested {
			return i
		}
	}
	return -1
}

// linkID links Id. c to the authority prev refers to. An Id. with a
// section of its own after a code ("42 U.S.C. § 1983. Id. § 1988(b).")
// cites that section of the same code.
func (r *resolver) linkID(c *Citation, prev *Citation) {
	c.Target, c.TargetName, c.Antecedent = prev.Target, prev.TargetName, prev.Antecedent
	c.Reason = ""
	c.authority, c.pinRef = prev.authority, prev.pinRef
	switch {
	case c.Pin == "":
		c.Pin = prev.Pin // Ibid. and a bare Id. repeat the pin
	case c.authority == Law && strings.HasPrefix(c.Pin, "§") && strings.HasPrefix(c.Target.Page, "§"):
		c.Target.Page, c.Pin = c.Pin, ""
		c.pinRef = c.Target
	case c.authority == 0:
		r.checkPin(c)
	}
}

func (r *resolver) link(c *Citation, k int) {
	f := &r.cs[k]
	c.Target, c.TargetName, c.Antecedent = f.Target, f.TargetName, k
	c.pinRef = f.pinRef
	c.Reason = ""
}

// checkPin warns when c's pin lies outside the pages its pinRef can
// span.
func (r *resolver) checkPin(c *Citation) {
	ref := c.pinRef
	pin, page := firstPage(c.Pin), firstPage(ref.Page)
	if pin < 0 || page < 0 || c.authority != 0 {
		return
	}
	if pin < page || pin > page+maxOpinionPages {
		c.Warning = fmt.Sprintf("pin %s is outside the pages of %s", c.Pin, ref)
		c.Suspect = true
	}
}

// firstPage returns the first page number of a pin or page, or -1 when it
// has none (blank, star page).
func firstPage(s string) int {
	e := 0
	for e < len(s) && isDigit(s[e]) {
		e++
	}
	if e == 0 || e > 8 {
		return -1
	}
	n, _ := strconv.Atoi(s[:e])
	return n
}

// nameMatches reports whether name (from a short cite) names the case of
// full citation f: it is the whole case name, or the start of one of its
// sides ("Liberty Lobby" for "Anderson v. Liberty Lobby, Inc.").
func nameMatches(name string, f *Citation) bool {
	n := foldName(name)
	return n != "" && f.CaseName != "" && (n == foldName(f.CaseName) || sideStarts(f, n))
}

// sideStarts reports whether a side of f's name (without its procedural
// prefix) begins with the folded name n.
func sideStarts(f *Citation, n string) bool {
	for _, side := range [2]string{f.Plaintiff, f.Defendant} {
		s := procedureless(foldName(side))
		if s == n || strings.HasPrefix(s, n+" ") {
			return true
		}
	}
	return false
}

// proceduralPrefixes open the names of cases that have no adverse
// parties (folded): the short form of "In re Gault" is "Gault", of "Ex
// parte Young" "Young".
var proceduralPrefixes = []string{
	"in re marriage of ", "in the matter of ", "in re estate of ", "in re application of ",
	"in re ", "ex parte ", "matter of ", "estate of ", "application of ", "petition of ", "marriage of ",
}

// procedureless returns a folded name without its procedural prefix.
func procedureless(folded string) string {
	for _, p := range proceduralPrefixes {
		if rest, ok := strings.CutPrefix(folded, p); ok && rest != "" {
			return rest
		}
	}
	return folded
}

// foldName lower-cases a name and drops its punctuation, so that "Liberty
// Lobby," and "liberty lobby" compare equal.
func foldName(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isAlnum(c) || c >= 0x80:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if isUpper(c) {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		case c == ' ':
			space = true
		}
	}
	return b.String()
}
