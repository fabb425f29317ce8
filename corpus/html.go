package corpus

import (
	"bytes"
	"errors"
	stdhtml "html"
	"io"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// convertHTML runs the HTML lexer over data. The lexer streams (no tree
// is built), so neither memory nor stack grows with nesting beyond the
// converter's own bounded stack. It lexes data in place, lowering the case
// of tag and attribute names there.
func convertHTML(data []byte, c *converter) error {
	in := parse.NewInputBytes(data)
	l := html.NewLexer(in)
	var e *element
	inTag := false
	// The attributes of the tag being read, as slices of data: most tags
	// are never asked for one.
	var attrs [][2][]byte
	attr := func(k string) string {
		for _, a := range attrs {
			if string(a[0]) == k {
				return attrValue(a[1])
			}
		}
		return ""
	}
	for {
		if !inTag {
			skipToTag(in)
		}
		tt, _ := l.Next()
		inTag = tt == html.StartTagToken || tt == html.AttributeToken
		switch tt {
		case html.ErrorToken:
			if errors.Is(l.Err(), io.EOF) {
				return nil
			}
			return fail(ProblemUnreadable, -1, "%v", l.Err())
		case html.TextToken:
			c.text(unescape(l.Text()))
		case html.StartTagToken:
			e = elementOf(l.Text())
			attrs = attrs[:0]
		case html.AttributeToken:
			attrs = append(attrs, [2][]byte{l.AttrKey(), l.AttrVal()})
		case html.StartTagCloseToken, html.StartTagVoidToken:
			if !c.startElement(e, attr) {
				return fail(ProblemTooDeep, -1, "more than %d nested elements", c.maxDepth)
			}
			if tt == html.StartTagVoidToken {
				c.end(e.name)
			}
		case html.EndTagToken:
			c.end(elementOf(l.Text()).name)
		}
	}
}

// skipToTag moves in to the next '<', or to its end. Outside a tag the
// lexer reads text (or the raw text of a <script>) a byte at a time and
// stops only at a '<'; IndexByte gets there several times faster, and the
// lexer returns the same tokens.
func skipToTag(in *parse.Input) {
	rest := in.Bytes()[in.Offset():]
	if n := bytes.IndexByte(rest, '<'); n >= 0 {
		in.Move(n)
	} else {
		in.Move(len(rest))
	}
}

// unescape decodes character references in text, as the HTML standard
// does outside attributes.
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	return []byte(stdhtml.UnescapeString(string(b)))
}

// attrValue is an attribute's value without its quotes, references
// decoded.
func attrValue(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return string(unescape(v))
}

// readHTML reads CourtListener opinion markup: html_with_citations, html,
// html_lawbox, and the Harvard (CAP) XML markup CourtListener serves in the
// same fields. Identity comes from the CourtListener header (a centred
// citation line and an <h1> caption) or the Lawbox header (p.case_cite,
// p.parties, p.date); both state the case in the markup itself.
func readHTML(data []byte, maxDepth int) (*Document, error) {
	c := newConverter(maxDepth)
	// The text is most of the markup: one allocation instead of a
	// dozen copies while it grows.
	c.b.Grow(len(data))
	var opinions []string
	lawbox := false
	c.watch = func(name string, attr func(string) string) string {
		switch name {
		case "h1":
			return "h1"
		case "center":
			return "center"
		case "opinion":
			opinions = append(opinions, attr("type"))
		case "p":
			switch cls := attr("class"); cls {
			case "case_cite", "parties", "date", "court":
				lawbox = true
				return "lb-" + cls
			}
		}
		return ""
	}
	if err := convertHTML(data, c); err != nil {
		return nil, err
	}
	text, pages := c.finish()
	d := &Document{Format: "courtlistener-html", Text: text, Pages: pages, Notes: c.notes}
	if lawbox {
		d.Format = "lawbox-html"
		d.Meta = lawboxIdentity(c)
	} else {
		d.Meta = courtListenerIdentity(c)
	}
	if len(opinions) > 0 {
		d.Format = "harvard-html"
		d.Meta.Opinion = opinionOfParts(opinions)
	}
	// Slip opinions come as the text pdftotext made of them (in <pre>),
	// running heads and all.
	if identity := layOutText(d, false); !d.Meta.HasIdentity() {
		if m := identity(); m.HasIdentity() {
			m.Opinion = d.Meta.Opinion
			d.Meta = m
		}
	}
	return d, nil
}

// courtListenerIdentity reads CourtListener's header: one or more centred
// citation lines ("259 U.S. 255 (1922)"), the caption in <h1>, the court
// and "Decided May 29, 1922." lines. The header is part of the opinion
// text, so the identity counts as found in the text.
func courtListenerIdentity(c *converter) Meta {
	var m Meta
	caption := c.first("h1")
	year := ""
	for _, line := range c.captured["center"] {
		if line == caption {
			break
		}
		cite, y, ok := headerCitation(line)
		if !ok {
			break
		}
		m.Citations = append(m.Citations, cite)
		if y != "" {
			year = y
		}
	}
	if len(m.Citations) == 0 {
		return m
	}
	m.CaseName = cleanCaption(caption)
	for _, line := range c.captured["center"] {
		switch {
		case m.Court == "" && strings.Contains(strings.ToLower(line), "court"):
			m.Court = strings.TrimSuffix(line, ".")
		case strings.HasPrefix(line, "Decided"):
			if d := parseDate(line); d != "" {
				m.Date = d
			}
		}
	}
	if m.Date == "" || (year != "" && !strings.HasPrefix(m.Date, year)) {
		m.Date = year
	}
	m.Source = SourceText
	return m
}

// lawboxIdentity reads the Lawbox header CourtListener keeps in
// html_lawbox: every parallel citation in its own p.case_cite.
func lawboxIdentity(c *converter) Meta {
	m := Meta{Citations: c.captured["lb-case_cite"], CaseName: cleanCaption(c.first("lb-parties"))}
	for _, line := range c.captured["lb-date"] {
		if d := parseDate(line); d != "" && (m.Date == "" || strings.Contains(line, "Decided")) {
			m.Date = d
		}
	}
	m.Court = strings.TrimSuffix(c.first("lb-court"), ".")
	if m.CaseName != "" || len(m.Citations) > 0 {
		m.Source = SourceFormat
	}
	return m
}
