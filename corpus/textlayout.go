package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// layOutText applies the page layout rules to a document whose text is
// final (plain text, the text of HTML): page furniture and the document's
// own citation lines at its head become spaces of the same length (line
// breaks kept), so offsets and line numbers stay true; footnotes become
// Notes and the opinions of a slip opinion Parts. formFeeds says the
// document's page marks are the pages of a printed document (text from
// pdftotext), rather than the star pages of a reporter; without them,
// pages are found at the heads that only ever start a page.
//
// It returns what reads who the text says the document is, from the text
// before the heads were blanked (a zero Meta when the text says nothing):
// a reader that knows it from elsewhere (the HTML header) need not read
// it again.
func layOutText(d *Document, formFeeds bool) (identity func() Meta) {
	orig := d.Text
	blankOwnCitations(d)
	type line struct{ start, end int }
	var lines []line
	for off := 0; off <= len(d.Text); {
		n := strings.IndexByte(d.Text[off:], '\n')
		if n < 0 {
			n = len(d.Text) - off
		}
		lines = append(lines, line{off, off + n})
		off += n + 1
	}
	// Page breaks, as indices of the lines that start a page.
	var breaks []int
	if formFeeds {
		i := 0
		for _, p := range d.Pages {
			for i < len(lines) && lines[i].start < p.Offset {
				i++
			}
			if i < len(lines) && (len(breaks) == 0 || breaks[len(breaks)-1] != i) {
				breaks = append(breaks, i)
			}
		}
	} else {
		for i, l := range lines {
			if _, strong := headForm(d.Text[l.start:l.end]); strong {
				breaks = append(breaks, i)
			}
		}
	}
	if len(breaks) == 0 || breaks[0] != 0 {
		breaks = append([]int{0}, breaks...)
	}
	if len(breaks) < 2 && !formFeeds {
		return func() Meta { return textIdentity(orig, nil) }
	}
	pages := make([]page, len(breaks))
	for p, from := range breaks {
		to := len(lines)
		if p+1 < len(breaks) {
			to = breaks[p+1]
		}
		for _, l := range lines[from:to] {
			pages[p].lines = append(pages[p].lines, d.Text[l.start:l.end])
		}
	}
	layout := analyzePages(pages)
	var heads []string
	blank := []byte(d.Text)
	for p, from := range breaks {
		for j, isHead := range layout[p].furniture {
			if !isHead {
				continue
			}
			l := lines[from+j]
			heads = append(heads, d.Text[l.start:l.end])
			for k := l.start; k < l.end; k++ {
				blank[k] = ' '
			}
		}
		var marks []noteMark
		for j, l := range pages[p].lines {
			if len(layout[p].notes) > 0 && !layout[p].furniture[j] && !layout[p].inNote(j) {
				marks = appendGluedMarks(marks, l, lines[from+j].start)
			}
		}
		at := placeMarks(layout[p].notes, marks)
		for k, n := range layout[p].notes {
			first, last := lines[from+n.start], lines[from+n.end-1]
			start := first.start + len(d.Text[first.start:first.end]) - len(strings.TrimLeft(d.Text[first.start:first.end], " \t"))
			end := last.start + len(strings.TrimRight(d.Text[last.start:last.end], " \t\r"))
			d.Notes = append(d.Notes, Note{Span: Span{Start: start, End: end}, Mark: at[k], Continued: n.mark == ""})
		}
	}
	slices.SortFunc(d.Notes, func(a, b Note) int { return cmp.Compare(a.Start, b.Start) })
	kept := d.Notes[:0]
	for _, n := range d.Notes {
		if len(kept) == 0 || n.Start >= kept[len(kept)-1].End {
			kept = append(kept, n)
		}
	}
	d.Notes = kept
	d.Text = string(blank)
	d.Parts = opinionParts(d.Text, syllabusHeads(heads))
	return func() Meta { return textIdentity(orig, heads) }
}

// blankOwnCitations blanks the lines at the head of a text that give the
// document's own citations ("424 U.S. 409 (1976)", CourtListener's header):
// they name the document and are no citation of it.
func blankOwnCitations(d *Document) {
	var heads [][2]int
	off := 0
	for n := 0; n < 8 && off < len(d.Text); n++ {
		end := strings.IndexByte(d.Text[off:], '\n')
		if end < 0 {
			end = len(d.Text) - off
		}
		line := d.Text[off : off+end]
		if strings.TrimSpace(line) != "" {
			if _, _, ok := headerCitation(line); !ok {
				break
			}
			heads = append(heads, [2]int{off, off + end})
		}
		off += end + 1
	}
	if len(heads) == 0 {
		return
	}
	// One copy of the text however many lines are blanked.
	var b strings.Builder
	b.Grow(len(d.Text))
	from := 0
	for _, h := range heads {
		b.WriteString(d.Text[from:h[0]])
		b.WriteString(strings.Repeat(" ", h[1]-h[0]))
		from = h[1]
	}
	b.WriteString(d.Text[from:])
	d.Text = b.String()
}
