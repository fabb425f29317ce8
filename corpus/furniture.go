package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture is what a court prints on every page that is not the
// opinion: running heads, page numbers, filing stamps. The rules here
// decide which lines of a page are furniture by what they are, for every
// reader (PDF, text pulled from a PDF, slip-opinion HTML). See the README's
// Inputs section.
//
// A line is furniture only in a page's bands: among the first few lines of
// the page (read downwards, ending at the first line that is not
// furniture) or the last few (read upwards). There it is furniture when it
// has the form of a head, a stamp or a page number, or when the same line,
// numbers aside, is in the bands of many pages.

const (
	topBand    = 5 // lines read at the top of a page
	bottomBand = 3 // and at the foot
	// A line repeated in the bands of at least repeatPages pages, and of at
	// least one page in repeatShare, is a running head of the document.
	repeatPages = 3
	repeatShare = 4
	// maxHead bounds the length of a head or stamp, white space collapsed
	// (the longest stamps run to about 110 bytes); longer lines are text.
	maxHead = 160
)

var (
	// citeAsHeadRE is the Supreme Court's running head on odd pages,
	// "Cite as: 591 U. S. ____ (2020)", and the first page's
	// "(Slip Opinion) OCTOBER TERM, 2019".
	citeAsHeadRE = regexp.MustCompile(`^(Cite as: .*\(\d{4}\)|\(Slip Opinion\).*|(OCTOBER|Oct\.) TERM,? \d{4})$`)
	// opinionHeadRE is the running head naming the opinion a page belongs
	// to: "Opinion of the Court", "Syllabus", "Per Curiam", "THOMAS, J.,
	// dissenting", "Opinion of BREYER, J.", "ROBERTS, C. J., concurring in
	// judgment", "Statement of GINSBURG, J.", "Appendix to opinion of
	// ALITO, J.".
	opinionHeadRE = regexp.MustCompile(`^(Opinion of the Court|Syllabus|Per Curiam|Reporter’s Note|Appendix( [A-Z])?( to .*)?|` +
		`((Statement|Opinion|Appendix to (the )?opinion) of )?[A-Z][A-Z’'\- ]*[A-Z], (C\. ?)?J\.(,? [a-z][a-z ,]*)?)$`)
	// captionHeadRE is the short caption printed as the head of even pages:
	// "RITZEN GROUP, INC. v. JACKSON MASONRY, LLC".
	captionHeadRE = regexp.MustCompile(`^[^a-z]+ v\. [^a-z]+$`)
	// pageNumberRE is a page number standing alone: "3", "Page 3 of 10",
	// "- 3 -", "Pg. 3".
	pageNumberRE = regexp.MustCompile(`(?i)^(page|pg\.?)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(\s*of\s*\d{1,4})?$`)
	// pageNumberEdgeRE finds a page number printed on the same line as a
	// head, before or after it.
	pageNumberEdgeRE = regexp.MustCompile(`^\d{1,4}\s+|\s+\d{1,4}$`)
	// stampWordRE finds the words of the stamps courts' filing systems put
	// on every page: "Case: 20-1507 Document: 00117684624 Page: 5 Date
	// Filed: 12/22/2020 Entry ID: 6390389", "Appeal: 17-2218 Doc: 17
	// Filed: 10/31/2017 Pg: 1 of 1", "Case 17-3510, Document 1-1,
	// 10/31/2017, 2161300, Page1 of 2", "DktEntry: 19".
	stampWordRE = regexp.MustCompile(`(?i)\b(case|appeal|document|doc|dktentry|filed|page|pages|pg|entry id|id):?\s*[\d/-]`)
	digitsRE    = regexp.MustCompile(`\d+`)
)

// isStamp says whether a line is a filing stamp: it names at least three
// of the stamp's fields, each followed by its number or date.
func isStamp(s string) bool {
	// Each field is a word, then maybe a colon and spaces, then a digit,
	// slash or dash: a line with fewer than three such places (most lines
	// of an opinion) is spared the expression.
	fields := 0
	for i := 1; i < len(s) && fields < 3; i++ {
		if c := s[i]; isDigit(rune(c)) || c == '/' || c == '-' {
			j := i - 1
			for j > 0 && strings.IndexByte(" \t\n\f\r", s[j]) >= 0 { // \s
				j--
			}
			if j > 0 && s[j] == ':' {
				j--
			}
			if b := s[j] | 0x20; 'a' <= b && b <= 'z' {
				fields++
			}
		}
	}
	if fields < 3 {
		return false
	}
	return len(stampWordRE.FindAllStringIndex(s, 4)) >= 3
}

// headPrefixes start every form citeAsHeadRE and opinionHeadRE match but
// one, the "NAME, J." heads, which hold "J.": each line is checked for
// them before the expressions run, which costs a tenth as much.
var headPrefixes = []string{"Cite as: ", "(Slip Opinion)", "OCTOBER TERM", "Oct. TERM", "Opinion of the Court", "Syllabus",
	"Per Curiam", "Reporter’s Note", "Appendix"}

func mayBeHead(s string) bool {
	for _, p := range headPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return strings.Contains(s, "J.")
}

