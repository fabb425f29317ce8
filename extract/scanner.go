package extract

import "strings"

// scanner walks the text once, left to right, and records every citation
// it recognises. It only looks closely where a citation can begin: at a
// number (a volume or a title), at "Id."/"Ibid.", at "supra" and at a
// section sign. Everything else is skipped with one table lookup a byte.
type scanner struct {
	src string
	tab *Reporters
	out *store
	// base is the offset of src in the text; body is set when src is
	// the running text with its footnotes blanked (see store).
	base int
	body bool

	// lastEnd is where the previous citation (with its parentheticals)
	// ended: a case name is never sought before it.
	lastEnd int
	// nestedUntil is the end of the last explanatory parenthetical: a
	// citation starting before it is nested in another citation.
	nestedUntil int

	// limit bounds the citations found (0: none); over is set, and the
	// scan stops, when one more is found.
	limit int
	over  bool

	// yearFrom is the index of a citation that gave its court but left
	// its year to the citation of its subsequent history, which comes
	// next; -1 when none waits.
	yearFrom int
}

// triggers holds, in the low byte of each byte's entry, whether a
// citation can begin with it: digits and the first byte of "§" (U+00A7)
// anywhere (1), and the first letters of "supra", "Id." and "Ibid." only
// where a word begins (2); in the high byte, what it keeps from beginning
// right after it: a letter, the second kind. A citation can begin at c
// where the low byte of triggers[c] &^ the high byte of triggers[previous
// byte] is not zero. Mid-word "s" and "i" are by far the commonest of
// them: one lookup a byte without a branch for them keeps the loop from
// stopping at every few letters.
var triggers = func() (t [256]uint16) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	t[0xC2] = 1
	t['I'], t['i'], t['s'] = 2, 2, 2
	for c := range 256 {
		if isLetter(byte(c)) {
			t[c] |= 2 << 8
		}
	}
	return t
}()

func (s *scanner) scan() {
	src := s.src
	for i := 0; i < len(src) && !s.over; {
		var after byte // what the byte before i keeps from beginning
		if i > 0 {
			after = byte(triggers[src[i-1]] >> 8)
		}
		for i < len(src) {
			t := triggers[src[i]]
			if byte(t)&^after != 0 {
				break
			}
			after = byte(t >> 8)
			i++
		}
		if i >= len(src) {
			break
		}
		c := src[i]
		end := 0
		switch {
		case isDigit(c):
			end = s.number(i)
			if end == 0 && volumeBoundary(src, i) {
				end = s.authorityAt(i)
			}
			if end == 0 && i > 0 && isUpper(src[i-1]) {
				end = s.exhibitPage(i)
			}
			if end == 0 { // not a citation: skip the whole number
				for end = i + 1; end < len(src) && isDigit(src[end]); end++ {
				}
			}
		case c == 0xC2:
			end = s.section(i)
		case c == 's':
			end = s.supra(i)
		default:
			end = s.id(i)
		}
		if end > i {
			i = end
		} else {
			i++
		}
	}
}

// add records a citation whose core spans [start, end) and reads the
// explanatory parentheticals that follow it. It returns where scanning
// resumes: inside the parentheticals, which may hold citations of their
// own.
func (s *scanner) add(c Citation, end int) int {
	c.End = end
	c.Nested = c.Start < s.nestedUntil
	if c.Signal == "" {
		c.Signal = s.inheritedSignal(c.Start)
	}
	if blankPin(c.Pin) {
		if pin, e := s.slipPin(end); pin != "" {
			c.Pin, end = pin, e
		}
	}
	c.Parenthetical = s.parentheticals(end)
	if c.Kind == Full && strings.Contains(c.Parenthetical, "J., ") && strings.Contains(c.Parenthetical, "denial of cert") {
		// "Smith v. Jones, 501 U.S. 1201 (1991) (Stevens, J., respecting
		// denial of certiorari)": a Justice's opinion on a page of orders.
		c.order = true
	}
	if s.yearFrom >= 0 && s.yearFrom < s.out.len() {
		if c.Kind == Full && c.Year != 0 {
			s.out.moreOf(s.yearFrom).year = uint16(c.Year)
		}
		s.yearFrom = -1
	}
	if s.limit > 0 && s.out.len() == s.limit {
		s.over = true
		return end
	}
	s.record(&c)
	s.lastEnd = end
	return end
}

