package extract

import "strings"

// pins reads a pin cite at p: one or more items separated by commas, each
// a page, a range ("425–426", "1028-29"), a star page ("*3"), a blank
// ("___"), optionally with footnotes ("431, n. 33", "nn. 4-5"). A comma
// followed by another citation ("…, 86 S. Ct. 1602") ends the list. It
// returns the pin with its spacing normalised ("431 n.33", "127, 130") and
// its end, or "" when there is no pin at p.
func (s *scanner) pins(p int) (string, int) {
	var b strings.Builder
	end := p
	for first := true; ; first = false {
		q := p
		if !first {
			c := skipSpace(s.src, end)
			if c >= len(s.src) || s.src[c] != ',' {
				break
			}
			q = skipSpace(s.src, c+1)
		}
		if _, e := s.refAt(q); e > 0 {
			break
		}
		if fn, e := footnote(s.src, q); e > q {
			if first {
				return "", p // a pin starts with a page
			}
			b.WriteByte(' ')
			b.WriteString(fn)
			end = e
			continue
		}
		item, e := pinItem(s.src, q)
		if e == q {
			break
		}
		if !first {
			b.WriteString(", ")
		}
		b.WriteString(item)
		end = e
		// A footnote may follow without a comma: "431 n.33".
		if fq := skipSpace(s.src, end); fq > end {
			if fn, fe := footnote(s.src, fq); fe > fq {
				b.WriteByte(' ')
				b.WriteString(fn)
				end = fe
			}
		}
	}
	return b.String(), end
}

// pinItem reads one page, range, star page or paragraph ("¶ 7", "¶¶
// 7-9", cited in public-domain citations) at p.
func pinItem(s string, p int) (string, int) {
	star := p < len(s) && s[p] == '*'
	q := p
	if star {
		q++
	} else if strings.HasPrefix(s[p:], "¶") {
		for strings.HasPrefix(s[q:], "¶") {
			q += len("¶")
		}
		marks := s[p:q]
		q = skipSpace(s, q)
		if item, e := pinItem(s, q); e > q && item[0] != '*' {
			return marks + " " + item, e
		}
		return "", p
	}
	page, e := pageAt(s, q)
	if e == q {
		return "", p
	}
	if star && page[0] == '_' {
		return "", p
	}
	// A range: the dash must be followed by digits ("425–426").
	if e < len(s) {
		if d := dashLen(s, e); d > 0 {
			if hi := digitsEnd(s, e+d, 8); hi > 0 {
				e = hi
			}
		}
	}
	return s[p:e], e
}

// footnote reads "n. 33", "n.9", "nn. 4-5", "note 3" at p and returns it
// normalised ("n.33", "nn.4-5").
func footnote(s string, p int) (string, int) {
	var mark string
	q := p
	switch {
	case strings.HasPrefix(s[q:], "nn."):
		mark, q = "nn.", q+3
	case strings.HasPrefix(s[q:], "n."):
		mark, q = "n.", q+2
	case wordAt(s, q, "note"):
		mark, q = "n.", q+4
	default:
		return "", p
	}
	q = skipSpace(s, q)
	item, e := pinItem(s, q)
	if e == q || item[0] == '*' {
		return "", p
	}
	return mark + item, e
}
