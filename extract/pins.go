package extract

import "strings"

// pins reads a pin cite at p: one or more items separated by commas, each
// a page, a range ("425–426", "1028-29"), a star page ("*3"), a blank
// ("___"), a paragraph ("¶ 22"), optionally with footnotes ("431, n. 33",
// "nn. 4-5", "445 & n. 3", "445 and n. 3"; Bluebook 3.2(a)). A number that
// begins another citation ("…, 86 S. Ct. 1602", "…, 86 S. Ct. at 1613")
// ends the list. It returns the pin with its spacing normalised ("431
// n.33", "127, 130", "445 & n.3") and its end, or "" when there is no pin
// at p.
func (s *scanner) pins(p int) (string, int) {
	src := s.src
	var b strings.Builder
	end := p
items:
	for first := true; ; first = false {
		q, sep, fnSep := p, ", ", " "
		if !first {
			c := skipSpace(src, end)
			switch {
			case c < len(src) && src[c] == ',':
				q = skipSpace(src, c+1)
				if wordAt(src, q, "and") {
					q = skipSpace(src, q+len("and")) // "at 5, and n. 4, 17"
				}
			case c < len(src) && src[c] == '&': // "at 445 & n. 3", "at 445 & 447"
				q, sep, fnSep = skipSpace(src, c+1), " & ", " & "
			case wordAt(src, c, "and"):
				// "at 445 and n. 3"; a page after "and" is prose ("at 445
				// and 12 other cases").
				q, fnSep = skipSpace(src, c+len("and")), " & "
				if _, e := s.footnote(q); e == q {
					break items
				}
			default:
				break items
			}
		}
		if s.startsCitation(q) {
			break // "at 445, 86 S. Ct. at 1613": a parallel's volume, not a pin
		}
		if fn, e := s.footnote(q); e > q {
			if first {
				return "", p // a pin starts with a page
			}
			b.WriteString(fnSep)
			b.WriteString(fn)
			end = e
			continue
		}
		item, e := s.pinItem(q)
		if e == q {
			break
		}
		if !first {
			b.WriteString(sep)
		}
		b.WriteString(item)
		end = e
		// A footnote may follow without a comma: "431 n.33".
		if fq := skipSpace(src, end); fq > end {
			if fn, fe := s.footnote(fq); fe > fq {
				b.WriteByte(' ')
				b.WriteString(fn)
				end = fe
			}
		}
	}
	if pin := b.String(); pin != s.src[p:end] {
		return pin, end
	}
	// As written: a slice of the text (see store).
	return s.src[p:end], end
}

// pinItem reads one page, range, star page or paragraph ("¶ 7", "¶¶
// 7-9", cited in public-domain citations) at p.
func (s *scanner) pinItem(p int) (string, int) {
	src := s.src
	star := p < len(src) && src[p] == '*'
	q := p
	if star {
		q++
	} else if strings.HasPrefix(src[p:], "¶") {
		for strings.HasPrefix(src[q:], "¶") {
			q += len("¶")
		}
		marks := src[p:q]
		q = skipSpace(src, q)
		if item, e := s.pinItem(q); e > q && item[0] != '*' {
			return marks + " " + item, e
		}
		return "", p
	}
	page, e := pageAt(src, q)
	if e == q {
		return "", p
	}
	if star && page[0] == '_' {
		return "", p
	}
	// A range: the dash must be followed by digits ("425–426"), or by the
	// blank of a slip opinion when the page is one ("___–___"). A page
	// break may fall after the dash: a line break in a PDF ("430-\n431"),
	// a star page in CourtListener's markup ("430–*12 431"); the range is
	// read whole, without the break.
	if e < len(src) {
		if d := dashLen(src, e); d > 0 {
			r := skipGap(src, e+d)
			hi, ok := rangeEnd(src, r, page[0] == '_')
			switch {
			case !ok:
			case r == e+d:
				e = hi
			case !s.startsCitation(r):
				return src[p:e+d] + src[r:hi], hi
			}
		}
	}
	return src[p:e], e
}

// rangeEnd reads the second page of a range at q: digits, or a blank
// when the first page was one.
func rangeEnd(s string, q int, blank bool) (int, bool) {
	if blank {
		if _, e := pageAt(s, q); e > q && s[q] == '_' {
			return e, true
		}
		return 0, false
	}
	if hi := digitsEnd(s, q, 8); hi > 0 {
		return hi, true
	}
	return 0, false
}