// number tries to read a citation that begins with the number at i: a
// full or short case citation, a statute with a title, or a neutral cite.
// It returns the end of what it read, or 0.
func (s *scanner) number(i int) int {
	src := s.src
	if !volumeBoundary(src, i) {
		return 0
	}
	j := digitsEnd(src, i, 5)
	if j == 0 {
		return 0
	}
	if j < len(src) && src[j] == '-' {
		return s.dashedNeutral(i, j)
	}
	k := skipGap(src, j)
	if k == j || k >= len(src) || !s.tab.matcher.startsKey(src[k]) {
		return 0
	}
	var buf [8]match
	ms := s.tab.matcher.matchAll(src, k, buf[:0])
	for m := len(ms) - 1; m >= 0; m-- {
		if end := s.afterReporter(i, src[i:j], k, ms[m]); end > 0 {
			return end
		}
	}
	return 0
}

// afterReporter reads the rest of a citation whose volume is vol (starting
// at start) and whose reporter is m, spelled from repStart.
func (s *scanner) afterReporter(start int, vol string, repStart int, m match) int {
	src := s.src
	r := m.r

	if r.Type == Code {
		return s.code(start, vol, r, m.end)
	}
	p := skipGap(src, m.end)
	var nominative Ref
	if r.Type.IsCaseReporter() && p < len(src) && src[p] == '(' {
		if ref, q, ok := s.nominative(p); ok {
			nominative, p = ref, skipGap(src, q)
		} else if q := nominativeUnknown(src, p); q > p {
			// "156 Tenn. (3 Smith) 666": a nominative the table does not
			// know; the official citation is read, the nominative left.
			p = skipGap(src, q)
		}
	}
	if (r.End != 0 && r.End < earlyReporters || spelledOut(src[repStart:m.end])) && p < len(src) && src[p] == ',' {
		// Early reporters, and reporters spelled out in full, were cited
		// with a comma before the page: "16 Peters, 1", "12 Wheaton,
		// 419", "70 Illinois, 123". Not when the number after the comma is
		// the volume of a citation: "4 Howard, 100 F.3d at 53" is footnote
		// 4 citing Howard.
		if q := skipGap(src, p+1); q < len(src) && isDigit(src[q]) && !s.startsCitation(q) {
			p = q
		}
	}
	if volumeUnpublished(r.Abbrev, vol) {
		// "In 2004 U.S. 93 was closed": no such volume has been printed.
		return 0
	}
	if page, q := pageAt(src, p); q > p {
		return s.full(start, Ref{vol, r.Abbrev, page}, r, nominative, q, bareSpelling(src[repStart:m.end]))
	}
	if r.Type == Session {
		return 0
	}
	// Short form: "424 U. S., at 430" or "457 U.S. at 819".
	pin, end := s.atPin(p)
	if pin == "" {
		return 0
	}
	c := Citation{Kind: Short, Start: start, Ref: Ref{Volume: vol, Reporter: r.Abbrev}, Pin: pin}
	end = s.shortParallels(&c, end)
	s.nameAndSignal(&c, start)
	return s.add(c, end)
}

// full reads pins, parallel citations and the court-and-year parenthetical
// after the first page of a full citation. bare says the reporter was
// spelled with one or two letters and no period ("305 Or 331", "194 A
// 382"): spellings that also occur in prose ("5 Or 6 pages"), so such a
// citation must show more of a citation's shape to count.
func (s *scanner) full(start int, ref Ref, r *Reporter, nominative Ref, end int, bare bool) int {
	src := s.src
	c := Citation{Kind: Full, Start: start, Ref: ref}
	switch {
	case r.Type.IsLaw():
		c.Kind, c.authority = Law, Law
	case r.Type == SecondarySource:
		c.Kind, c.authority = Secondary, Secondary
	}
	if !nominative.IsZero() {
		c.Parallel = append(c.Parallel, nominative)
	}
	end = s.pinsAndParallels(&c, end)
	q := skipGap(src, end)
	if q < len(src) && src[q] == ',' && blankPin(c.Pin) {
		// "563 U. S. ___, ___, and n. 4, ___, (2011)": a stray comma
		// after the blanks of a slip cite.
		if p := skipSpace(src, q+1); p < len(src) && src[p] == '(' {
			q = p
		}
	}
	if q < len(src) && (src[q] == '(' || src[q] == '[') {
		if close := closingParen(src, q, maxCourtParen); close > 0 {
			content := src[q+1 : close]
			if court, year, ok := courtYear(content); ok {
				c.Court, c.Year, c.dated = court, year, true
				end = close + 1
			} else if src[q] == '(' && len(content) <= maxCourtOnly && content != "" && (isUpper(content[0]) || isDigit(content[0])) && NormalizeCourt(content) != "" {
				// "(9th Cir.), cert. denied, 540 U.S. 930 (2003)": the
				// court alone, the year given once for the decision and its
				// history (Bluebook 10.5); the next citation supplies it.
				c.Court, c.dated = normalizeSpace(content), true
				end = close + 1
				if s.historyFollows(end) {
					s.yearFrom = s.out.len()
				}
			}
		}
	}
	if r.Type == Neutral || r.Type == Database {
		c.repeatable = true
		if c.Year == 0 {
			c.Year = yearOf(c.Volume) // "2019 IL 123456", "2020 WL 1234567"
		}
	}
	if bare && c.Year == 0 && c.Pin == "" && len(c.Parallel) == 0 && !afterNamePunct(src, start) {
		return 0 // "5 Or 6 pages": a bare spelling needs a citation around it
	}
	if c.Kind == Full {
		s.nameAndSignal(&c, start)
	} else {
		c.Signal = s.signalBefore(start)
	}
	c.CourtID = courtOf(c.Court, r)
	if c.Court == "" && r.Court != DistrictCourts {
		c.Court = r.Court
	}
	return s.add(c, end)
}

