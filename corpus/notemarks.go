package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How each reader finds the mark a footnote hangs on (see Note): in
// markup by the links and labels of the elements, in a PDF by the raised
// type of the marks on the note's page, in text by where a number stands.

// noteMark is a footnote's mark in the running text: its offset in Text
// and the mark as printed ("6", "*").
type noteMark struct {
	off   int
	label string
}

// placeMarks returns, for each note of a page, the offset of the mark in
// the page's running text that it hangs on, or -1. A note hangs on the one
// mark of the page that reads as the note opens ("6", "*"); it stays at -1
// when it opens with no mark (it is continued from the page before), when
// no mark or more than one reads the same, or when its mark would come
// before the mark of a note above it, for notes are printed in the order
// of their marks. A wrong mark would resolve an Id. to the wrong case, so
// any doubt leaves the note unplaced.
func placeMarks(notes []pageNote, marks []noteMark) []int {
	out := make([]int, len(notes))
	last := -1
	for k, n := range notes {
		out[k] = -1
		if n.mark == "" {
			continue
		}
		off := -1
		for _, m := range marks {
			if m.label != n.mark {
				continue
			}
			if off >= 0 {
				off = -1
				break
			}
			off = m.off
		}
		if off > last {
			out[k], last = off, off
		}
	}
	return out
}

// appendGluedMarks appends the footnote marks of a line of text that
// starts at offset off. Text loses the raised type of a mark, so a mark
// can only be told from a number by where it stands: pdftotext writes it
// glued to the end of the word or the punctuation it follows, with a space
// or the line's end after it ("tion.1 The", "Monell1 in favor", "Record
// 684.9 But", "2020*"). A number glued to a capital or inside a number is
// something else ("CA5", "EX583", "F.2d", "§1983", "1,000", "Rule 3.8
// and"): after a number and a period, only a number that ends the line or
// comes before a capital is taken. A number with a space before it
// ("tion. 1 The") cannot be told from the numbers of the text at all. A
// mark found here places a note only when it reads as the note opens and
// is the only one on the page that does (see placeMarks).
func appendGluedMarks(marks []noteMark, line string, off int) []noteMark {
	for i := 1; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !isMarkRune(r) {
			i += n
			continue
		}
		j, runes := i+n, 1
		for j < len(line) {
			r2, n2 := utf8.DecodeRuneInString(line[j:])
			if !isMarkRune(r2) || isDigit(r2) != isDigit(r) {
				break
			}
			j += n2
			runes++
		}
		if runes <= 3 && gluedMark(line[:i], line[j:], isDigit(r)) {
			marks = append(marks, noteMark{off: off + i, label: line[i:j]})
		}
		i = j
	}
	return marks
}

// isMarkRune says whether r can be part of a footnote mark.
func isMarkRune(r rune) bool { return isDigit(r) || r == '*' || r == '†' || r == '‡' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// gluedMark says whether a run of mark characters between head and tail,
// the text of its line before and after it, stands as a footnote mark
// (see appendGluedMarks); digits says the run is a number, not reference
// symbols, which no word or number holds ("Decided June 29, 2020*").
func gluedMark(head, tail string, digits bool) bool {
	if tail != "" && tail[0] != ' ' && tail[0] != '\t' {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(head)
	if unicode.IsLower(r) || !digits && !unicode.IsSpace(r) {
		return true
	}
	if !strings.ContainsRune(".,;:)]”’\"'", r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(head[:len(head)-n])
	if !isDigit(prev) {
		return true
	}
	if r != '.' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(tail, " \t"))
	return tail == "" || unicode.IsUpper(next)
}

// markupMark is a footnote mark of the running text of a markup document:
// its offset in Text, what it reads (its label, see noteLabel) and the id
// of the note it links to ("fn5" from CourtListener's href="#fn5"; "" when
// it does not link).
type markupMark struct {
	off           int
	label, target string
}

// newMarkupMark makes the mark whose element's text, written at offset
// from of Text, is text, and whose href is href.
func newMarkupMark(text string, from int, href string) markupMark {
	lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	_, target, _ := strings.Cut(href, "#")
	return markupMark{off: from + lead, label: noteLabel(text), target: target}
}

// noteRef is what a footnote of a markup document is known by: its id
// attribute (CourtListener's id="fn5"), and the label it opens with.
type noteRef struct{ id, label string }

// newNoteRef makes the reference of the note whose text is text: every
// format writes the note's number first, as its own word (CAP's label
// attribute, CourtListener's link back to the mark, Columbia's
// <footnote_number>).
func newNoteRef(text, id string) noteRef {
	word := strings.TrimLeftFunc(text, unicode.IsSpace)
	if end := strings.IndexFunc(word, unicode.IsSpace); end >= 0 {
		word = word[:end]
	}
	return noteRef{id: id, label: noteLabel(word)}
}

// noteLabel reduces a mark as printed to what a note and its mark share:
// Columbia's "[fn5]" and "[fn*]" are "5" and "*" (also when the note's
// first word runs on: "[fn*]The"), "5." is "5".
func noteLabel(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		if end := strings.IndexByte(s, ']'); end > 0 {
			s = s[1:end]
		}
	}
	s = strings.TrimPrefix(s, "fn")
	return strings.TrimSuffix(s, ".")
}

// placeMarkupNotes sets the Mark of each note to the offset of the mark
// it hangs on, leaving -1 where that is not sure. Notes and marks are
// paired by the id a mark links to (CourtListener's <a href="#fn5"> and
// <div id="fn5">), then those left by label: the k-th note of an id or a
// label hangs on the k-th mark of the same, in order. Ids and labels
// recur (CourtListener's combined records repeat "fn1" for each opinion;
// Harvard and CAP number notes anew on each page; Columbia's labels are
// unique). Where the notes and marks of an id or a label are not as many,
// one of them is missing from the markup (an "orphan" note, a mark the
// source left as text) and no pairing of them can be trusted: a wrong mark
// would resolve an Id. in the note to the wrong case. A mark must come
// before its note.
func placeMarkupNotes(notes []Note, refs []noteRef, marks []markupMark) {
	type group struct{ marks, notes []int }
	groups := map[string]*group{}
	add := func(key string, mark, note int) {
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		if mark >= 0 {
			g.marks = append(g.marks, mark)
		} else {
			g.notes = append(g.notes, note)
		}
	}
	ids := map[string]bool{}
	for _, r := range refs {
		ids[r.id] = r.id != ""
	}
	targets := map[string]bool{}
	for _, m := range marks {
		targets[m.target] = ids[m.target]
	}
	for _, m := range marks {
		if targets[m.target] {
			add("#"+m.target, m.off, -1)
		} else {
			add(m.label, m.off, -1)
		}
	}
	for k, r := range refs {
		switch {
		case targets[r.id]:
			add("#"+r.id, -1, k)
		case r.label != "":
			add(r.label, -1, k)
		}
	}
	for _, g := range groups {
		if len(g.marks) != len(g.notes) {
			continue
		}
		for i, k := range g.notes {
			if g.marks[i] < notes[k].Start {
				notes[k].Mark = g.marks[i]
			}
		}
	}
}
