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

// closingParen returns the index of the bracket closing the parenthesis
// or square bracket at open, looking no further than limit bytes, or -1.
// Only brackets of the opening kind count: California's bracketed
// parallels hold parentheses, and parentheticals hold alterations.
func closingParen(s string, open, limit int) int {
	o, c := byte('('), byte(')')
	if s[open] == '[' {
		o, c = '[', ']'
	}
	depth := 0
	end := min(len(s), open+limit)
	for i := open; i < end; i++ {
		switch s[i] {
		case o:
			depth++
		case c:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// openingParen returns the index of the parenthesis opening the one that
// closes at close, looking back no further than limit bytes and not
// before lo, or -1.
func openingParen(s string, close, lo, limit int) int {
	depth := 0
	for i := close; i >= max(lo, close-limit); i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
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
// known to be nested, and returns their text joined by "; ". California
// writes them in square brackets inside a parenthesised citation
// ("[interpretation of a statute is reviewed de novo]").
func (s *scanner) parentheticals(end int) string {
	src := s.src
	var parts []string
	q := skipSpace(src, end)
	for q < len(src) && (src[q] == '(' || src[q] == '[') {
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

// maxHistoryWords bounds the subsequent history a court-and-date
// parenthetical may hold after its date ("2011, pet. ref'd", "1990, writ
// ref'd n.r.e.").
const maxHistoryWords = 6

// courtYear reads a court-and-date parenthetical's content: "1976", "CA9
// 2007", "N.D. Cal. Mar. 3, 2020", "Tex. Crim. App. 1990", New York's
// "2d Dept 2014" (in square brackets), Louisiana's "La. App. 1 Cir.
// 2/4/16", and Texas's "Tex. App.—Houston [14th Dist.] 2011, pet. ref'd",
// whose petition history follows the date. The court is what precedes
// the date, as written.
func courtYear(content string) (court string, year int, ok bool) {
	words := strings.Fields(content)
	if len(words) == 0 || len(words) > 12+maxHistoryWords {
		return "", 0, false
	}
	// The date is the last word that is one, and only history written in
	// lower case may follow it, after a comma.
	at := -1
	for i := len(words) - 1; i >= 0 && at < 0; i-- {
		y := yearOf(strings.TrimSuffix(words[i], ","))
		if y == 0 {
			continue
		}
		if i < len(words)-1 && (!strings.HasSuffix(words[i], ",") || !historyWords(words[i+1:])) {
			return "", 0, false
		}
		at, year = i, y
	}
	if at < 0 || at > 12 {
		return "", 0, false
	}
	words = words[:at]
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

// historyWords reports whether words can be the subsequent history that
// Texas and some other courts put inside the parenthetical, after the
// date: a few words, each in lower case ("pet. ref'd", "no writ").
func historyWords(words []string) bool {
	if len(words) > maxHistoryWords {
		return false
	}
	for _, w := range words {
		if !isLower(w[0]) {
			return false
		}
	}
	return true
}

// twoDigitPivot decides the century of a two-digit year in a numeric date
// ("2/4/16"): below it the 2000s, from it the 1900s. Courts began writing
// such dates in citations in the 1990s.
const twoDigitPivot = 50

// yearOf returns the year a word gives: a year from 1600 to 2100
// ("1976"), or the year of a numeric date ("2/4/16", "12/22/2020");
// 0 when it gives none.
func yearOf(w string) int {
	if i := strings.LastIndexByte(w, '/'); i > 0 {
		md := w[:i]
		m, d, ok := strings.Cut(md, "/")
		if !ok || !allDigits(m, 1, 2) || !allDigits(d, 1, 2) {
			return 0
		}
		y := w[i+1:]
		switch {
		case allDigits(y, 2, 2):
			n := int(y[0]-'0')*10 + int(y[1]-'0')
			if n < twoDigitPivot {
				return 2000 + n
			}
			return 1900 + n
		case allDigits(y, 4, 4):
			w = y
		default:
			return 0
		}
	}
	if !allDigits(w, 4, 4) {
		return 0
	}
	year := int(w[0]-'0')*1000 + int(w[1]-'0')*100 + int(w[2]-'0')*10 + int(w[3]-'0')
	if year < 1600 || year > 2100 {
		return 0
	}
	return year
}

// allDigits reports whether s is lo to hi ASCII digits.
func allDigits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
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
		if n := s.out.len(); sig.canon == "with" && (n == 0 || signalNames[s.out.rec(n-1).signal] != "Compare") {
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
	n := s.out.len()
	if n == 0 {
		return ""
	}
	prev := s.out.rec(n - 1)
	e := skipSpaceBack(s.src, start)
	if e == 0 || s.src[e-1] != ';' || e-1 < prev.endOff() {
		return ""
	}
	// Only white space, or the previous citation's parentheticals, may
	// stand between it and the semicolon.
	if gap := skipSpaceBack(s.src, e-1); gap != prev.endOff() && gap != s.nestedUntil {
		return ""
	}
	return signalNames[prev.signal]
}