// pinsAndParallels reads what follows the first page of a full citation
// ending at end: its pins and the parallel citations of the same case,
// with commas between them ("384 U.S. 436, 444, 86 S. Ct. 1602, 16 L. Ed.
// 2d 694") or, in California's style, in square brackets ("8 Cal.4th
// 791, 799 [35 Cal.Rptr.2d 418, 883 P.2d 960]"). It returns their end.
//
// Pins after a parallel citation are that reporter's pages: the first
// citation's pins are kept, unless its page is the blank of a slip
// opinion, when the pins of the first paged parallel are (the case is
// identified by that one).
func (s *scanner) pinsAndParallels(c *Citation, end int) int {
	src := s.src
	paged := c.Page[0] != '_'
	primary := true
	if q := skipGap(src, end); q < len(src) && src[q] == '_' {
		// "560 U. S. 330 ___, ___ (2010)": the page known, the pins of the
		// slip opinion still blank.
		if pin, e := s.pins(q); pin != "" {
			c.Pin, end = pin, e
		}
	} else if wordAt(src, q, "at") {
		// "381 U.S. 479 at 485": a short form that repeats the first page.
		if pin, e := s.pins(skipSpace(src, q+2)); pin != "" {
			c.Pin, end, c.repeatable = pin, e, true
		}
	}
	for {
		q := skipGap(src, end)
		if q < len(src) && src[q] == '[' && len(c.Parallel) == 0 {
			if e := s.bracketedParallels(c, q); e > 0 {
				end = e
				continue
			}
		}
		if q >= len(src) || src[q] != ',' {
			break
		}
		p := skipSpace(src, q+1)
		if par, pin, e := s.parallelRef(p); e > 0 {
			if !s.parallelOf(c, par) {
				break // another case: the scan reads it as a citation of its own
			}
			c.Parallel = append(c.Parallel, par)
			end = e
			if !paged && !blankPin(par.Page) {
				paged, c.Pin = true, pin
			}
			primary = false
			continue
		}
		if par, _, e := s.shortRef(p); e > 0 && s.parallelOf(c, par) {
			// "170 Ohio St. 427, 166 N. E. 2d, at 388", "Hauge, 1996 SD
			// 48, ¶ 8, 547 N.W.2d at 176": a parallel given by its pin
			// alone is part of the citation, but not one of its Parallel,
			// which name a case by its first page.
			end, primary = e, false
			continue
		}
		if wordAt(src, p, "at") { // "2020 WL 1234567, at *3"
			p = skipSpace(src, p+2)
		}
		pin, e := s.pins(p)
		if pin == "" {
			break
		}
		if primary && c.Pin == "" {
			c.Pin = pin
		}
		end = e
	}
	return end
}

