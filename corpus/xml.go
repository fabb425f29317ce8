package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// convertXML runs encoding/xml over data. Published legal XML is often not
// well-formed: CAP casebodies leave <page-number> open, Columbia files
// misnest <block_quote> and leave attributes unquoted. So the decoder runs
// in its lenient mode and hands raw tokens to the converter, which pairs
// end tags with starts as a browser would. What cannot be read is still
// reported: markup that is not XML, and a file cut off before its root
// element ends. The decoder never expands entities declared in a DTD (only
// the predefined ones and HTML's named characters; others stay as
// written), so an entity bomb stays a few bytes.
func convertXML(data []byte, c *converter) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var attrs []xml.Attr
	attr := func(k string) string {
		for _, a := range attrs {
			if a.Name.Local == k {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			if len(c.stack) > 0 {
				line, _ := d.InputPos()
				return fail(ProblemBadXML, d.InputOffset(), "line %d: truncated: the input ends inside <%s>", line, c.stack[0].name)
			}
			return nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return fail(ProblemBadXML, d.InputOffset(), "line %d: %v", line, unwrapSyntax(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs = t.Attr
			if !c.start(t.Name.Local, attr) {
				return fail(ProblemTooDeep, d.InputOffset(), "more than %d nested elements", c.maxDepth)
			}
		case xml.EndElement:
			c.end(t.Name.Local)
		case xml.CharData:
			c.text(t)
		}
	}
}

// unwrapSyntax drops encoding/xml's own "XML syntax error on line N"
// prefix, since the caller states the line.
func unwrapSyntax(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return errors.New(se.Msg)
	}
	return err
}

// readColumbia reads the Columbia/Lawbox XML CourtListener publishes for
// state courts. Its header elements state the case: <reporter_caption>
// (caption and first citation), <citation_line> (parallel citations),
// <court> and <date>.
func readColumbia(data []byte, maxDepth int) (*Document, error) {
	c := newConverter(maxDepth)
	parts := map[string]bool{}
	c.watch = func(name string, _ func(string) string) string {
		switch name {
		case "reporter_caption", "caption", "court", "date":
			return name
		case "citation":
			for _, f := range c.stack {
				if f.name == "reporter_caption" || f.name == "citation_line" {
					return "citation"
				}
			}
		case "opinion_text", "dissent_text", "concurrence_text":
			parts[name] = true
		}
		return ""
	}
	if err := convertXML(data, c); err != nil {
		return nil, err
	}
	text, pages := c.finish()
	d := &Document{Format: "columbia-xml", Text: text, Pages: pages, Notes: c.notes}
	m := Meta{Citations: uniq(c.captured["citation"]), Court: strings.TrimSuffix(c.first("court"), ",")}
	m.CaseName = columbiaName(c.first("reporter_caption"), m.Citations)
	if m.CaseName == "" {
		m.CaseName = cleanCaption(c.first("caption"))
	}
	m.Date = latestDate(strings.Join(c.captured["date"], " "))
	if m.Date == "" {
		m.Date = parseDate(c.first("date"))
	}
	if m.Date == "" {
		m.Date = yearOf(c.first("date"))
	}
	if m.Date == "" {
		// Undated files still give the year in the caption's closing
		// parenthetical: "..., 794 N.E.2d 583 (Ind.App. 2003)".
		caption := c.first("reporter_caption")
		if i := strings.LastIndexByte(caption, '('); i >= 0 {
			m.Date = yearOf(caption[i:])
		}
	}
	switch {
	case len(parts) > 1:
		m.Opinion = "combined"
	case parts["opinion_text"]:
		m.Opinion = "majority"
	case parts["dissent_text"]:
		m.Opinion = "dissent"
	case parts["concurrence_text"]:
		m.Opinion = "concurrence"
	}
	if m.HasIdentity() {
		m.Source = SourceFormat
	}
	d.Meta = m
	return d, nil
}

// columbiaName takes the case name from a reporter caption such as
// "HOLLAND v. COCA-COLA BOTTLING CO. OF ARKANSAS, 213 Ark. 683 (1948)":
// what comes before its first citation, or the whole caption when it has
// none.
func columbiaName(caption string, cites []string) string {
	cut := len(caption)
	for _, ct := range cites {
		if i := strings.Index(caption, ct); i >= 0 && i < cut {
			cut = i
		}
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(caption[:cut]), ","))
}

// readCasebody reads a Caselaw Access Project casebody, as XML (the
// casebody element of CAP's XML and of its JSON "data" field) or, when it
// is not XML, as HTML (CAP's html body format). The casebody states the
// parties, the decision date and the types of the opinions it holds.
func readCasebody(data []byte, maxDepth int) (*Document, error) {
	c := newConverter(maxDepth)
	var opinions []string
	c.watch = func(name string, attr func(string) string) string {
		switch name {
		case "parties", "decisiondate", "citation":
			return name
		case "opinion":
			opinions = append(opinions, attr("type"))
		case "section", "article":
			if cls := attr("class"); cls == "parties" || cls == "decisiondate" {
				return cls
			}
			if attr("class") == "opinion" {
				opinions = append(opinions, attr("data-type"))
			}
		case "p":
			if cls := attr("class"); cls == "parties" || cls == "decisiondate" {
				return cls
			}
		}
		return ""
	}
	format := "cap-xml"
	var err error
	if isXMLCasebody(data) {
		err = convertXML(data, c)
	} else {
		format = "cap-html"
		err = convertHTML(data, c)
	}
	if err != nil {
		return nil, err
	}
	text, pages := c.finish()
	m := Meta{
		CaseName: cleanCaption(c.first("parties")),
		Date:     parseDate(c.first("decisiondate")),
		Opinion:  opinionOfParts(opinions),
	}
	for _, ct := range c.captured["citation"] {
		if cite, _, ok := headerCitation(ct); ok {
			m.Citations = append(m.Citations, cite)
		}
	}
	if m.HasIdentity() {
		m.Source = SourceFormat
	}
	return &Document{Format: format, Text: text, Pages: pages, Notes: c.notes, Meta: m}, nil
}

func isXMLCasebody(data []byte) bool {
	head := bytes.TrimSpace(data[:min(len(data), 512)])
	return bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<casebody"))
}