// withoutPageNumber drops a page number (one to four digits) printed
// before or after a head, from a line whose spaces are single: what
// pageNumberEdgeRE replaces, without an expression for every line.
func withoutPageNumber(s string) string {
	i := 0
	for i < len(s) && i < 5 && isDigit(rune(s[i])) {
		i++
	}
	if i >= 1 && i <= 4 && i < len(s) && s[i] == ' ' {
		s = s[i+1:]
	}
	j := len(s)
	for j > 0 && len(s)-j < 5 && isDigit(rune(s[j-1])) {
		j--
	}
	if n := len(s) - j; n >= 1 && n <= 4 && j > 0 && s[j-1] == ' ' {
		s = s[:j-1]
	}
	return s
}

// headForm says whether a line has the form of a running head, a stamp or
// a page number. Forms that only ever head a page (the Cite as: line, a
// stamp) are strong: they mark a page break in text that has lost its form
// feeds.
func headForm(s string) (form bool, strong bool) {
	if len(s) > 2*maxHead {
		return false, false
	}
	s = collapseSpace(s)
	if s == "" || len(s) > maxHead {
		return false, false
	}
	if isStamp(s) {
		return true, true
	}
	// A page number has a digit and is short (pageNumberRE: at most 4
	// digits twice, a word and dashes).
	if len(s) <= 40 && strings.ContainsAny(s, "0123456789") && pageNumberRE.MatchString(s) {
		return true, false
	}
	bare := withoutPageNumber(s)
	if !mayBeHead(bare) && bare == s {
		return false, false
	}
	switch {
	case citeAsHeadRE.MatchString(bare):
		return true, true
	case bare != s && captionHeadRE.MatchString(bare) && upperWords(bare):
		// "2 THOMPSON v. HEBDON": a caption with its page number.
		return true, true
	case opinionHeadRE.MatchString(bare):
		return true, false
	}
	return false, false
}

// collapseSpace returns s with its white space runs made single spaces
// and its ends trimmed. Every line of a text goes through headForm, so a
// line already in that form, the usual case, is returned without copying.
func collapseSpace(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c < ' ' || (c == ' ' && prevSpace)
		if c == 0xC2 || (c >= 0xE1 && c <= 0xE3) {
			// The lead bytes of the non-ASCII spaces (U+0085, U+00A0,
			// U+1680, U+2000–U+205F, U+3000), and of far commoner
			// characters ("§", curly quotes, dashes) that are no
			// reason to copy the line.
			r, _ := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = c == ' '
	}
	if prevSpace && s != "" {
		return strings.TrimRight(s, " ")
	}
	return s
}

// upperWords says whether every word of s that has letters is in capitals.
func upperWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if w == "v." {
			continue
		}
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// repeatKey is how a line is compared with the lines of other pages:
// numbers and spacing aside, case folded.
func repeatKey(s string) string {
	return strings.ToLower(digitsRE.ReplaceAllString(strings.Join(strings.Fields(s), " "), "#"))
}

// furniture marks the furniture lines of each page. pages hold each page's
// lines; blank lines are never furniture and are passed over.
func furniture(pages [][]string) [][]bool {
	out := make([][]bool, len(pages))
	// Which band lines recur, and on how many pages.
	seen := map[string]int{}
	for _, lines := range pages {
		keys := map[string]bool{}
		for _, i := range bandLines(lines) {
			keys[repeatKey(lines[i])] = true
		}
		for k := range keys {
			seen[k]++
		}
	}
	repeated := func(s string) bool {
		n := seen[repeatKey(s)]
		return n >= repeatPages && n*repeatShare >= len(pages)
	}
	for p, lines := range pages {
		out[p] = make([]bool, len(lines))
		is := func(i int) bool {
			form, _ := headForm(lines[i])
			return form || repeated(lines[i]) || (p > 0 && isCaptionHead(lines[i]))
		}
		n := 0
		for i := 0; i < len(lines) && n < topBand; i++ {
			if strings.TrimSpace(lines[i]) == "" {
				continue
			}
			n++
			if !is(i) {
				break
			}
			out[p][i] = true
		}
		n = 0
		for i := len(lines) - 1; i >= 0 && n < bottomBand; i-- {
			if strings.TrimSpace(lines[i]) == "" || out[p][i] {
				continue
			}
			n++
			form, _ := headForm(lines[i])
			if !form && !repeated(lines[i]) {
				break
			}
			out[p][i] = true
		}
	}
	return out
}

// isCaptionHead says whether a line is a short caption in capitals, the
// head of the even pages of a slip opinion when its page number is printed
// on a line of its own.
func isCaptionHead(s string) bool {
	s = strings.Join(strings.Fields(s), " ")
	return captionHeadRE.MatchString(s) && upperWords(s) && len(s) < 120
}

// bandLines returns the indices of the non-blank lines in a page's bands.
func bandLines(lines []string) []int {
	var idx []int
	n := 0
	for i := 0; i < len(lines) && n < topBand; i++ {
		if strings.TrimSpace(lines[i]) != "" {
			idx = append(idx, i)
			n++
		}
	}
	n = 0
	for i := len(lines) - 1; i >= 0 && n < bottomBand; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			idx = append(idx, i)
			n++
		}
	}
	return idx
}
