package extract

import (
	"slices"
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
	st *store
	// byVolume lists full citations by volume and reporter (every
	// citation of a parallel group), one entry a case, with the first
	// page the case has there.
	byVolume map[volumeKey][]volumeEntry
	// byName finds a full citation by its whole folded name, or by the
	// first word of each side ("railway v virginia").
	byName map[string]int32
	// byWord chains full citations by the first word of either side,
	// latest first, for supra names that are the leading words of a side
	// ("Liberty Lobby" for "Anderson v. Liberty Lobby, Inc."): wordHead
	// gives a word's latest link in words, each link the one before.
	wordHead map[string]int32
	words    []wordLink
	// unnamed are the full citations with a name not yet in byName and
	// wordHead, in text order: names are indexed only when a supra first
	// looks one up, as most texts have few supras and many full citations.
	unnamed []int32
	// folded holds the folded name of each full citation indexed, made
	// once: a supra compares it with the names of up to maxWordChain cases.
	folded map[int32]string
}

// foldedName returns full citation j's folded name.
func (x *index) foldedName(j int) string {
	if f, ok := x.folded[int32(j)]; ok {
		return f
	}
	return foldName(x.st.name(j))
}

type wordLink struct{ cite, prev int32 }

type volumeEntry struct {
	cite int32
	page str
}

type volumeKey struct{ volume, reporter string }

func keyOf(ref Ref) volumeKey { return volumeKey{ref.Volume, ref.Reporter} }

func (k volumeKey) String() string { return k.volume + " " + k.reporter }

func newIndex(st *store) *index {
	return &index{st: st, byVolume: make(map[volumeKey][]volumeEntry), byName: make(map[string]int32),
		wordHead: make(map[string]int32)}
}

// add indexes full citation i.
func (x *index) add(i int) {
	st := x.st
	if st.rec(i).kind() != Full {
		return
	}
	m := st.moreIf(i)
	x.addVolume(m.ref, i)
	for k := range m.nParallel {
		x.addVolume(*st.refs.at(int(m.parallel + k)), i)
	}
	if st.name(i) != "" {
		x.unnamed = append(x.unnamed, int32(i))
	}
}

// indexNames puts the names of the full citations added so far into
// byName and wordHead, in text order, as add would have.
func (x *index) indexNames() {
	for _, i := range x.unnamed {
		x.addName(int(i), x.st.name(int(i)))
	}
	x.unnamed = x.unnamed[:0]
}

