package graph

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// certain is the weight of a statement that two citations name one case
// which no number of citations can outweigh: a document's own citations,
// and the fixed equivalence of the early nominative reporters with U.S.
// volumes.
const certain = 1 << 40

// assert records that keys x and y name the same case, with a weight.
func (b *Builder) assert(x, y int32, weight int64) {
	if x == y {
		return
	}
	if b.keyStr[x] > b.keyStr[y] {
		x, y = y, x
	}
	b.same[[2]int32{x, y}] += weight
}

// caseKey returns the key of a case citation, tying a citation of an
// early nominative reporter to its U.S. Reports volume ("18 Wall. 5" is
// "85 U.S. 5"). A slip cite, whose page is not yet known, is keyed by its
// volume, reporter and the case's name (see slipKey); without a name it
// has no key and caseKey returns -1. An order on a page of orders (named,
// see extract.Citation.TargetName) is keyed by its citation and the name
// (see orderKey).
func (b *Builder) caseKey(r extract.Ref, name string, named bool) int32 {
	if blankPage(r.Page) {
		s, ok := slipKey(r, name)
		if !ok {
			return -1
		}
		return b.key(s, false)
	}
	if s, ok := orderKey(r, name); named && ok {
		return b.key(s, false)
	}
	if k, ok := b.refKey[r]; ok {
		return k
	}
	str := r.String()
	k, seen := b.keys[str]
	if !seen {
		k = b.key(str, false)
		if offset, ok := nominative[r.Reporter]; ok {
			if vol, err := strconv.Atoi(r.Volume); err == nil && vol >= 1 && vol <= offset[1] {
				us := extract.Ref{Volume: strconv.Itoa(vol + offset[0]), Reporter: "U.S.", Page: r.Page}
				b.assert(k, b.key(us.String(), false), certain)
			}
		}
	}
	b.refKey[r] = k
	return k
}

// nominative maps the reporters the U.S. Reports were published as until
// 1874 to the U.S. volume number of their first volume, less one, and
// their number of volumes; pages are the same in both.
var nominative = map[string][2]int{
	"Dall.":  {0, 4},
	"Cranch": {4, 9},
	"Wheat.": {13, 12},
	"Pet.":   {25, 16},
	"How.":   {41, 24},
	"Black":  {65, 2},
	"Wall.":  {67, 23},
}

// ownKey records the document's own citations as one case and returns one
// of their keys. Each citation's volume and reporter with the document's
// name is noted as the slip key the case is cited by before its pages are
// known (see slipKey), and each citation with the name as the key of an
// order on its page (see orderKey), so that such citations join the
// document.
func (b *Builder) ownKey(doc *corpus.Document) int32 {
	first := int32(-1)
	for _, written := range doc.Meta.Citations {
		var keys []int32
		for _, r := range b.opt.Normalize(written) {
			k := b.caseKey(r, doc.Meta.CaseName, false)
			if k < 0 {
				continue
			}
			keys = append(keys, k)
			if s, ok := slipKey(r, doc.Meta.CaseName); ok && !blankPage(r.Page) {
				if _, seen := b.slipOf[s]; !seen {
					b.slipOf[s] = k
				}
			}
			if s, ok := orderKey(r, doc.Meta.CaseName); ok && !blankPage(r.Page) {
				// An opinion on a page of orders ("respecting the denial
				// of certiorari"), cited as the order it goes with.
				if _, seen := b.slipOf[s]; !seen {
					b.slipOf[s] = k
				}
			}
		}
		if len(keys) == 0 {
			if s := strings.Join(strings.Fields(written), " "); s != "" {
				keys = append(keys, b.key(s, false))
			}
		}
		for _, k := range keys {
			if first < 0 {
				first = k
			} else {
				b.assert(first, k, certain)
			}
		}
	}
	if first < 0 {
		first = b.key("doc:"+doc.ID, false)
	}
	return first
}

// blankPage says whether a page is the blank of a slip cite ("___").
func blankPage(p string) bool { return p != "" && strings.Trim(p, "_") == "" }

