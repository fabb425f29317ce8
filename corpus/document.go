package corpus

import "sort"

// Document is one opinion ready for extraction: its plain text and who it
// is.
type Document struct {
	// ID is stable across runs: the source's own id when it has one,
	// otherwise the path as given (for standard input, "-").
	ID string
	// Path is the file the document came from (for a multi-document file,
	// that file).
	Path string
	// Format names the reader that produced the document, e.g. "text",
	// "courtlistener-html", "cap-json", "columbia-xml", "pdf".
	Format string
	// Text is the opinion's plain text; citation offsets point into it.
	Text string
	// Pages marks where each page of the opinion's own report starts in
	// Text (star pagination "*256" in CourtListener HTML, <page-number> in
	// CAP, PDF pages), in ascending Offset order.
	Pages []PageMark
	// Notes are the document's footnotes as byte spans of Text, ascending
	// and disjoint, wherever the reader found them (at the foot of a PDF
	// page, after the opinion in CourtListener HTML). The extractor reads
	// each note as its own run of text: a citation never runs into or out
	// of one, and an Id. in a note refers to what precedes it there.
	Notes []Note
	// Parts are the opinions within a document that holds several (a slip
	// opinion: syllabus, opinion of the Court, concurrences, dissents), as
	// ascending, disjoint spans of Text; empty when the document is one
	// opinion or the reader cannot tell.
	Parts []Part
	// Meta is what is known of the document's identity.
	Meta Meta
}

// Span is the byte range [Start, End) of a document's Text.
type Span struct{ Start, End int }

// Note is a footnote: its span of Text, and Mark, the offset in Text of
// its mark in the running text (the superscript number the note hangs
// on), or -1 when the reader cannot tell where that is. Mark, when set,
// is before Start. Readers set it only when sure, since the extractor
// resolves an Id. that opens the note to what the running text cites
// before the mark:
//   - markup: the mark that links to the note's id (CourtListener), else
//     the mark of the same label in order (<footnotemark>4</footnotemark>
//     and <footnote label="4">, Columbia's [fn4]), when the notes and
//     marks of that id or label are as many;
//   - PDF: the one raised mark of the note's page that reads as the note
//     opens;
//   - text (pdftotext output, a slip opinion's HTML): the one number of
//     the note's page glued to the word before it ("tion.4 The") that
//     reads as the note opens.
//
// A note continued from the page before has no mark of its own: -1.
type Note struct {
	Span
	Mark int
	// Continued marks the part of a note carried over from the page
	// before (at the top of a PDF page's notes, with no mark of its own).
	Continued bool
}

// Part is one opinion of a document that holds several.
type Part struct {
	Span
	// Opinion uses the vocabulary of Meta.Opinion ("majority",
	// "concurrence", "dissent", "plurality", "concurrence-in-part", ...),
	// plus "syllabus" for the reporter's summary that precedes a slip
	// opinion.
	Opinion string
	// Author is the judge who wrote it as the heading names them
	// ("Thomas"), empty for a per curiam opinion and the syllabus.
	Author string
}

// PageMark says that the page named Page starts at byte Offset of Text.
type PageMark struct {
	Offset int
	Page   string
}

// Meta is a document's identity. Fields are empty when unknown.
type Meta struct {
	CaseName string
	// Citations are the opinion's own citations as written by the source
	// ("555 U.S. 335", "129 S. Ct. 855"); the graph normalises them.
	Citations []string
	Court     string
	// Docket is the court's docket number as printed ("19–122", "20-1507");
	// empty when unknown.
	Docket string
	// Date is ISO 8601, as precise as the source: "2009-01-26", "1922-05",
	// "1976".
	Date string
	// Opinion is which opinion of the case the document holds: "majority",
	// "concurrence", "dissent", "combined", ... or empty.
	Opinion string
	// Author is the judge who wrote the opinion, as the source names it
	// (CourtListener's author_str); empty when unknown or when the
	// document holds several opinions (see Document.Parts).
	Author string
	// Source says where the identity came from: "format", "manifest" or
	// "text"; empty when there is none.
	Source string
}

// Year returns the year of Date, or 0.
func (m Meta) Year() int {
	if len(m.Date) < 4 {
		return 0
	}
	y := 0
	for _, c := range m.Date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// PartAt returns the part of the document holding byte offset off, and
// false when no part does (a document of one opinion has none).
func (d *Document) PartAt(off int) (Part, bool) {
	i := sort.Search(len(d.Parts), func(i int) bool { return d.Parts[i].End > off })
	if i == len(d.Parts) || d.Parts[i].Start > off {
		return Part{}, false
	}
	return d.Parts[i], true
}

// PageAt returns the page of the opinion on which byte offset off of Text
// lies, or "" when the document has no page marks before it.
func (d *Document) PageAt(off int) string {
	i := sort.Search(len(d.Pages), func(i int) bool { return d.Pages[i].Offset > off })
	if i == 0 {
		return ""
	}
	return d.Pages[i-1].Page
}

// DropSyllabus blanks the syllabus of a slip opinion (the Part whose
// Opinion is "syllabus"): its characters become spaces, line breaks kept,
// so no citation is found in it and offsets and line numbers stay true.
// The part and its footnotes are removed.
func (d *Document) DropSyllabus() {
	parts := d.Parts[:0]
	for _, p := range d.Parts {
		if p.Opinion != "syllabus" {
			parts = append(parts, p)
			continue
		}
		b := []byte(d.Text)
		for i := p.Start; i < p.End; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
		d.Text = string(b)
		notes := d.Notes[:0]
		for _, n := range d.Notes {
			if n.End <= p.Start || n.Start >= p.End {
				notes = append(notes, n)
			}
		}
		d.Notes = notes
	}
	d.Parts = parts
}