// bracketedParallels reads California's bracketed parallel citations at
// the "[" at q into c and returns the end of the brackets, or 0 when they
// hold anything else (an explanatory parenthetical).
func (s *scanner) bracketedParallels(c *Citation, q int) int {
	close := closingParen(s.src, q, maxCourtParen)
	if close < 0 {
		return 0
	}
	var found []Ref
	for p := skipSpace(s.src, q+1); ; {
		par, _, e := s.parallelRef(p)
		if e == 0 || !s.parallelOf(c, par) {
			return 0
		}
		found = append(found, par)
		p = skipSpace(s.src, e)
		if p == close {
			break
		}
		if s.src[p] != ',' {
			return 0
		}
		p = skipSpace(s.src, p+1)
	}
	c.Parallel = append(c.Parallel, found...)
	return close + 1
}

// multiCourt reports whether the reporter abbreviated reporter reports
// more than one court (a regional or federal reporter), or is unknown.
func (s *scanner) multiCourt(reporter string) bool {
	r := s.tab.Lookup(reporter)
	return r == nil || r.Court == "" || r.Court == DistrictCourts
}

// scotusReporter reports whether the reporter abbreviated reporter
// reports the Supreme Court alone.
func (s *scanner) scotusReporter(reporter string) bool {
	r := s.tab.Lookup(reporter)
	return r != nil && r.Court == "scotus"
}

// historyPhrase returns the phrase of subsequent history (", rev'd,", ",
// cert. denied,", ", aff'd per curiam,") between the full citation before
// the citation starting at start and it, when only such a phrase in
// lower case stands between them, within commas; ok is false otherwise.
func (s *scanner) historyPhrase(start int) (string, bool) {
	if n := s.out.len(); start < s.lastEnd || n == 0 || s.out.rec(n-1).kind() != Full || start-s.lastEnd > historyWindow {
		return "", false
	}
	gap := strings.TrimSpace(s.src[s.lastEnd:start])
	phrase, ok := strings.CutPrefix(gap, ",")
	if !ok {
		return "", false
	}
	// New York's official style writes no comma after the phrase ("affd
	// 17 NY3d 863").
	phrase = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(phrase), ","))
	if phrase == "" || !isLower(phrase[0]) {
		return "", false
	}
	for i := 0; i < len(phrase); i++ {
		if c := phrase[i]; !isLower(c) && c != '.' && c != '\'' && c != ' ' && c != '\n' {
			if n := apostropheLen(phrase, i); n > 0 {
				i += n - 1
				continue
			}
			return "", false
		}
	}
	return phrase, true
}

// orderPhrase reports whether a phrase of subsequent history cites an
// order without opinion, printed among many on a page of orders: review
// granted, denied or dismissed ("cert. denied", "reh'g denied", "lv
// denied", "review dismissed"), or, in the Supreme Court's reports (scotus),
// an appeal dismissed. A court's decision on the merits is no order
// ("enforcement denied, NLRB v. Visceglia, 498 F.2d 43"; "app. dism'd,
// 119 F.2d 779" is a court of appeals' decision).
func orderPhrase(phrase string, scotus bool) bool {
	review, outcome := false, false
	for _, w := range strings.Fields(phrase) {
		switch strings.ToLower(w) {
		case "denied", "den.", "granted", "dismissed", "dism'd", "dism’d":
			outcome = true
		case "cert.", "certiorari", "reh'g", "reh’g", "rehearing", "lv", "leave", "review", "pet.", "petition":
			review = true
		}
	}
	return outcome && (review || scotus)
}

// maxCourtOnly bounds a parenthetical that names a court alone ("(9th
// Cir.)", "(S.D.N.Y.)"): longer ones are explanatory, and are not looked
// up in the court table.
const maxCourtOnly = 40

// historyWindow bounds the subsequent-history phrase ("cert. denied",
// "aff'd sub nom. Smith v. Jones") between a decision and the citation of
// its history.
const historyWindow = 80

// historyFollows reports whether subsequent history follows at end: a
// comma, words beginning in lower case ("cert. denied", "aff'd", "rev'd
// on other grounds") and, within historyWindow, the next citation's
// volume.
func (s *scanner) historyFollows(end int) bool {
	src := s.src
	q := skipSpace(src, end)
	if q >= len(src) || src[q] != ',' {
		return false
	}
	q = skipSpace(src, q+1)
	if q >= len(src) || !isLower(src[q]) {
		return false
	}
	for i := q; i < min(len(src), q+historyWindow); i++ {
		if isDigit(src[i]) {
			return true
		}
	}
	return false
}

