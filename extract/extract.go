package extract

import (
	"fmt"
	"slices"
	"strings"
)

// Extractor finds and resolves citations using one reporter table. It is
// safe for concurrent use: Extract keeps all its state on the stack of the
// call.
type Extractor struct {
	reporters    *Reporters
	maxCitations int
}

// Options configure an Extractor.
type Options struct {
	// Reporters is the reporter table; nil means the built-in one.
	Reporters *Reporters
	// MaxCitations bounds the citations of one text: ExtractLayout stops
	// with a *LimitError past it, so that a hostile text cannot make the
	// citations of one document outgrow memory. 0 means no bound.
	MaxCitations int
}

// New returns an extractor that reads reporters from r; nil means the
// built-in table.
func New(r *Reporters) *Extractor { return NewWithOptions(Options{Reporters: r}) }

// NewWithOptions returns an extractor configured by o.
func NewWithOptions(o Options) *Extractor {
	if o.Reporters == nil {
		o.Reporters = DefaultReporters()
	}
	return &Extractor{reporters: o.Reporters, maxCitations: o.MaxCitations}
}

var defaultExtractor = New(nil)

// Extract finds every citation in text with the built-in reporter table
// and resolves the short forms. See (*Extractor).Extract.
func Extract(text string) []Citation { return defaultExtractor.Extract(text) }

// Layout is what a reader knows of a text's structure beyond its
// characters.
type Layout struct {
	// Notes are the footnotes, ascending and disjoint. Each is read as a
	// run of its own: a citation in the running text continues across a
	// footnote printed in its midst (at the foot of a PDF page), and an
	// Id. refers to the authority before it in the same run — for an Id.
	// that opens a note, the authority of the running text before the
	// note's mark.
	Notes []Note
}

// Note is a footnote: the byte range [Start, End) of the text, and Mark,
// the offset of its mark in the running text (the superscript the note
// hangs on), or -1 when unknown.
type Note struct{ Start, End, Mark int }

// LimitError is returned when a text holds more citations than the
// extractor's MaxCitations.
type LimitError struct{ Max int }

func (e *LimitError) Error() string {
	return fmt.Sprintf("more than %d citations (--max-citations)", e.Max)
}

// Extract returns the citations in text in the order they appear, each
// short form resolved to the case (or statute) it refers to, or left with
// a Reason when it cannot be. Any input is accepted: malformed text yields
// fewer citations, never an error. The extractor's MaxCitations does not
// apply; see ExtractLayout.
func (e *Extractor) Extract(text string) []Citation {
	cs, _ := e.extract(text, Layout{}, 0)
	return cs
}

// ExtractLayout is Extract for a text whose structure is known. It fails
// only with a *LimitError, when the text holds more citations than the
// extractor's MaxCitations.
func (e *Extractor) ExtractLayout(text string, l Layout) ([]Citation, error) {
	return e.extract(text, l, e.maxCitations)
}

func (e *Extractor) extract(text string, l Layout, limit int) ([]Citation, error) {
	notes := validNotes(l.Notes, len(text))
	body := text
	if len(notes) > 0 {
		body = blankNotes(text, notes)
	}
	// Opinions carry about one citation per 500 bytes of text: sizing the
	// result up front spares most of the copying as it grows.
	s := scanner{src: body, tab: e.reporters, out: make([]Citation, 0, len(text)/500+8), limit: limit, yearFrom: -1}
	s.scan()
	for k, n := range notes {
		if s.over {
			break
		}
		ns := scanner{src: text[n.Start:n.End], tab: e.reporters, out: s.out, limit: limit, yearFrom: -1}
		from := len(ns.out)
		ns.scan()
		for i := from; i < len(ns.out); i++ {
			c := &ns.out[i]
			c.Start += n.Start
			c.End += n.Start
			c.run = int32(k + 1)
		}
		s.out, s.over = ns.out, ns.over
	}
	if s.over {
		return nil, &LimitError{Max: limit}
	}
	if len(notes) > 0 {
		slices.SortStableFunc(s.out, func(a, b Citation) int { return a.Start - b.Start })
	}
	marks := make([]int, len(notes)+1)
	for k, n := range notes {
		marks[k+1] = n.Mark
		if n.Mark >= n.Start {
			marks[k+1] = -1 // a mark must stand in the running text before its note
		}
	}
	resolve(s.out, marks)
	setLines(text, s.out)
	return s.out, nil
}

// validNotes returns the notes that lie within a text of n bytes, in
// ascending order without overlaps: a reader's mistake must not make the
// extractor read a byte twice or out of range.
func validNotes(notes []Note, n int) []Note {
	var out []Note
	last := 0
	for _, sp := range notes {
		if sp.Start < last || sp.End <= sp.Start || sp.End > n {
			continue
		}
		out = append(out, sp)
		last = sp.End
	}
	return out
}

// blankNotes returns text with every note replaced by spaces, line ends
// kept: the running text as if the notes were not printed in its midst,
// at the same offsets.
func blankNotes(text string, notes []Note) string {
	b := []byte(text)
	for _, n := range notes {
		for i := n.Start; i < n.End; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// Reporters returns the extractor's reporter table.
func (e *Extractor) Reporters() *Reporters { return e.reporters }

// setLines fills in 1-based line numbers in one pass over the text; the
// scanner emits citations in order of their start.
func setLines(text string, cs []Citation) {
	line, pos := 1, 0
	for i := range cs {
		line += strings.Count(text[pos:cs[i].Start], "\n")
		pos = cs[i].Start
		cs[i].Line = line
	}
}
