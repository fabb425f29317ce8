package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// jsonRecord is the union of the JSON objects citegraph reads: its own
// document records, Caselaw Access Project cases, and CourtListener
// opinion and cluster objects. Fields whose type differs between sources
// stay raw.
type jsonRecord struct {
	ID json.RawMessage `json:"id"`

	// citegraph's document records (see README-inputs.md).
	Text      string          `json:"text"`
	CaseName  string          `json:"case_name"`
	Citations json.RawMessage `json:"citations"`
	Court     json.RawMessage `json:"court"`
	Date      string          `json:"date"`
	Opinion   string          `json:"opinion"`

	// Caselaw Access Project.
	Name             string `json:"name"`
	NameAbbreviation string `json:"name_abbreviation"`
	DecisionDate     string `json:"decision_date"`
	Casebody         *struct {
		Data json.RawMessage `json:"data"`
	} `json:"casebody"`

	// CourtListener opinions and clusters.
	Type              string          `json:"type"`
	HTMLWithCitations string          `json:"html_with_citations"`
	HTMLColumbia      string          `json:"html_columbia"`
	HTMLLawbox        string          `json:"html_lawbox"`
	XMLHarvard        string          `json:"xml_harvard"`
	HTML              string          `json:"html"`
	PlainText         string          `json:"plain_text"`
	Cluster           json.RawMessage `json:"cluster"`
	DateFiled         string          `json:"date_filed"`
	CourtID           string          `json:"court_id"`

	// CourtListener API list responses.
	Results []json.RawMessage `json:"results"`
}

func (r *jsonRecord) isDocument() bool {
	return r.Text != "" || r.Casebody != nil || r.HTMLWithCitations != "" || r.HTMLColumbia != "" ||
		r.HTMLLawbox != "" || r.XMLHarvard != "" || r.HTML != "" || r.PlainText != ""
}

// readJSONValue reads one JSON value holding documents: a record, an array
// of records, or an API page with "results".
func readJSONValue(data []byte, maxDepth int) ([]*Document, error) {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, jsonError(data, err)
		}
		if len(items) > 0 && isCitationJSON(items[0]) {
			return nil, CitationTableError("")
		}
		return readJSONItems(items, maxDepth)
	}
	if isCitationJSON(data) {
		return nil, CitationTableError("")
	}
	var rec jsonRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, jsonError(data, err)
	}
	if !rec.isDocument() && len(rec.Results) > 0 {
		return readJSONItems(rec.Results, maxDepth)
	}
	d, err := rec.document(maxDepth)
	if err != nil {
		return nil, err
	}
	return []*Document{d}, nil
}

func readJSONItems(items []json.RawMessage, maxDepth int) ([]*Document, error) {
	docs := make([]*Document, 0, len(items))
	for i, it := range items {
		var rec jsonRecord
		if err := json.Unmarshal(it, &rec); err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, jsonError(it, err))
		}
		d, err := rec.document(maxDepth)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// jsonError says where JSON broke; truncated input gets its own wording
// since it is the common case of a cut-off download.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case strings.Contains(err.Error(), "unexpected end of JSON input"):
		return fail(ProblemBadJSON, int64(len(data)), "truncated: the input ends inside a value")
	case errors.As(err, &se):
		return fail(ProblemBadJSON, se.Offset, "%v", err)
	}
	return fail(ProblemBadJSON, -1, "%v", err)
}

// document turns a record into a Document, reading whatever markup it
// carries with the matching reader. Identity from the record's own fields
// is format metadata and outranks what the markup says.
func (r *jsonRecord) document(maxDepth int) (*Document, error) {
	if !r.isDocument() {
		return nil, fail(ProblemNotDocument, -1, "a JSON object with no opinion text (text, casebody, html..., plain_text)")
	}
	var d *Document
	var err error
	idPrefix := ""
	switch {
	case r.Casebody != nil:
		d, err = readCAPBody(r.Casebody.Data, maxDepth)
		idPrefix = "cap:"
	case r.HTMLWithCitations != "":
		d, err = readHTML([]byte(r.HTMLWithCitations), maxDepth)
	case r.HTMLColumbia != "":
		d, err = readHTML([]byte(r.HTMLColumbia), maxDepth)
	case r.HTMLLawbox != "":
		d, err = readHTML([]byte(r.HTMLLawbox), maxDepth)
	case r.XMLHarvard != "":
		d, err = readHTML([]byte(r.XMLHarvard), maxDepth)
	case r.HTML != "":
		d, err = readHTML([]byte(r.HTML), maxDepth)
	case r.PlainText != "":
		d = readText(r.PlainText)
	default:
		d = readText(r.Text)
		d.Format = "json"
	}
	if err != nil {
		return nil, err
	}
	switch {
	case r.Casebody != nil:
		d.Format = "cap-json"
	case r.Text == "":
		d.Format = "courtlistener-json"
		idPrefix = "courtlistener:"
	}
	if id := rawScalar(r.ID); id != "" {
		d.ID = idPrefix + id
	}
	own := r.meta()
	if own.HasIdentity() {
		own.Source = SourceFormat
	}
	if d.Meta.Source == SourceText {
		// The markup's header is only text; the record's fields outrank it.
		text := d.Meta
		d.Meta = own
		d.Meta.fill(text)
	} else {
		own.fill(d.Meta)
		d.Meta = own
	}
	return d, nil
}

