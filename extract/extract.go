package extract

import (
	"fmt"
	"iter"
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
// hangs on), or -1 when unknown. Continued marks the part of a note
// carried over from the page before, which has no mark of its own: it is
// read as one run with the part before it.
type Note struct {
	Start, End, Mark int
	Continued        bool
}

// LimitError is returned when a text holds more citations than the
// extractor's MaxCitations.
type LimitError struct{ Max int }

func (e *LimitError) Error() string {
	return fmt.Sprintf("more than %d citations (--max-citations)", e.Max)
}

// Extract returns the citations in text in the order they appear, each
// short form resolved to the case (or statute) it refers to, or left with
// a Reason when it cannot be. Any input is accepted: malformed text yields
// fewer citations, never an error (a text over 1 TiB, whose offsets a
// citation cannot hold, yields none). The extractor's MaxCitations does
// not apply; see ExtractLayout.
func (e *Extractor) Extract(text string) []Citation {
	st, _ := e.find(text, Layout{}, 0)
	return st.collect()
}

// ExtractLayout is Extract for a text whose structure is known. It fails
// only with a *LimitError, when the text holds more citations than the
// extractor's MaxCitations, or for a text over 1 TiB.
func (e *Extractor) ExtractLayout(text string, l Layout) ([]Citation, error) {
	st, err := e.find(text, l, e.maxCitations)
	return st.collect(), err
}

// Citations is ExtractLayout for a text with many citations: it holds
// them compactly, and makes each Citation only as it is read (see
// Citations.All). A citation takes 32 bytes besides the text (an Id.),
// 108 when it names a reporter or a case, 24 more for each parallel
// citation, where a Citation takes 376 and its strings; the strings held
// are spans of the text, not copies. The Citations keep text alive.
func (e *Extractor) Citations(text string, l Layout) (*Citations, error) {
	st, err := e.find(text, l, e.maxCitations)
	if err != nil {
		return nil, err
	}
	return &Citations{st: st}, nil
}

// Citations are the resolved citations of one text, as
// (*Extractor).Citations found them.
type Citations struct{ st *store }

// Len returns the number of citations.
func (cs *Citations) Len() int {
	if cs == nil {
		return 0
	}
	return cs.st.len()
}

// All yields the citations in text order, each with its index (what
// Antecedent refers to). The Citation is made for each step and reused by
// the next: copy it (*c) to keep it; its Parallel slice is its own.
func (cs *Citations) All() iter.Seq2[int, *Citation] {
	return func(yield func(int, *Citation) bool) {
		if cs == nil {
			return
		}
		var c Citation
		line, pos := 1, 0
		for i := range cs.st.len() {
			// Lines are counted as the citations come, in one pass over
			// the text: they are in order of their start.
			start := cs.st.rec(i).startOff()
			line += strings.Count(cs.st.text[pos:start], "\n")
			pos = start
			cs.st.fill(i, line, &c)
			if !yield(i, &c) {
				return
			}
		}
	}
}

// collect makes every citation of st; st may be nil.
func (st *store) collect() []Citation {
	if st == nil {
		return nil
	}
	out := make([]Citation, 0, st.len())
	for _, c := range (&Citations{st: st}).All() {
		out = append(out, *c)
	}
	return out
}

// find scans text and resolves its citations.
func (e *Extractor) find(text string, l Layout, limit int) (*store, error) {
	if len(text) > maxText {
		return nil, fmt.Errorf("a text of %d bytes: citations hold offsets up to %d", len(text), maxText)
	}
	notes := validNotes(l.Notes, len(text))
	body := text
	if len(notes) > 0 {
		body = blankNotes(text, notes)
	}
	st := &store{text: text, body: body, notes: notes}
	s := scanner{src: body, body: true, tab: e.reporters, out: st, limit: limit, yearFrom: -1}
	s.scan()
	for _, n := range notes {
		if s.over {
			break
		}
		ns := scanner{src: text[n.Start:n.End], base: n.Start, tab: e.reporters, out: st, limit: limit, yearFrom: -1}
		from := st.len()
		ns.scan()
		// The scanner gives offsets in what it read; a footnote's are
		// moved to the text's once it is read, as the scanner compares
		// them with the note's own.
		for i := from; i < st.len(); i++ {
			c := st.rec(i)
			c.setSpan(c.startOff()+n.Start, c.endOff()+n.Start)
			c.flags |= flagNote
		}
		s.over = ns.over
	}
	if s.over {
		return nil, &LimitError{Max: limit}
	}
	if len(notes) > 0 {
		st.sortByStart()
	}
	resolve(st, noteRuns(notes))
	return st, nil
}

// noteRuns numbers the runs of text the notes are read in — the running
// text is 0, a note its own run unless it continues the one before — and
// gives each run's mark (-1 when unknown; a mark must stand in the running
// text before its note).
func noteRuns(notes []Note) runs {
	r := runs{of: make([]int, len(notes)+1), marks: []int{-1}, starts: []int{0}}
	for k, n := range notes {
		if n.Continued && k > 0 {
			r.of[k+1] = r.of[k]
			continue
		}
		mark := n.Mark
		if mark >= n.Start {
			mark = -1
		}
		r.of[k+1] = len(r.marks)
		r.marks = append(r.marks, mark)
		r.starts = append(r.starts, n.Start)
	}
	return r
}

// runs says, for the notes of a text (note k is 1+k, the running text 0),
// in which run of text each is read, and for each run where its mark and
// its text start.
type runs struct {
	of            []int
	marks, starts []int
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
	// One copy, built in place: notes are in order and apart (validNotes).
	var b strings.Builder
	b.Grow(len(text))
	from := 0
	for _, n := range notes {
		b.WriteString(text[from:n.Start])
		// A line of spaces at a time: notes are a good part of an
		// opinion, and a byte at a time through the builder cost as much
		// as the rest of the copy.
		for note := text[n.Start:n.End]; note != ""; {
			line, rest, nl := strings.Cut(note, "\n")
			for ; len(line) > len(spaces); line = line[len(spaces):] {
				b.WriteString(spaces)
			}
			b.WriteString(spaces[:len(line)])
			if nl {
				b.WriteByte('\n')
			}
			note = rest
		}
		from = n.End
	}
	b.WriteString(text[from:])
	return b.String()
}

// spaces is what blankNotes writes a note's lines with.
var spaces = strings.Repeat(" ", 256)

// Reporters returns the extractor's reporter table.
func (e *Extractor) Reporters() *Reporters { return e.reporters }