// parallelRef reads "volume reporter page" at p, for a citation of the
// same case given alongside another, and returns it with its own pins
// and their end.
func (s *scanner) parallelRef(p int) (Ref, string, int) {
	ref, e := s.refAt(p)
	if e == 0 {
		return Ref{}, "", 0
	}
	pin := ""
	if c := skipSpace(s.src, e); c < len(s.src) && s.src[c] == ',' {
		var pe int
		if pin, pe = s.pins(skipSpace(s.src, c+1)); pin != "" {
			e = pe
		}
	}
	return ref, pin, e
}

// parallelOf reports whether ref, given after c's citations, can be
// another citation of the same case. It cannot when its reporter is
// already in the group ("Brown, 347 U.S. 483, 349 U.S. 294" cites two
// decisions), or when it reports another court: a Supreme Court reporter
// with a lower court's ("100 F.2d 200, 300 U.S. 1" is a decision and its
// review), or two single-court reporters of different courts.
func (s *scanner) parallelOf(c *Citation, ref Ref) bool {
	if c.Kind == Law {
		return false // a statute has no case citations for parallels
	}
	r := s.tab.Lookup(ref.Reporter)
	for _, g := range append([]Ref{c.Ref}, c.Parallel...) {
		if g.Reporter == ref.Reporter {
			return false
		}
		gr := s.tab.Lookup(g.Reporter)
		if gr == nil || r == nil {
			continue
		}
		if (gr.Court == "scotus") != (r.Court == "scotus") || gr.Court != "" && r.Court != "" && gr.Court != r.Court {
			return false
		}
	}
	return true
}

// refAt reads a case citation's "volume reporter page" at p and returns
// its end, or 0.
func (s *scanner) refAt(p int) (Ref, int) {
	src := s.src
	j := digitsEnd(src, p, 5)
	if j == 0 {
		return Ref{}, 0
	}
	if ref, _, e := s.dashedRef(p, j); e > 0 {
		return ref, e
	}
	k := skipGap(src, j)
	if k == j || k >= len(src) || !s.tab.matcher.startsKey(src[k]) {
		return Ref{}, 0
	}
	var buf [8]match
	ms := s.tab.matcher.matchAll(src, k, buf[:0])
	for m := len(ms) - 1; m >= 0; m-- {
		if r := ms[m].r; !r.Type.IsLaw() {
			q := skipGap(src, ms[m].end)
			if page, e := pageAt(src, q); e > q {
				return Ref{src[p:j], r.Abbrev, page}, e
			}
		}
	}
	return Ref{}, 0
}

// nominative reads the nominative reporter in "5 U.S. (1 Cranch) 137":
// "(1 Cranch)" at p, with the page that follows it (none in a short
// form).
func (s *scanner) nominative(p int) (Ref, int, bool) {
	src := s.src
	j := digitsEnd(src, p+1, 4)
	if j == 0 {
		return Ref{}, 0, false
	}
	k := skipGap(src, j)
	var buf [4]match
	for _, m := range s.tab.matcher.matchAll(src, k, buf[:0]) {
		e := skipGap(src, m.end)
		if e < len(src) && src[e] == ')' && m.r.Type.IsCaseReporter() {
			// The page follows, or, in a short form, a pin: "5 U.S. (1
			// Cranch) at 178".
			q := skipGap(src, e+1)
			page, _ := pageAt(src, q)
			return Ref{src[p+1 : j], m.r.Abbrev, page}, e + 1, true
		}
	}
	return Ref{}, 0, false
}

// dashedNeutral reads a public-domain citation written with hyphens,
// "2008-Ohio-1234" or "2009-NMSC-006"; the year runs from i to j.
func (s *scanner) dashedNeutral(i, j int) int {
	ref, r, end := s.dashedRef(i, j)
	if end == 0 {
		return 0
	}
	return s.full(i, ref, r, Ref{}, end, false)
}

// dashedRef reads the hyphenated citation whose year runs from i to j.
func (s *scanner) dashedRef(i, j int) (Ref, *Reporter, int) {
	src := s.src
	if j-i != 4 || j+1 >= len(src) || src[j] != '-' || !s.tab.matcher.startsKey(src[j+1]) {
		return Ref{}, nil, 0
	}
	var buf [4]match
	ms := s.tab.matcher.matchAll(src, j+1, buf[:0])
	for m := len(ms) - 1; m >= 0; m-- {
		e := ms[m].end
		if ms[m].r.Type != Neutral || e >= len(src) || src[e] != '-' {
			continue
		}
		if page, pe := pageAt(src, e+1); pe > e+1 {
			return Ref{src[i:j], ms[m].r.Abbrev, page}, ms[m].r, pe
		}
	}
	return Ref{}, nil, 0
}

