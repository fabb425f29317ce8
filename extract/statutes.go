package extract

import "strings"

// code reads a statute cited by title (or chapter) and section, "42 U. S.
// C. §1983", "720 ILCS 5/9-1", whose code abbreviation ends at p. vol is
// the title ("" when none). After "§§" every section of the list is a
// citation of its own ("42 U.S.C. §§ 1983, 1985"); a range ("§§ 13-1-101
// to -103") is cited by its first section.
func (s *scanner) code(start int, vol string, r *Reporter, p int) int {
	src := s.src
	q := skipGap(src, p)
	sign, signs := "§", 0
	if strings.HasPrefix(src[q:], "¶") {
		sign = "¶"
	}
	for strings.HasPrefix(src[q:], sign) {
		q = skipGap(src, q+len(sign))
		signs++
	}
	if signs == 0 && strings.HasPrefix(src[q:], "sec.") {
		q = skipGap(src, q+len("sec."))
	}
	e := sectionEnd(src, q)
	if e == q {
		return 0
	}
	c := Citation{Kind: Law, Start: start, Ref: Ref{vol, r.Abbrev, sign + " " + sectionKey(src[q:e])}, authority: Law}
	c.Signal = s.signalBefore(start)
	for signs > 1 {
		e = sectionRange(src, e)
		next := s.nextSection(e)
		if next < 0 {
			break
		}
		if s.add(c, e); s.over {
			return e
		}
		se := sectionEnd(src, next)
		c.Start, c.Ref.Page = next, sign+" "+sectionKey(src[next:se])
		e = se
	}
	return s.add(c, e)
}

// nextSection returns where the next section of a list of sections
// begins after one ending at e (", 2000e-3", ", and 1985", " & 1988"), or
// -1. A number that starts a citation, or is followed by a word, is not a
// section ("§§ 1983, 1985, 42 U.S.C.", "§§ 1983, 1985, 8 percent").
func (s *scanner) nextSection(e int) int {
	src := s.src
	q := skipSpace(src, e)
	comma := q < len(src) && src[q] == ','
	if comma {
		q = skipSpace(src, q+1)
	}
	switch {
	case wordAt(src, q, "and"):
		q = skipSpace(src, q+len("and"))
	case q < len(src) && src[q] == '&':
		q = skipSpace(src, q+1)
	case !comma:
		return -1
	}
	if q >= len(src) || !isDigit(src[q]) || s.startsCitation(q) {
		return -1
	}
	se := sectionEnd(src, q)
	if after := skipSpace(src, se); se == q || after < len(src) && isLetter(src[after]) &&
		!wordAt(src, after, "and") && !wordAt(src, after, "to") && !wordAt(src, after, "through") && !wordAt(src, after, "et") {
		return -1
	}
	return q
}

// sectionRange returns the end of the range a section ending at e opens,
// " to -103", " through 3-12", or e when none does.
func sectionRange(src string, e int) int {
	q := skipSpace(src, e)
	for _, w := range [...]string{"to", "through"} {
		if !wordAt(src, q, w) {
			continue
		}
		p := skipSpace(src, q+len(w))
		if d := dashLen(src, p); d > 0 && p+d < len(src) && isDigit(src[p+d]) {
			p += d // "to -103": the end given by its last part
		}
		if se := sectionEnd(src, p); se > p {
			return se
		}
	}
	return e
}

// section handles a section or paragraph sign that no titled citation
// consumed: a code cited without a title, "Rev. Stat. §1979", or by
// chapter, "Ill. Rev. Stat. 1989, ch. 38, ¶ 9-1", or an authority that is
// not a code (see titledSection).
func (s *scanner) section(i int) int {
	src := s.src
	if !strings.HasPrefix(src[i:], "§") && !strings.HasPrefix(src[i:], "¶") {
		return 0
	}
	lo := max(i-maxCodeLen, s.lastEnd)
	for st := lo; st < i; st++ {
		if st > 0 && !isWordStart(src, st) || !s.tab.matcher.startsKey(src[st]) || afterPlaceName(src, st) {
			continue
		}
		var buf [4]match
		for _, m := range s.tab.matcher.matchAll(src, st, buf[:0]) {
			if m.r.Type != Code {
				continue
			}
			if skipGap(src, m.end) == i {
				return s.code(st, "", m.r, m.end)
			}
			if ch, ok := chapterBetween(src, m.end, i); ok {
				return s.code(st, ch, m.r, i)
			}
		}
	}
	return s.titledSection(i)
}

