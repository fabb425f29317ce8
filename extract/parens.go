package extract

import (
	"strings"
)

// maxCourtParen bounds the length of a court-and-year parenthetical
// ("(Bankr. S.D.N.Y. Sept. 30, 2011)"); maxParenthetical bounds an
// explanatory one, so that an unbalanced parenthesis costs little.
const (
	maxCourtParen    = 80
	maxParenthetical = 4000
)

// closingParen returns the index of the parenthesis closing the one at
// open, looking no further than limit bytes, or -1.
func closingParen(s string, open, limit int) int {
	depth := 0
	end := min(len(s), open+limit)
	for i := open; i < end; i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// parentheticals reads the explanatory parentheticals after a citation
// ending at end, marks their extent so that citations inside them are
// known to be nested, and returns their text joined by "; ".
func (s *scanner) parentheticals(end int) string {
	src := s.src
	var parts []string
	q := skipSpace(src, end)
	for q < len(src) && src[q] == '(' {
		close := closingParen(src, q, maxParenthetical)
		if close < 0 {
			break
		}
		parts = append(parts, cleanName(src[q+1:close]))
		s.nestedUntil = max(s.nestedUntil, close+1)
		q = skipSpace(src, close+1)
	}
	return strings.Join(parts, "; ")
}

var months = map[string]bool{
	"Jan.": true, "Feb.": true, "Mar.": true, "Apr.": true, "May": true, "June": true, "July": true,
	"Aug.": true, "Sept.": true, "Sep.": true, "Oct.": true, "Nov.": true, "Dec.": true,
	"January": true, "February": true, "March": true, "April": true, "Jun.": true, "Jul.": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
}

// courtYear reads a court-and-year parenthetical's content: "1976",
// "CA9 2007", "N.D. Cal. Mar. 3, 2020", "Tex. Crim. App. 1990". The court
// is what precedes the date, as written.
func courtYear(content string) (court string, year int, ok bool) {
	words := strings.Fields(content)
	if len(words) == 0 || len(words) > 10 {
		return "", 0, false
	}
	y := words[len(words)-1]
	if len(y) != 4 || !isDigit(y[0]) || !isDigit(y[1]) || !isDigit(y[2]) || !isDigit(y[3]) {
		return "", 0, false
	}
	year = int(y[0]-'0')*1000 + int(y[1]-'0')*100 + int(y[2]-'0')*10 + int(y[3]-'0')
	if year < 1600 || year > 2100 {
		return "", 0, false
	}
	words = words[:len(words)-1]
	// Drop a full date: "Mar. 3, 2020".
	if n := len(words); n >= 2 && months[words[n-2]] && isDigit(words[n-1][0]) {
		words = words[:n-2]
	} else if n >= 1 && months[words[n-1]] {
		words = words[:n-1]
	}
	for _, w := range words {
		// Courts are abbreviations and capitalised words ("D.C. Cir.",
		// "2d Cir.", "Ct. App."); a lower-case word means prose.
		if isLower(w[0]) && !strings.HasSuffix(w, ".") {
			return "", 0, false
		}
	}
	return strings.Join(words, " "), year, true
}

// signals, lower-cased and with commas removed, mapped to their canonical
// form. Longer signals are tried first.
var signals = []struct{ key, canon string }{
	{"but see also", "But see also"},
	{"see also e.g.", "See also"},
	{"but see e.g.", "But see"},
	{"see generally", "See generally"},
	{"but cf.", "But cf."},
	{"but see", "But see"},
	{"see also", "See also"},
	{"see e.g.", "See, e.g.,"},
	{"cf. e.g.", "Cf."},
	{"see", "See"},
	{"cf.", "Cf."},
	{"compare", "Compare"},
	{"with", "with"},
	{"accord", "Accord"},
	{"contra", "Contra"},
	{"e.g.", "E.g.,"},
}

// signalWindow is how far before a citation a signal is looked for.
const signalWindow = 24

// signalBefore returns the signal introducing a citation that starts at
// start, or "".
func (s *scanner) signalBefore(start int) string {
	// Fold the text before the citation into a small buffer: lower case,
	// commas and runs of white space as one space. No allocation: this
	// runs for every citation.
	var buf [signalWindow]byte
	n := 0
	space := true
	for i := max(s.lastEnd, start-signalWindow); i < start; {
		if k := spaceLen(s.src, i); k > 0 || s.src[i] == ',' {
			if !space {
				buf[n], n, space = ' ', n+1, true
			}
			i += max(k, 1)
			continue
		}
		c := s.src[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf[n], n, space = c, n+1, false
		i++
	}
	window := strings.TrimSuffix(string(buf[:n]), " ")
	for _, sig := range signals {
		if !strings.HasSuffix(window, sig.key) {
			continue
		}
		if pre := len(window) - len(sig.key); pre > 0 && !strings.ContainsRune(" ;(.", rune(window[pre-1])) {
			continue
		}
		// "with" is a signal only as the second half of "Compare".
		if sig.canon == "with" && (len(s.out) == 0 || s.out[len(s.out)-1].Signal != "Compare") {
			return ""
		}
		return sig.canon
	}
	return ""
}

// inheritedSignal returns the signal of the previous citation when the one
// starting at start follows it in the same string of citations (separated
// only by a semicolon): "See A, 1 U.S. 1; B, 2 U.S. 2" puts both under See.
func (s *scanner) inheritedSignal(start int) string {
	if len(s.out) == 0 {
		return ""
	}
	prev := &s.out[len(s.out)-1]
	e := skipSpaceBack(s.src, start)
	if e == 0 || s.src[e-1] != ';' || e-1 < prev.End {
		return ""
	}
	// Only white space, or the previous citation's parentheticals, may
	// stand between it and the semicolon.
	if gap := skipSpaceBack(s.src, e-1); gap != prev.End && gap != s.nestedUntil {
		return ""
	}
	return prev.Signal
}