// earlyReporters: reporters that ceased before this year were cited with a
// comma between reporter and page.
const earlyReporters = 1880

// id reads "Id." or "Ibid." (either case) at i, with its pin.
func (s *scanner) id(i int) int {
	src := s.src
	if i > 0 && isLetter(src[i-1]) {
		return 0
	}
	var e int
	switch {
	case strings.HasPrefix(src[i+1:], "d."):
		e = i + 3
	case strings.HasPrefix(src[i+1:], "bid."):
		e = i + 5
	default:
		return 0
	}
	if e < len(src) && isLetter(src[e]) { // "id.e." and the like
		return 0
	}
	c := Citation{Kind: ID, Start: i}
	var end int
	if c.Pin, end = s.atPin(e); c.Pin == "" {
		c.Pin, end = s.idPin(e)
	}
	if c.Pin != "" {
		end = s.shortParallels(&c, end) // "Id. ¶ 31, 196 P.3d at 181"
	}
	c.Signal = s.signalBefore(i)
	return s.add(c, end)
}

// idPin reads the pin an Id. gives without "at": a paragraph after a
// public-domain citation or a complaint ("Id. ¶ 30"), a section after a
// statute ("Id. § 1988(b)"). It returns "" and e when there is none.
func (s *scanner) idPin(e int) (string, int) {
	src := s.src
	q := skipSpace(src, e)
	if q < len(src) && src[q] == ',' {
		q = skipSpace(src, q+1) // "Id., § 4.2"
	}
	switch {
	case strings.HasPrefix(src[q:], "¶"):
		if pin, pe := s.pins(q); pin != "" {
			return pin, pe
		}
	case strings.HasPrefix(src[q:], "§"):
		for strings.HasPrefix(src[q:], "§") { // "Id. §§ 9-2, 9-3": the first
			q = skipSpace(src, q+len("§"))
		}
		if se := sectionEnd(src, q); se > q {
			return "§ " + sectionKey(src[q:se]), se
		}
	default:
		// "Id., Art. 719" after a code cited by article (see codeArticle).
		for _, w := range articleWords {
			if wordAt(src, q, w) {
				p := skipSpace(src, q+len(w))
				if se := sectionEnd(src, p); se > p && isDigit(src[p]) {
					return "art. " + sectionKey(src[p:se]), se
				}
				if re := romanEnd(src, p); re > p {
					return "art. " + src[p:re], re
				}
			}
		}
	}
	return "", e
}

// caseOrSurname reports whether name, read from ns, is a case's name or
// one surname not after an article: what may stand before a supra
// without its comma.
func (s *scanner) caseOrSurname(ns int, name string) bool {
	if strings.Contains(name, " v. ") {
		return true
	}
	return !strings.Contains(name, " ") && !genericNames[name] && !articles[strings.ToLower(s.wordBefore(skipSpaceBack(s.src, ns)))]
}

// romanEnd returns the end of the roman numeral at p ("IV" in "Art. IV,"),
// or p.
func romanEnd(src string, p int) int {
	e := p
	for e < len(src) && isLetter(src[e]) {
		e++
	}
	if !isRoman(src[p:e]) {
		return p
	}
	return e
}

// supra reads "Name, supra[, at pin]" at the word "supra" (at i). Without
// a case name before it, "supra" is an internal cross-reference ("supra,
// at 10"), not a citation.
func (s *scanner) supra(i int) int {
	src := s.src
	if !wordAt(src, i, "supra") || i > 0 && isLetter(src[i-1]) {
		return 0
	}
	nameStart, name := s.nameBefore(i)
	if b := skipSpaceBack(src, i); nameStart < 0 && b > 0 && src[b-1] != ',' {
		// "Smith supra, at 104": the comma left out after the name. Only a
		// case's name or a single surname: "the Superior Court supra",
		// "Title VII supra" are prose.
		if ns, n := s.nameEndingAt(i); ns >= 0 && s.caseOrSurname(ns, n) {
			nameStart, name = ns, n
		}
	}
	if nameStart < 0 || crossReference(name) {
		return 0
	}
	e := supraNote(src, i+len("supra"))
	if q := skipSpace(s.src, e); q < len(src) && src[q] == ',' {
		if p := skipSpace(src, q+1); p < len(src) && isDigit(src[p]) {
			if _, re := s.refAt(p); re > 0 {
				// "Cantwell v. Connecticut, supra, 310 U. S. 296": the
				// citation given again in full (see citePrefix).
				return 0
			}
		}
	}
	c := Citation{Kind: Supra, Start: nameStart, CaseName: name}
	c.Plaintiff, c.Defendant = splitParties(name)
	var end int
	if c.Ref, c.Pin, end = s.supraReporter(e); c.Pin == "" {
		c.Pin, end = s.atPin(e)
	}
	if c.Pin == "" { // a treatise's section, "Wright & Miller, supra, § 1217"
		if pin, pe := s.idPin(e); pin != "" && pinEndsCite(src, pe) {
			c.Pin, end = pin, pe
		}
	}
	if c.Pin != "" {
		end = s.shortParallels(&c, end)
	}
	c.Signal = s.signalBefore(nameStart)
	return s.add(c, end)
}

