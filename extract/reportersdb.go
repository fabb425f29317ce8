package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// dbReporter is one reporter object of reporters-db's reporters.json. Only
// the fields that say how the reporter is cited are read; the file's other
// fields (publisher, examples, mlz_jurisdiction, ...) are ignored.
type dbReporter struct {
	Name       string               `json:"name"`
	CiteType   string               `json:"cite_type"`
	Editions   map[string]dbEdition `json:"editions"`
	Variations map[string]string    `json:"variations"`
}

// dbEdition holds dates written "1885-01-01T00:00:00", or null when open.
type dbEdition struct {
	Start *string `json:"start"`
	End   *string `json:"end"`
}

// dbCiteTypes maps reporters-db's cite_type to the table's types. Vendor
// database numbers ("specialty_lexis", "specialty_west") are the only
// types cited as "year database number"; every other reporters-db type
// names a case reporter cited by volume and page.
var dbCiteTypes = map[string]CiteType{
	"neutral":         Neutral,
	"specialty_lexis": Database,
	"specialty_west":  Database,
}

// LoadReportersDB adds the reporters of a file in the format of
// reporters-db's reporters.json (a JSON object mapping a key to a list of
// reporter objects, each with "name", "cite_type", "editions" and
// "variations"). Every edition becomes a reporter with the variations that
// point at it. A spelling the table already knows keeps its reporter: an
// edition already in the table only adds its new spellings. Nothing is
// added when the input is malformed.
func (t *Reporters) LoadReportersDB(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	var db map[string][]dbReporter
	if err := json.Unmarshal(data, &db); err != nil {
		return describeJSONError(data, err)
	}
	if db == nil {
		return errors.New("not a reporters-db file: want a JSON object of reporter lists")
	}
	add, err := dbReporters(db)
	if err != nil {
		return err
	}
	for _, r := range add {
		if cur := t.Find(r.Abbrev); cur != nil && cur.Abbrev != r.Abbrev {
			// A spelling of a reporter the table has under another name
			// (reporters-db's "Wn.2d" is the table's "Wash. 2d"): its
			// variations are more spellings of that reporter.
			r = Reporter{Abbrev: cur.Abbrev, Variants: append(r.Variants, r.Abbrev)}
		}
		t.Add(r)
	}
	return nil
}

// LoadReportersDBFile is LoadReportersDB reading the named file; its errors
// name the file.
func (t *Reporters) LoadReportersDBFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := t.LoadReportersDB(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// dbReporters turns the decoded file into reporters, one per edition, in
// an order that does not depend on map iteration: which reporter keeps a
// spelling two of them share must be the same on every run.
func dbReporters(db map[string][]dbReporter) ([]Reporter, error) {
	var out []Reporter
	for _, key := range sortedKeys(db) {
		for i, rep := range db[key] {
			where := fmt.Sprintf("reporter %q (entry %d)", key, i+1)
			if len(rep.Editions) == 0 {
				return nil, fmt.Errorf("%s: no editions", where)
			}
			variants := map[string][]string{}
			for _, v := range sortedKeys(rep.Variations) {
				ed := rep.Variations[v]
				if _, ok := rep.Editions[ed]; !ok {
					return nil, fmt.Errorf("%s: variation %q names edition %q, which is not among its editions", where, v, ed)
				}
				// The scanner finds a reporter only from its first letter
				// or digit, so a variation such as "(So. 2nd)" could never
				// match; it is left out rather than refused.
				if v = strings.TrimSpace(v); startsAlnum(v) {
					variants[ed] = append(variants[ed], v)
				}
			}
			typ, ok := dbCiteTypes[rep.CiteType]
			if !ok {
				typ = CaseReporter
			}
			for _, key := range sortedKeys(rep.Editions) {
				e, abbr := rep.Editions[key], strings.TrimSpace(key)
				if abbr == "" {
					return nil, fmt.Errorf("%s: edition with an empty abbreviation", where)
				}
				if !startsAlnum(abbr) {
					return nil, fmt.Errorf("%s: edition %q does not start with a letter or digit", where, abbr)
				}
				start, err := dbYear(e.Start)
				if err != nil {
					return nil, fmt.Errorf("%s: edition %q: start: %w", where, abbr, err)
				}
				end, err := dbYear(e.End)
				if err != nil {
					return nil, fmt.Errorf("%s: edition %q: end: %w", where, abbr, err)
				}
				out = append(out, Reporter{
					Abbrev: abbr, Name: rep.Name, Type: typ,
					Start: start, End: end, Variants: variants[key],
				})
			}
		}
	}
	return out, nil
}

// dbYear reads the year of a reporters-db date ("1885-01-01T00:00:00");
// null means open (0).
func dbYear(s *string) (int, error) {
	if s == nil {
		return 0, nil
	}
	if len(*s) < 4 {
		return 0, fmt.Errorf("bad date %q", *s)
	}
	y, err := strconv.Atoi((*s)[:4])
	if err != nil || y < 1 {
		return 0, fmt.Errorf("bad date %q", *s)
	}
	return y, nil
}

func startsAlnum(s string) bool { return s != "" && isAlnum(s[0]) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// describeJSONError says where in the input a decoding error is: line,
// column and the reporter being read, which encoding/json reports only as
// a byte offset.
func describeJSONError(data []byte, err error) error {
	var off int64
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
		what := "want " + jsonKind(typ.Type) + ", have " + typ.Value
		if typ.Field != "" {
			what = typ.Field + ": " + what
		}
		err = errors.New(what)
	default:
		return fmt.Errorf("invalid JSON: %w", err)
	}
	// Both errors are reported after reading the byte at fault.
	off = min(max(off, 0), int64(len(data)))
	before := data[:max(off-1, 0)]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	if key, ok := topLevelKeyAt(data, off); ok {
		return fmt.Errorf("line %d, column %d: reporter %q: %w", line, col, key, err)
	}
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}

// topLevelKeyAt returns the key of the top-level object member whose value
// holds byte offset off, reading the members one by one up to there.
func topLevelKeyAt(data []byte, off int64) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey || dec.InputOffset() > off {
			break
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil || dec.InputOffset() >= off {
			return key, true
		}
	}
	return "", false
}

// jsonKind names what JSON value a Go type is decoded from, for error
// messages that speak of the file rather than of this package's types.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Slice:
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Pointer:
		return jsonKind(t.Elem()) + " or null"
	}
	return t.Kind().String()
}
