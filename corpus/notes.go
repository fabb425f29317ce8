package corpus

import (
	"regexp"
	"slices"
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
// furniture, and the footnotes.
type pageLayout struct {
	furniture []bool
	notes     []pageNote
}

// pageNote is a footnote on a page: its lines [start, end), and the mark
// it opens with ("6", "*"), "" when it opens without one (a note continued
// from the page before).
type pageNote struct {
	start, end int
	mark       string
}

// inNote says whether line j of the page is in one of its footnotes.
func (l pageLayout) inNote(j int) bool {
	for _, n := range l.notes {
		if j >= n.start && j < n.end {
			return true
		}
	}
	return false
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
		// Where a PDF raises the marks of a page's notes, a note starts only
		// at a raised mark: a line of a note may well open with a number
		// ("5 and 40 percent of undesignated water").
		raised := p.marked != nil && slices.Contains(p.marked[start:end], true)
		indent := -1
		for j := start; j < end; j++ {
			if furn[i][j] || strings.TrimSpace(p.lines[j]) == "" {
				continue
			}
			ind := len(p.lines[j]) - len(strings.TrimLeft(p.lines[j], " \t"))
			mark, n, ok := noteStart(p, j, j == start, last, ind >= indent, raised)
			if ok || len(out[i].notes) == 0 {
				if ok && n > 0 {
					last = n
				}
				out[i].notes = append(out[i].notes, pageNote{start: j, end: j + 1, mark: mark})
			} else {
				out[i].notes[len(out[i].notes)-1].end = j + 1
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
// with a mark that is raised in a PDF, or, in text and in a PDF page
// that raises no note's mark (raised false), that is the first of the
// notes below the rule, a symbol, or the number after the last note's (a
// note's first line is indented no less than the line before it). It
// returns the mark as printed ("" when the line begins no note) and the
// note's number, 0 for a symbol.
func noteStart(p page, j int, first bool, last int, indented, raised bool) (mark string, n int, ok bool) {
	line := strings.TrimSpace(p.lines[j])
	if p.marked != nil && p.marked[j] {
		// A raised mark is set apart from the words after it.
		mark, _, _ = strings.Cut(line, " ")
		n, _ = strconv.Atoi(mark)
		return mark, n, true
	}
	m := noteMarkRE.FindStringSubmatch(line)
	if raised || m == nil {
		return "", 0, false
	}
	n, err := strconv.Atoi(m[1])
	switch {
	case err != nil && (first || indented):
		return m[1], 0, true
	case err == nil && (first || n == last+1 && indented):
		return m[1], n, true
	}
	return "", 0, false
}