// pinEndsCite reports whether a supra's section or paragraph pin ending
// at e ends the citation: the sentence or clause ends, a parenthesis or
// a page follows ("Williston, supra, § 601 at 311"). Otherwise the
// section is the text's own ("In Fisher, supra, §§ 40-22-08 and
// 40-22-09, N.D.C.C., were challenged").
func pinEndsCite(src string, e int) bool {
	q := skipSpace(src, e)
	if q < len(src) && src[q] == ',' {
		q = skipSpace(src, q+1)
		return q == len(src) || wordAt(src, q, "at") || strings.HasPrefix(src[q:], "p.") || strings.HasPrefix(src[q:], "pp.")
	}
	return q == len(src) || strings.IndexByte(".;:)]([", src[q]) >= 0 || wordAt(src, q, "at")
}

// supraNote returns the end of the footnote a supra names in the law
// reviews' style, "LaFave, supra note 3, § 2.1", after the word supra
// ending at e, or e: the pin follows it.
func supraNote(src string, e int) int {
	q := skipSpace(src, e)
	if !wordAt(src, q, "note") {
		return e
	}
	if d := digitsEnd(src, skipSpace(src, q+len("note")), 4); d > 0 {
		return d
	}
	return e
}

// supraReporter reads the volume, reporter and pin a supra gives in
// California's style, "Ghirardo, supra, 8 Cal.4th at p. 800", after the
// word supra ending at e. The whole is one citation.
func (s *scanner) supraReporter(e int) (Ref, string, int) {
	q := skipSpace(s.src, e)
	if q >= len(s.src) || s.src[q] != ',' {
		return Ref{}, "", e
	}
	if ref, pin, pe := s.shortRef(skipSpace(s.src, q+1)); pe > 0 {
		return ref, pin, pe
	}
	return Ref{}, "", e
}

// nameAndSignal finds the case name before a citation starting at start
// and the signal before the name, and moves the citation's start to the
// name.
func (s *scanner) nameAndSignal(c *Citation, start int) {
	ns, name, pre := s.citePrefix(start)
	from := start
	if ns >= 0 {
		// "cert. denied sub nom. Roe v. Pennsylvania, 501 U.S. 1202", "9
		// Cir., 1964, 339 F.2d 389, rehearing denied, 1965, 339 F.2d 389".
		from = ns
	}
	if phrase, ok := s.historyPhrase(from); ok {
		if name == "" {
			// "Brush v. Commissioner, 85 F. 2d 32, rev'd, 300 U.S. 352":
			// the decision's subsequent history is the same case.
			name = s.out.name(s.out.len() - 1)
		}
		c.order, c.history = orderPhrase(phrase, s.scotusReporter(c.Reporter)), true
		if c.Ref == s.out.refOf(s.out.len()-1) {
			// "339 F.2d 389, rehearing denied, 1965, 339 F.2d 389": an
			// order printed with the decision is at its page.
			c.order = false
		}
	}
	if ns >= 0 {
		c.Start = ns
	}
	if name != "" {
		c.CaseName = name
		c.Plaintiff, c.Defendant = splitParties(name)
	}
	switch {
	case c.Year == 0 && pre.year != 0:
		c.Year, c.dated = pre.year, true
		if c.Court == "" {
			c.Court = pre.court
		}
	case c.Court == "" && pre.court != "" && pre.year == 0 && s.multiCourt(c.Reporter):
		// A court named alone before the comma ("Hood v. Owens (Mo.), 293
		// S.W. 774") tells the court only where the reporter does not:
		// "State v. Flannelly (Ill.), 96 Kan. 372" is Kansas's.
		c.Court = pre.court
	}
	c.Signal = s.signalBefore(c.Start)
}