// addName indexes full citation i under its name.
func (x *index) addName(i int, name string) {
	whole := foldName(name)
	x.byName[whole] = int32(i)
	if x.folded == nil {
		x.folded = map[int32]string{}
	}
	x.folded[int32(i)] = whole
	p, d, two := strings.Cut(whole, " v ")
	if two {
		x.byName[firstWord(p)+" v "+firstWord(d)] = int32(i)
	} else if core := procedureless(whole); core != whole {
		// "In re Gault" is cited again as "Gault".
		x.byName[core] = int32(i)
	}
	for _, side := range [2]string{p, d} {
		// "Estate of Thornton" is cited again as "Thornton".
		if w := firstWord(procedureless(side)); w != "" {
			prev, ok := x.wordHead[w]
			if !ok {
				prev = -1
			}
			x.words = append(x.words, wordLink{int32(i), prev})
			x.wordHead[w] = int32(len(x.words) - 1)
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
func (x *index) addVolume(r cref, i int) {
	st := x.st
	ref := st.ref(r)
	key := keyOf(ref)
	list := x.byVolume[key]
	for n, e := range list {
		if st.str(e.page) == ref.Page && (!blankPin(ref.Page) || x.sameCase(int(e.cite), i)) {
			list[n] = volumeEntry{int32(i), r.page}
			return
		}
	}
	x.byVolume[key] = append(list, volumeEntry{int32(i), r.page})
}

// sameCase reports whether two full citations with the same blank page
// name the same case.
func (x *index) sameCase(a, b int) bool {
	an, bn := x.st.name(a), x.st.name(b)
	return an != "" && (foldName(an) == foldName(bn) || x.nameMatches(an, b) || x.nameMatches(bn, a))
}

// supra returns the full citations of distinct cases a supra name refers
// to, latest first (none when it names no case), and the form of the
// name that matched. Every case the name fits at the closest level of
// matching is returned: the whole name, the first word of each side
// ("Railway Express v. Virginia"), the leading words of a side
// ("Liberty Lobby"); a name that fits two cases is ambiguous, and only
// a pin can tell them apart (see resolver.choose).
func (x *index) supra(name string) ([]int, string) {
	x.indexNames()
	for {
		folded := foldName(name)
		if k, ok := x.byName[folded]; ok {
			return x.alike(int(k), func(j int) bool {
				n := x.foldedName(j)
				return n == folded || procedureless(n) == folded
			}), name
		}
		if p, d, ok := strings.Cut(folded, " v "); ok {
			// "Railway Express v. Virginia" for "Railway Express Agency,
			// Inc. v. Virginia": the first word of each side.
			key := firstWord(p) + " v " + firstWord(d)
			if k, ok := x.byName[key]; ok {
				return x.alike(int(k), func(j int) bool {
					p, d, _ := strings.Cut(x.foldedName(j), " v ")
					return firstWord(p)+" v "+firstWord(d) == key
				}), name
			}
			return nil, ""
		}
		if ks := x.leadingWords(folded); len(ks) > 0 {
			return ks, name
		}
		// "In Imbler, supra": try the name without its first word.
		_, rest, ok := strings.Cut(name, " ")
		if !ok || rest == "" {
			return nil, ""
		}
		name = rest
	}
}

// maxWordChain bounds how many full citations sharing a first word a
// supra name is checked against: a common word ("united") starts many
// names, and a supra cites one of the latest.
const maxWordChain = 64

// alike returns full citation k and the other full citations of distinct
// cases, latest first, that the chain of the first word of k's first
// side holds and match accepts.
func (x *index) alike(k int, match func(int) bool) []int {
	p, _ := x.st.parties(k)
	return x.chain(firstWord(procedureless(foldName(p))), []int{k}, match)
}

// leadingWords returns the full citations of distinct cases, latest
// first, one of whose sides begins with the folded name.
func (x *index) leadingWords(folded string) []int {
	return x.chain(firstWord(folded), nil, func(k int) bool { return x.sideStarts(k, folded) })
}

// chain adds to found the full citations of the chain of word that match
// accepts and that cite a case found holds none of.
func (x *index) chain(word string, found []int, match func(int) bool) []int {
	l, ok := x.wordHead[word]
	for n := 0; ok && l >= 0 && n < maxWordChain; n++ {
		k := int(x.words[l].cite)
		l = x.words[l].prev
		if match(k) && !slices.ContainsFunc(found, func(f int) bool { return x.sameCite(f, k) }) {
			found = append(found, k)
		}
	}
	return found
}

// sameCite reports whether full citations a and b cite one case: they
// share a citation (with a page, or, for a slip cite, and a name).
func (x *index) sameCite(a, b int) bool {
	st := x.st
	for g := range st.groupLen(a) {
		ra := st.group(a, g)
		for h := range st.groupLen(b) {
			if ra == st.group(b, h) && (!blankPin(ra.Page) || x.sameCase(a, b)) {
				return true
			}
		}
	}
	return false
}

// short returns the full citation in short cite i's volume whose first
// page is the closest at or before the pin (the latest on ties), or -1.
// With byName, the case name must agree too. A case of a volume not yet
// paginated ("587 U.S. ___") has no page to compare: it is found by its
// name, or, for a short cite that gives none, when it is the only one of
// its volume cited so far.
func (x *index) short(i int, byName bool) int {
	st := x.st
	ref, name := st.refOf(i), st.name(i)
	pin := firstPage(st.pin(i))
	best, bestPage := -1, -1
	blanks, blank := 0, -1
	for _, e := range x.byVolume[keyOf(ref)] {
		k, inPage := int(e.cite), st.str(e.page)
		if blankPin(inPage) {
			switch {
			case name != "" && x.nameMatches(name, k):
				return k
			case name == "":
				blanks, blank = blanks+1, k
			}
			continue
		}
		if byName && name != "" && !x.nameMatches(name, k) {
			continue
		}
		page := firstPage(inPage)
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
// as full citation i, or -1.
func (x *index) repeated(i int) int {
	ref := x.st.refOf(i)
	if blankPin(ref.Page) {
		return -1
	}
	for _, e := range x.byVolume[keyOf(ref)] {
		if x.st.str(e.page) == ref.Page {
			return int(e.cite)
		}
	}
	return -1
}

// resolver links every short form to the full citation it refers to, in
// one pass in text order, then a second look for the short forms whose
// full citation comes later in the text.
type resolver struct {
	st  *store
	idx *index
	// last is, for each run of text (the running text and each
	// footnote), the index of its latest authority outside a
	// parenthetical: what an Id. there refers to.
	last []int
	runs runs
	// prevNote gives, for each run, the run whose mark is the latest
	// before its own (a footnote read before it), or -1.
	prevNote []int
	// secondary lists the treatises and other secondary authorities
	// read so far, latest last: what a supra that names no case may
	// name ("Wright & Miller, supra").
	secondary []int
	// surnames holds surnames(the title) of each of secondary, made once:
	// every supra compares its name with the latest of them.
	surnames []string
	// numbered maps a report or document's form and number ("H. R. Rep.
	// No. 709") to the latest citation of it that gave its Congress.
	numbered map[string]int
}

// resolve resolves the citations of st, read in the runs of text rs.
//
// The short forms left unresolved are marked by their reason, not listed:
// a list would cost memory for each of the Id.s of a text that gives no
// authority before them.
func resolve(st *store, rs runs) {
	r := resolver{st: st, idx: newIndex(st), last: make([]int, len(rs.marks)), runs: rs, prevNote: prevNotes(rs.marks)}
	for i := range r.last {
		r.last[i] = -1
	}
	for i := range st.len() {
		c := st.rec(i)
		switch c.kind() {
		case Full:
			r.full(i)
		case Law, Legislative, Secondary, RecordCite, Internal:
			c.ante, c.pinRef = int32(i), 0
			switch c.kind() {
			case Secondary:
				r.secondary = append(r.secondary, i)
				r.surnames = append(r.surnames, surnames(st.refOf(i).Reporter))
			case Legislative:
				r.legislative(i)
			}
		case Short:
			r.short(i)
		case Supra:
			r.supra(i)
		case ID:
			prev, why := r.before(i)
			r.id(i, prev, why)
		}
		if !c.has(flagNested) {
			r.last[r.run(i)] = i
		}
	}
	r.forward()
}

// run returns the run of text citation i was read in.
func (r *resolver) run(i int) int { return r.runs.of[r.st.run(i)] }

// prevNotes returns, for each run with a mark, the run whose mark is the
// latest before it, or -1.
func prevNotes(marks []int) []int {
	order := make([]int, 0, len(marks))
	for k := 1; k < len(marks); k++ {
		if marks[k] >= 0 {
			order = append(order, k)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return marks[order[a]] < marks[order[b]] })
	prev := make([]int, len(marks))
	for i := range prev {
		prev[i] = -1
	}
	for n := 1; n < len(order); n++ {
		prev[order[n]] = order[n-1]
	}
	return prev
}

// full resolves a full citation to itself, or, when it repeats an
// earlier full citation in a form that only short forms take, under a
// shorter name and without its parenthetical ("Griswold, 381 U.S. 479 at
// 485", "Smith, 2019 IL 123456, ¶ 25"), makes it the short form it is.
func (r *resolver) full(i int) {
	st := r.st
	c := st.rec(i)
	if k := r.idx.repeated(i); k >= 0 && c.has(flagRepeatable) && !c.has(flagDated) && !r.sameName(i, k) {
		c.setKind(Short)
		r.link(i, k)
		r.checkPin(i)
		return
	}
	c.ante, c.pinRef = int32(i), 0
	if blankPin(st.refOf(i).Page) {
		// A slip opinion not yet paginated: the case is its paged
		// parallel when one is given, otherwise its volume and name.
		for k := 1; k < st.groupLen(i); k++ {
			if !blankPin(st.group(i, k).Page) {
				c.pinRef = uint16(k)
				break
			}
		}
		if c.pinRef == 0 && st.name(i) == "" {
			c.ante = -1
			c.setReason(reasonSlipNoName)
			return
		}
	}
	r.checkPin(i)
	r.idx.add(i)
}

// sameName reports whether a repeated full citation i gives the whole
// name of the earlier one k, as a full citation does.
func (r *resolver) sameName(i, k int) bool {
	n := r.st.name(i)
	return n != "" && foldName(n) == foldName(r.st.name(k))
}

// forward resolves the short forms whose full citation comes later in the
// text, now that the index holds every full citation: opinions whose
// footnotes are printed after the body cite a case in full in a footnote
// and by short form above it. Then the Id.s that followed them, in order,
// each finding the authority before it as the first pass did.
func (r *resolver) forward() {
	st := r.st
	for i := range st.len() {
		c := st.rec(i)
		k := -1
		switch c.reason() {
		case reasonNoFullOf:
			ks, _ := r.supraCases(i)
			if len(ks) > 0 {
				k = r.choose(i, ks)
			}
		case reasonNoFullIn:
			k = r.idx.short(i, true)
		}
		if k > i {
			r.link(i, k)
			c.setWarning(warnForward)
		}
	}
	r.misprints()
	for i := range r.last {
		r.last[i] = -1
	}
	for i := range st.len() {
		c := st.rec(i)
		if c.reason() == reasonAfterUnresolved {
			if prev, _ := r.before(i); prev >= 0 && st.rec(prev).resolved() {
				r.linkID(i, prev)
			}
		}
		if !c.has(flagNested) {
			r.last[r.run(i)] = i
		}
	}
}

// misprints resolves the short cites whose volume the source misprints
// ("Imbler, 425 U. S., at 425" in Van de Kamp v. Goldstein, for Imbler v.
// Pachtman, 424 U.S. 409) to the case their name and pin give, with a
// warning. Only where three things agree: no full citation has the
// volume printed; one case of the name is cited in the same reporter in
// a volume one off, with the pin inside its pages; and the opinion cites
// that case at that very page elsewhere. A case of the name in the
// neighbouring volume cited by no full citation here (Brown v. Board of
// Education, 347 U.S. 483, and 349 U.S. 294) would meet the first two,
// and pages of the one pinned again for the other by chance is too much
// to take for evidence — but not for the third.
func (r *resolver) misprints() {
	st := r.st
	var pinned map[[2]int]bool // (full citation, first page of a pin)
	for i := range st.len() {
		c := st.rec(i)
		if c.kind() != Short || c.reason() != reasonNoFullIn || st.name(i) == "" {
			continue
		}
		pin := firstPage(st.pin(i))
		if pin < 0 {
			continue
		}
		k := r.oneVolumeOff(i, pin)
		if k < 0 {
			continue
		}
		if pinned == nil {
			pinned = map[[2]int]bool{}
			for j := range st.len() {
				if d := st.rec(j); d.resolved() && d.authority() == 0 {
					pinned[[2]int{int(d.ante), firstPage(st.pin(j))}] = true
				}
			}
		}
		if pinned[[2]int{k, pin}] {
			r.link(i, k)
			c.pinRef = uint16(st.refInIndex(k, st.refOf(i)))
			c.setWarning(warnVolume)
		}
	}
}

// oneVolumeOff returns the one case whose name short cite i gives, cited
// in full in the same reporter one volume off with pin inside its pages,
// or -1.
func (r *resolver) oneVolumeOff(i, pin int) int {
	st := r.st
	ref := st.refOf(i)
	v, err := strconv.Atoi(ref.Volume)
	if err != nil {
		return -1
	}
	ks, _ := r.idx.supra(st.name(i))
	found := -1
	for _, k := range ks {
		for g := range st.groupLen(k) {
			o := st.group(k, g)
			w, err := strconv.Atoi(o.Volume)
			page := firstPage(o.Page)
			if o.Reporter != ref.Reporter || err != nil || w != v-1 && w != v+1 || page < 0 || pin < page || pin > page+maxOpinionPages {
				continue
			}
			if found >= 0 && found != k {
				return -1
			}
			found = k
		}
	}
	return found
}

// refInIndex returns the place in full citation k's group of its
// citation in the same reporter as ref (the citation a short cite through
// a parallel reporter counts its pin in): its Ref (0) when none is.
func (st *store) refInIndex(k int, ref Ref) int {
	m := st.moreIf(k)
	if m == nil {
		return 0
	}
	for g := range 1 + int(m.nParallel) {
		p := &m.ref
		if g > 0 {
			p = st.refs.at(int(m.parallel) + g - 1)
		}
		if st.str(p.volume) == ref.Volume && st.str(p.reporter) == ref.Reporter {
			return g
		}
	}
	return 0
}

// short resolves "424 U. S., at 430": the earlier full citation in the
// same volume whose first page is the closest at or before the pin, and
// whose name agrees when the short cite gives one.
func (r *resolver) short(i int) {
	st := r.st
	c := st.rec(i)
	best := r.idx.short(i, true)
	if best < 0 && st.name(i) != "" {
		// The name read before the cite may be prose, not a name: the
		// volume and the pin still identify the case.
		if best = r.idx.short(i, false); best >= 0 {
			c.setWarning(warnName)
		}
	}
	if best < 0 {
		c.setReason(reasonNoFullIn)
		return
	}
	r.link(i, best)
	c.pinRef = uint16(st.refInIndex(best, st.refOf(i)))
	if c.warning() == warnNone {
		r.checkPin(i)
	}
}

// supra resolves "Imbler, supra" to the earlier full citation whose name
// the supra name matches; when it matches several cases, to the one its
// pin fits (see choose), or to none. A supra that names no case may name
// a treatise or other secondary authority cited before ("Wright & Miller,
// supra"): it resolves to it, never making an edge.
func (r *resolver) supra(i int) {
	st := r.st
	c := st.rec(i)
	name := st.name(i)
	ks, matched := r.supraCases(i)
	sec := r.secondaryNamed(name)
	switch {
	case len(ks) == 0 && sec >= 0:
		c.ante = int32(sec)
		c.setAuth(Secondary)
		return
	case len(ks) == 0 && st.refOf(i).Volume != "" && r.nameUnknown(name):
		// "California Dental Assn. v. American DentalAssn., supra, 23
		// Cal.3d at pp. 353-354": a name no full citation has (glued
		// words) still gives its volume and pin, read as a short cite's,
		// with a warning.
		r.short(i)
		return
	case len(ks) == 0:
		c.setReason(reasonNoFullOf)
		return
	}
	k := r.choose(i, ks)
	if sec >= 0 {
		// A treatise and a case of one name ("Wright, supra" after C.
		// Wright, Law of Federal Courts, and Wright v. West): a pin
		// cannot tell a treatise's pages from a case's.
		k, ks = -1, append(ks, sec)
	}
	if k < 0 {
		c.setReason(reasonAmbiguous)
		if st.ambiguous == nil {
			st.ambiguous = map[int32][]int32{}
		}
		for n := len(ks) - 1; n >= 0; n-- {
			st.ambiguous[int32(i)] = append(st.ambiguous[int32(i)], int32(ks[n]))
		}
		return
	}
	r.link(i, k)
	st.moreOf(i).nameCut = uint16(len(name) - len(matched))
	if st.refOf(i).Volume != "" {
		// "Ghirardo, supra, 8 Cal.4th at p. 800": the pin counts in the
		// reporter named.
		c.pinRef = uint16(st.refInIndex(k, st.refOf(i)))
	}
	r.checkPin(i)
}

// legislative links a report or document cited by its number alone
// ("H. Rep. No. 709, at 4", the Bluebook's short form) to the latest one
// of that number cited with its Congress ("H. R. Rep. No. 709, 75th
// Cong., 1st Sess."): before 1969 a report's number names it only with
// its Congress, so they are one report.
func (r *resolver) legislative(i int) {
	ref := r.st.refOf(i)
	if ref.Volume != "" {
		return // the Record, the Annals: by volume and page
	}
	number, rest, _ := strings.Cut(ref.Page, ", ")
	key := ref.Reporter + " " + number
	bare := withoutCongress(number)
	switch k, ok := r.numbered[key]; {
	case strings.Contains(rest, "Cong.") || bare != number:
		if r.numbered == nil {
			r.numbered = map[string]int{}
		}
		r.numbered[key] = i
		// "H. R. Rep. No. 95-1170" is cited again as "H. R. Rep. No. 1170".
		r.numbered[ref.Reporter+" "+bare] = i
	case rest == "" && ok:
		r.st.rec(i).ante = int32(k)
	}
}

// withoutCongress returns a report's number without the Congress the
// Supreme Court writes before it ("95-1170" is report 1170 of the 95th
// Congress), or number as it is.
func withoutCongress(number string) string {
	c, rest, dash := strings.Cut(number, "-")
	if !dash || !allDigits(c, 1, 3) || !allDigits(rest, 1, 6) {
		return number
	}
	return rest
}

// nameUnknown reports whether no full citation read so far has the name
// of a supra: only then may its volume and pin stand in for it. A name
// that fits a case cited in another volume is not this volume's case.
func (r *resolver) nameUnknown(name string) bool {
	ks, _ := r.idx.supra(name)
	return len(ks) == 0
}

// supraCases returns the full citations of distinct cases supra i's name
// refers to (see index.supra) that it can cite, and the form of the name
// that matched. A supra that gives its volume, in California's style
// ("Nicholson, supra, 184 U.S. App. D.C. at 313"), cites only the cases
// cited in that volume: a case of the name cited only in other reporters
// may have this one as its parallel, or be another case of the name
// ("Brown, supra, 50 NY2d at 105" after In re Marriage of Brown, 15
// Cal.3d 838), and its page there is unknown, so nothing tells which.
func (r *resolver) supraCases(i int) ([]int, string) {
	ks, matched := r.idx.supra(r.st.name(i))
	ref := r.st.refOf(i)
	if ref.Volume == "" {
		return ks, matched
	}
	return slices.DeleteFunc(ks, func(k int) bool { return !r.st.citedIn(k, ref) }), matched
}

// citedIn reports whether full citation k's parallel group cites the case
// in ref's volume of ref's reporter.
func (st *store) citedIn(k int, ref Ref) bool {
	for g := range st.groupLen(k) {
		if o := st.group(k, g); o.Reporter == ref.Reporter && o.Volume == ref.Volume {
			return true
		}
	}
	return false
}

// maxSecondaryLookback bounds the secondary authorities, latest first, a
// supra name is compared with.
const maxSecondaryLookback = 64

// secondaryNamed returns the latest secondary authority whose authors and
// title begin with the supra name, initials aside ("Wright & Miller" and
// "C. Wright & A. Miller" for "5 C. Wright & A. Miller, Federal Practice
// and Procedure § 1216"; "LaFave" for "W. LaFave, Search and Seizure"),
// or -1.
func (r *resolver) secondaryNamed(name string) int {
	n := surnames(name)
	if n == "" {
		return -1
	}
	for m := len(r.secondary) - 1; m >= 0 && m >= len(r.secondary)-maxSecondaryLookback; m-- {
		if t := r.surnames[m]; t == n || strings.HasPrefix(t, n+" ") {
			return r.secondary[m]
		}
	}
	return -1
}

// surnames folds a name and drops its initials and connecting words.
func surnames(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(foldName(strings.ReplaceAll(name, ".", ". "))) {
		if len(w) == 1 || w == "and" || w == "et" || w == "al" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// maxPinChoice is the most cases of one name a pin is trusted to tell
// apart. A name that fits more is a common party's ("United States,
// supra", "State, supra", or the tail of a title read as one:
// "Codification of the Nationality Laws of the United States, supra"), and
// that one of many fits the pin is chance, not evidence.
const maxPinChoice = 3

// choose returns the one of the full citations ks (distinct cases) that
// short form i refers to, or -1 when its pin cannot tell: the only one,
// or the only one whose pages the pin fits. A pin fits a case when it
// lies within maxOpinionPages pages from its first page, and no other
// case the pin fits starts in the same volume after it (the cases of a
// volume do not overlap: "Smith, supra, at 106" after Smith v. Jones,
// 500 U.S. 100, and Smith v. Brown, 500 U.S. 300, is Smith v. Jones; at
// 306 it is Smith v. Brown).
func (r *resolver) choose(i int, ks []int) int {
	if len(ks) == 1 {
		return ks[0]
	}
	st := r.st
	pin := firstPage(st.pin(i))
	if pin < 0 || len(ks) > maxPinChoice {
		return -1
	}
	refs := make([]Ref, len(ks))
	fit := -1
	for n, k := range ks {
		g := int(st.rec(k).pinRef)
		if st.refOf(i).Volume != "" {
			g = st.refInIndex(k, st.refOf(i))
		}
		refs[n] = st.group(k, g)
	}
	for n, ref := range refs {
		page := firstPage(ref.Page)
		if page < 0 || pin < page || pin > page+maxOpinionPages {
			continue
		}
		later := slices.ContainsFunc(refs, func(o Ref) bool {
			p := firstPage(o.Page)
			return keyOf(o) == keyOf(ref) && p > page && p <= pin
		})
		if later {
			continue
		}
		if fit >= 0 {
			return -1
		}
		fit = ks[n]
	}
	return fit
}

// before returns the authority an Id. at i refers to: the latest of its
// run of text outside a parenthetical. An Id. that opens a footnote
// (nothing but the note's number and a signal before it) repeats what was
// read just before the note's mark: the running text's latest authority,
// or, when another footnote's mark stands after that, that footnote's
// latest. It is -1 when there is none, and the Id. is unresolved with a
// reason: an Id. inside a note after words no authority was read in
// (the Congressional Globe, a Senate document) cannot be traced.
func (r *resolver) before(i int) (int, uint8) {
	run := r.run(i)
	if last := r.last[run]; last >= 0 || run == 0 {
		return last, reasonNoEarlier
	}
	mark, opens := r.runs.marks[run], r.opensNote(i, r.runs.starts[run])
	if !opens {
		if k := r.lawOfNote(i, r.runs.starts[run]); k >= 0 {
			return k, 0
		}
	}
	switch {
	case mark < 0:
		return -1, reasonNoteUnmarked
	case !opens:
		return -1, reasonNoteUnknown
	}
	p := r.beforeMark(mark)
	if run > 1 && r.runs.marks[run-1] < 0 && (p < 0 || r.runs.starts[run-1] > r.st.rec(p).startOff()) {
		// The note read just before this one has no known mark, and
		// comes after what precedes this one's mark: its own mark, which
		// stands on its page before it, may come between the two.
		return -1, reasonNoteUnknown
	}
	if q := r.prevNote[run]; q >= 0 && (p < 0 || r.runs.marks[q] > r.st.rec(p).startOff()) {
		if r.last[q] < 0 {
			return -1, reasonNoteUnknown
		}
		return r.last[q], 0
	}
	return p, reasonNoEarlier
}

// lawOfNote returns the law an Id. at i repeats, in a footnote starting
// at start that cites nothing before it, when the note's words point to
// one: a bare section sign just before the Id. ("§5.05(b), id., at 25":
// the section of an instrument, printed in the source the Id. names)
// points to the latest instrument the opinion cited in that form, by
// section and the page of the source that prints it ("Compact §5.01(b),
// id., at 22–23"; not "Rev. Stat. § 1979", whose "§ 2" in a note on
// the Congressional Globe is the section of a bill); words naming such
// an instrument ("Under §2.10 of the Compact … Id., at 12") point to the
// latest citation of it. A code cited by title and section only has no
// pages for an Id. to give ("Nothing in the Code bears on that … Id., at
// 154" is not Cal. Penal Code § 1054.1 at 154). Words are not citations, so they count
// only here, where the Id. would otherwise stay unresolved: in running
// text "§ 2 of the Act" does not break the chain of Id.s to a case. It
// returns -1 when nothing points to a law.
func (r *resolver) lawOfNote(i, start int) int {
	st := r.st
	words := st.text[start:st.rec(i).startOff()]
	bare := r.sectionBefore(i) != ""
	for j := i - 1; j >= 0 && j >= i-maxMarkLookback; j-- {
		c := st.rec(j)
		if c.kind() != Law {
			continue
		}
		ref := st.refOf(j)
		if !strings.HasPrefix(ref.Page, "§") {
			continue
		}
		if r.printedIn(j) && (bare || namesLaw(words, ref.Reporter) != "") {
			return j
		}
	}
	return -1
}

// printedIn reports whether law citation j is followed at once by an Id.
// giving the page of the source that prints it ("Compact §5.01(b), id.,
// at 22–23").
func (r *resolver) printedIn(j int) bool {
	st := r.st
	if j+1 >= st.len() || st.rec(j+1).kind() != ID {
		return false
	}
	if pin := st.pin(j + 1); pin == "" || !isDigit(pin[0]) {
		return false
	}
	between := strings.TrimSpace(st.text[st.rec(j).endOff():st.rec(j+1).startOff()])
	return between == ","
}

// namesLaw returns how words name the law called name: by its name, or,
// when the name ends in a word for an instrument of law, by "the" and
// that word ("the Compact" for the Reclamation Compact); "" when they do
// not.
func namesLaw(words, name string) string {
	if hasWord(words, name) {
		return name
	}
	head := name[strings.LastIndexByte(name, ' ')+1:]
	if statuteWords[strings.ToLower(head)] && hasWord(words, "the "+head) {
		return "the " + head
	}
	return ""
}

// hasWord reports whether name stands in text as a word of its own.
func hasWord(text, name string) bool {
	for off := 0; name != ""; {
		k := strings.Index(text[off:], name)
		if k < 0 {
			return false
		}
		k += off
		e := k + len(name)
		if (k == 0 || !isAlnum(text[k-1])) && (e == len(text) || !isAlnum(text[e])) {
			return true
		}
		off = k + 1
	}
	return false
}

// maxBareSection bounds the section number of a section sign read as
// no citation ("§5.05(b)(1)").
const maxBareSection = 24

// sectionBefore returns the section that a bare section sign, read as no
// citation, gives just before Id. i ("§3.01(l), id., at 17"), written as
// a law's section ("§ 3.01(l)"), or "".
func (r *resolver) sectionBefore(i int) string {
	st := r.st
	text, s := st.text, st.rec(i).startOff()
	b := skipSpaceBack(text, s)
	if b == 0 || text[b-1] != ',' {
		return ""
	}
	k, sec := sectionEndingAt(text, skipSpaceBack(text, b-1))
	if k < 0 || i > 0 && st.rec(i-1).endOff() > k {
		return ""
	}
	return sec
}

// sectionNamed returns the section of the law called name that the words
// of a note, text, give in prose ("Under §2.10 of the Compact"), or "".
func sectionNamed(text, name string) string {
	called := namesLaw(text, name)
	if called == "" {
		return ""
	}
	k := strings.LastIndex(text, " of "+called)
	if k < 0 {
		k = strings.LastIndex(text, " of the "+called)
	}
	if k < 0 {
		return ""
	}
	_, sec := sectionEndingAt(text, k)
	return sec
}

// sectionEndingAt returns the offset of the section sign whose number
// ends at b in text, and the section written as a law's ("§ 2.10"), or
// -1 and "".
func sectionEndingAt(text string, b int) (int, string) {
	lo := max(0, b-maxBareSection)
	k := strings.LastIndex(text[lo:b], "§")
	if k < 0 {
		return -1, ""
	}
	k += lo
	p := skipSpace(text, k+len("§"))
	if p >= b || sectionEnd(text, p) != b {
		return -1, ""
	}
	return k, "§ " + sectionKey(text[p:b])
}

// opensNote reports whether the Id. at i is the first thing its footnote,
// starting at start, says: only the note's number or mark, white space and
// a signal stand before it.
func (r *resolver) opensNote(i, start int) bool {
	st := r.st
	before := st.text[start:st.rec(i).startOff()]
	if t := strings.TrimSpace(before); strings.HasPrefix(t, "[") {
		// Columbia's "[fn1]".
		if k := strings.IndexByte(t, ']'); k > 0 && k <= 8 {
			before = t[k+1:]
		}
	}
	j := 0
skip:
	for j < len(before) {
		switch {
		case isDigit(before[j]) || strings.IndexByte("* .,:", before[j]) >= 0:
			j++
		case spaceLen(before, j) > 0:
			j += spaceLen(before, j)
		case strings.HasPrefix(before[j:], "†"), strings.HasPrefix(before[j:], "‡"):
			j += len("†")
		default:
			break skip
		}
	}
	rest := strings.TrimSpace(before[j:])
	if rest == "" || quotation(rest) {
		// Only a quotation before it ("“The Courts below …” Id., at
		// 354"): the Id. gives the quotation's source, cited at the mark.
		return true
	}
	for _, sig := range signals {
		if strings.EqualFold(strings.ReplaceAll(rest, ",", ""), sig.key) {
			return true
		}
	}
	return false
}

// quotation reports whether s is one quotation and nothing else, but
// the punctuation after it.
func quotation(s string) bool {
	s = strings.TrimRight(s, " .,;")
	for _, q := range [...][2]string{{"“", "”"}, {"\"", "\""}} {
		if strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) && len(s) > len(q[0])+len(q[1]) {
			inner := s[len(q[0]) : len(s)-len(q[1])]
			return !strings.Contains(inner, q[1]) || q[0] != q[1] && strings.Count(inner, q[0]) == strings.Count(inner, q[1])
		}
	}
	return false
}

// id resolves Id. and Ibid. at i to the preceding authority prev, or
// gives why there is none.
func (r *resolver) id(i int, prev int, why uint8) {
	c := r.st.rec(i)
	if prev > 0 && r.st.rec(prev).orderAfter() {
		// "Smith v. Jones, 900 F.2d 1 (CA9), cert. denied, 501 U.S. 1201
		// (1991). Id., at 5": the pin is the decision's; the order has no
		// pages of its own.
		prev--
	}
	switch {
	case prev < 0:
		c.setReason(why)
	case !r.st.rec(prev).resolved():
		c.setReason(reasonAfterUnresolved)
	case codePart(r.st.pin(i)) == "art. " && r.st.rec(prev).authority() == 0:
		// "Jurek v. Texas, 428 U. S. 262; id., Art. 37.071(c)": a case
		// has no articles; the Id. repeats a code the extractor missed.
		c.setReason(reasonArticle)
	default:
		r.linkID(i, prev)
	}
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
	st := r.st
	i := sort.Search(st.len(), func(i int) bool { return st.rec(i).startOff() >= mark })
	for n := 0; i > 0 && n < maxMarkLookback; n++ {
		i--
		if c := st.rec(i); !c.has(flagNote) && !c.has(flagNested) {
			return i
		}
	}
	return -1
}

// linkID links Id. i to the authority prev refers to. An Id. with a
// section of its own after a code ("42 U.S.C. § 1983. Id. § 1988(b).")
// cites that section of the same code.
func (r *resolver) linkID(i, prev int) {
	st := r.st
	c, p := st.rec(i), st.rec(prev)
	c.ante, c.pinRef = p.ante, p.pinRef
	c.setReason(reasonNone)
	c.setAuth(p.authority())
	if p.has(flagSection) {
		c.flags |= flagSection
		st.moreOf(i).section = st.moreIf(prev).section
	}
	if c.authority() == Law && codePart(st.target(i).Page) == "§" {
		// "§5.02(b), id., at 23": the Id. repeats the instrument, at the
		// section the sign before it names; in a note that cites nothing
		// before it, at the section its words give ("Under §2.10 of the
		// Compact … Id., at 12").
		sec := r.sectionBefore(i)
		if run := r.run(i); sec == "" && run > 0 && r.last[run] < 0 {
			sec = sectionNamed(st.text[r.runs.starts[run]:c.startOff()], st.refOf(prev).Reporter)
		}
		if sec != "" {
			c.flags |= flagSection
			st.moreOf(i).section = st.table(sec)
		}
	}
	switch pin := st.pin(i); {
	case pin == "":
		c.pin = p.pin // Ibid. and a bare Id. repeat the pin
	case c.authority() == Law && codePart(pin) != "" && codePart(pin) == codePart(st.target(i).Page):
		c.flags |= flagSection
		st.moreOf(i).section, c.pin = c.pin, str{}
	case c.authority() == 0:
		r.checkPin(i)
	}
}

// codePart returns the sign of a code's part that a section key starts
// with, "§" or "art." (see codeArticle), or "".
func codePart(key string) string {
	for _, sign := range [...]string{"§", "art. "} {
		if strings.HasPrefix(key, sign) {
			return sign
		}
	}
	return ""
}

// link links citation i to full citation k.
func (r *resolver) link(i, k int) {
	c, f := r.st.rec(i), r.st.rec(k)
	c.ante, c.pinRef = int32(k), f.pinRef
	c.setReason(reasonNone)
}

// checkPin warns when citation i's pin lies outside the pages its pin
// counts in can span.
func (r *resolver) checkPin(i int) {
	c := r.st.rec(i)
	pin, page := firstPage(r.st.pin(i)), firstPage(r.st.pinRefOf(i).Page)
	if pin < 0 || page < 0 || c.authority() != 0 {
		return
	}
	if pin < page || pin > page+maxOpinionPages {
		c.setWarning(warnPin)
		c.flags |= flagSuspect
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
// full citation k: it is the whole case name, or the start of one of its
// sides ("Liberty Lobby" for "Anderson v. Liberty Lobby, Inc.").
func (x *index) nameMatches(name string, k int) bool {
	n, kn := withoutSequel(foldName(name)), x.st.name(k)
	return n != "" && kn != "" && (n == foldName(kn) || x.sideStarts(k, n))
}

// withoutSequel drops the numeral by which a later decision of a case is
// known from a folded short name: "Milliken II, 433 U. S., at 280" is
// Milliken v. Bradley, 433 U.S. 267. Only a short cite, whose volume
// tells the decisions apart, is matched so; a supra is not ("Milliken II,
// supra" with only Milliken I cited in full is not Milliken I).
func withoutSequel(folded string) string {
	for n := range sequels {
		if rest, ok := strings.CutSuffix(folded, " "+strings.ToLower(n)); ok && rest != "" {
			return rest
		}
	}
	return folded
}

// sideStarts reports whether a side of k's name (without its procedural
// prefix) begins with the folded name n.
func (x *index) sideStarts(k int, n string) bool {
	p, d := x.st.parties(k)
	for _, side := range [2]string{p, d} {
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
	b.Grow(len(s)) // one allocation, not one each time the name doubles
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