// orderKey is the key of an order on a page of orders that many cases
// share: its citation and the whole name of its case, "501 U.S. 1201
// (Smith v. Jones)" (or the citation of the decision it follows, when that
// has no name). The whole name, not slipKey's first words: orders lists
// hold many a "City of …" and "In re Grand Jury …". ok is false when the
// name is empty.
func orderKey(r extract.Ref, name string) (string, bool) {
	name = strings.Join(strings.Fields(name), " ")
	return r.String() + " (" + name + ")", name != ""
}

// slipKey is the key of a case cited by a slip cite, whose page is not yet
// known: "600 U.S. ___ (Mallory v. Norfolk)", the volume, the reporter and
// the first word of each side of the case name (one word for a name of one
// side, "In re Gault" → "Gault"; a name that is only "Inc." is none), folded as the extractor folds names for
// supra (letters and digits, case ignored) and written with an initial
// capital. Two cases in one volume so never become one node, and every
// spelling of a case's name in its citations ("Mallory v. Norfolk Southern
// R. Co.", "MALLORY v. NORFOLK SOUTHERN RAILWAY CO.") gives one key. ok is
// false when the name is empty.
func slipKey(r extract.Ref, name string) (string, bool) {
	side := func(s string) string {
		for _, w := range strings.Fields(s) {
			var b strings.Builder
			for _, c := range strings.ToLower(w) {
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					b.WriteRune(c)
				}
			}
			// Words that begin names but tell no case apart ("In re", "Ex
			// parte", "The"), and the ends of firm names that are all a
			// misread name may keep ("Inc.").
			switch f := b.String(); f {
			case "", "in", "re", "ex", "parte", "the", "inc", "co", "corp", "ltd", "llc", "et", "al":
			default:
				return strings.ToUpper(f[:1]) + f[1:]
			}
		}
		return ""
	}
	p, d, two := strings.Cut(name, " v. ")
	folded := side(p)
	if two {
		folded += " v. " + side(d)
	}
	if side(p) == "" || two && side(d) == "" {
		return "", false
	}
	return r.Volume + " " + r.Reporter + " ___ (" + folded + ")", true
}

// joinSlipKeys ties each slip key to the document the corpus knows under a
// paged citation of the same volume and reporter and a name that folds the
// same (see ownKey).
func (b *Builder) joinSlipKeys() {
	for s, own := range b.slipOf {
		if k, ok := b.keys[s]; ok {
			b.assert(k, own, certain)
		}
	}
}

// keyInfo is what a key's citation says about which case it can name and
// how official it is.
type keyInfo struct {
	// class orders keys for the choice of a node's ID; lower is more
	// official.
	class    int
	reporter string
	volume   int
	page     int
	// court is the one court the reporter covers; "" for a case reporter
	// of several courts; "-" when the key says nothing about the court
	// (neutral and database citations, strings of no known reporter).
	court string
	// order is the name an order's key gives its case (see orderKey), ""
	// for every other key.
	order string
}

var officialOrder = map[string]int{"U.S.": 0, "S. Ct.": 1, "L. Ed. 2d": 2, "L. Ed.": 3}