// spelledOut reports whether a reporter spelling is a word written out,
// not abbreviated: letters only, four or more ("Illinois", "Wheaton").
func spelledOut(sp string) bool {
	if len(sp) < 4 {
		return false
	}
	for i := 0; i < len(sp); i++ {
		if !isLetter(sp[i]) {
			return false
		}
	}
	return true
}

// maxNominative bounds the parenthesis of a nominative reporter.
const maxNominative = 24

// nominativeUnknown returns the end of a parenthesis at p that holds a
// volume and a reporter's name the table does not know ("(3 Smith)",
// "(2 Swan)"), or p.
func nominativeUnknown(src string, p int) int {
	close := closingParen(src, p, maxNominative)
	if close < 0 {
		return p
	}
	vol, name, ok := strings.Cut(strings.TrimSpace(src[p+1:close]), " ")
	if !ok || !allDigits(vol, 1, 3) || name == "" || !isUpper(name[0]) {
		return p
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isLetter(c) && c != '.' && c != ' ' && c != '\'' {
			return p
		}
	}
	return close + 1
}

// bareSpelling reports whether a reporter spelling is one or two letters
// with no period.
func bareSpelling(sp string) bool {
	return len(sp) <= 2 && !strings.Contains(sp, ".")
}

// afterNamePunct reports whether the citation starting at i follows a
// comma, semicolon or opening parenthesis, as a citation after a case
// name or in a string of citations does.
func afterNamePunct(s string, i int) bool {
	e := skipSpaceBack(s, i)
	return e > 0 && strings.IndexByte(",;([", s[e-1]) >= 0
}

// volumeBoundary reports whether the number at s[i] may be a volume: not
// the middle of a word, a decimal, a star page, a date or a range. Commas,
// colons, semicolons and the period of an abbreviation glued to the number
// are boundaries: publishers' markup drops the space after them ("(Mont.),
// 55 P.2d 697", "1948,334 U.S. 1", "cert. den.488 U.S. 1050"), and a
// thousands separator ("1,000") is no risk, since a citation needs a
// reporter and a page after the volume.
func volumeBoundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	switch b := s[i-1]; {
	case isAlnum(b):
		return false
	case b == '.':
		// After an abbreviation, glued the same way ("Inc.391 F. Supp.
		// 397"); after a digit, a decimal.
		return i >= 2 && isLetter(s[i-2])
	case b == '/' || b == '-' || b == '*' || b == '$' || b == '\'' || b == 0xA7 || b == 0x93:
		// 0xA7 ends "§"; 0x93 ends an en dash.
		return false
	}
	return true
}

// digitsEnd returns the end of a run of 1 to max digits at i that is not
// followed by a letter or another digit, or 0.
func digitsEnd(s string, i, max int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i || j-i > max || j < len(s) && isLetter(s[j]) {
		return 0
	}
	return j
}

// blankPage is how the blank page of a slip opinion not yet paginated
// reads, however many underscores the text has ("____", "___").
const blankPage = "___"

// pageAt reads a first page at p: digits, or the blank of a slip opinion
// not yet paginated (blankPage). It returns the page and its end (p if
// none).
func pageAt(s string, p int) (string, int) {
	if p >= len(s) {
		return "", p
	}
	if s[p] == '_' {
		e := p
		for e < len(s) && s[e] == '_' {
			e++
		}
		if e-p < 2 {
			return "", p
		}
		return blankPage, e
	}
	e := digitsEnd(s, p, 8)
	if e == 0 {
		return "", p
	}
	return s[p:e], e
}

// wordAt reports whether the word w stands at s[i:] as a whole word.
func wordAt(s string, i int, w string) bool {
	return strings.HasPrefix(s[i:], w) && (i+len(w) >= len(s) || !isAlnum(s[i+len(w)]))
}

// isWordStart reports whether a word may start at s[i].
func isWordStart(s string, i int) bool {
	return i == 0 || !isAlnum(s[i-1]) && s[i-1] != '.'
}

// skipGap skips white space and star-page markers ("*256") between the
// parts of a citation: pages of the report can break anywhere.
func skipGap(s string, i int) int {
	for {
		i = skipSpace(s, i)
		if i+1 < len(s) && s[i] == '*' && isDigit(s[i+1]) && i > 0 && spaceLen(s, i-1) > 0 {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j < len(s) && spaceLen(s, j) > 0 {
				i = j
				continue
			}
		}
		return i
	}
}