// afterPlaceName reports whether the word before st is a capitalised
// abbreviation, "Minn." in "Terr. of Minn. Rev. Stat." or "W." in "W. Va.
// Code": a code's name that the table knows only the end of names another
// jurisdiction's code, which titledSection reads by its whole title.
func afterPlaceName(src string, st int) bool {
	e := skipSpaceBack(src, st)
	if e == st || e < 2 || src[e-1] != '.' {
		return false
	}
	b := e - 1
	for b > 0 && isLetter(src[b-1]) {
		b--
	}
	return b < e-1 && isUpper(src[b])
}

// chapterBetween reads the chapter that Illinois's codes were cited by,
// between the code's name ending at p and the section sign at i: "Ill.
// Comp. Stat., ch. 720, § 5/9-1", "Ill. Rev. Stat. 1989, ch. 38, ¶ 9-1",
// "Ill. Rev. Stat., c. 46, § 10-3". The chapter takes the place of the
// title, so the first is the same statute as "720 ILCS 5/9-1". A
// fractional chapter ("ch. 121 1/2") is not read.
func chapterBetween(src string, p, i int) (string, bool) {
	q := skipSpace(src, p)
	if q < i && src[q] == ',' {
		q = skipSpace(src, q+1)
	}
	if y := digitsEnd(src, q, 4); y-q == 4 { // the edition's year
		q = skipSpace(src, y)
		if q < i && src[q] == ',' {
			q = skipSpace(src, q+1)
		}
	}
	switch {
	case strings.HasPrefix(src[q:], "ch."):
		q += len("ch.")
	case strings.HasPrefix(src[q:], "c."):
		q += len("c.")
	default:
		return "", false
	}
	q = skipSpace(src, q)
	v := digitsEnd(src, q, 4)
	if v == 0 {
		return "", false
	}
	e := skipSpace(src, v)
	if e >= i || src[e] != ',' || skipSpace(src, e+1) != i {
		return "", false
	}
	return src[q:v], true
}

// maxCodeLen bounds how far before a section sign a code's name may
// start, its chapter included ("Ill. Rev. Stat., 1955, c. 38, §").
const maxCodeLen = 48

// sectionEnd returns the end of a section number at p: the whole
// designation, "1983", "1983(a)(1)", "78j-1", "1.12", "9–611(a)(5)" (any
// dash), "2C:11-3" (New Jersey), "5/9-1" (Illinois's act and section),
// or p when there is none.
func sectionEnd(s string, p int) int {
	e := p
	for e < len(s) && isDigit(s[e]) {
		e++
	}
	if e == p {
		return p
	}
	for e < len(s) {
		c := s[e]
		if d := dashLen(s, e); d > 0 {
			// A line may break after the dash: "§9–\n611(a)(1)" in a PDF.
			if n := skipSpace(s, e+d); n < len(s) && isAlnum(s[n]) && (n == e+d || strings.Contains(s[e+d:n], "\n")) {
				e = n
				continue
			}
			return e
		}
		switch {
		case isAlnum(c):
			e++
		case (c == '.' || c == '/' || c == ':' && isAlnum(s[e-1])) && e+1 < len(s) && isAlnum(s[e+1]):
			e++
		case c == '(' && e+2 < len(s) && isAlnum(s[e+1]):
			close := strings.IndexByte(s[e:min(len(s), e+8)], ')')
			if close < 0 {
				return e
			}
			e += close + 1
		default:
			return e
		}
	}
	return e
}

// sectionKey returns a section number as the key of its statute: every
// dash a hyphen, and no line break after one, so that "§9–611", "§9–\n611"
// and "§ 9-611" are one statute.
func sectionKey(sec string) string {
	if isASCIIText(sec) {
		return sec
	}
	var b strings.Builder
	for i := 0; i < len(sec); i++ {
		if d := dashLen(sec, i); d > 0 {
			b.WriteByte('-')
			i = skipSpace(sec, i+d) - 1
			continue
		}
		b.WriteByte(sec[i])
	}
	return b.String()
}

// isASCIIText reports whether s holds printable ASCII only, no line break.
func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// sameAct returns the section an Id. names ("§ 9-2") after a statute
// whose section is sec ("§ 5/9-1"): in Illinois's compiled statutes a
// section number without its act ("5/") is a section of the act cited.
func sameAct(sec, named string) string {
	sign, num, ok := strings.Cut(sec, " ")
	nsign, nnum, nok := strings.Cut(named, " ")
	if !ok || !nok || sign != nsign || strings.Contains(nnum, "/") {
		return named
	}
	act, _, ok := strings.Cut(num, "/")
	if !ok {
		return named
	}
	return sign + " " + act + "/" + nnum
}
