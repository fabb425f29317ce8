package extract

import "strings"

// Extractor finds and resolves citations using one reporter table. It is
// safe for concurrent use: Extract keeps all its state on the stack of the
// call.
type Extractor struct {
	reporters *Reporters
}

// New returns an extractor that reads reporters from r; nil means the
// built-in table.
func New(r *Reporters) *Extractor {
	if r == nil {
		r = DefaultReporters()
	}
	return &Extractor{reporters: r}
}

var defaultExtractor = New(nil)

// Extract finds every citation in text with the built-in reporter table
// and resolves the short forms. See (*Extractor).Extract.
func Extract(text string) []Citation { return defaultExtractor.Extract(text) }

// Extract returns the citations in text in the order they appear, each
// short form resolved to the case (or statute) it refers to, or left with
// a Reason when it cannot be. Any input is accepted: malformed text yields
// fewer citations, never an error.
func (e *Extractor) Extract(text string) []Citation {
	// Opinions carry about one citation per 500 bytes of text: sizing the
	// result up front spares most of the copying as it grows.
	s := scanner{src: text, tab: e.reporters, out: make([]Citation, 0, len(text)/500+8)}
	s.scan()
	resolve(s.out)
	setLines(text, s.out)
	return s.out
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