// startsCitation reports whether a citation begins at q: a volume, a
// reporter and then what follows a reporter in a citation, a page, a pin
// ("at 1613", ", at 1613"), a section sign or a nominative reporter ("(1
// Cranch)"). A number there starts the next citation rather than ending a
// range or a list of pins.
func (s *scanner) startsCitation(q int) bool {
	src := s.src
	j := digitsEnd(src, q, 5)
	if j == 0 {
		return false
	}
	if _, _, e := s.dashedRef(q, j); e > 0 { // "1996-Ohio-153"
		return true
	}
	k := skipGap(src, j)
	if k == j || k >= len(src) || !s.tab.matcher.startsKey(src[k]) {
		return false
	}
	var buf [8]match
	for _, m := range s.tab.matcher.matchAll(src, k, buf[:0]) {
		p := skipGap(src, m.end)
		if p < len(src) && src[p] == ',' {
			if p = skipGap(src, p+1); wordAt(src, p, "at") {
				return true
			}
			continue
		}
		if _, e := pageAt(src, p); e > p || wordAt(src, p, "at") || strings.HasPrefix(src[p:], "§") ||
			p+1 < len(src) && src[p] == '(' && isDigit(src[p+1]) {
			return true
		}
	}
	return false
}

// footnote reads "n. 33", "n.9", "nn. 4-5", "note 3" at p and returns it
// normalised ("n.33", "nn.4-5").
func (s *scanner) footnote(p int) (string, int) {
	src := s.src
	var mark string
	q := p
	switch {
	case strings.HasPrefix(src[q:], "nn."):
		mark, q = "nn.", q+3
	case strings.HasPrefix(src[q:], "n."):
		mark, q = "n.", q+2
	case wordAt(src, q, "note"):
		mark, q = "n.", q+4
	default:
		return "", p
	}
	q = skipSpace(src, q)
	item, e := s.pinItem(q)
	if e == q || item[0] == '*' {
		return "", p
	}
	return mark + item, e
}

// atPin reads the pin of a short form ending at end: ", at 430", " at
// 819", ", at *3", California's "at p. 800" and "at pp. 800-801". It
// returns "" and end when there is none.
func (s *scanner) atPin(end int) (string, int) {
	q := skipGap(s.src, end)
	if q < len(s.src) && s.src[q] == ',' {
		q = skipGap(s.src, q+1)
	}
	if !wordAt(s.src, q, "at") {
		return "", end
	}
	q = skipSpace(s.src, q+2)
	for _, p := range [...]string{"pp.", "p."} {
		if strings.HasPrefix(s.src[q:], p) {
			q = skipSpace(s.src, q+len(p))
			break
		}
	}
	if pin, pe := s.pins(q); pin != "" {
		return pin, pe
	}
	return "", end
}

// slipPin reads the page of a slip opinion that a citation of one gives
// after its blank pin or in place of a pin, "(slip op., at 12)", at end.
// It returns the pin as "slip op. at 12" and the end of the parenthesis,
// or "" and end.
func (s *scanner) slipPin(end int) (string, int) {
	src := s.src
	q := skipSpace(src, end)
	if q >= len(src) || src[q] != '(' || !strings.HasPrefix(src[q+1:], "slip op.") {
		return "", end
	}
	close := closingParen(src, q, maxCourtParen)
	if close < 0 {
		return "", end
	}
	pin, pe := s.atPin(q + len("(slip op."))
	if pin == "" || skipSpace(src, pe) != close {
		return "", end
	}
	return "slip op. at " + pin, close + 1
}

// blankPin reports whether a pin gives no page: empty, or the blank of a
// slip opinion ("___", "___–___").
func blankPin(pin string) bool { return pin == "" || pin[0] == '_' }

// shortRef reads a short cite's "volume reporter at pin" at p ("86 S. Ct.
// at 1613", "8 Cal.4th at p. 800"): the reference without a page, the pin
// and their end, or end 0.
func (s *scanner) shortRef(p int) (Ref, string, int) {
	src := s.src
	j := digitsEnd(src, p, 5)
	if j == 0 {
		return Ref{}, "", 0
	}
	k := skipGap(src, j)
	if k == j || k >= len(src) || !s.tab.matcher.startsKey(src[k]) {
		return Ref{}, "", 0
	}
	var buf [8]match
	ms := s.tab.matcher.matchAll(src, k, buf[:0])
	for m := len(ms) - 1; m >= 0; m-- {
		if r := ms[m].r; !r.Type.IsLaw() {
			if pin, pe := s.atPin(ms[m].end); pin != "" {
				return Ref{Volume: src[p:j], Reporter: r.Abbrev}, pin, pe
			}
		}
	}
	return Ref{}, "", 0
}

// shortParallels reads the parallel short cites that follow the pin of a
// short form ending at end ("Miranda, 384 U.S. at 445, 86 S. Ct. at
// 1613", "Id. at 7, 575 N.E.2d at 105") into c.Parallel and returns their
// end. As in a full citation (see pinsAndParallels), c keeps the pin of
// its first reference: the others count in their own reporters' pages.
func (s *scanner) shortParallels(c *Citation, end int) int {
	for {
		q := skipGap(s.src, end)
		if q >= len(s.src) || s.src[q] != ',' {
			return end
		}
		ref, _, e := s.shortRef(skipSpace(s.src, q+1))
		if e == 0 || !s.parallelOf(c, ref) {
			return end
		}
		c.Parallel = append(c.Parallel, ref)
		end = e
	}
}
