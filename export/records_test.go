package export

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/extract"
)

// extract's JSON lines are written by hand for speed; they must be the
// bytes encoding/json writes (HTML left unescaped) for every field of
// Record, including fields added later, and for every string: this test
// fills each field by reflection.
func TestJSONLinesAreEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	str := randomStrings(rng, "a", "Ω", "中", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<&>", "\u2028", "\u2029",
		"\xff", "\xe2\x80", "é", "§ 1983", " ", "\U0001F600")
	var records []extract.Record
	for range 2000 {
		records = append(records, randomRecord(t, rng, str, str))
	}
	doc := corpus.Sample()
	for _, c := range extract.Extract(doc.Text) {
		records = append(records, extract.NewRecord(doc.ID, extract.Where{Location: doc.PageAt(c.Start)}, &c))
	}
	var got, want bytes.Buffer
	rw, err := extract.NewRecordWriter(&got, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for i := range records {
		if err := rw.Write(&records[i]); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(&records[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Fatalf("record %d:\n got  %s\n want %s", i, g[i], w[i])
		}
	}
	if len(g) != len(w) {
		t.Fatalf("%d lines, want %d", len(g), len(w))
	}
}

// randomStrings returns a maker of strings of up to 7 of pieces.
func randomStrings(rng *rand.Rand, pieces ...string) func() string {
	return func() string {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
}

// randomRecord fills every field of a Record by reflection, so that the
// tests that use it cover fields added later: strings from str, the items
// of lists from item.
func randomRecord(t *testing.T, rng *rand.Rand, str, item func() string) extract.Record {
	var r extract.Record
	v := reflect.ValueOf(&r).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString(str())
		case reflect.Int:
			f.SetInt(rng.Int64N(2000) - 1000)
		case reflect.Bool:
			f.SetBool(rng.IntN(2) == 0)
		case reflect.Slice:
			l := make([]string, rng.IntN(3))
			for k := range l {
				l[k] = item()
			}
			f.Set(reflect.ValueOf(l))
		default:
			t.Fatalf("Record field %s of kind %s: teach this test", v.Type().Field(i).Name, f.Kind())
		}
	}
	return r
}

// Every field of the record contract comes back from each table format
// citegraph build reads (JSON lines, a JSON array, CSV, Parquet) as it was written: a
// field added to Record that one writer or reader forgets fails here.
func TestRecordTablesKeepEveryField(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	// Valid UTF-8 (JSON writes other bytes as U+FFFD) without carriage
	// returns (CSV reads \r\n in a cell as \n); list items not empty and
	// without semicolons or spaces at their ends, since CSV joins a list
	// with "; ".
	str := randomStrings(rng, "a", "Ω", "中", "\"", "\\", "\n", "\t", ",", ";", "<&>", "é", "§ 1983", " ", "\U0001F600")
	pieces := randomStrings(rng, "a", "Ω", "\"", "\\", "\n", ",", "<&>", "§ 1983")
	item := func() string { return "x" + pieces() + "y" }
	want := make([]extract.Record, 500)
	for i := range want {
		want[i] = randomRecord(t, rng, str, item)
	}
	dir := t.TempDir()
	for _, format := range []string{TableJSONLines, TableJSON, TableCSV, TableParquet} {
		path := filepath.Join(dir, "cites."+format)
		err := WriteFile(path, func(w io.Writer) error {
			var rw RecordWriter = NewParquetRecordWriter(w)
			if format != TableParquet {
				var err error
				if rw, err = extract.NewRecordWriter(w, format); err != nil {
					return err
				}
			}
			for i := range want {
				if err := rw.Write(&want[i]); err != nil {
					return err
				}
			}
			return rw.Close()
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := IsRecordTable(path); got != format {
			t.Errorf("%s: IsRecordTable says %q", format, got)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var got []extract.Record
		err = eachRecord(f, format, func(_ int, r *extract.Record) error {
			// CSV and Parquet give an empty list as nil.
			v := reflect.ValueOf(r).Elem()
			for i := range v.NumField() {
				if f := v.Field(i); f.Kind() == reflect.Slice && f.IsNil() {
					f.Set(reflect.MakeSlice(f.Type(), 0, 0))
				}
			}
			got = append(got, *r)
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d records, want %d", format, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s: record %d:\n got  %+v\n want %+v", format, i, got[i], want[i])
			}
		}
	}
}

// A document record whose identity_source is none of corpus's is refused,
// naming the file, the row and the value, rather than ranked as nothing.
func TestReadRecordsUnknownIdentitySource(t *testing.T) {
	doc := corpus.Sample()
	path := filepath.Join(t.TempDir(), "cites.jsonl")
	var buf bytes.Buffer
	rw, err := extract.NewRecordWriter(&buf, TableJSONLines)
	if err != nil {
		t.Fatal(err)
	}
	for _, source := range []string{corpus.SourceManifest, "guessed"} {
		rec := DocumentRecord(doc)
		rec.IdentitySource = source
		if err := rw.Write(&rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var sources []string
	err = ReadRecords(path, TableJSONLines, nil, func(d *corpus.Document, _ []extract.Citation) error {
		sources = append(sources, d.Meta.Source)
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), path+": row 2:") || !strings.Contains(err.Error(), `"guessed"`) {
		t.Errorf("error %v", err)
	}
	if len(sources) != 1 || sources[0] != corpus.SourceManifest {
		t.Errorf("sources %q of the documents before the bad row, want [manifest]", sources)
	}
}
