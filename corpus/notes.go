package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

// page is one page of a document as the layout rules (page furniture,
// footnotes) see it: its lines, and what a PDF tells of their type.
type page struct {
	lines []string
	// small and marked are known for PDF pages only (nil otherwise): a
	// line set in a smaller type than the body text, a line that starts
	// with a raised footnote mark.
	small, marked []bool
}

// pageLayout is what the rules found on a page: which lines are
// furniture, and the footnotes as ranges of lines [start, end).
type pageLayout struct {
	furniture []bool
	notes     [][2]int
}

// noteMarkRE matches the mark that begins a footnote: a number of up to
// three digits or a reference symbol, then the note's first word ("4
// Howard, 100 F.3d at 53", "*The court below").
var noteMarkRE = regexp.MustCompile(`^(\d{1,3}|\*{1,4}|[†‡]{1,2})(\s|[^\s\d.,:;)\-–—])`)

// analyzePages finds the furniture and footnotes of every page.
//
// Footnotes sit at the foot of a page. Slip opinions (and the text
// pdftotext makes of them) print a rule of dashes above them; the notes
// run from the rule to the end of the page. A PDF that draws its rule as a
// line rather than characters is read by type size: the notes are the
// lines at the foot set smaller than the body, the first opening with a
// raised mark. A note starts at its mark; lines before the first mark
// below a rule continue the last note of the page before.
func analyzePages(pages []page) []pageLayout {
	lines := make([][]string, len(pages))
	for i, p := range pages {
		lines[i] = p.lines
	}
	furn := furniture(lines)
	out := make([]pageLayout, len(pages))
	last := 0 // number of the last numbered note seen
	open := false
	for i, p := range pages {
		out[i].furniture = furn[i]
		start, end := noteRegion(p, furn[i], open)
		open = start >= 0
		if start < 0 {
			continue
		}
		indent := -1
		for j := start; j < end; j++ {
			if furn[i][j] || strings.TrimSpace(p.lines[j]) == "" {
				continue
			}
			ind := len(p.lines[j]) - len(strings.TrimLeft(p.lines[j], " \t"))
			if n, ok := noteStart(p, j, j == start, last, ind >= indent); ok || len(out[i].notes) == 0 {
				if ok && n > 0 {
					last = n
				}
				out[i].notes = append(out[i].notes, [2]int{j, j + 1})
			} else {
				out[i].notes[len(out[i].notes)-1][1] = j + 1
			}
			indent = ind
		}
	}
	return out
}

// noteRegion returns the lines [start, end) of a page's footnotes, or -1.
// open says the page before ended in footnotes, which may go on here.
func noteRegion(p page, furn []bool, open bool) (start, end int) {
	end = len(p.lines)
	for end > 0 && (furn[end-1] || strings.TrimSpace(p.lines[end-1]) == "") {
		end--
	}
	first := func(from int) int { // the first line of text at or after from
		for j := from; j < end; j++ {
			if !furn[j] && strings.TrimSpace(p.lines[j]) != "" {
				return j
			}
		}
		return -1
	}
	allSmall := func(from int) bool {
		if p.small == nil {
			return true
		}
		for j := from; j < end; j++ {
			if !furn[j] && !p.small[j] && strings.TrimSpace(p.lines[j]) != "" {
				return false
			}
		}
		return true
	}
	for r := 0; r < end; r++ {
		if furn[r] || !isRule(strings.TrimSpace(p.lines[r])) {
			continue
		}
		f := first(r + 1)
		if f < 0 || !allSmall(f) {
			continue
		}
		if open || noteMarkRE.MatchString(strings.TrimSpace(p.lines[f])) || (p.marked != nil && p.marked[f]) {
			return f, end
		}
	}
	if p.small == nil {
		return -1, 0
	}
	// No rule of characters: the small lines at the foot.
	start = -1
	for j := end - 1; j >= 0; j-- {
		if furn[j] || strings.TrimSpace(p.lines[j]) == "" {
			continue
		}
		if !p.small[j] {
			break
		}
		start = j
	}
	for start >= 0 && start < end && !p.marked[start] {
		start = first(start + 1)
	}
	if start < 0 || start >= end {
		return -1, 0
	}
	return start, end
}

// noteStart says whether line j of a page begins a footnote: it opens
// with a mark that is raised in a PDF, or, in text, that is the first of
// the notes below the rule, a symbol, or the number after the last note's
// (a note's first line is indented no less than the line before it).
// It returns the note's number, 0 for a symbol.
func noteStart(p page, j int, first bool, last int, indented bool) (int, bool) {
	m := noteMarkRE.FindStringSubmatch(strings.TrimSpace(p.lines[j]))
	if p.marked != nil && p.marked[j] {
		n, _ := strconv.Atoi(strings.TrimSpace(mOr(m)))
		return n, true
	}
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0, first || indented
	}
	return n, first || (n == last+1 && indented)
}

func mOr(m []string) string {
	if m == nil {
		return ""
	}
	return m[1]
}