func (b *Builder) info(key string) keyInfo {
	o := keyInfo{class: 8, court: "-"}
	if strings.HasPrefix(key, "doc:") {
		o.class = 9
		return o
	}
	if vol, rest, ok := strings.Cut(key, " "); ok && strings.Contains(rest, " ___ (") {
		// A slip key names its case only with the name: it can join any
		// paged citation of the case, and comes after all of them.
		o.volume, _ = strconv.Atoi(vol)
		o.reporter = rest[:strings.Index(rest, " ___ (")]
		o.class = 10 + officialOrder[o.reporter]
		return o
	}
	if k := strings.Index(key, " ("); k > 0 && strings.HasSuffix(key, ")") {
		// An order's key, named for its case: ranked as its citation.
		key, o.order = key[:k], key[k+2:len(key)-1]
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
	r := b.opt.Reporters.Lookup(rep)
	if r != nil && r.Type.IsCaseReporter() {
		o.court = r.Court
	}
	if c, ok := officialOrder[rep]; ok {
		o.class = c
		return o
	}
	switch {
	case r == nil:
	case r.Type == extract.CaseReporter:
		o.class = 4
	case r.Type == extract.Neutral:
		o.class = 5
	case r.Type == extract.Database:
		o.class = 6
	case r.Type == extract.Topical:
		o.class = 7 // never the official citation (18 Ed. Law Rep. 848)
	default:
		o.class = 8
	}
	return o
}

func (b *Builder) compareKeys(info []keyInfo, x, y int32) int {
	a, c := &info[x], &info[y]
	return cmp.Or(cmp.Compare(a.class, c.class), strings.Compare(a.reporter, c.reporter),
		cmp.Compare(a.volume, c.volume), cmp.Compare(a.page, c.page), strings.Compare(b.keyStr[x], b.keyStr[y]))
}

// conflict reports whether two citations cannot name the same case: a
// case has one citation per reporter, a Supreme Court case is in no
// reporter of other courts, and reporters of two different courts never
// report the same case.
func conflict(a, b *keyInfo) bool {
	switch {
	case a.court == "-" || b.court == "-":
		return false
	case a.reporter == b.reporter:
		// One page is one case, but a page of orders holds many: its
		// citation may join the order of one case named (see orderKey),
		// and no two orders of different cases join.
		return a.volume != b.volume || a.page != b.page || a.order != "" && b.order != ""
	case a.court == "scotus" || b.court == "scotus":
		return a.court != b.court
	}
	return a.court != "" && b.court != "" && a.court != b.court
}

// groups joins the keys into cases and returns each case's keys, most
// official first, and the case of each key.
//
// Statements that two keys name one case are applied strongest first:
// the certain ones, then parallel citations by how many citations gave
// them, ties by key. A statement that would put two citations that
// cannot name one case (see conflict) into one case is dropped, so that
// one misread citation ("Brown v. Board of Education, 347 U.S. 483, 349
// U.S. 294" names two decisions) cannot join two cases. The result
// depends on the statements, not on the order they came in.
func (b *Builder) groups() (groups [][]int32, groupOf []int32) {
	info := make([]keyInfo, len(b.keyStr))
	for k, s := range b.keyStr {
		info[k] = b.info(s)
	}
	type stmt struct {
		x, y   int32
		weight int64
	}
	stmts := make([]stmt, 0, len(b.same))
	for p, w := range b.same {
		stmts = append(stmts, stmt{p[0], p[1], w})
	}
	slices.SortFunc(stmts, func(s, t stmt) int {
		return cmp.Or(cmp.Compare(t.weight, s.weight), strings.Compare(b.keyStr[s.x], b.keyStr[t.x]), strings.Compare(b.keyStr[s.y], b.keyStr[t.y]))
	})
	parent := make([]int32, len(b.keyStr))
	members := make(map[int32][]int32) // of roots with more than one key
	for k := range parent {
		parent[k] = int32(k)
	}
	find := func(k int32) int32 {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	keysOf := func(r int32) []int32 {
		if m, ok := members[r]; ok {
			return m
		}
		return []int32{r}
	}
	for _, s := range stmts {
		x, y := find(s.x), find(s.y)
		if x == y {
			continue
		}
		mx, my := keysOf(x), keysOf(y)
		ok := true
		for _, kx := range mx {
			for _, ky := range my {
				ok = ok && !conflict(&info[kx], &info[ky])
			}
		}
		if !ok {
			continue
		}
		if len(mx) < len(my) {
			x, y, mx, my = y, x, my, mx
		}
		parent[y] = x
		members[x] = append(mx, my...)
		delete(members, y)
	}
	groupOf = make([]int32, len(b.keyStr))
	index := make(map[int32]int32)
	for k := range b.keyStr {
		r := find(int32(k))
		g, ok := index[r]
		if !ok {
			g = int32(len(groups))
			index[r] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], int32(k))
		groupOf[k] = g
	}
	for _, ks := range groups {
		slices.SortFunc(ks, func(x, y int32) int { return b.compareKeys(info, x, y) })
	}
	return groups, groupOf
}
