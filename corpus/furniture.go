package corpus

import (
	"regexp"
	"strings"
	"unicode"
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
	stampWordRE = regexp.MustCompile(`(?i)\b(case|appeal|document|doc|dktentry|filed|page|pages|pg|entry id|id)\b:?\s*[\d/-]`)
	digitsRE    = regexp.MustCompile(`\d+`)
)

// isStamp says whether a line is a filing stamp: it names at least three
// of the stamp's fields, each followed by its number or date.
func isStamp(s string) bool {
	return len(stampWordRE.FindAllStringIndex(s, 4)) >= 3
}

// headForm says whether a line has the form of a running head, a stamp or
// a page number. Forms that only ever head a page (the Cite as: line, a
// stamp) are strong: they mark a page break in text that has lost its form
// feeds.
func headForm(s string) (form bool, strong bool) {
	if len(s) > 2*maxHead {
		return false, false
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > maxHead {
		return false, false
	}
	if isStamp(s) {
		return true, true
	}
	if pageNumberRE.MatchString(s) {
		return true, false
	}
	bare := pageNumberEdgeRE.ReplaceAllString(s, "")
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
