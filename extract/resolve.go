package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// maxOpinionPages is the longest span, in pages, a pin may lie past the
// first page of the case it cites before the resolution is called
// suspect. The longest opinions in the U.S. Reports run to about 250
// pages.
const maxOpinionPages = 300

// resolver links every short form to the full citation it refers to, in
// one pass in text order.
type resolver struct {
	cs []Citation
	// byVolume finds earlier full citations by "volume reporter" (every
	// citation of a parallel group is listed).
	byVolume map[string][]int
	// byName finds the latest earlier full citation by any name a supra
	// may use: the whole case name, and the leading words of each side.
	byName map[string]int
	// last is the index of the latest authority outside a parenthetical:
	// what Id. refers to.
	last int
}

func resolve(cs []Citation) {
	r := resolver{cs: cs, byVolume: make(map[string][]int), byName: make(map[string]int), last: -1}
	for i := range cs {
		c := &cs[i]
		switch c.Kind {
		case Full, Law:
			c.Target, c.Antecedent = c.Ref, i
			r.checkPin(c, c.Ref)
			r.remember(i)
		case Short:
			r.short(i)
		case Supra:
			r.supra(i)
		case ID:
			r.id(i)
		}
		if !c.Nested {
			r.last = i
		}
	}
}

func volumeKey(ref Ref) string { return ref.Volume + " " + ref.Reporter }

func (r *resolver) remember(i int) {
	c := &r.cs[i]
	if c.Kind != Full || c.Ref.Page == "" || c.Ref.Page[0] == '_' {
		return
	}
	r.index(c.Ref, i)
	for _, p := range c.Parallel {
		r.index(p, i)
	}
	if c.CaseName == "" {
		return
	}
	r.byName[foldName(c.CaseName)] = i
	for _, side := range []string{c.Plaintiff, c.Defendant} {
		words := strings.Fields(foldName(side))
		for n := 1; n <= len(words) && n <= maxSupraWords; n++ {
			r.byName[strings.Join(words[:n], " ")] = i
		}
	}
}

// index lists full citation i under its volume. A case cited again
// replaces its earlier entry, so a volume's list holds each case once and
// resolution stays linear in the length of the text.
func (r *resolver) index(ref Ref, i int) {
	key := volumeKey(ref)
	list := r.byVolume[key]
	for n, k := range list {
		if refIn(&r.cs[k], ref).Page == ref.Page {
			list[n] = i
			return
		}
	}
	r.byVolume[key] = append(list, i)
}

// maxSupraWords is the longest leading part of a party's name that a
// supra is matched against.
const maxSupraWords = 8

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
	cands := r.byVolume[volumeKey(c.Ref)]
	if len(cands) == 0 {
		c.Reason = fmt.Sprintf("no earlier full citation in %s", volumeKey(c.Ref))
		return
	}
	best := r.closest(c, cands, true)
	if best < 0 && c.CaseName != "" {
		// The name read before the cite may be prose, not a name: the
		// volume and the pin still identify the case.
		if best = r.closest(c, cands, false); best >= 0 {
			c.Warning = fmt.Sprintf("name %q does not match %s", c.CaseName, r.cs[best].CaseName)
		}
	}
	if best < 0 {
		c.Reason = fmt.Sprintf("no earlier full citation in %s starts at or before page %s", volumeKey(c.Ref), c.Pin)
		return
	}
	r.link(c, best)
	if c.Warning == "" {
		r.checkPin(c, refIn(&r.cs[best], c.Ref))
	}
}

// closest returns the candidate whose first page is the closest at or
// before the short cite's pin (the latest on ties), or -1.
func (r *resolver) closest(c *Citation, cands []int, byName bool) int {
	pin := firstPage(c.Pin)
	best, bestPage := -1, -1
	for _, k := range cands {
		f := &r.cs[k]
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
	return best
}

// supra resolves "Imbler, supra" to the latest earlier full citation whose
// name the supra name matches.
func (r *resolver) supra(i int) {
	c := &r.cs[i]
	name := c.CaseName
	for {
		if k, ok := r.byName[foldName(name)]; ok {
			r.link(c, k)
			c.CaseName = name
			r.checkPin(c, r.cs[k].Ref)
			return
		}
		// "In Imbler, supra": try the name without its first word.
		_, rest, ok := strings.Cut(name, " ")
		if !ok || rest == "" || strings.HasPrefix(rest, "v. ") {
			break
		}
		name = rest
	}
	c.Reason = fmt.Sprintf("no earlier full citation of %q", c.CaseName)
}

// id resolves Id. and Ibid. to the immediately preceding authority.
func (r *resolver) id(i int) {
	c := &r.cs[i]
	if r.last < 0 {
		c.Reason = "no earlier authority"
		return
	}
	prev := &r.cs[r.last]
	if !prev.Resolved() {
		c.Reason = "the preceding citation is unresolved"
		return
	}
	r.link(c, prev.Antecedent)
	c.lawTarget = prev.lawTarget
	if c.Pin == "" {
		c.Pin = prev.Pin // Ibid. and a bare Id. repeat the pin
	} else if !c.lawTarget {
		r.checkPin(c, r.cs[prev.Antecedent].Ref)
	}
}

func (r *resolver) link(c *Citation, k int) {
	c.Target, c.Antecedent = r.cs[k].Target, k
	c.Reason = ""
}

// checkPin warns when c's pin lies outside the pages ref can span.
func (r *resolver) checkPin(c *Citation, ref Ref) {
	pin, page := firstPage(c.Pin), firstPage(ref.Page)
	if pin < 0 || page < 0 || c.lawTarget {
		return
	}
	if pin < page || pin > page+maxOpinionPages {
		c.Warning = fmt.Sprintf("pin %s is outside the pages of %s", c.Pin, ref)
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

// nameMatches reports whether name (from a supra or short cite) names the
// case of full citation f: it is the whole case name, or the start of one
// of its sides ("Liberty Lobby" for "Anderson v. Liberty Lobby, Inc.").
func nameMatches(name string, f *Citation) bool {
	if f.CaseName == "" {
		return false
	}
	n := foldName(name)
	if n == "" {
		return false
	}
	if n == foldName(f.CaseName) {
		return true
	}
	for _, side := range []string{f.Plaintiff, f.Defendant} {
		s := foldName(side)
		if s == n || strings.HasPrefix(s, n+" ") {
			return true
		}
	}
	return false
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