// meta reads the identity fields of the record and of an embedded cluster.
func (r *jsonRecord) meta() Meta {
	m := Meta{
		CaseName:  firstNonEmpty(r.CaseName, r.NameAbbreviation, r.Name),
		Citations: citationList(r.Citations),
		Court:     firstNonEmpty(courtName(r.Court), r.CourtID),
		Date:      firstNonEmpty(r.Date, r.DecisionDate, r.DateFiled),
		Opinion:   normalOpinion(firstNonEmpty(r.Opinion, r.Type)),
	}
	if len(r.Cluster) > 0 && r.Cluster[0] == '{' {
		var cl jsonRecord
		if json.Unmarshal(r.Cluster, &cl) == nil {
			m.fill(cl.meta())
		}
	}
	return m
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// rawScalar renders a JSON string or number as text.
func rawScalar(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// citationList accepts the shapes sources use for a case's citations:
// strings, CAP's {"cite": ...}, CourtListener's {volume, reporter, page},
// or one string with parallel cites separated by ';'.
func citationList(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	if s := rawScalar(raw); s != "" {
		return splitCitations(s)
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	var out []string
	for _, it := range items {
		if s := rawScalar(it); s != "" {
			out = append(out, splitCitations(s)...)
			continue
		}
		var c struct {
			Cite     string          `json:"cite"`
			Volume   json.RawMessage `json:"volume"`
			Reporter string          `json:"reporter"`
			Page     json.RawMessage `json:"page"`
		}
		if json.Unmarshal(it, &c) != nil {
			continue
		}
		switch {
		case c.Cite != "":
			out = append(out, splitCitations(c.Cite)...)
		case c.Reporter != "":
			out = append(out, strings.Join(strings.Fields(rawScalar(c.Volume)+" "+c.Reporter+" "+rawScalar(c.Page)), " "))
		}
	}
	return uniq(out)
}

// splitCitations splits a manifest-style list of parallel citations.
func splitCitations(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// courtName accepts a court as a string (name, id or API URL) or as an
// object with a name.
func courtName(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	if s := rawScalar(raw); s != "" {
		if strings.HasPrefix(s, "http") {
			parts := strings.Split(strings.TrimRight(s, "/"), "/")
			return parts[len(parts)-1]
		}
		return s
	}
	var c struct {
		Name     string `json:"name"`
		FullName string `json:"full_name"`
	}
	if json.Unmarshal(raw, &c) == nil {
		return firstNonEmpty(c.FullName, c.Name)
	}
	return ""
}

// readCAPBody reads a CAP casebody "data" field: markup in a string (the
// xml and html body formats) or CAP's text body format, an object of
// head matter and opinions.
func readCAPBody(raw json.RawMessage, maxDepth int) (*Document, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if strings.TrimSpace(s) == "" {
			return nil, fail(ProblemEmpty, -1, "the casebody is empty")
		}
		return readCasebody([]byte(s), maxDepth)
	}
	var body struct {
		HeadMatter string `json:"head_matter"`
		Opinions   []struct {
			Type   string `json:"type"`
			Author string `json:"author"`
			Text   string `json:"text"`
		} `json:"opinions"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil, fail(ProblemBadJSON, -1, "casebody data: %v", err)
	}
	var b strings.Builder
	b.WriteString(strings.TrimSpace(body.HeadMatter))
	types := make([]string, 0, len(body.Opinions))
	for _, o := range body.Opinions {
		for _, part := range []string{o.Author, o.Text} {
			if part = strings.TrimSpace(part); part != "" {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(part)
			}
		}
		types = append(types, o.Type)
	}
	d := readText(b.String())
	d.Meta.Opinion = opinionOfParts(types)
	return d, nil
}

// jsonLineRecord parses one line of a JSON-lines stream.
func jsonLineRecord(line []byte, maxDepth int) ([]*Document, error) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, jsonError(line, err)
	}
	d, err := rec.document(maxDepth)
	if err != nil {
		return nil, err
	}
	return []*Document{d}, nil
}
